// End to end for publishing a whole site: the RSS fixture converted by the
// CLI in one command (`convert --out-dir` in `make test-e2e`), then one of
// its articles embedded in the blank page, with the related links the
// batch chose from the same feed.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { embed, watch, waitForEvent } from "./helpers.mjs";

const dir = new URL("../fixtures/generated/feed/", import.meta.url);

test("an article converted from a feed renders with its related links", async ({ page }) => {
  const index = JSON.parse(readFileSync(new URL("index.json", dir), "utf8"));
  expect(index.map((e) => e.id)).toEqual(["mayors-accused", "four-officers", "strike-leader", "pipeline-reopens", "steppe-6a1f", "riots"]);
  const entry = index.find((e) => e.id === "four-officers");
  const problems = await watch(page);
  // The feed's images live on the publisher's site, which this test never reaches.
  await page.route("https://steppe.example/**", (route) => route.abort());
  await embed(page, `/fixtures/generated/feed/${entry.json}`);
  const rendered = await waitForEvent(page, "article-embed:rendered");
  expect(rendered.detail.id).toBe("four-officers");
  const el = page.locator("article-embed");
  await expect(el.locator("h1")).toHaveText("Four Officers Prosecuted for Kazakh Riot Shootings");
  const related = el.locator(".related li a");
  await expect(related).toHaveText([
    "Zhanaozen Mayors Accused of Embezzlement",
    "Court Upholds Sentence for Oil Strike Leader",
    "Kazakh Oil Town Riots Leave 14 Dead",
  ]);
  await expect(related.first()).toBeVisible();
  await expect(related.first()).toHaveAttribute("href", "https://steppe.example/2012/01/12/mayors-accused/");
  await expect(el.locator(".related time").first()).toHaveAttribute("datetime", "2012-01-12T08:30:00+06:00");
  expect(problems).toEqual([]);
});
