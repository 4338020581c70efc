// Network and failure behaviour: every fault ends, within a bounded time, in
// a clear state for the reader and a typed event for the host, while a
// healthy embed on the same page keeps working.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { watch, waitForEvent, events, embedMarkup } from "./helpers.mjs";

const SEED_TEXT = readFileSync(new URL("../../www/articles/four-officers.json", import.meta.url), "utf8");
const SEED = JSON.parse(SEED_TEXT);

/**
 * A page with the embed under test (`src`, with `attrs`) and a healthy
 * embed of the seed article below it.
 */
async function page2(page, src, attrs = {}) {
  await page.goto("/fixtures/blank.html");
  await page.evaluate(
    ({ src, attrs }) => {
      const slot = document.getElementById("slot");
      const add = (src, id, attrs) => {
        const q = document.createElement("blockquote");
        q.className = "article-embed";
        q.id = id;
        q.dataset.src = src;
        for (const [k, v] of Object.entries(attrs)) q.dataset[k] = v;
        const a = document.createElement("a");
        a.href = "https://news.example/fallback";
        a.textContent = `Fallback link for ${id}`;
        q.append(a);
        slot.append(q);
      };
      add(src, "failing", attrs);
      add("/articles/four-officers.json", "healthy", { donate: "off" });
      const s = document.createElement("script");
      s.src = "/embed.js";
      s.async = true;
      document.body.append(s);
    },
    { src, attrs }
  );
}

const failing = (page) => page.locator("article-embed").filter({ has: page.locator("#failing") });
const healthy = (page) => page.locator("article-embed").filter({ has: page.locator("#healthy") });

/** The checks every failure test makes. */
async function expectFailure(page, problems, { kind, status, message, readerText }) {
  const error = await waitForEvent(page, "article-embed:error");
  expect(error).toMatchObject({ bubbles: true, composed: true, target: "article-embed" });
  expect(error.detail.kind).toBe(kind);
  expect(error.detail.src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  if (status !== undefined) expect(error.detail.status).toBe(status);
  else expect(error.detail).not.toHaveProperty("status");
  if (message) expect(error.detail.message).toMatch(message);
  const el = failing(page);
  await expect(el.getByRole("alert")).toContainText(readerText);
  await expect(el.getByRole("link", { name: "Fallback link for failing" })).toBeVisible();
  await expect(el.getByRole("button", { name: "Try again" })).toBeVisible();
  // The other embed on the page is untouched.
  await expect(healthy(page).locator("h1")).toHaveText(SEED.headline);
  expect(problems).toEqual([]);
  return error;
}

const CONTENT = "This article can't be displayed here.";
const UNAVAILABLE = "This article isn't available right now.";

for (const status of [404, 410, 500]) {
  test(`HTTP ${status} is an http error, never retried`, async ({ page }) => {
    const problems = await watch(page);
    let calls = 0;
    await page.route("**/broken.json", (route) => {
      calls++;
      route.fulfill({ status, body: "nope" });
    });
    await page2(page, "/broken.json");
    await expectFailure(page, problems, { kind: "http", status, message: new RegExp(`HTTP ${status}`), readerText: UNAVAILABLE });
    await page.waitForTimeout(1200);
    expect(calls).toBe(1);
  });
}

test("503 then 200: the automatic retry succeeds", async ({ page }) => {
  const problems = await watch(page);
  let calls = 0;
  await page.route("**/flaky.json", (route) => (++calls === 1 ? route.fulfill({ status: 503, body: "busy" }) : route.fulfill({ body: SEED_TEXT, contentType: "application/json" })));
  await page2(page, "/flaky.json");
  await waitForEvent(page, "article-embed:rendered", 2);
  await expect(failing(page).locator("h1")).toHaveText(SEED.headline);
  expect(calls).toBe(2);
  expect(await events(page, "article-embed:error")).toEqual([]);
  expect(problems).toEqual([]);
});

test("503 with Retry-After is retried after the wait the server asked for", async ({ page }) => {
  await watch(page);
  const times = [];
  await page.route("**/later.json", (route) => {
    times.push(Date.now());
    return times.length === 1
      ? route.fulfill({ status: 503, headers: { "retry-after": "2" }, body: "later" })
      : route.fulfill({ body: SEED_TEXT, contentType: "application/json" });
  });
  await page2(page, "/later.json");
  await waitForEvent(page, "article-embed:rendered", 2);
  expect(times).toHaveLength(2);
  expect(times[1] - times[0]).toBeGreaterThanOrEqual(1900);
});

test("503 twice: the error state, then Try again succeeds", async ({ page }) => {
  const problems = await watch(page);
  let calls = 0;
  await page.route("**/down.json", (route) => (++calls <= 2 ? route.fulfill({ status: 503, body: "down" }) : route.fulfill({ body: SEED_TEXT, contentType: "application/json" })));
  await page2(page, "/down.json");
  await expectFailure(page, problems, { kind: "http", status: 503, readerText: UNAVAILABLE });
  expect(calls).toBe(2);
  await failing(page).getByRole("button", { name: "Try again" }).click();
  await expect(failing(page).locator("h1")).toHaveText(SEED.headline);
  expect(calls).toBe(3);
});

test("connection reset is a network error, retried once", async ({ page }) => {
  const problems = await watch(page);
  let calls = 0;
  await page.route("**/reset.json", (route) => {
    calls++;
    route.abort("connectionreset");
  });
  await page2(page, "/reset.json");
  await expectFailure(page, problems, { kind: "network", message: /CORS/, readerText: "We couldn't reach the article" });
  expect(calls).toBe(2);
});

test("a socket closed by the server is a network error", async ({ page }) => {
  const problems = await watch(page);
  await page2(page, "/__test/reset");
  await expectFailure(page, problems, { kind: "network", readerText: "We couldn't reach the article" });
});

test("a server that never answers times out at the configured value", async ({ page }) => {
  const problems = await watch(page);
  const started = Date.now();
  await page2(page, "/__test/never", { timeout: "1500" });
  await expectFailure(page, problems, { kind: "timeout", message: /within 1500 ms/, readerText: "taking too long" });
  // Two attempts of 1.5 s and the back-off between them; far below the 10 s default.
  expect(Date.now() - started).toBeLessThan(8000);
});

test("a slow trickle of a valid body still completes", async ({ page }) => {
  const problems = await watch(page);
  await page2(page, "/__test/trickle?ms=100");
  await expect(failing(page).locator(".skeleton")).toBeVisible();
  await waitForEvent(page, "article-embed:rendered", 2);
  await expect(failing(page).locator(".body p")).toHaveCount(18);
  expect(problems).toEqual([]);
});

test("a 10 MB body without Content-Length is cut off past 2 MB", async ({ page }) => {
  const problems = await watch(page);
  await page2(page, "/__test/huge");
  await expectFailure(page, problems, { kind: "schema", message: /over 2097152 bytes/, readerText: CONTENT });
});

test("a 10 MB body with Content-Length is refused before reading", async ({ page }) => {
  const problems = await watch(page);
  await page.route("**/huge.json", (route) => route.fulfill({ body: Buffer.alloc(10 * 1024 * 1024, 0x20), contentType: "application/json" }));
  await page2(page, "/huge.json");
  await expectFailure(page, problems, { kind: "schema", message: /10485760 bytes/, readerText: CONTENT });
});

const bodies = [
  ["an HTML error page with 200", "<!doctype html><title>Oops</title><h1>Service unavailable</h1>", "json", /not valid JSON/],
  ["truncated JSON", SEED_TEXT.slice(0, 500), "json", /not valid JSON/],
  ["an empty body", "", "json", /not valid JSON/],
  ["invalid UTF-8", Buffer.concat([Buffer.from('{"headline":"caf'), Buffer.from([0xe9]), Buffer.from('","body":[]}')]), "json", /not UTF-8/],
  ["version 2", JSON.stringify({ ...SEED, version: 2 }), "version", /version 2 is not supported/],
  ["schema errors", JSON.stringify({ version: 1, body: [{ type: "paragraph", content: [{ marks: ["em"] }] }] }), "schema", /headline: is required[\s\S]*body\[0\]\.content\[0\]\.text: is required/],
];
for (const [title, body, kind, message] of bodies) {
  test(`${title} is a ${kind} error`, async ({ page }) => {
    const problems = await watch(page);
    let calls = 0;
    await page.route("**/bad.json", (route) => {
      calls++;
      route.fulfill({ body, contentType: "text/plain" });
    });
    await page2(page, "/bad.json");
    await expectFailure(page, problems, { kind, message, readerText: CONTENT });
    expect(calls).toBe(1);
  });
}

test("JSON served as text/plain is accepted", async ({ page }) => {
  await watch(page);
  await page.route("**/plain.json", (route) => route.fulfill({ body: SEED_TEXT, contentType: "text/plain; charset=utf-8" }));
  await page2(page, "/plain.json");
  await waitForEvent(page, "article-embed:rendered", 2);
  await expect(failing(page).locator("h1")).toHaveText(SEED.headline);
});

test("offline: an offline message, then the article once back online", async ({ page, context }) => {
  const problems = await watch(page);
  await page2(page, "/articles/every-block.json", { timeout: "2000" });
  // Both embeds render; then the network goes away and a new embed arrives.
  await waitForEvent(page, "article-embed:rendered", 2);
  await context.setOffline(true);
  await page.evaluate(() => {
    const q = document.createElement("blockquote");
    q.className = "article-embed";
    q.id = "late";
    q.dataset.src = "/articles/every-block.json?late";
    q.dataset.timeout = "2000";
    q.innerHTML = '<a href="https://news.example/late">Late fallback</a>';
    document.getElementById("slot").prepend(q);
    window.ArticleEmbed.load(document.getElementById("slot"));
  });
  const late = page.locator("article-embed").filter({ has: page.locator("#late") });
  await expect(late.getByRole("alert")).toContainText("You're offline. The article will load when you're back online.");
  const error = await waitForEvent(page, "article-embed:error");
  expect(error.detail.kind).toBe("network");
  await expect(late.getByRole("link", { name: "Late fallback" })).toBeVisible();
  await context.setOffline(false);
  await expect(late.locator("h1")).toHaveText("How the Caspian Pipeline Shapes Kazakhstan's Oil Towns");
  expect(problems).toEqual([]);
});

test("without a fallback link, the error state links to the publisher's site", async ({ page }) => {
  const problems = await watch(page);
  await page.route("**/gone.json", (route) => route.fulfill({ status: 404 }));
  await embedMarkup(page, '<article-embed src="/gone.json"></article-embed>');
  await waitForEvent(page, "article-embed:error");
  await expect(page.locator("article-embed").getByRole("link", { name: "Read on 127.0.0.1" })).toHaveAttribute("href", /^http:\/\/127\.0\.0\.1:\d+$/);
  expect(problems).toEqual([]);
});

test("one console warning per failure, with a hint", async ({ page }) => {
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await watch(page);
  await page.route("**/cors.json", (route) => route.abort("failed"));
  await page2(page, "/cors.json");
  await waitForEvent(page, "article-embed:error");
  await page.waitForTimeout(200);
  const mine = warnings.filter((w) => w.includes("cors.json"));
  expect(mine).toHaveLength(1);
  expect(mine[0]).toContain("check the URL and the CORS headers");
});

test("when the Wasm module cannot load, every fallback stays and each embed reports", async ({ page }) => {
  const problems = await watch(page);
  await page.route(/\/article-embed-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page2(page, "/articles/every-block.json");
  await waitForEvent(page, "article-embed:error", 2);
  const errors = await events(page, "article-embed:error");
  for (const e of errors) {
    expect(e.detail.kind).toBe("network");
    expect(e.detail.message).toContain("could not load");
  }
  await expect(page.getByRole("link", { name: "Fallback link for failing" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Fallback link for healthy" })).toBeVisible();
  // The fallback keeps its own size: no viewport-high reservation left behind.
  const height = await failing(page).evaluate((e) => e.getBoundingClientRect().height);
  expect(height).toBeLessThan(200);
  expect(problems).toEqual([]);
});

test("the error state has no accessibility violations", async ({ page }) => {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  await watch(page);
  await page.route("**/broken.json", (route) => route.fulfill({ status: 500, body: "nope" }));
  await page2(page, "/broken.json");
  await waitForEvent(page, "article-embed:error");
  const results = await new AxeBuilder({ page }).include("article-embed").withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
