// End to end for publishers: the seed text converted by the CLI (in
// `make test-e2e`), validated by it, then rendered in the demo page.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { watch, waitForEvent } from "./helpers.mjs";

const converted = new URL("../fixtures/generated/seed.json", import.meta.url);

test("the seed text converted by the CLI renders in the demo page", async ({ page }) => {
  const json = readFileSync(converted, "utf8");
  const problems = await watch(page);
  await page.route("**/articles/four-officers.json", (route) => route.fulfill({ body: json, contentType: "application/json" }));
  await page.goto("/");
  const rendered = await waitForEvent(page, "article-embed:rendered");
  expect(rendered.detail.id).toBe("four-officers-prosecuted-for-kazakh-riot-shootings");
  const el = page.locator("article-embed");
  await expect(el.locator("h1")).toHaveText("Four Officers Prosecuted for Kazakh Riot Shootings");
  await expect(el.locator(".dateline")).toHaveText("ALMATY");
  await expect(el.locator(".notice")).toHaveText("Our journalism is banned in Russia. We need your help to keep providing you with the truth.");
  await expect(el.locator(".body p")).toHaveCount(18);
  await expect(el.locator(".body p").last()).toHaveText("Criminal proceedings have been launched against several oil company officials charged with large-scale embezzlement.");
  expect(problems).toEqual([]);
});
