// Browser tests against the built bundle (dist/), served by scripts/serve.mjs.
import { defineConfig } from "@playwright/test";
import { launchOptions } from "./tests/browser.mjs";

const PORT = Number(process.env.E2E_PORT || 8181);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions,
    trace: "off",
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/embed.js`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
