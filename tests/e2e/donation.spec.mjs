// The reader-revenue prompt: choice cards, CTA link, keyboard, snooze, cap,
// dnt, failing storage, accessibility.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { watch, waitForEvent, events, embed, embedMarkup } from "./helpers.mjs";

const SEED = JSON.parse(readFileSync(new URL("../../www/articles/four-officers.json", import.meta.url), "utf8"));
const DAY = 86_400_000;

test.beforeEach(async ({ context }) => {
  // Donate and article links open new tabs; keep them off the network.
  await context.route("https://news.example/**", (route) => route.fulfill({ body: "ok" }));
});

/** The element focused inside the widget's shadow root. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.querySelector("article-embed").shadowRoot.activeElement;
    if (!el) return null;
    return { tag: el.localName, name: el.name || null, value: el.value || null, text: el.textContent.trim().slice(0, 40), checked: el.checked ?? null, outline: getComputedStyle(el.localName === "input" ? el.nextElementSibling : el).outlineStyle };
  });

test("choosing monthly and $10 updates the CTA link and the donate event", async ({ page }) => {
  const problems = await watch(page);
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  const ask = page.locator("article-embed .ask");
  await ask.getByRole("radio", { name: "One-off" }).check();
  await expect(ask.getByRole("radio", { name: "$25" })).toBeChecked();
  await ask.getByRole("radio", { name: "Monthly" }).check();
  await expect(ask.getByRole("radio", { name: "$5" })).toBeChecked();
  await ask.getByRole("radio", { name: "$10" }).check();
  const cta = ask.getByRole("link", { name: "Support us" });
  const href = await cta.getAttribute("href");
  expect(href).toBe(
    "https://news.example/donate?amount=10&frequency=monthly&currency=USD&utm_source=127.0.0.1&utm_medium=article-embed&utm_campaign=four-officers-prosecuted&utm_content=appeal"
  );
  await cta.click();
  const donate = await waitForEvent(page, "article-embed:donate");
  expect(donate.detail).toMatchObject({ amount: 10, currency: "USD", frequency: "monthly", href });
  expect(problems).toEqual([]);
});

test("Other amount accepts only a positive amount, with an inline message", async ({ page }) => {
  await watch(page);
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  const ask = page.locator("article-embed .ask");
  await ask.getByRole("radio", { name: "Other" }).check();
  const field = ask.getByLabel("Your amount in USD");
  const cta = ask.locator("a.cta");
  await expect(cta).toHaveAttribute("aria-disabled", "true");
  await expect(cta).not.toHaveAttribute("href", /.*/);
  await field.fill("abc");
  await expect(ask.getByRole("alert")).toHaveText("Enter a number, like 15 or 12.50.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill("-3");
  await expect(ask.getByRole("alert")).toHaveText("Enter an amount greater than zero.");
  await field.fill("12.50");
  await expect(ask.getByRole("alert")).toHaveCount(0);
  await expect(cta).toHaveAttribute("href", /amount=12\.5&frequency=monthly&currency=USD/);
  await cta.click();
  const donate = await waitForEvent(page, "article-embed:donate");
  expect(donate.detail.amount).toBe(12.5);
});

test("keyboard only: from the first Tab to the CTA, with visible focus", async ({ page }) => {
  await watch(page);
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  let f = null;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    f = await focused(page);
    if (f && f.name === "ae-frequency") break;
  }
  expect(f).toMatchObject({ tag: "input", name: "ae-frequency", value: "monthly", checked: true });
  expect(f.outline).not.toBe("none");
  await page.keyboard.press("ArrowRight");
  expect(await focused(page)).toMatchObject({ value: "one-off", checked: true });
  await page.keyboard.press("ArrowRight");
  expect(await focused(page)).toMatchObject({ value: "annual", checked: true });
  // One tab stop per group: the next Tab lands on the chosen amount.
  await page.keyboard.press("Tab");
  expect(await focused(page)).toMatchObject({ name: "ae-amount", value: "60", checked: true });
  await page.keyboard.press("ArrowLeft");
  expect(await focused(page)).toMatchObject({ name: "ae-amount", value: "25", checked: true });
  await page.keyboard.press("Tab");
  const cta = await focused(page);
  expect(cta).toMatchObject({ tag: "a", text: "Support us" });
  expect(cta.outline).not.toBe("none");
  await page.keyboard.press("Enter");
  const donate = await waitForEvent(page, "article-embed:donate");
  expect(donate.detail).toMatchObject({ amount: 25, frequency: "annual" });
  // Then the payment methods (not focusable) and "Remind me later".
  await page.keyboard.press("Tab");
  expect(await focused(page)).toMatchObject({ tag: "button", text: "Remind me later" });
  await page.keyboard.press("Enter");
  const status = await focused(page);
  expect(status).toMatchObject({ tag: "p" });
  expect(status.text).toContain("we'll ask again in");
});

test("remind me later: hidden across reloads until the snooze ends", async ({ page }) => {
  const start = new Date("2026-03-01T12:00:00Z");
  await page.clock.install({ time: start });
  await watch(page);
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  const el = page.locator("article-embed");
  await el.getByRole("button", { name: "Remind me later" }).click();
  const remind = await waitForEvent(page, "article-embed:remind-later");
  expect(remind.detail.until).toBe("2026-03-31");
  await expect(el.getByRole("status")).toHaveText("Thanks — we'll ask again in 30 days, on March 31, 2026.");
  await expect(el.locator(".ask")).toHaveCount(0);
  await expect(el.locator(".banner")).toHaveCount(0);

  await page.clock.setSystemTime(new Date(start.getTime() + 29 * DAY));
  await page.reload();
  await waitForEvent(page, "article-embed:rendered");
  await expect(el.locator("h1")).toBeVisible();
  await expect(el.locator(".ask")).toHaveCount(0);
  await expect(el.locator(".banner")).toHaveCount(0);

  await page.clock.setSystemTime(new Date(start.getTime() + 31 * DAY));
  await page.reload();
  await waitForEvent(page, "article-embed:rendered");
  await expect(el.locator(".ask")).toHaveCount(1);
  await expect(el.locator(".banner")).toHaveCount(1);
});

test("dismissing the banner hides only the banner, across reloads", async ({ page }) => {
  await watch(page);
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  const el = page.locator("article-embed");
  await el.getByRole("button", { name: "Dismiss" }).click();
  await expect(el.locator(".banner")).toHaveCount(0);
  await expect(el.locator(".ask")).toHaveCount(1);
  await page.reload();
  await waitForEvent(page, "article-embed:rendered");
  await expect(el.locator(".banner")).toHaveCount(0);
  await expect(el.locator(".ask")).toHaveCount(1);
});

test("frequency cap: after N showings in view the ask stops showing", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.route("**/capped.json", (route) =>
    route.fulfill({ json: { ...SEED, donation: { ...SEED.donation, frequencyCap: { views: 2, days: 30 } } } })
  );
  await watch(page);
  const views = () => page.evaluate(() => (localStorage.getItem("article-embed:views:https://news.example") || "").split(",").filter(Boolean).length);
  const showAsk = async () => {
    await page.locator("article-embed .ask").scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
  };
  await embed(page, "/capped.json");
  await waitForEvent(page, "article-embed:rendered");
  await page.waitForTimeout(300);
  // Rendered far below the fold is not a showing.
  expect(await views()).toBe(0);
  await showAsk();
  await expect.poll(views).toBe(1);
  await embed(page, "/capped.json");
  await waitForEvent(page, "article-embed:rendered");
  await showAsk();
  await expect.poll(views).toBe(2);
  await embed(page, "/capped.json");
  await waitForEvent(page, "article-embed:rendered");
  await expect(page.locator("article-embed h1")).toBeVisible();
  await expect(page.locator("article-embed .ask")).toHaveCount(0);
});

test('data-dnt="true": everything works in the page, nothing is stored', async ({ page }) => {
  await watch(page);
  await embed(page, "/articles/four-officers.json", { dnt: "true" });
  await waitForEvent(page, "article-embed:rendered");
  const el = page.locator("article-embed");
  await el.locator(".ask").scrollIntoViewIfNeeded();
  await el.getByRole("button", { name: "Dismiss" }).click();
  await el.getByRole("button", { name: "Remind me later" }).click();
  await expect(el.locator(".ask")).toHaveCount(0);
  await waitForEvent(page, "article-embed:remind-later");
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  expect(await page.evaluate(() => document.cookie)).toBe("");
});

test("storage that throws degrades to this page only, without errors", async ({ page }) => {
  const problems = await watch(page);
  await page.addInitScript(() => {
    const fail = () => {
      throw new DOMException("blocked", "SecurityError");
    };
    Storage.prototype.getItem = fail;
    Storage.prototype.setItem = fail;
  });
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  const el = page.locator("article-embed");
  await el.getByRole("button", { name: "Remind me later" }).click();
  await expect(el.locator(".ask")).toHaveCount(0);
  await expect(el.getByRole("status")).toContainText("we'll ask again in");
  expect(problems).toEqual([]);
});

test('data-donate="off" hides the ask and the banner', async ({ page }) => {
  await watch(page);
  await embed(page, "/articles/four-officers.json", { donate: "off" });
  await waitForEvent(page, "article-embed:rendered");
  const el = page.locator("article-embed");
  await expect(el.locator("h1")).toBeVisible();
  await expect(el.locator(".ask")).toHaveCount(0);
  await expect(el.locator(".banner")).toHaveCount(0);
});

test("payment methods are labelled badges; unknown ids are ignored", async ({ page }) => {
  await page.route("**/methods.json", (route) =>
    route.fulfill({ json: { ...SEED, donation: { ...SEED.donation, paymentMethods: ["visa", "dogecoin", "card", "apple-pay"] } } })
  );
  await watch(page);
  await embed(page, "/methods.json");
  await waitForEvent(page, "article-embed:rendered");
  const badges = page.locator("article-embed .payment-methods").getByRole("img");
  await expect(badges).toHaveCount(3);
  expect(await badges.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).toEqual(["Visa", "Card", "Apple Pay"]);
});

for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no violations in the widget (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await watch(page);
    await page.goto("/");
    await waitForEvent(page, "article-embed:rendered");
    await page.locator("article-embed .ask").scrollIntoViewIfNeeded();
    const results = await new AxeBuilder({ page }).include("article-embed").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    // And with the "Other amount" field open and in error.
    await page.locator("article-embed .ask").getByRole("radio", { name: "Other" }).check();
    await page.locator("article-embed .ask").getByLabel("Your amount in USD").fill("x");
    const withError = await new AxeBuilder({ page }).include("article-embed").withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
    expect(withError.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test('the ask speaks Russian with data-lang="ru"', async ({ page }) => {
  await watch(page);
  await embed(page, "/articles/four-officers.json", { lang: "ru" });
  await waitForEvent(page, "article-embed:rendered");
  const ask = page.locator("article-embed .ask");
  await expect(ask.locator(".frequencies legend")).toHaveText("Как часто");
  await expect(ask.getByRole("radio", { name: "Ежемесячно" })).toBeChecked();
  await expect(ask.locator(".amounts legend")).toHaveText("Сумма");
  await ask.getByRole("radio", { name: "Другая сумма" }).check();
  await ask.getByLabel("Ваша сумма в USD").fill("0");
  await expect(ask.getByRole("alert")).toHaveText("Сумма должна быть больше нуля.");
  await expect(ask.getByRole("list", { name: "Способы оплаты" })).toBeVisible();
  expect((await events(page, "article-embed:error")).length).toBe(0);
});

test("remind me later in one embed hides that publisher's ask in every embed on the page", async ({ page }) => {
  const problems = await watch(page);
  await embedMarkup(page, `
      <article-embed id="first" src="/articles/four-officers.json"></article-embed>
      <article-embed id="second" src="/articles/four-officers.json?again"></article-embed>`);
  await page.waitForFunction(() => window.ArticleEmbed);
  await page.evaluate(() => window.ArticleEmbed.load());
  const first = page.locator("#first");
  const second = page.locator("#second");
  await expect(first.locator(".ask")).toHaveCount(1);
  await expect(second.locator(".ask")).toHaveCount(1);
  await first.getByRole("button", { name: "Remind me later" }).click();
  await expect(first.getByRole("status")).toContainText("we'll ask again in");
  await expect(second.locator(".ask")).toHaveCount(0);
  await expect(second.locator(".banner")).toHaveCount(0);
  await expect(second.getByRole("status")).toHaveCount(0);
  expect(problems).toEqual([]);
});
