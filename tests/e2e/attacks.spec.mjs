// Hostile article JSON: attack strings in every text and URL field must show
// as text or be dropped; nothing may execute.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { watch, waitForEvent, embed, attackArticle } from "./helpers.mjs";

const attacks = JSON.parse(readFileSync(new URL("../data/attacks.json", import.meta.url), "utf8"));

for (const { title, input } of attacks) {
  test(`attack in every field is inert: ${title}`, async ({ page }) => {
    const problems = await watch(page);
    const dialogs = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.route("**/attack.json", (route) => route.fulfill({ json: attackArticle(input) }));
    await embed(page, "/attack.json");
    await waitForEvent(page, "article-embed:rendered");
    const embedEl = page.locator("article-embed");
    // Hover and click around so on* handlers would get their chance.
    await embedEl.locator("h1").hover();
    await embedEl.locator(".body p").first().hover();

    const report = await embedEl.evaluate((el) => {
      const root = el.shadowRoot;
      const all = [...root.querySelectorAll("*")];
      return {
        headline: root.querySelector("h1").textContent,
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
        urls: all.flatMap((e) => ["href", "src", "action", "formaction", "srcdoc", "xlink:href"].map((n) => e.getAttribute(n)).filter((v) => v !== null)),
        dangerous: all.filter((e) => ["script", "iframe", "object", "embed", "style", "form", "base", "meta", "link"].includes(e.localName)).map((e) => e.localName),
        styled: all.filter((e) => e.hasAttribute("style")).length,
      };
    });
    expect(report.headline).toBe(input);
    expect(report.handlers).toEqual([]);
    expect(report.dangerous).toEqual([]);
    expect(report.styled).toBe(0);
    for (const url of report.urls) {
      expect(url, `URL in the shadow root: ${url}`).toMatch(/^(https?:\/\/|mailto:)/);
    }
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
}
