// Reader revenue v2: impression and dismiss events, A/B variants (stable per
// browser, per page view with do-not-track), the article count.
import { test, expect } from "@playwright/test";
import { watch, waitForEvent, embed, events } from "./helpers.mjs";

const SEED = "/articles/four-officers.json";

/** Draws `value` from Math.random in the page (the A/B assignment's draw). */
const drawing = (page, value) =>
  page.addInitScript((v) => {
    window.__keepRandom = true;
    Math.random = () => v;
  }, value);

test("impression fires once when the ask is half in view, with the variant", async ({ page }) => {
  const problems = await watch(page);
  await embed(page, SEED);
  await waitForEvent(page, "article-embed:rendered");
  expect((await events(page, "article-embed:impression")).length).toBe(0);
  const ask = page.locator("article-embed .ask");
  await ask.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const impression = await waitForEvent(page, "article-embed:impression");
  expect(impression.detail).toEqual({ src: expect.stringContaining(SEED), variant: "appeal" });
  await page.mouse.wheel(0, -3000);
  await ask.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.waitForTimeout(300);
  expect((await events(page, "article-embed:impression")).length).toBe(1);
  expect(problems).toEqual([]);
});

test("closing the banner fires dismiss with the date it stays closed until", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-01T12:00:00Z") });
  await watch(page);
  await embed(page, SEED);
  await waitForEvent(page, "article-embed:rendered");
  await page.locator("article-embed .banner").getByRole("button").click();
  const dismiss = await waitForEvent(page, "article-embed:dismiss");
  expect(dismiss.detail).toEqual({ src: expect.stringContaining(SEED), until: "2026-03-31" });
  await expect(page.locator("article-embed .banner")).toHaveCount(0);
});

test("the variant's copy shows, travels as utm_content and in the donate event", async ({ page }) => {
  await drawing(page, 0.75);
  await watch(page);
  await embed(page, SEED);
  await waitForEvent(page, "article-embed:rendered");
  const ask = page.locator("article-embed .ask");
  await expect(ask.locator("h2")).toHaveText("Independent journalism from Russia needs you.");
  await expect(ask.locator(".highlight")).toHaveText("Support The Moscow Times monthly from just $2.");
  const cta = ask.locator("a.cta");
  await expect(cta).toHaveAttribute("href", /utm_content=direct/);
  await cta.evaluate((a) => a.addEventListener("click", (e) => e.preventDefault()));
  await cta.click();
  const donate = await waitForEvent(page, "article-embed:donate");
  expect(donate.detail.variant).toBe("direct");
  expect(donate.detail.href).toContain("utm_content=direct");
});

test("the variant stays the same across reloads in one browser", async ({ page }) => {
  await drawing(page, 0.75);
  await watch(page);
  await embed(page, SEED);
  await waitForEvent(page, "article-embed:rendered");
  await expect(page.locator("article-embed .ask h2")).toHaveText("Independent journalism from Russia needs you.");
  // Later page views draw another number; the stored one wins.
  await page.addInitScript(() => {
    Math.random = () => 0.1;
  });
  await embed(page, SEED);
  await waitForEvent(page, "article-embed:rendered");
  await expect(page.locator("article-embed .ask h2")).toHaveText("Independent journalism from Russia needs you.");
});

test("fresh browsers split between the variants by weight", async ({ browser }) => {
  const seen = {};
  for (const draw of [0.05, 0.3, 0.49, 0.51, 0.8, 0.99]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await drawing(page, draw);
    await watch(page);
    await embed(page, SEED);
    await waitForEvent(page, "article-embed:rendered");
    const heading = await page.locator("article-embed .ask h2").textContent();
    const variant = heading.startsWith("Independent") ? "direct" : "appeal";
    seen[variant] = (seen[variant] || 0) + 1;
    expect(variant).toBe(draw < 0.5 ? "appeal" : "direct");
    await context.close();
  }
  expect(seen).toEqual({ appeal: 3, direct: 3 });
});

test("with data-dnt the widget stores nothing, and the variant is drawn per page view", async ({ page }) => {
  await drawing(page, 0.75);
  await watch(page);
  await embed(page, SEED, { dnt: "true" });
  await waitForEvent(page, "article-embed:rendered");
  await expect(page.locator("article-embed .ask h2")).toHaveText("Independent journalism from Russia needs you.");
  await page.locator("article-embed .ask").scrollIntoViewIfNeeded();
  await waitForEvent(page, "article-embed:impression");
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  // The count is unknown: its paragraph is left out, never shown raw.
  await expect(page.locator("article-embed .ask")).not.toContainText("%%ARTICLE_COUNT%%");
  await expect(page.locator("article-embed .ask")).not.toContainText("articles from The Moscow Times");
});

test("the article count appears once the reader has seen two of the publisher's articles", async ({ page }) => {
  // Three distinct articles of the same publisher: the seed under three ids.
  await page.route(/\/counted-(\d)\.json$/, async (route) => {
    const n = route.request().url().match(/counted-(\d)/)[1];
    const seed = await (await route.fetch({ url: new URL(SEED, route.request().url()).href })).json();
    route.fulfill({ json: { ...seed, id: `counted-${n}`, headline: `Counted ${n}` } });
  });
  await watch(page);
  const ask = page.locator("article-embed .ask");
  for (const [n, expected] of [[1, null], [2, "2"], [3, "3"]]) {
    await embed(page, `/counted-${n}.json`);
    await waitForEvent(page, "article-embed:rendered");
    await expect(ask).toHaveCount(1);
    if (expected === null) {
      await expect(ask).not.toContainText("articles from The Moscow Times");
    } else {
      await expect(ask).toContainText(`You've read ${expected} articles from The Moscow Times in the last month.`);
    }
    await expect(ask).not.toContainText("%%ARTICLE_COUNT%%");
  }
});
