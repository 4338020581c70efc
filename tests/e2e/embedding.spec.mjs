// The host-page contract: isolation, strict CSP, many embeds, late embeds,
// idempotency, custom element attributes, events, themes, language.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { watch, waitForEvent, events, embed, embedMarkup } from "./helpers.mjs";

const SEED = JSON.parse(readFileSync(new URL("../../www/articles/four-officers.json", import.meta.url), "utf8"));
// The bundle's content-hashed glue and module, as the built embed.js names them.
const LOADER = readFileSync(new URL("../../dist/embed.js", import.meta.url), "utf8");
const GLUE = `/${LOADER.match(/article-embed-[0-9a-f]+\.js/)[0]}`;
const WASM = `/${LOADER.match(/article-embed-[0-9a-f]+_bg\.wasm/)[0]}`;

/** Computed styles of the widget's key parts, for comparing two pages. */
async function widgetStyles(page) {
  return page.locator("article-embed").evaluate((el) => {
    const root = el.shadowRoot;
    const pick = (sel, props) => {
      const node = root.querySelector(sel);
      const cs = getComputedStyle(node);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    const text = ["font-family", "font-size", "color", "line-height", "letter-spacing", "text-transform", "text-indent", "margin-top", "padding-top", "display"];
    return {
      host: (() => {
        const cs = getComputedStyle(el);
        return { display: cs.display, margin: cs.margin, background: cs.backgroundColor, border: cs.borderTopWidth, fontSize: cs.fontSize };
      })(),
      root: pick(".ae", ["background-color", "border-top-width", "box-sizing", "display"]),
      headline: pick("h1", [...text, "text-decoration-line"]),
      paragraph: pick(".body p", text),
      link: pick(".body a", ["color", "font-weight"]),
      ask: pick(".ask", ["background-color", "float", "width", "display"]),
      related: pick(".related", ["float", "width", "display"]),
      button: pick(".remind-later", ["background-color", "color", "text-decoration-line"]),
    };
  });
}

test("host CSS cannot restyle the widget: hostile page looks like the plain page", async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await watch(page);
  await page.goto("/fixtures/plain.html");
  await waitForEvent(page, "article-embed:rendered");
  const plain = await widgetStyles(page);
  const plainShot = await page.locator("article-embed").screenshot();

  const problems = await watch(page);
  await page.goto("/fixtures/hostile.html");
  await waitForEvent(page, "article-embed:rendered");
  const hostile = await widgetStyles(page);
  expect(hostile).toEqual(plain);
  const hostileShot = await page.locator("article-embed").screenshot();
  expect(hostileShot.equals(plainShot), "the widget's pixels differ between the plain and the hostile page").toBe(true);
  expect(problems).toEqual([]);
});

test("widget CSS never leaks into the host page", async ({ page }) => {
  await watch(page);
  await page.goto("/fixtures/every-block.html");
  await waitForEvent(page, "article-embed:rendered");
  const leaks = await page.evaluate(() => {
    const h1 = getComputedStyle(document.querySelector("body > h1"));
    return { sheets: document.styleSheets.length, h1Font: h1.fontFamily, h1Size: h1.fontSize };
  });
  expect(leaks.sheets).toBe(0);
  expect(leaks.h1Size).toBe("32px");
});

test("documented custom properties and ::part() names style the widget", async ({ page }) => {
  await watch(page);
  await page.goto("/fixtures/plain.html");
  await page.addStyleTag({
    content: `article-embed { --article-embed-accent: rgb(200, 0, 0); --article-embed-font-family: monospace;
      --article-embed-font-size: 20px; --article-embed-radius: 0px; }
      article-embed::part(headline) { letter-spacing: 3px; }`,
  });
  await waitForEvent(page, "article-embed:rendered");
  const s = await page.locator("article-embed").evaluate((el) => {
    const r = el.shadowRoot;
    const cs = (sel) => getComputedStyle(r.querySelector(sel));
    return {
      cta: cs(".cta").backgroundColor,
      font: cs(".ae").fontFamily,
      size: cs(".ae").fontSize,
      radius: cs(".ae").borderTopLeftRadius,
      headlineSpacing: cs("h1").letterSpacing,
      parts: [...r.querySelectorAll("[part]")].map((e) => e.getAttribute("part")),
    };
  });
  expect(s).toMatchObject({ cta: "rgb(200, 0, 0)", font: "monospace", size: "20px", radius: "0px", headlineSpacing: "3px" });
  for (const part of ["root", "banner", "article", "headline", "body", "donation", "cta", "related"]) {
    expect(s.parts).toContain(part);
  }
});

test("works under the strict CSP with no policy violations", async ({ page }) => {
  const problems = await watch(page);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto("/fixtures/csp.html");
  expect(response.headers()["content-security-policy"]).toContain("style-src 'self'");
  await waitForEvent(page, "article-embed:rendered");
  const embedEl = page.locator("article-embed");
  await expect(embedEl.locator("h1")).toBeVisible();
  // The ticker's bar is drawn (not blocked): the progress element has its value and a width.
  const ticker = await embedEl.locator(".ticker-bar progress").evaluate((p) => ({ value: p.value, max: p.max, width: p.getBoundingClientRect().width }));
  expect(ticker).toMatchObject({ value: 6400, max: 10000 });
  expect(ticker.width).toBeGreaterThan(100);
  // Styles applied (the constructable stylesheet is not blocked).
  const radius = await embedEl.locator(".cta").evaluate((a) => getComputedStyle(a).borderTopLeftRadius);
  expect(radius).not.toBe("0px");
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(problems).toEqual([]);
});

test("the generated JavaScript contains no eval and no Function constructor", async ({ request }) => {
  for (const file of ["/embed.js", GLUE]) {
    const text = await (await request.get(file)).text();
    expect(text, file).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]/);
    expect(text, file).not.toMatch(/setTimeout\s*\(\s*["'`]/);
  }
});

test("30 embeds of 5 articles: lazy, one Wasm instance, one request per article", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  const problems = await watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.route("**/variants/*.json", (route) => {
    const n = route.request().url().match(/article-(\d+)\.json/)[1];
    route.fulfill({ json: { ...SEED, id: `variant-${n}`, headline: `Variant ${n}: ${SEED.headline}`, related: [] } });
  });
  await page.goto("/fixtures/many.html");
  await waitForEvent(page, "article-embed:rendered");
  await page.waitForTimeout(500);
  const early = requests.filter((p) => p.startsWith("/variants/"));
  const mountedEarly = await page.evaluate(() => [...document.querySelectorAll("article-embed")].filter((e) => e.shadowRoot.querySelector(".ae")).length);
  expect(mountedEarly).toBeLessThan(5);
  expect(early.length).toBeLessThan(5);
  const lastMounted = await page.evaluate(() => !!document.getElementById("embed-29").parentElement.shadowRoot.querySelector(".ae"));
  expect(lastMounted).toBe(false);

  // Scroll through the page; every embed renders.
  for (let i = 0; i < 30; i += 2) {
    await page.evaluate((i) => document.querySelectorAll("article-embed")[i].scrollIntoView(), i);
    await page.waitForTimeout(50);
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await waitForEvent(page, "article-embed:rendered", 30);
  expect(requests.filter((p) => p.startsWith("/variants/")).sort()).toEqual([0, 1, 2, 3, 4].map((n) => `/variants/article-${n}.json`));
  expect(requests.filter((p) => p.endsWith(".wasm"))).toEqual([WASM]);
  expect(requests.filter((p) => p === GLUE)).toHaveLength(1);
  const headlines = await page.evaluate(() => [...document.querySelectorAll("article-embed")].map((e) => e.shadowRoot.querySelector("h1").textContent));
  expect(headlines[7]).toBe(`Variant 2: ${SEED.headline}`);
  expect(problems).toEqual([]);
});

test("ArticleEmbed.load() renders late embeds and resolves when they settle", async ({ page }) => {
  const problems = await watch(page);
  await page.goto("/fixtures/blank.html");
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.src = "/embed.js";
    document.head.append(s);
  });
  await page.waitForFunction(() => window.ArticleEmbed);
  const results = await page.evaluate(async () => {
    const box = document.createElement("div");
    box.innerHTML = `
      <blockquote class="article-embed" data-src="/articles/four-officers.json"><a href="https://news.example/a">A</a></blockquote>
      <article-embed src="/articles/every-block.json"></article-embed>
      <blockquote class="article-embed" data-src="/articles/missing.json"><a href="https://news.example/m">M</a></blockquote>`;
    document.getElementById("slot").append(box);
    const settled = await window.ArticleEmbed.load(box);
    return settled.map((r) => [r.element.getAttribute("src"), r.ok]);
  });
  expect(results).toEqual([
    ["/articles/four-officers.json", true],
    ["/articles/every-block.json", true],
    ["/articles/missing.json", false],
  ]);
  expect(await page.evaluate(() => typeof window.ArticleEmbed.version)).toBe("string");
  expect(problems).toEqual([]);
});

test("embed.js included twice and load() called twice render each embed once", async ({ page }) => {
  const problems = await watch(page);
  await page.goto("/fixtures/blank.html");
  await page.evaluate(() => {
    for (const src of ["/articles/four-officers.json", "/articles/every-block.json"]) {
      const q = document.createElement("blockquote");
      q.className = "article-embed";
      q.dataset.src = src;
      document.getElementById("slot").append(q);
    }
    for (let i = 0; i < 2; i++) {
      const s = document.createElement("script");
      s.src = "/embed.js";
      s.async = true;
      document.body.append(s);
    }
  });
  await waitForEvent(page, "article-embed:rendered", 2);
  await page.evaluate(() => Promise.all([window.ArticleEmbed.load(), window.ArticleEmbed.load()]));
  await page.waitForTimeout(300);
  expect(await page.locator("article-embed").count()).toBe(2);
  expect(await page.locator("article-embed article-embed").count()).toBe(0);
  expect((await events(page, "article-embed:rendered")).length).toBe(2);
  const articles = await page.evaluate(() => [...document.querySelectorAll("article-embed")].map((e) => e.shadowRoot.querySelectorAll("article").length));
  expect(articles).toEqual([1, 1]);
  expect(problems).toEqual([]);
});

test("window.ArticleEmbed.version is the crate version", async ({ page }) => {
  await watch(page);
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  const [loader, wasm] = await page.evaluate(async (glue) => [window.ArticleEmbed.version, (await import(glue)).version()], GLUE);
  expect(loader).toBe(wasm);
});

test("custom element attribute changes re-render in place", async ({ page }) => {
  const problems = await watch(page);
  await embedMarkup(page, '<article-embed src="/articles/four-officers.json" theme="light"></article-embed>');
  await waitForEvent(page, "article-embed:rendered");
  const el = page.locator("article-embed");
  const bg = () => el.evaluate((e) => getComputedStyle(e.shadowRoot.querySelector(".ae")).backgroundColor);
  expect(await bg()).toBe("rgb(255, 255, 255)");
  await el.evaluate((e) => e.setAttribute("theme", "dark"));
  await expect.poll(bg).toBe("rgb(22, 24, 27)");
  await el.evaluate((e) => e.setAttribute("lang", "ru"));
  await expect(el.locator(".related h2")).toHaveText("Читайте также");
  await el.evaluate((e) => e.setAttribute("src", "/articles/every-block.json"));
  await expect(el.locator("h1")).toHaveText("How the Caspian Pipeline Shapes Kazakhstan's Oil Towns");
  expect((await events(page, "article-embed:rendered")).length).toBe(2);
  expect(problems).toEqual([]);
});

test("every contract event reaches a listener on document with its detail", async ({ page, context }) => {
  await context.route("https://news.example/**", (route) => route.fulfill({ body: "ok" }));
  const problems = await watch(page);
  await page.goto("/");
  const rendered = await waitForEvent(page, "article-embed:rendered");
  expect(rendered).toMatchObject({ bubbles: true, composed: true, target: "article-embed" });
  const embedEl = page.locator("article-embed");

  await embedEl.locator(".amounts label", { hasText: "$10" }).click();
  await embedEl.locator("a.cta").click();
  const donate = await waitForEvent(page, "article-embed:donate");
  expect(donate.detail).toEqual({
    src: rendered.detail.src,
    amount: 10,
    currency: "USD",
    frequency: "monthly",
    href: "https://news.example/donate?amount=10&frequency=monthly&currency=USD&utm_source=127.0.0.1&utm_medium=article-embed&utm_campaign=four-officers-prosecuted&utm_content=appeal",
    variant: "appeal",
  });

  await embedEl.locator(".related a").first().click();
  const related = await waitForEvent(page, "article-embed:link");
  expect(related.detail).toEqual({ src: rendered.detail.src, href: "https://news.example/2011/12/17/kazakh-oil-town-riots", kind: "related" });
  await embedEl.locator(".canonical a").click();
  const canonical = await waitForEvent(page, "article-embed:link", 2);
  expect(canonical.detail).toMatchObject({ kind: "canonical", href: SEED.url });

  await embedEl.getByRole("button", { name: "Remind me later" }).click();
  const remind = await waitForEvent(page, "article-embed:remind-later");
  const until = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  expect(remind.detail).toEqual({ src: rendered.detail.src, until });
  for (const e of await events(page)) {
    expect(e).toMatchObject({ bubbles: true, composed: true, target: "article-embed" });
  }
  expect(problems).toEqual([]);
});

for (const [theme, scheme, background] of [
  ["light", "dark", "rgb(255, 255, 255)"],
  ["dark", "light", "rgb(22, 24, 27)"],
  ["auto", "light", "rgb(255, 255, 255)"],
  ["auto", "dark", "rgb(22, 24, 27)"],
]) {
  test(`theme=${theme} under prefers-color-scheme: ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await watch(page);
    await embed(page, "/articles/four-officers.json", { theme });
    await waitForEvent(page, "article-embed:rendered");
    const bg = await page.locator("article-embed").evaluate((e) => getComputedStyle(e.shadowRoot.querySelector(".ae")).backgroundColor);
    expect(bg).toBe(background);
  });
}

test("auto theme follows the OS theme live", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await watch(page);
  await embed(page, "/articles/four-officers.json");
  await waitForEvent(page, "article-embed:rendered");
  const bg = () => page.locator("article-embed").evaluate((e) => getComputedStyle(e.shadowRoot.querySelector(".ae")).backgroundColor);
  expect(await bg()).toBe("rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(bg).toBe("rgb(22, 24, 27)");
});

test('lang="ru" switches every UI string, date and number', async ({ page }) => {
  await watch(page);
  await embed(page, "/articles/four-officers.json", { lang: "ru" });
  await waitForEvent(page, "article-embed:rendered");
  const el = page.locator("article-embed");
  await expect(el.locator(".ae")).toHaveAttribute("lang", "ru");
  await expect(el.locator("header time")).toHaveText("11 января 2012\u00a0г.");
  await expect(el.locator(".related h2")).toHaveText("Читайте также");
  await expect(el.locator(".frequencies legend")).toHaveText("Как часто");
  await expect(el.locator(".amounts label").first()).toHaveText("2\u00a0$");
  await expect(el.locator(".ticker-amounts")).toHaveText("6400\u00a0$ из 10\u00a0000\u00a0$");
  await expect(el.locator(".canonical a")).toHaveText("Читать на сайте The Moscow Times");
  await expect(el.locator(".banner-dismiss")).toHaveAttribute("aria-label", "Закрыть");
});

test("invalid option values fall back to defaults with one console warning each", async ({ page }) => {
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await watch(page);
  await embed(page, "/articles/four-officers.json", { theme: "neon", related: "lots" });
  await waitForEvent(page, "article-embed:rendered");
  const el = page.locator("article-embed");
  await expect(el.locator(".ae")).toHaveAttribute("data-theme", "auto");
  await expect(el.locator(".related li")).toHaveCount(3);
  expect(warnings.filter((w) => w.includes('invalid theme="neon"'))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes('invalid related="lots"'))).toHaveLength(1);

  // An update re-reads every option: the warnings still in force are not
  // repeated; a new invalid value gets its own.
  await el.evaluate((e) => e.setAttribute("lang", "ru"));
  await expect(el.locator(".ae")).toHaveAttribute("lang", "ru");
  await el.evaluate((e) => e.setAttribute("related", "more"));
  await expect.poll(() => warnings.filter((w) => w.includes('invalid related="more"')).length).toBe(1);
  expect(warnings.filter((w) => w.includes('invalid theme="neon"'))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes('invalid related="lots"'))).toHaveLength(1);
});

for (const width of [280, 400, 700, 1200]) {
  test(`responsive to its container at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await watch(page);
    await embed(page, "/articles/every-block.json");
    await page.addStyleTag({ content: `#slot { width: ${width}px; }` });
    await waitForEvent(page, "article-embed:rendered");
    const m = await page.locator("article-embed").evaluate((e) => {
      const ae = e.shadowRoot.querySelector(".ae");
      const overflowing = [...e.shadowRoot.querySelectorAll("*")].filter((n) => n.getBoundingClientRect().right > ae.getBoundingClientRect().right + 0.5);
      return { width: ae.getBoundingClientRect().width, scroll: ae.scrollWidth, client: ae.clientWidth, overflowing: overflowing.map((n) => n.className || n.localName) };
    });
    expect(Math.round(m.width)).toBe(width);
    expect(m.scroll).toBeLessThanOrEqual(m.client);
    expect(m.overflowing).toEqual([]);
    await page.locator("article-embed").screenshot({ path: test.info().outputPath(`width-${width}.png`) });
  });
}

test("layout shift caused by the widget on the demo page (reported, not asserted)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await watch(page);
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  await page.waitForTimeout(1000);
  const cls = await page.evaluate(() => window.__cls);
  test.info().annotations.push({ type: "CLS", description: String(cls) });
  console.log(`CLS on the demo page: ${cls.toFixed(4)}`);
  expect(cls).toBeGreaterThanOrEqual(0);
});

test("an <article-embed> given its src later renders then", async ({ page }) => {
  const problems = await watch(page);
  await page.goto("/fixtures/blank.html");
  await page.evaluate(async () => {
    document.getElementById("slot").innerHTML = "<article-embed></article-embed>";
    const s = document.createElement("script");
    s.src = "/embed.js";
    document.body.append(s);
    await new Promise((r) => (s.onload = r));
    await window.ArticleEmbed.load();
    document.querySelector("article-embed").setAttribute("src", "/articles/four-officers.json");
  });
  await waitForEvent(page, "article-embed:rendered");
  await expect(page.locator("article-embed h1")).toHaveText(SEED.headline);
  expect(problems).toEqual([]);
});

test("an embed removed from the page and added back renders again", async ({ page }) => {
  const problems = await watch(page);
  await embed(page, "/articles/four-officers.json");
  await waitForEvent(page, "article-embed:rendered");
  await page.evaluate(async () => {
    const el = document.querySelector("article-embed");
    el.remove();
    // Out of the page past the current task: removed for real, so unmounted
    // (moved within one task, it would keep its widget: frameworks.spec.mjs).
    await new Promise((resolve) => setTimeout(resolve, 0));
    document.getElementById("slot").append(el);
  });
  await waitForEvent(page, "article-embed:rendered", 2);
  await expect(page.locator("article-embed h1")).toHaveText(SEED.headline);
  expect(await page.locator("article-embed").evaluate((e) => e.shadowRoot.querySelectorAll("article").length)).toBe(1);
  expect(problems).toEqual([]);
});

test("printing leaves out the donation banner and ask", async ({ page }) => {
  await watch(page);
  await page.goto("/");
  await waitForEvent(page, "article-embed:rendered");
  await page.emulateMedia({ media: "print" });
  const el = page.locator("article-embed");
  await expect(el.locator("h1")).toBeVisible();
  await expect(el.locator(".body p").first()).toBeVisible();
  await expect(el.locator(".ask")).toBeHidden();
  await expect(el.locator(".banner")).toBeHidden();
});

test("the loading skeleton does not animate under prefers-reduced-motion", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await watch(page);
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/slow-article.json", async (route) => {
    await held;
    await route.fulfill({ body: JSON.stringify(SEED), contentType: "application/json" });
  });
  await embed(page, "/slow-article.json");
  const bar = page.locator("article-embed .skeleton .bar").first();
  await expect(bar).toBeAttached();
  expect(await bar.evaluate((b) => getComputedStyle(b).animationName)).toBe("none");
  await expect(page.locator("article-embed .skeleton")).toHaveAttribute("aria-busy", "true");
  release();
  await waitForEvent(page, "article-embed:rendered");
});

test("a load that finishes after src changed is dropped: rendered never pairs one article with another's src", async ({ page }) => {
  const problems = await watch(page);
  // The first article answers late, after src has moved on to the second.
  await page.route("**/slow-first.json", async (route) => {
    await new Promise((r) => setTimeout(r, 1200));
    const seed = await (await route.fetch({ url: new URL("/articles/four-officers.json", route.request().url()).href })).json();
    route.fulfill({ json: { ...seed, id: "slow-first" } });
  });
  await embedMarkup(page, '<article-embed src="/slow-first.json"></article-embed>');
  const el = page.locator("article-embed");
  await expect(el.locator(".skeleton")).toHaveCount(1);
  await el.evaluate((e) => e.setAttribute("src", "/articles/every-block.json"));
  await waitForEvent(page, "article-embed:rendered");
  await page.waitForTimeout(1500);
  const rendered = await events(page, "article-embed:rendered");
  for (const r of rendered) {
    const expected = r.detail.src.endsWith("/slow-first.json") ? "slow-first" : "caspian-pipeline-explainer";
    expect(r.detail.id).toBe(expected);
  }
  await expect(el.locator("h1")).not.toHaveText(/Four Officers/);
  expect(problems).toEqual([]);
});
