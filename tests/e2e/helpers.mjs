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
    // The demo article's ask has two A/B variants: draw the first ("appeal",
    // the base copy) unless a test says otherwise, so copy checks are stable.
    if (!window.__keepRandom) Math.random = () => 0.25;
    window.__events = [];
    for (const name of ["rendered", "error", "donate", "remind-later", "link", "impression", "dismiss", "expand"]) {
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

/**
 * Opens the blank fixture page and embeds `src` there with the contract's
 * embed code; `attrs` are extra data-* options.
 */
export async function embed(page, src, attrs = {}) {
  await page.goto("/fixtures/blank.html");
  await page.evaluate(
    ({ src, attrs }) => {
      const q = document.createElement("blockquote");
      q.className = "article-embed";
      q.dataset.src = src;
      for (const [k, v] of Object.entries(attrs)) q.dataset[k] = v;
      const a = document.createElement("a");
      a.href = "https://news.example/fallback";
      a.textContent = "Fallback link";
      q.append(a);
      document.getElementById("slot").append(q);
      const s = document.createElement("script");
      s.async = true;
      s.src = "/embed.js";
      document.body.append(s);
    },
    { src, attrs }
  );
}

/**
 * Opens the blank fixture page with `html` (custom elements, say) in its
 * slot, then includes embed.js as the embed code does.
 */
export async function embedMarkup(page, html) {
  await page.goto("/fixtures/blank.html");
  await page.evaluate((html) => {
    document.getElementById("slot").innerHTML = html;
    const s = document.createElement("script");
    s.src = "/embed.js";
    document.body.append(s);
  }, html);
}

/** An article with `s` in every text field and every URL field. */
export function attackArticle(s) {
  const run = { text: s, marks: ["strong"], href: s };
  return {
    version: 1, id: s, url: s, lang: s, section: s, headline: s, standfirst: s, dateline: s,
    publisher: { name: s, url: s, logo: s },
    authors: [{ name: s, url: s }],
    image: { src: s, alt: s, caption: s, credit: s },
    notices: [{ kind: "warning", text: s }],
    body: [
      { type: "paragraph", content: [s, run] },
      { type: "heading", level: 2, content: [s, run] },
      { type: "quote", content: [s, run], cite: s },
      { type: "list", ordered: false, items: [[s], [run]] },
      { type: "image", src: s, alt: s, caption: s, credit: s },
      { type: "image", src: "https://news.example/i.jpg", alt: s, caption: s, credit: s },
    ],
    related: [{ headline: s, url: s, image: s }],
    donation: {
      banner: { text: s, cta: s }, heading: s, paragraphs: [s], highlight: s,
      frequencies: [{ id: "monthly", amounts: [5] }],
      cta: { label: s, url: s }, ticker: { raised: 1, goal: 2, label: s },
      remindLater: { prompt: s, label: s, days: 3 },
    },
  };
}
