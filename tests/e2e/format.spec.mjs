// Article format v1 in full: every block type renders as semantic HTML.
import { test, expect } from "@playwright/test";
import { watch, waitForEvent, embed } from "./helpers.mjs";

/** An absolute URL on the test server, whatever port it runs on (E2E_PORT). */
const served = (path) => new URL(path, test.info().project.use.baseURL).href;

test("the richer sample renders every block type semantically", async ({ page }) => {
  const problems = await watch(page);
  await page.goto("/fixtures/every-block.html");
  await waitForEvent(page, "article-embed:rendered");
  const root = page.locator("article-embed");
  const article = root.locator("article.article");
  await expect(article.locator("header h1")).toHaveText("How the Caspian Pipeline Shapes Kazakhstan's Oil Towns");
  await expect(article.locator(".section")).toHaveText("Energy");
  await expect(article.locator(".standfirst")).toContainText("An explainer on the export route");
  await expect(article.locator("address.byline")).toHaveText("By Dana Seitkali, Ivan Petrov");
  await expect(article.locator("address.byline a")).toHaveAttribute("href", served("/authors/dana-seitkali"));
  await expect(article.locator("header time").first()).toHaveAttribute("datetime", "2012-02-03T08:00:00+06:00");
  await expect(article.locator(".updated time")).toHaveAttribute("datetime", "2012-02-04T10:15:00+06:00");
  await expect(article.locator(".notice")).toHaveCount(2);
  await expect(article.locator(".notice.warning")).toContainText("Figures are estimates");

  // Lead image and body image: sized, lazy, async, with caption and credit.
  for (const fig of [article.locator("figure.lead"), article.locator(".body figure.figure")]) {
    const img = fig.locator("img");
    await expect(img).toHaveAttribute("loading", "lazy");
    await expect(img).toHaveAttribute("decoding", "async");
    await expect(img).toHaveAttribute("width", /\d+/);
    await expect(img).toHaveAttribute("height", /\d+/);
    await expect(img).toHaveAttribute("alt", /.+/);
    await expect(fig.locator("figcaption .caption")).not.toBeEmpty();
    await expect(fig.locator("figcaption .credit")).toHaveText("Illustration: article-embed demo");
  }
  await expect(article.locator("figure.lead img")).toHaveAttribute("src", served("/articles/img/steppe.svg"));

  const body = article.locator(".body");
  await expect(body.locator("h2.subhead")).toHaveText("Where the oil goes");
  await expect(body.locator("h3.subhead")).toHaveText("Who depends on it");
  await expect(body.locator("h4.subhead")).toHaveText("What to watch");
  await expect(body.locator(":scope > ol > li")).toHaveCount(3);
  await expect(body.locator(":scope > ul > li")).toHaveCount(3);
  await expect(body.locator("ol em")).toHaveText("Novorossiysk");
  await expect(body.locator("figure.quote blockquote")).toContainText("Every barrel that does not flow");
  await expect(body.locator("figure.quote figcaption cite")).toHaveText("An analyst at an Almaty brokerage");
  await expect(body.locator("p strong").first()).toHaveText("When work stops in the oil towns");
  await expect(body.locator("p em").first()).toHaveText("far beyond the steppe");
  const link = body.getByRole("link", { name: "earlier coverage" });
  await expect(link).toHaveAttribute("href", served("/2011/12/17/kazakh-oil-town-riots"));
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(body.getByRole("link", { name: "energy@news.example" })).toHaveAttribute("href", "mailto:energy@news.example");

  // The ask sits after the second paragraph, in euros.
  const afterSecond = await body.evaluate((b) => {
    const ask = b.querySelector("section.ask");
    const paras = [...b.querySelectorAll(":scope > p")];
    return ask && ask.previousElementSibling === paras[1];
  });
  expect(afterSecond).toBe(true);
  await expect(body.locator(".ask .amounts label")).toHaveText(["€3", "€10", "€30", "Other"]);
  await expect(body.locator(".ask .ticker-amounts")).toContainText("Goal reached");
  await expect(root.locator(".related img.thumb")).toHaveCount(2);
  await expect(root.locator(".canonical a")).toHaveText("Read on The Moscow Times");
  expect(problems).toEqual([]);
});

test("unknown block types are skipped and counted in one console warning", async ({ page }) => {
  const problems = await watch(page);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route("**/future.json", (route) =>
    route.fulfill({
      json: {
        version: 1,
        headline: "From the future",
        futureField: { anything: true },
        body: [
          { type: "paragraph", content: ["Before."] },
          { type: "video", src: "https://v.example/v.mp4" },
          { type: "poll", question: "?" },
          { type: "paragraph", content: [{ text: "link", href: "javascript:alert(1)" }] },
        ],
      },
    })
  );
  await embed(page, "/future.json");
  await waitForEvent(page, "article-embed:rendered");
  const root = page.locator("article-embed");
  await expect(root.locator(".body p")).toHaveText(["Before.", "link"]);
  await expect(root.locator(".body a")).toHaveCount(0);
  const warning = warnings.find((w) => w.includes("future.json"));
  expect(warning).toContain("3 warning(s), 2 unknown block type(s) skipped");
  expect(warning).toContain('body[1]: unknown block type "video" skipped');
  expect(warning).toContain("body[3].content[0].href: URL dropped");
  expect(problems).toEqual([]);
});

test("an article at the 5,000-block limit renders every block, in order", async ({ page }) => {
  // Long articles are parsed and rendered in separate tasks; the result must
  // be the same whole article.
  const problems = await watch(page);
  const body = Array.from({ length: 5000 }, (_, i) => ({
    type: "paragraph",
    content: [
      `Paragraph ${i + 1}. `,
      i % 7 === 0 ? { text: "a link", href: `/story/${i + 1}` } : { text: "strong", marks: ["strong"] },
    ],
  }));
  await page.route("**/long.json", (route) =>
    route.fulfill({ json: { version: 1, headline: "A long read", dateline: "ALMATY", body, donation: { heading: "Support us" } } })
  );
  await embed(page, "/long.json");
  await waitForEvent(page, "article-embed:rendered");
  const root = page.locator("article-embed");
  const paras = root.locator(".body > p");
  await expect(paras).toHaveCount(5000);
  await expect(paras.first()).toHaveText("ALMATY — Paragraph 1. a link");
  await expect(paras.nth(4999)).toHaveText("Paragraph 5000. strong");
  await expect(paras.nth(4998).locator("a")).toHaveAttribute("href", served("/story/4999"));
  await expect(root.locator(".body > p a")).toHaveCount(715);
  await expect(root.locator("section.ask")).toHaveCount(1);
  expect(problems).toEqual([]);
});
