// The three layouts: full (v1), excerpt (the first blocks, then "Continue
// reading"), card (a compact preview); switching live; axe on each.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { watch, waitForEvent, embed, events, embedMarkup } from "./helpers.mjs";

const SEED = "/articles/four-officers.json";
const EVERY = "/articles/every-block.json";

const axe = async (page) => {
  const results = await new AxeBuilder({ page })
    .include("article-embed")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};

test.describe("excerpt", () => {
  test("shows three blocks and a real button; the ask waits and is not counted", async ({ page }) => {
    const problems = await watch(page);
    await embed(page, SEED, { layout: "excerpt" });
    await waitForEvent(page, "article-embed:rendered");
    const el = page.locator("article-embed");
    await expect(el.locator(".body > p")).toHaveCount(3);
    const button = el.getByRole("button", { name: "Continue reading" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    const controls = await button.getAttribute("aria-controls");
    await expect(el.locator(`[id="${controls}"]`)).toBeHidden();
    await expect(el.locator(`[id="${controls}"]`)).toHaveCount(1);
    await expect(el.locator(".ask")).toHaveCount(0);
    await expect(el.locator(".related")).toHaveCount(0);
    // The banner is part of the excerpt.
    await expect(el.locator(".banner")).toHaveCount(1);
    // Nothing counted for the frequency cap while the ask is not shown.
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(300);
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":views:")));
    expect(stored).toEqual([]);
    expect(problems).toEqual([]);
  });

  for (const how of ["click", "Enter", "Space"]) {
    test(`"Continue reading" by ${how} reveals the rest in place, fires expand and moves focus`, async ({ page }) => {
      await watch(page);
      await embed(page, SEED, { layout: "excerpt" });
      await waitForEvent(page, "article-embed:rendered");
      const el = page.locator("article-embed");
      const button = el.getByRole("button", { name: "Continue reading" });
      const firstTop = await el.locator(".body > p").first().evaluate((p) => p.getBoundingClientRect().top);
      const buttonTop = await button.evaluate((b) => b.getBoundingClientRect().top);
      if (how === "click") await button.click();
      else {
        await button.focus();
        await page.keyboard.press(how);
      }
      const expand = await waitForEvent(page, "article-embed:expand");
      expect(expand.detail).toEqual({ src: expect.stringContaining(SEED) });
      await expect(el.locator(".body p")).toHaveCount(18);
      await expect(el.locator(".ask")).toHaveCount(1);
      await expect(el.locator(".related")).toHaveCount(1);
      await expect(el.getByRole("button", { name: "Continue reading" })).toHaveCount(0);
      // Nothing above the button moved; the rest starts where it was.
      expect(await el.locator(".body > p").first().evaluate((p) => p.getBoundingClientRect().top)).toBe(firstTop);
      const restTop = await el.locator(".body-rest").evaluate((r) => r.getBoundingClientRect().top);
      expect(Math.abs(restTop - buttonTop)).toBeLessThan(40);
      // Focus is on the first revealed block.
      const focused = await el.evaluate((host) => {
        const a = host.shadowRoot.activeElement;
        return a && a === host.shadowRoot.querySelector(".body-rest > :first-child") ? a.localName : null;
      });
      expect(focused).toBe("p");
      expect((await events(page, "article-embed:expand")).length).toBe(1);
    });
  }

  test("an article of three blocks or fewer has no button", async ({ page }) => {
    await page.route("**/short.json", (route) =>
      route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({ version: 1, headline: "Short", body: [{ type: "paragraph", content: ["One."] }] }),
      })
    );
    await watch(page);
    await embed(page, "/short.json", { layout: "excerpt" });
    await waitForEvent(page, "article-embed:rendered");
    await expect(page.locator("article-embed .body p")).toHaveCount(1);
    await expect(page.locator("article-embed").getByRole("button", { name: "Continue reading" })).toHaveCount(0);
  });
});

test.describe("card", () => {
  test("a compact preview: section, linked headline, cut first paragraph, publisher and date; no body, ask or banner", async ({ page }) => {
    const problems = await watch(page);
    await embed(page, SEED, { layout: "card" });
    await waitForEvent(page, "article-embed:rendered");
    const el = page.locator("article-embed");
    await expect(el.locator(".section")).toHaveText("Kazakhstan");
    const link = el.getByRole("link", { name: "Four Officers Prosecuted for Kazakh Riot Shootings" });
    await expect(link).toHaveAttribute("href", /four-officers-prosecuted/);
    // The seed's first paragraph has 191 characters: shown whole.
    await expect(el.locator(".preview-summary")).toHaveText(
      "Kazakhstan is prosecuting four senior police officers for using excessive force against rioters in an oil town where 17 people were killed in some of the country's worst violence in decades."
    );
    await expect(el.locator(".preview-meta")).toContainText("The Moscow Times");
    await expect(el.locator(".preview-meta time")).toHaveText("January 11, 2012");
    await expect(el.locator(".body, .ask, .banner")).toHaveCount(0);
    const width = await el.locator(".ae").evaluate((n) => n.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(550);
    // The headline is the canonical link.
    const [popup] = await Promise.all([page.waitForEvent("popup"), link.click()]);
    await popup.close();
    const linkEvent = await waitForEvent(page, "article-embed:link");
    expect(linkEvent.detail.kind).toBe("canonical");
    expect(problems).toEqual([]);
  });

  test("a long first paragraph is cut at a word boundary to at most 200 characters with an ellipsis", async ({ page }) => {
    const paragraph = "Officials in the western region said on Tuesday that the pipeline consortium would resume pumping within days, after talks between the striking workers, the regional governor and the company's managers ended late at night with an agreement on wages and on the rehiring of dismissed staff.";
    await page.route("**/long.json", (route) =>
      route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({ version: 1, headline: "Long", body: [{ type: "paragraph", content: [paragraph] }] }),
      })
    );
    await watch(page);
    await embed(page, "/long.json", { layout: "card" });
    await waitForEvent(page, "article-embed:rendered");
    const summary = await page.locator("article-embed .preview-summary").textContent();
    expect(summary.endsWith("…")).toBe(true);
    const kept = summary.slice(0, -1);
    expect(kept.length).toBeLessThanOrEqual(200);
    expect(kept.length).toBeGreaterThan(150);
    expect(paragraph.startsWith(kept)).toBe(true);
    expect([" ", ","]).toContain(paragraph[kept.length]);
  });

  test("the standfirst is the summary and the lead image has its size reserved", async ({ page }) => {
    await watch(page);
    await embed(page, EVERY, { layout: "card" });
    await waitForEvent(page, "article-embed:rendered");
    const el = page.locator("article-embed");
    await expect(el.locator(".preview-summary")).toHaveText(/^An explainer on the export route/);
    const img = el.locator(".preview-image");
    await expect(img).toHaveAttribute("width", "1200");
    await expect(img).toHaveAttribute("height", "675");
  });

  test("works from 280 px without overflowing", async ({ page }) => {
    await page.setViewportSize({ width: 300, height: 700 });
    await watch(page);
    await embed(page, EVERY, { layout: "card" });
    await waitForEvent(page, "article-embed:rendered");
    const overflow = await page.locator("article-embed").evaluate((host) => {
      const root = host.shadowRoot.querySelector(".ae");
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test("switching the layout attribute re-renders in place", async ({ page }) => {
  const problems = await watch(page);
  await embedMarkup(page, '<article-embed src="/articles/four-officers.json" layout="card"></article-embed>');
  const el = page.locator("article-embed");
  await expect(el.locator(".preview")).toHaveCount(1);
  await el.evaluate((e) => e.setAttribute("layout", "excerpt"));
  await expect(el.getByRole("button", { name: "Continue reading" })).toHaveCount(1);
  await expect(el.locator(".preview")).toHaveCount(0);
  await el.evaluate((e) => e.setAttribute("layout", "full"));
  await expect(el.locator(".body p")).toHaveCount(18);
  await expect(el.locator(".ask")).toHaveCount(1);
  // And back: the excerpt starts closed again.
  await el.evaluate((e) => e.setAttribute("layout", "excerpt"));
  await expect(el.getByRole("button", { name: "Continue reading" })).toHaveAttribute("aria-expanded", "false");
  await expect(el.locator(".ask")).toHaveCount(0);
  expect((await events(page, "article-embed:rendered")).length).toBeGreaterThanOrEqual(1);
  expect(problems).toEqual([]);
});

for (const layout of ["full", "excerpt", "card"]) {
  for (const scheme of ["light", "dark"]) {
    test(`axe-core finds no violations in the ${layout} layout (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await watch(page);
      await embed(page, EVERY, { layout });
      await waitForEvent(page, "article-embed:rendered");
      expect(await axe(page)).toEqual([]);
      if (layout === "excerpt") {
        await page.locator("article-embed").getByRole("button", { name: "Continue reading" }).click();
        await expect(page.locator("article-embed .body-rest")).toBeVisible();
        expect(await axe(page)).toEqual([]);
      }
    });
  }
}
