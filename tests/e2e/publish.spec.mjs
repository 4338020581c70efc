// The configurator (dist/publish.html): controls built from options.json,
// the code and the live preview following each control, the copied code
// rendering in a fresh page, the article's problems and warnings with their
// JSON paths, load errors in words, keyboard, 320 px, axe in light and dark.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { watch } from "./helpers.mjs";

// An article the configurator was not built with, with `"`, `<` and `&` in
// its headline and `&` in its URL.
const FIXTURE = "/fixtures/publish-article.json";
const ARTICLE = JSON.parse(readFileSync(new URL("../fixtures/publish-article.json", import.meta.url), "utf8"));
const HEADLINE = ARTICLE.headline;

test.beforeEach(async ({ context }) => {
  // Article links open new tabs; keep them off the network.
  await context.route("https://news.example/**", (route) => route.fulfill({ body: "ok" }));
});

const code = (page) => page.getByLabel("Embed code").inputValue();
const preview = (page) => page.locator("#preview article-embed");
const root = (page) => page.locator("#preview article-embed [part=root]");

/** Opens the configurator and loads `src` (resolved against the page). */
async function open(page, src = FIXTURE) {
  await page.goto("/publish.html");
  await expect(page.getByLabel("Article JSON URL")).toHaveValue(/\/articles\/four-officers\.json$/);
  await page.getByLabel("Article JSON URL").fill(new URL(src, page.url()).href);
  await page.getByRole("button", { name: "Load" }).click();
}

async function loaded(page) {
  await expect(page.locator("#checks")).toContainText("The article is valid");
  await expect(page.locator("#preview article-embed [part=headline]")).toHaveText(HEADLINE);
}

test("prefills the demo article and renders it", async ({ page }) => {
  const problems = await watch(page);
  await page.goto("/publish.html");
  const demo = new URL("/articles/four-officers.json", page.url()).href;
  await expect(page.getByLabel("Article JSON URL")).toHaveValue(demo);
  await expect(page.locator("#checks")).toContainText("The article is valid");
  await expect(page.locator("#preview article-embed [part=headline]")).toHaveText("Four Officers Prosecuted for Kazakh Riot Shootings");
  expect(await code(page)).toContain(`data-src="${demo}"`);
  expect(await code(page)).toContain(`<script async src="${new URL("/embed.js", page.url()).href}"></script>`);
  expect(problems).toEqual([]);
});

test("each control changes the code and the preview", async ({ page }) => {
  const problems = await watch(page);
  await open(page);
  await loaded(page);
  const src = new URL(FIXTURE, page.url()).href;
  expect(await code(page)).toBe(
    `<blockquote class="article-embed" data-src="${src}">\n` +
      `  <a href="https://news.example/2026/05/tom-&amp;-jerry?ref=embed&amp;x=1">Tom &amp; Jerry say &quot;&lt;hello&gt;&quot; — it&#39;s a test</a>\n` +
      `</blockquote>\n<script async src="${new URL("/embed.js", page.url()).href}"></script>`
  );
  // Defaults first: three related links, the ask, the article's language.
  await expect(page.locator("#preview article-embed nav.related li")).toHaveCount(3);
  await expect(page.locator("#preview article-embed .ask")).toHaveCount(1);

  await page.getByLabel("Theme").selectOption("dark");
  expect(await code(page)).toContain('data-theme="dark"');
  await expect(root(page)).toHaveAttribute("data-theme", "dark");

  await page.getByLabel("Language").selectOption("ru");
  expect(await code(page)).toContain('data-lang="ru"');
  await expect(root(page)).toHaveAttribute("lang", "ru");

  await page.getByLabel("Donation ask").selectOption("off");
  expect(await code(page)).toContain('data-donate="off"');
  await expect(page.locator("#preview article-embed .ask")).toHaveCount(0);

  await page.getByLabel("Related links").fill("1");
  expect(await code(page)).toContain('data-related="1"');
  await expect(page.locator("#preview article-embed nav.related li")).toHaveCount(1);

  await page.getByLabel("Do not track").check();
  expect(await code(page)).toContain('data-dnt="true"');
  await expect(preview(page)).toHaveAttribute("dnt", "true");

  await page.getByLabel("Layout").selectOption("card");
  expect(await code(page)).toContain('data-layout="card"');
  await expect(root(page)).toHaveAttribute("data-layout", "card");

  // Back to a default: the attribute leaves the code and the preview.
  await page.getByLabel("Theme").selectOption("auto");
  expect(await code(page)).not.toContain("data-theme");
  await expect(preview(page)).not.toHaveAttribute("theme", /.*/);
  expect(await code(page)).toMatch(/^<blockquote class="article-embed" data-src="[^"]+" data-lang="ru" data-donate="off" data-related="1" data-dnt="true" data-layout="card">/);

  // The custom element: the same options without data-.
  await page.getByRole("radio", { name: "Custom element" }).check();
  expect(await code(page)).toMatch(/^<article-embed src="[^"]+" lang="ru" donate="off" related="1" dnt="true" layout="card">\n {2}<a href=/);
  await expect(root(page)).toHaveAttribute("data-layout", "card");

  // The iframe: frame.html with the options in its query, previewed as such.
  await page.getByRole("radio", { name: "Iframe" }).check();
  const iframe = await code(page);
  const frameSrc = new URL("/frame.html", page.url()).href;
  expect(iframe).toContain(`<iframe src="${frameSrc}?src=${encodeURIComponent(src)}&amp;lang=ru&amp;donate=off&amp;related=1&amp;dnt=true&amp;layout=card"`);
  expect(iframe).toContain(`title="${HEADLINE.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("'", "&#39;")}"`);
  expect(iframe).toContain('sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"');
  expect(iframe).toContain(`<script async src="${new URL("/frame-host.js", page.url()).href}"></script>`);
  await expect(page.locator("#preview article-embed")).toHaveCount(0);
  const frame = page.frameLocator("#preview iframe");
  await expect(frame.locator("article-embed [part=root]")).toHaveAttribute("data-layout", "card");
  await expect(frame.locator("article-embed [part=root]")).toHaveAttribute("lang", "ru");
  await page.getByLabel("Layout").selectOption("excerpt");
  await expect(frame.locator("article-embed [part=root]")).toHaveAttribute("data-layout", "excerpt");
  // frame-host.js sizes the preview frame to its content.
  await expect
    .poll(async () => {
      const h = await page.locator("#preview iframe").getAttribute("height");
      const content = await page.frames().find((f) => f.url().includes("/frame.html"))?.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      return Number(h) === content;
    })
    .toBe(true);
  expect(problems).toEqual([]);
});

for (const form of ["Blockquote", "Custom element", "Iframe"]) {
  test(`the copied code (${form}) renders that article with those options in a fresh page`, async ({ page, context, browser }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await watch(page);
    await open(page);
    await loaded(page);
    await page.getByRole("radio", { name: form }).check();
    await page.getByLabel("Theme").selectOption("dark");
    await page.getByLabel("Language").selectOption("de");
    await page.getByLabel("Related links").fill("2");
    await page.getByLabel("Donation ask").selectOption("off");
    await page.getByRole("button", { name: "Copy" }).click();
    await expect(page.locator("#copy-status")).toHaveText("Copied");
    await expect(page.locator("#copy-status")).toHaveRole("status");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await code(page));

    // A fresh page on another origin, with nothing but the pasted code.
    const fresh = await browser.newPage();
    await fresh.route("https://news.example/**", (route) => route.fulfill({ body: "ok" }));
    const errors = [];
    fresh.on("pageerror", (e) => errors.push(e.message));
    const host = page.url().replace("127.0.0.1", "localhost");
    await fresh.goto(new URL("/fixtures/blank.html", host).href);
    await fresh.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body><main>\n${copied}\n</main></body></html>`);
    const scope = form === "Iframe" ? fresh.frameLocator("iframe") : fresh;
    const widget = scope.locator("article-embed [part=root]");
    await expect(scope.locator("article-embed [part=headline]")).toHaveText(HEADLINE);
    await expect(widget).toHaveAttribute("data-theme", "dark");
    await expect(widget).toHaveAttribute("lang", "de");
    await expect(scope.locator("article-embed nav.related li")).toHaveCount(2);
    await expect(scope.locator("article-embed .ask")).toHaveCount(0);
    if (form === "Iframe") {
      await expect(fresh.locator("iframe")).toHaveAttribute("title", HEADLINE);
      // frame-host.js, from the code, sizes the frame to the article.
      await expect.poll(async () => Number(await fresh.locator("iframe").getAttribute("height"))).not.toBe(600);
    } else {
      // The fallback link is the article's headline and URL, unharmed by escaping.
      const link = fresh.locator("article-embed > blockquote > a, article-embed > a");
      await expect(link).toHaveText(HEADLINE);
      await expect(link).toHaveAttribute("href", ARTICLE.url);
    }
    expect(errors).toEqual([]);
    await fresh.close();
  });
}

test("Copy without the Clipboard API selects the code", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined });
    document.execCommand = () => false;
  });
  await open(page);
  await loaded(page);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.locator("#copy-status")).toContainText("press Ctrl+C");
  const selected = await page.evaluate(() => {
    const f = document.getElementById("code");
    return document.activeElement === f && f.selectionStart === 0 && f.selectionEnd === f.value.length;
  });
  expect(selected).toBe(true);
});

test("an article from another origin loads with CORS", async ({ page }) => {
  await page.route("https://other.example/story.json", (route) =>
    route.fulfill({ json: { ...ARTICLE, headline: "From another origin" }, headers: { "access-control-allow-origin": "*" } })
  );
  await open(page, "https://other.example/story.json");
  await expect(page.locator("#checks")).toContainText("The article is valid: “From another origin”.");
  await expect(page.locator("#preview article-embed [part=headline]")).toHaveText("From another origin");
  expect(await code(page)).toContain('data-src="https://other.example/story.json"');
});

test("a broken article lists its problems with their JSON paths", async ({ page }) => {
  await open(page, "/fixtures/publish-broken.json");
  const checks = page.locator("#checks");
  await expect(checks).toContainText("The article JSON is not valid (3 problems)");
  await expect(checks.locator("li code")).toHaveText(["headline", "body[1].content[0].text", "body[2].type"]);
  await expect(checks.locator("li").first()).toHaveText("headline: is required");
  // The code still works: its fallback link is the article's URL.
  expect(await code(page)).toContain('<a href="https://news.example/broken">https://news.example/broken</a>');
});

test("warnings are listed with their JSON paths", async ({ page }) => {
  await open(page);
  await loaded(page);
  const items = page.locator("#checks ul.warnings li");
  await expect(items).toHaveCount(2);
  await expect(items.locator("code")).toHaveText(["body[1].content[1].href", "body[4]"]);
  await expect(items.nth(1)).toContainText('unknown block type "video" skipped');
});

test("load errors are said in words", async ({ page }) => {
  const checks = page.locator("#checks");
  await open(page, "/fixtures/no-such-article.json");
  await expect(checks).toContainText("The article server answered HTTP 404");
  await page.getByLabel("Article JSON URL").fill(new URL("/fixtures/blank.html", page.url()).href);
  await page.getByRole("button", { name: "Load" }).click();
  await expect(checks).toContainText("The response is not JSON");
  await page.route("https://other.example/v2.json", (route) =>
    route.fulfill({ json: { ...ARTICLE, version: 2 }, headers: { "access-control-allow-origin": "*" } })
  );
  await page.getByLabel("Article JSON URL").fill("https://other.example/v2.json");
  await page.getByRole("button", { name: "Load" }).click();
  await expect(checks).toContainText("The article uses format version 2; this widget reads version 1.");
  await page.route("https://other.example/down.json", (route) => route.abort("connectionrefused"));
  await page.getByLabel("Article JSON URL").fill("https://other.example/down.json");
  await page.getByRole("button", { name: "Load" }).click();
  await expect(checks).toContainText("The article could not be fetched");
  // Not an http(s) URL: said at once, nothing is fetched or previewed.
  await page.getByLabel("Article JSON URL").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Load" }).click();
  await expect(checks).toContainText("Enter an http or https URL");
  await expect(page.getByLabel("Article JSON URL")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#preview")).toBeEmpty();
  expect(await code(page)).toBe("");
});

test("keyboard only: every control, the code and Copy are reachable in order", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page);
  await loaded(page);
  await page.getByLabel("Article JSON URL").focus();
  const order = [];
  for (let i = 0; i < 20 && order[order.length - 1] !== "copy"; i++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.getAttribute("value")));
  }
  expect(order).toEqual(["load", "opt-theme", "opt-lang", "opt-donate", "opt-related", "opt-dnt", "opt-layout", "blockquote", "code", "copy"]);
  // The code form by arrow keys, the copy by Enter.
  await page.getByRole("radio", { name: "Blockquote" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Custom element" })).toBeChecked();
  expect(await code(page)).toMatch(/^<article-embed /);
  await page.getByRole("button", { name: "Copy" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#copy-status")).toHaveText("Copied");
  // Focus is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe("none");
});

test("works at 320 px without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await open(page);
  await loaded(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  for (const name of ["Article JSON URL", "Theme", "Language", "Layout", "Donation ask", "Related links", "Embed code"]) {
    const box = await page.getByLabel(name).boundingBox();
    expect(box.x + box.width, name).toBeLessThanOrEqual(320);
  }
});

for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no violations on the configurator (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    await loaded(page);
    const axe = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const format = (r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(format(await axe())).toEqual([]);
    // With problems listed and the iframe form.
    await page.getByRole("radio", { name: "Iframe" }).check();
    await page.getByLabel("Article JSON URL").fill(new URL("/fixtures/publish-broken.json", page.url()).href);
    await page.getByRole("button", { name: "Load" }).click();
    await expect(page.locator("#checks li")).toHaveCount(3);
    expect(format(await axe())).toEqual([]);
  });
}
