// Shared helpers for the browser specs.
import { expect } from "@playwright/test";

/** Records every article-embed:* event reaching `document`, and page errors. */
export async function watch(page) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (/panicked|RuntimeError|unreachable/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ["rendered", "error", "donate", "remind-later", "link"]) {
      document.addEventListener(`article-embed:${name}`, (e) => {
        window.__events.push({
          type: e.type,
          detail: e.detail,
          bubbles: e.bubbles,
          composed: e.composed,
          target: e.target.localName,
        });
      });
    }
  });
  return problems;
}

export const events = (page, type) =>
  page.evaluate((type) => window.__events.filter((e) => !type || e.type === type), type);

/** Waits for the first event of `type` and returns it. */
export async function waitForEvent(page, type, count = 1) {
  await expect.poll(async () => (await events(page, type)).length).toBeGreaterThanOrEqual(count);
  return (await events(page, type))[count - 1];
}

/** Resolves when every embed on the page has rendered or failed. */
export const settled = (page) => page.evaluate(() => window.ArticleEmbed.load());
