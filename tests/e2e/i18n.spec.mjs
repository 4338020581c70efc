// The widget in each UI language: no English UI text left, right-to-left for
// Arabic with a mirrored layout, axe-clean in `ar` and `kk`.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { watch, waitForEvent, embed, events } from "./helpers.mjs";

const LANGS = ["en", "ru", "uk", "kk", "de", "fr", "es", "ar"];
const SEED = readFileSync(new URL("../../www/articles/four-officers.json", import.meta.url), "utf8");

/** The English table's strings, read from src/i18n.rs (its one source). */
function englishStrings() {
  const source = readFileSync(new URL("../../src/i18n.rs", import.meta.url), "utf8");
  const table = source.slice(source.indexOf("static EN: Strings"), source.indexOf("static RU: Strings"));
  return [...table.matchAll(/"((?:[^"\\]|\\.)*)"/g)]
    .map((m) => m[1])
    // Templates are compared by their fixed text before the first slot.
    .map((s) => s.split("{")[0].trim())
    // Words also used by other languages or by the article itself are not
    // UI text we can attribute ("Amount" of the seed's copy, month names of
    // dates the article states).
    .filter((s) => s.length >= 4 && !SEED.includes(s));
}

/** Visible text and accessible names inside the embed's shadow root. */
const uiText = (page) =>
  page.locator("article-embed").evaluate((el) => {
    const root = el.shadowRoot;
    const names = [...root.querySelectorAll("[aria-label], [aria-valuetext]")].map(
      (n) => `${n.getAttribute("aria-label") || ""} ${n.getAttribute("aria-valuetext") || ""}`
    );
    return `${root.querySelector(".ae").innerText}\n${names.join("\n")}`;
  });

for (const lang of LANGS.filter((l) => l !== "en")) {
  test(`the seed article in "${lang}" shows no English UI string`, async ({ page }) => {
    const problems = await watch(page);
    await embed(page, "/articles/four-officers.json", { lang });
    await waitForEvent(page, "article-embed:rendered");
    const root = page.locator("article-embed .ae");
    await expect(root).toHaveAttribute("lang", lang);
    await expect(root).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
    // Open the "Other amount" field so its label is on screen too.
    await page.locator("article-embed .amounts input[value=other]").check();
    const text = await uiText(page);
    const english = englishStrings().filter((s) => text.includes(s));
    expect(english, `English UI text in ${lang}`).toEqual([]);
    expect(problems).toEqual([]);
    expect((await events(page, "article-embed:error")).length).toBe(0);
  });
}

test("a BCP 47 tag picks its language, and an unknown one falls back to English", async ({ page }) => {
  await watch(page);
  await embed(page, "/articles/four-officers.json", { lang: "kk-KZ" });
  await waitForEvent(page, "article-embed:rendered");
  await expect(page.locator("article-embed .ae")).toHaveAttribute("lang", "kk");
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.locator("article-embed").evaluate((el) => el.setAttribute("lang", "tlh"));
  // The article is English: an unknown UI language leaves the article's.
  await expect(page.locator("article-embed .ae")).toHaveAttribute("lang", "en");
  expect(warnings.filter((w) => w.includes('invalid lang="tlh"'))).toHaveLength(1);
});

test("Arabic mirrors the layout: the first amount is the rightmost, text starts at the right", async ({ page }) => {
  await watch(page);
  await page.setViewportSize({ width: 900, height: 900 });
  await embed(page, "/articles/four-officers.json", { lang: "ar" });
  await waitForEvent(page, "article-embed:rendered");
  const radios = page.locator("article-embed .amounts label.card");
  await radios.first().scrollIntoViewIfNeeded();
  const boxes = await radios.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
  expect(boxes.length).toBeGreaterThan(2);
  expect(boxes[0]).toBeGreaterThan(boxes[1]);
  // UI text in Arabic aligns right; the English article's paragraphs keep
  // their own direction (unicode-bidi: plaintext) and align left.
  const [legendAlign, paragraphDir] = await page.locator("article-embed").evaluate((el) => {
    const r = el.shadowRoot;
    const legend = r.querySelector(".amounts legend");
    const p = r.querySelector(".body p");
    const text = document.createRange();
    text.selectNodeContents(legend);
    const lr = text.getBoundingClientRect();
    const fr = legend.parentElement.getBoundingClientRect();
    return [fr.right - lr.right < lr.left - fr.left ? "right" : "left", getComputedStyle(p).unicodeBidi];
  });
  expect(legendAlign).toBe("right");
  expect(paragraphDir).toBe("plaintext");
  // Numbers and the publisher's Latin name are isolated from the Arabic text.
  await expect(page.locator("article-embed .canonical bdi")).toHaveText("The Moscow Times");
});

for (const lang of ["ar", "kk"]) {
  for (const scheme of ["light", "dark"]) {
    test(`axe-core finds no violations in "${lang}" (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await watch(page);
      await embed(page, "/articles/four-officers.json", { lang });
      await waitForEvent(page, "article-embed:rendered");
      await page.locator("article-embed .ask").scrollIntoViewIfNeeded();
      const results = await new AxeBuilder({ page })
        .include("article-embed")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
}
