// How every browser test launches Chromium: the Debian build, never a
// downloaded one, with the flags this closed network needs.
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const launchOptions = {
  executablePath: CHROMIUM,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
