// The walking skeleton: the seed article embedded in the demo partner page.
import { test, expect } from "@playwright/test";
import { watch, waitForEvent, events } from "./helpers.mjs";

test("the demo page renders the seed article inside the shadow root", async ({ page }) => {
  const problems = await watch(page);
  await page.goto("/");
  const rendered = await waitForEvent(page, "article-embed:rendered");
  expect(rendered.detail).toEqual({
    src: expect.stringMatching(/\/articles\/four-officers\.json$/),
    id: "four-officers-prosecuted",
  });
  expect(rendered).toMatchObject({ bubbles: true, composed: true, target: "article-embed" });

  const embed = page.locator("article-embed");
  const isOpenShadow = await embed.evaluate((el) => el.shadowRoot !== null && el.shadowRoot.mode === "open");
  expect(isOpenShadow).toBe(true);
  await expect(embed.locator("h1")).toHaveText("Four Officers Prosecuted for Kazakh Riot Shootings");
  await expect(embed.locator(".banner")).toContainText("Enjoying ad-free content?");
  await expect(embed.locator(".notice")).toContainText("Our journalism is banned in Russia.");
  await expect(embed.locator(".dateline")).toHaveText("ALMATY");
  await expect(embed.locator("time").first()).toHaveAttribute("datetime", "2012-01-11T09:00:00Z");
  await expect(embed.locator(".byline")).toContainText("Reuters");
  await expect(embed.locator(".body p")).toHaveCount(18);
  await expect(embed.locator(".body strong")).toHaveText("four senior police officers");
  await expect(embed.locator(".related li")).toHaveCount(3);
  const ask = embed.locator(".ask");
  await expect(ask.locator("h2")).toHaveText("… we have a small favor to ask.");
  await expect(ask.locator(".highlight")).toHaveText("If you can, please support us monthly starting from just $2.");
  await expect(ask.locator("a.cta")).toHaveText("Support us");
  await expect(ask.locator(".remind")).toContainText("Not ready to support today?");
  await expect(ask.getByRole("button", { name: "Remind me later" })).toBeVisible();

  // Strict-CSP friendly: no <style> elements and no style attributes anywhere in the widget.
  const inline = await embed.evaluate((el) => el.shadowRoot.querySelectorAll("style, [style]").length);
  expect(inline).toBe(0);
  const sheets = await embed.evaluate((el) => el.shadowRoot.adoptedStyleSheets.length);
  expect(sheets).toBe(1);
  // The fallback blockquote is still in the light DOM (for crawlers), but not shown.
  await expect(page.locator("article-embed > blockquote.article-embed")).toBeHidden();
  expect(problems).toEqual([]);
});

test("the only global the bundle creates is window.ArticleEmbed", async ({ page }) => {
  await watch(page);
  await page.addInitScript(() => {
    window.__before = Object.keys(window);
  });
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  const added = await page.evaluate(() =>
    Object.keys(window).filter((k) => !window.__before.includes(k) && !["__before", "__events"].includes(k))
  );
  expect(added).toEqual(["ArticleEmbed"]);
});

test("a missing article leaves the fallback visible and fires an http error", async ({ page }) => {
  const problems = await watch(page);
  await page.goto("/fixtures/missing.html");
  const error = await waitForEvent(page, "article-embed:error");
  expect(error.detail).toMatchObject({
    src: expect.stringMatching(/\/articles\/does-not-exist\.json$/),
    kind: "http",
    status: 404,
    message: expect.stringContaining("404"),
  });
  const fallback = page.getByRole("link", { name: "Four Officers Prosecuted for Kazakh Riot Shootings" });
  await expect(fallback).toBeVisible();
  await expect(page.locator("article-embed").getByRole("button", { name: "Try again" })).toBeVisible();
  expect(await events(page, "article-embed:rendered")).toEqual([]);
  expect(problems).toEqual([]);
});

test("remind me later hides the ask and survives a reload", async ({ page }) => {
  const problems = await watch(page);
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  const embed = page.locator("article-embed");
  await embed.getByRole("button", { name: "Remind me later" }).click();
  await expect(embed.locator(".ask")).toHaveCount(0);
  await expect(embed.locator(".banner")).toHaveCount(0);
  await expect(embed.getByRole("status")).toContainText("we'll ask again in");
  const snooze = await waitForEvent(page, "article-embed:remind-later");
  expect(snooze.detail.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await page.reload();
  await waitForEvent(page, "article-embed:rendered");
  await expect(embed.locator("h1")).toBeVisible();
  await expect(embed.locator(".ask")).toHaveCount(0);
  await expect(embed.locator(".banner")).toHaveCount(0);
  expect(problems).toEqual([]);
});
