// The iframe page (dist/frame.html) in a sandboxed iframe on another origin:
// it renders, posts its height (and WordPress's height message with the
// secret) as its content changes, survives storage that throws, opens links
// outside the frame, refuses a src that is not http(s), and is axe-clean.
// The host page is served from http://localhost:<port>, the frame from
// http://127.0.0.1:<port>: two origins of one server.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const SEED = JSON.parse(readFileSync(new URL("../../www/articles/four-officers.json", import.meta.url), "utf8"));
const SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";
const SECRET = "Ab3dE6gH9k";

test.beforeEach(async ({ context }) => {
  await context.route("https://news.example/**", (route) => route.fulfill({ body: "ok" }));
});

/**
 * Opens a host page on localhost with `frame.html?query` (on 127.0.0.1) in a
 * sandboxed iframe `width` wide; records the messages the frame posts, and
 * every error or console error of the page and its frames.
 */
async function host(page, baseURL, query, { width = 600, hostScript = false } = {}) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || /panicked|RuntimeError|unreachable/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  const frameOrigin = new URL(baseURL).origin;
  const hostOrigin = frameOrigin.replace("127.0.0.1", "localhost");
  await page.goto(`${hostOrigin}/fixtures/blank.html`);
  await page.evaluate(
    ({ src, sandbox, width, hostScript, frameOrigin }) => {
      window.__messages = [];
      addEventListener("message", (e) => {
        const f = document.querySelector("iframe");
        if (f && e.source === f.contentWindow) window.__messages.push({ origin: e.origin, data: e.data });
      });
      const f = document.createElement("iframe");
      f.setAttribute("sandbox", sandbox);
      f.title = "Embedded article";
      f.width = String(width);
      f.height = "300";
      f.src = src;
      document.getElementById("slot").append(f);
      if (hostScript) {
        const s = document.createElement("script");
        s.src = `${frameOrigin}/frame-host.js`;
        document.body.append(s);
      }
    },
    { src: `${frameOrigin}/frame.html?${query}`, sandbox: SANDBOX, width, hostScript, frameOrigin }
  );
  return problems;
}

const messages = (page) => page.evaluate(() => window.__messages);
const heights = async (page) => (await messages(page)).filter((m) => m.data.type === "article-embed:height").map((m) => m.data);
const frameOf = (page) => page.frames().find((f) => f.url().includes("/frame.html"));
const contentHeight = async (page) =>
  (await frameOf(page)?.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)).catch(() => -2)) ?? -2;

/**
 * Waits until the last posted height is the frame's content height and no
 * new height has come for two polls in a row; returns it.
 */
async function settledHeight(page) {
  let last = -1;
  let count = -1;
  await expect
    .poll(async () => {
      const posted = await heights(page);
      const same = posted.length === count;
      count = posted.length;
      last = posted.length ? posted[posted.length - 1].height : -1;
      return same && last === (await contentHeight(page));
    })
    .toBe(true);
  return last;
}

test("renders in a sandboxed frame on another origin and posts heights that follow its content", async ({ page, baseURL }) => {
  const problems = await host(page, baseURL, `src=${encodeURIComponent("/articles/four-officers.json")}&theme=dark#?secret=${SECRET}`);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("article-embed [part=headline]")).toHaveText(SEED.headline);
  await expect(frame.locator("article-embed [part=root]")).toHaveAttribute("data-theme", "dark");
  const wide = await settledHeight(page);
  expect(wide).toBeGreaterThan(1000);
  const posted = await messages(page);
  // A sandboxed frame has an opaque origin.
  expect(new Set(posted.map((m) => m.origin))).toEqual(new Set(["null"]));
  const src = new URL("/articles/four-officers.json", baseURL).href;
  expect(posted.at(-2).data).toEqual({ type: "article-embed:height", src, height: wide });
  expect(posted.at(-1).data).toEqual({ message: "height", value: wide, secret: SECRET });

  // A narrower frame: the article reflows taller, and the frame says so.
  await page.locator("iframe").evaluate((f) => (f.width = "320"));
  const narrow = await settledHeight(page);
  expect(narrow).toBeGreaterThan(wide);
  expect((await messages(page)).at(-1).data).toEqual({ message: "height", value: narrow, secret: SECRET });

  // The frame's page never scrolls and fills the frame's width.
  const layout = await frameOf(page).evaluate(() => ({
    overflow: [getComputedStyle(document.documentElement).overflow, getComputedStyle(document.body).overflow],
    margin: getComputedStyle(document.body).margin,
    width: Math.round(document.querySelector("article-embed").getBoundingClientRect().width),
    viewport: document.documentElement.clientWidth,
  }));
  expect(layout).toMatchObject({ overflow: ["hidden", "hidden"], margin: "0px" });
  expect(layout.width).toBe(layout.viewport);
  expect(problems.filter((p) => !/preload/.test(p))).toEqual([]);
});

test("frame-host.js sizes the iframe to the posted height", async ({ page, baseURL }) => {
  await host(page, baseURL, `src=${encodeURIComponent("/articles/four-officers.json")}&layout=card`, { hostScript: true });
  await expect(page.frameLocator("iframe").locator("article-embed [part=root]")).toHaveAttribute("data-layout", "card");
  const height = await settledHeight(page);
  await expect(page.locator("iframe")).toHaveAttribute("height", String(height));
  // No WordPress message without a secret.
  expect((await messages(page)).filter((m) => "message" in m.data)).toEqual([]);
});

test("answers only a validated request to post its height again", async ({ page, baseURL }) => {
  await host(page, baseURL, `src=${encodeURIComponent("/articles/four-officers.json")}#secret=${SECRET}`);
  await expect(page.frameLocator("iframe").locator("article-embed [part=headline]")).toHaveText(SEED.headline);
  const height = await settledHeight(page);
  const count = (await messages(page)).length;
  const send = (data) => page.locator("iframe").evaluate((f, data) => f.contentWindow.postMessage(data, "*"), data);
  await send({ message: "ready", secret: "wrong" });
  await send({ type: "article-embed:height", height: 5 });
  await send("ready");
  await page.waitForTimeout(300);
  expect((await messages(page)).length).toBe(count);
  await send({ message: "ready", secret: SECRET });
  await expect.poll(async () => (await messages(page)).length).toBe(count + 2);
  expect((await messages(page)).at(-1).data).toEqual({ message: "height", value: height, secret: SECRET });
  await send({ type: "article-embed:ready" });
  await expect.poll(async () => (await messages(page)).length).toBe(count + 4);
});

test("storage that throws is harmless: remind-later lasts the page view", async ({ page, baseURL }) => {
  const problems = await host(page, baseURL, `src=${encodeURIComponent("/articles/four-officers.json")}`, { width: 700 });
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("article-embed [part=headline]")).toHaveText(SEED.headline);
  // The opaque origin's localStorage throws.
  const throws = await frameOf(page).evaluate(() => {
    try {
      return localStorage.length < 0;
    } catch (e) {
      return e.name;
    }
  });
  expect(throws).toBe("SecurityError");
  const ask = frame.locator("article-embed .ask");
  await ask.getByRole("button", { name: SEED.donation.remindLater.label }).click();
  await expect(ask).toHaveCount(0);
  expect(problems.filter((p) => !/preload/.test(p))).toEqual([]);
  // Nothing was stored: the frame loaded again shows the ask again.
  await page.locator("iframe").evaluate((f) => (f.src = f.src));
  await expect(frame.locator("article-embed .ask")).toHaveCount(1);
});

test("links open in a new top-level browsing context", async ({ page, baseURL }) => {
  await host(page, baseURL, `src=${encodeURIComponent("/articles/four-officers.json")}`);
  const related = page.frameLocator("iframe").locator("article-embed nav.related a").first();
  await expect(related).toHaveAttribute("target", "_blank");
  const [popup] = await Promise.all([page.waitForEvent("popup"), related.click()]);
  await expect.poll(() => popup.url()).toBe(SEED.related[0].url);
  // The popup escaped the sandbox: it is an ordinary page.
  expect(await popup.evaluate(() => typeof localStorage.length)).toBe("number");
  expect(page.url()).toContain("/fixtures/blank.html");
});

for (const [name, src] of [
  ["javascript:", "javascript:alert(1)"],
  ["data:", "data:application/json,{}"],
  ["missing", ""],
]) {
  test(`a src that is not http(s) shows the error state (${name})`, async ({ page, baseURL }) => {
    const problems = await host(page, baseURL, `src=${encodeURIComponent(src)}#?secret=${SECRET}`);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("alert")).toContainText("This embed cannot be shown");
    await expect(frame.locator("article-embed")).toHaveCount(0);
    const height = await settledHeight(page);
    expect(height).toBeGreaterThan(0);
    expect((await messages(page)).at(-1).data).toEqual({ message: "height", value: height, secret: SECRET });
    expect(frameOf(page).url()).toContain("/frame.html?");
    expect(problems).toEqual([]);
  });
}

test("an article that fails shows the widget's error state and its link", async ({ page, baseURL }) => {
  await host(page, baseURL, `src=${encodeURIComponent("/__test/reset")}`);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("article-embed .error")).toBeVisible();
  await expect(frame.locator("article-embed .error a")).toHaveAttribute("href", new URL(baseURL).origin);
  await settledHeight(page);
});

test("without the widget's files the frame shows a link to the article's site", async ({ page, baseURL }) => {
  await page.route("**/embed.js", (route) => route.fulfill({ status: 404, body: "" }));
  await host(page, baseURL, `src=${encodeURIComponent("https://news.example/embed/a.json")}`);
  const link = page.frameLocator("iframe").getByRole("link", { name: "Read on news.example" });
  await expect(link).toHaveAttribute("href", "https://news.example/");
  await expect(link).toHaveAttribute("target", "_blank");
  await settledHeight(page);
});

for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no violations on the iframe page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const format = (r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    await page.goto(`/frame.html?src=${encodeURIComponent("/articles/four-officers.json")}`);
    await expect(page.locator("article-embed [part=headline]")).toHaveText(SEED.headline);
    expect(format(await axe())).toEqual([]);
    await expect(page).toHaveTitle(SEED.headline);
    await page.goto(`/frame.html?src=${encodeURIComponent("javascript:alert(1)")}&theme=${scheme}`);
    await expect(page.getByRole("alert")).toBeVisible();
    expect(format(await axe())).toEqual([]);
  });
}

/**
 * What WordPress does with a discovered provider's html
 * (wp_filter_oembed_result): keeps the iframe with only its src, width,
 * height, frameborder, marginwidth, marginheight, scrolling and title;
 * appends `#?secret=S` to the src; adds `data-secret`, its class,
 * `sandbox="allow-scripts"` and `security="restricted"`.
 */
function asWordPressEmbedsIt(html, secret) {
  const tag = html.match(/<iframe\b[^>]*><\/iframe>/)[0];
  const kept = [...tag.matchAll(/\s([a-z-]+)="([^"]*)"/g)].filter(([, name]) =>
    ["src", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling", "title"].includes(name)
  );
  const attrs = kept.map(([, name, value]) => (name === "src" ? ` src="${value}#?secret=${secret}" data-secret="${secret}"` : ` ${name}="${value}"`));
  return `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"${attrs.join("")}></iframe>`;
}

/** The receiving half of WordPress's wp-embed.js: height messages, clamped to 200–1000. */
function wpEmbed() {
  window.addEventListener("message", (e) => {
    const data = e.data;
    if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
    for (const source of document.querySelectorAll(`iframe[data-secret="${data.secret}"]`)) {
      if (e.source !== source.contentWindow) continue;
      if (data.message === "height") source.height = String(Math.min(1000, Math.max(200, parseInt(data.value, 10) || 0)));
    }
  });
  for (const f of document.querySelectorAll("iframe.wp-embedded-content")) {
    f.contentWindow.postMessage({ message: "ready", secret: f.getAttribute("data-secret") }, "*");
  }
}

test("the CLI's oembed --iframe code, as WordPress embeds it, is sized by wp-embed's messages", async ({ page, baseURL }) => {
  test.setTimeout(180_000); // cargo run builds the CLI when no test has yet
  const origin = new URL(baseURL).origin;
  const response = execFileSync(
    "cargo",
    ["run", "--locked", "--quiet", "-p", "article-embed-cli", "--", "oembed", "--iframe", "www/articles/four-officers.json",
      "--src", `${origin}/articles/four-officers.json`, "--bundle", `${origin}/embed.js`, "--layout", "card"],
    { cwd: new URL("../..", import.meta.url), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }
  );
  const oembed = JSON.parse(response);
  expect(oembed.html).toContain(`<iframe src="${origin}/frame.html?src=`);
  const html = asWordPressEmbedsIt(oembed.html, SECRET);
  await page.goto(`${origin.replace("127.0.0.1", "localhost")}/fixtures/blank.html`);
  await page.evaluate((html) => {
    document.getElementById("slot").innerHTML = html;
  }, html);
  await page.evaluate(wpEmbed);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("article-embed [part=root]")).toHaveAttribute("data-layout", "card");
  await expect(page.locator("iframe")).toHaveAttribute("title", oembed.title);
  await expect
    .poll(async () => Number(await page.locator("iframe").getAttribute("height")) === Math.min(1000, Math.max(200, await contentHeight(page))))
    .toBe(true);
  expect(Number(await page.locator("iframe").getAttribute("height"))).not.toBe(oembed.height);
});

test("the iframe page's files are cached like embed.js (dist/_headers)", async ({ request }) => {
  const { LOADER_CACHE } = await import("../../scripts/postbuild.mjs");
  for (const file of ["frame.html", "frame.js", "frame.css", "frame-host.js", "embed.js"]) {
    const res = await request.get(`/${file}`);
    expect(res.status(), file).toBe(200);
    expect(res.headers()["cache-control"], file).toBe(LOADER_CACHE);
  }
});
