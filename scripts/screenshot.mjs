// Takes screenshots of the demo page for the README and for looking at it.
//
//   node scripts/screenshot.mjs [url] [out-dir]
//
// Writes demo-light.png, demo-dark.png (at the donation ask), demo-narrow.png,
// donation-light.png / donation-dark.png (the ask alone), and the widget in
// Arabic (right-to-left) and Kazakh: lang-ar.png, lang-ar-dark-narrow.png,
// donation-ar.png, lang-kk.png; the ask's second A/B variant,
// donation-variant.png; and the layouts: layout-excerpt.png,
// layout-card.png, layout-card-dark-narrow.png.
import { chromium } from "@playwright/test";
import { launchOptions } from "../tests/browser.mjs";

const url = process.argv[2] || "http://127.0.0.1:8080/";
const out = process.argv[3] || "docs/img";

const browser = await chromium.launch(launchOptions);
const shots = [
  { name: "demo-light", colorScheme: "light", width: 1200, height: 1400 },
  { name: "demo-dark", colorScheme: "dark", width: 1200, height: 1400, scrollTo: ".ask" },
  { name: "demo-narrow", colorScheme: "light", width: 320, height: 1200 },
  { name: "donation-light", colorScheme: "light", width: 1200, height: 1400, element: ".ask" },
  { name: "donation-dark", colorScheme: "dark", width: 1200, height: 1400, element: ".ask" },
  { name: "lang-ar", colorScheme: "light", width: 1200, height: 1400, lang: "ar" },
  { name: "lang-ar-dark-narrow", colorScheme: "dark", width: 320, height: 1400, lang: "ar", scrollTo: ".ask" },
  { name: "donation-ar", colorScheme: "light", width: 1200, height: 1400, lang: "ar", element: ".ask" },
  { name: "lang-kk", colorScheme: "dark", width: 1200, height: 1400, lang: "kk", scrollTo: ".ask" },
  { name: "donation-variant", colorScheme: "light", width: 1200, height: 1400, element: ".ask", random: 0.75 },
  { name: "layout-excerpt", colorScheme: "light", width: 1200, height: 1100, layout: "excerpt", element: ".ae" },
  { name: "layout-card", colorScheme: "light", width: 1200, height: 900, layout: "card", element: ".ae" },
  { name: "layout-card-dark-narrow", colorScheme: "dark", width: 320, height: 900, layout: "card", element: ".ae" },
];
for (const s of shots) {
  const page = await browser.newPage({ viewport: { width: s.width, height: s.height }, colorScheme: s.colorScheme });
  page.on("pageerror", (e) => console.error("pageerror:", e.message));
  // The demo ask's A/B draw: the first variant ("appeal", the base copy)
  // unless a shot asks for another.
  await page.addInitScript((r) => {
    Math.random = () => r;
  }, s.random ?? 0.25);
  page.on("console", (m) => console.log(`console.${m.type()}: ${m.text()}`));
  await page.goto(url);
  await page.locator("article-embed").first().evaluate(
    (el) =>
      new Promise((resolve) => {
        if (el.shadowRoot && el.shadowRoot.querySelector(".article, .error")) resolve();
        el.addEventListener("article-embed:rendered", resolve);
        el.addEventListener("article-embed:error", resolve);
      })
  );
  if (s.layout) {
    const el = page.locator("article-embed").first();
    await el.evaluate((e, layout) => e.setAttribute("layout", layout), s.layout);
    await page.locator(`article-embed .ae[data-layout=${s.layout}]`).first().waitFor();
  }
  if (s.lang) {
    const el = page.locator("article-embed").first();
    await el.evaluate((e, lang) => e.setAttribute("lang", lang), s.lang);
    await page.locator(`article-embed .ae[lang=${s.lang}]`).first().waitFor();
  }
  if (s.scrollTo) {
    await page.locator(`article-embed ${s.scrollTo}`).first().evaluate((el) => el.scrollIntoView({ block: "center" }));
  }
  await page.waitForTimeout(300);
  if (s.element) {
    await page.locator(`article-embed ${s.element}`).first().screenshot({ path: `${out}/${s.name}.png` });
  } else {
    await page.screenshot({ path: `${out}/${s.name}.png` });
  }
  console.log(`${out}/${s.name}.png`);
  await page.close();
}
await browser.close();
