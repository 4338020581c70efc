// <article-embed> inside framework-owned DOM (issue 18): a real React 19 app
// and a real Vue 3 app (tests/fixtures/react/app.jsx, tests/fixtures/vue/app.js,
// bundled here with esbuild) mount the element, give it a new `src` and a new
// `theme`, unmount and remount it, 50 times; keyed lists move it. The loader
// must render the right article each time, throw nothing, instantiate the Wasm
// module once, free every widget it unmounts, remount nothing that only moved,
// and leave the Wasm memory where it was after the first cycle (within a bound).
import { test, expect } from "@playwright/test";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const GENERATED = `${ROOT}tests/fixtures/generated/`;

const A = "/articles/four-officers.json";
const B = "/articles/every-block.json";
const HEADLINE = {
  [A]: "Four Officers Prosecuted for Kazakh Riot Shootings",
  [B]: "How the Caspian Pipeline Shapes Kazakhstan's Oil Towns",
};
/** The articles' `id`s, as `article-embed:rendered` reports them. */
const ID = { [A]: "four-officers-prosecuted", [B]: "caspian-pipeline-explainer" };
const CYCLES = 50;
/** How much the Wasm memory may grow from the end of cycle 1 to the end of cycle 50. */
const MEMORY_BOUND = 256 * 1024;

const FRAMEWORKS = {
  "React 19": { page: "/fixtures/react.html", entry: "tests/fixtures/react/app.jsx", out: "react-app.js" },
  "Vue 3": { page: "/fixtures/vue.html", entry: "tests/fixtures/vue/app.js", out: "vue-app.js" },
};

test.beforeAll(async () => {
  mkdirSync(GENERATED, { recursive: true });
  for (const { entry, out } of Object.values(FRAMEWORKS)) {
    const result = await build({
      entryPoints: [`${ROOT}${entry}`],
      bundle: true,
      format: "esm",
      jsx: "automatic",
      write: false,
      logLevel: "silent",
      // Development builds: React and Vue report misuse on the console.
      define: {
        "process.env.NODE_ENV": '"development"',
        __VUE_OPTIONS_API__: "true",
        __VUE_PROD_DEVTOOLS__: "false",
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false",
      },
    });
    // Written whole, then renamed: another worker may be serving the file.
    const tmp = `${GENERATED}${out}.${process.pid}.tmp`;
    writeFileSync(tmp, result.outputFiles[0].contents);
    renameSync(tmp, `${GENERATED}${out}`);
  }
});

/**
 * Instruments the page before any script runs: counts Wasm instantiations
 * and keeps the instance's memory; counts the widget's `mount` calls and the
 * frees of its `Embed` handles (so `mounts - frees` is the number of live
 * widgets); small helpers to read an embed's shadow root.
 */
function instrument() {
  const wasm = (window.__wasm = { instances: 0, mounts: 0, frees: 0, memory: null });
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(WebAssembly, args);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      wasm.instances++;
      const exports = { ...instance.exports };
      wasm.memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory) || null;
      exports.mount = (...a) => {
        wasm.mounts++;
        return instance.exports.mount(...a);
      };
      exports.__wbg_embed_free = (...a) => {
        wasm.frees++;
        return instance.exports.__wbg_embed_free(...a);
      };
      const wrapped = { exports };
      return result instanceof WebAssembly.Instance ? wrapped : { module: result.module, instance: wrapped };
    };
  }
  window.__until = (predicate, what, ms = 10_000) =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      (function tick() {
        let value;
        try {
          value = predicate();
        } catch {
          value = false;
        }
        if (value) return resolve(value);
        if (performance.now() - start > ms) return reject(new Error(`timed out waiting for ${what}`));
        setTimeout(tick, 5);
      })();
    });
  window.__headline = (el) => el?.shadowRoot?.querySelector("h1.headline")?.textContent ?? null;
  window.__theme = (el) => el?.shadowRoot?.querySelector('[part="root"]')?.dataset.theme ?? null;
  window.__container = (el) => el?.shadowRoot?.querySelector(".ae-mount") ?? null;
  window.__live = () => window.__wasm.mounts - window.__wasm.frees;
}

/** Opens `path`, instrumented; returns the problems seen (console errors, page errors) and .wasm requests. */
async function open(page, path) {
  const problems = [];
  const wasmRequests = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /panicked|RuntimeError|unreachable|\[Vue warn\]/i.test(m.text())) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    if (/\.wasm$/.test(new URL(r.url()).pathname)) wasmRequests.push(r.url());
  });
  await page.addInitScript(instrument);
  await page.goto(path);
  return { problems, wasmRequests };
}

for (const framework of Object.keys(FRAMEWORKS)) {
  test.describe(framework, () => {
    test(`${CYCLES} cycles of mount, new src, new theme, unmount and remount`, async ({ page }) => {
      test.setTimeout(180_000);
      const { problems, wasmRequests } = await open(page, FRAMEWORKS[framework].page);
      await page.waitForFunction(() => window.__ready && window.__app);
      const cycle = (i) =>
        page.evaluate(
          async ({ i, A, B, HEADLINE, ID }) => {
            const main = () => document.getElementById("main");
            const showing = (src, theme) => () => __headline(main()) === HEADLINE[src] && __theme(main()) === theme;
            // The app heard the widget's article-embed:rendered for `src`.
            const heard = (src, before) => () => {
              const last = __app.rendered[__app.rendered.length - 1];
              return __app.rendered.length > before && last.id === ID[src] && new URL(last.src).pathname === src;
            };
            let n = __app.rendered.length;
            await __app.set({ shown: true, src: A, theme: "light" });
            await __until(showing(A, "light"), `cycle ${i}: article A, light`);
            await __until(heard(A, n), `cycle ${i}: rendered A`);
            n = __app.rendered.length;
            await __app.set({ src: B });
            await __until(showing(B, "light"), `cycle ${i}: article B after a new src`);
            await __until(heard(B, n), `cycle ${i}: rendered B`);
            await __app.set({ theme: "dark" });
            await __until(showing(B, "dark"), `cycle ${i}: dark after a new theme`);
            await __app.set({ shown: false });
            if (main()) throw new Error(`cycle ${i}: still mounted after unmount`);
            await __until(() => __live() === 0, `cycle ${i}: the unmounted widget freed`);
            n = __app.rendered.length;
            await __app.set({ shown: true });
            await __until(showing(B, "dark"), `cycle ${i}: article B, dark after a remount`);
            await __until(heard(B, n), `cycle ${i}: rendered B after a remount`);
            if (__live() !== 1) throw new Error(`cycle ${i}: ${__live()} live widgets for one element`);
            return __wasm.memory.buffer.byteLength;
          },
          { i, A, B, HEADLINE, ID }
        );
      const first = await cycle(1);
      let last = first;
      for (let i = 2; i <= CYCLES; i++) last = await cycle(i);
      const wasm = await page.evaluate(() => ({ ...__wasm, memory: undefined }));
      const rendered = await page.evaluate(() => __app.rendered.map((d) => ({ path: new URL(d.src).pathname, id: d.id })));
      test.info().annotations.push({
        type: `${framework}: Wasm memory`,
        description: `${first} B after cycle 1, ${last} B after cycle ${CYCLES} (+${last - first} B; bound ${MEMORY_BOUND} B); ${wasm.mounts} mounts, ${wasm.frees} frees, ${wasm.instances} instance, ${rendered.length} rendered events`,
      });
      console.log(`${framework}: Wasm memory ${first} B after cycle 1, ${last} B after cycle ${CYCLES}; ${wasm.mounts} mounts, ${wasm.frees} frees`);
      // One instance and one module download for the whole page.
      expect(wasm.instances).toBe(1);
      expect(wasmRequests).toHaveLength(1);
      // One widget per element mounted (the first, then one per remount);
      // each unmount freed its widget.
      expect(wasm.mounts).toBe(CYCLES + 1);
      expect(wasm.frees).toBe(CYCLES);
      // One article-embed:rendered per article load (A, B, B again after the
      // remount; none for a new theme), each naming its article's src and id.
      expect(rendered).toHaveLength(3 * CYCLES);
      expect(rendered.filter((d) => ID[d.path] !== d.id)).toEqual([]);
      expect(last - first).toBeLessThanOrEqual(MEMORY_BOUND);
      // And the last unmount frees the last widget.
      await page.evaluate(async () => {
        await __app.set({ shown: false });
        await __until(() => __live() === 0, "the last widget freed");
      });
      expect(problems).toEqual([]);
    });

    test("moving keyed embeds keeps their widgets: no remount, no second mount, no leak", async ({ page }) => {
      const { problems } = await open(page, FRAMEWORKS[framework].page);
      await page.waitForFunction(() => window.__ready && window.__app);
      await page.evaluate(
        async ({ A, B, HEADLINE }) => {
          const a = () => document.getElementById("pair-a");
          const b = () => document.getElementById("pair-b");
          await __app.set({ pair: [{ key: "a", src: A }, { key: "b", src: B }] });
          await __until(() => __headline(a()) === HEADLINE[A] && __headline(b()) === HEADLINE[B], "both embeds rendered");
          window.__before = { a: __container(a()), b: __container(b()), mounts: __wasm.mounts };
        },
        { A, B, HEADLINE }
      );
      for (let i = 0; i < 20; i++) {
        const state = await page.evaluate(async (i) => {
          const order = i % 2 ? ["a", "b"] : ["b", "a"];
          await __app.set({ pair: order.map((key) => ({ key, src: key === "a" ? "/articles/four-officers.json" : "/articles/every-block.json" })) });
          // Let every callback and task the move caused run.
          await new Promise((r) => setTimeout(r, 20));
          const ids = [...document.querySelectorAll("#pair article-embed")].map((el) => el.id);
          const a = document.getElementById("pair-a");
          const b = document.getElementById("pair-b");
          return {
            ids,
            expected: order.map((k) => `pair-${k}`),
            same: __container(a) === __before.a && __container(b) === __before.b,
            headlines: [__headline(a), __headline(b)],
            mounts: __wasm.mounts - __before.mounts,
            live: __live(),
          };
        }, i);
        expect(state.ids, `move ${i}`).toEqual(state.expected);
        expect(state.same, `move ${i}: the same rendered widget`).toBe(true);
        expect(state.headlines, `move ${i}`).toEqual([HEADLINE[A], HEADLINE[B]]);
        expect(state.mounts, `move ${i}: no new mount`).toBe(0);
        expect(state.live, `move ${i}: live widgets`).toBe(2);
      }
      // Removed for real: both freed.
      await page.evaluate(async () => {
        await __app.set({ pair: [] });
        await __until(() => __live() === 0, "both widgets freed");
      });
      expect(problems).toEqual([]);
    });
  });
}

test.describe("without a framework", () => {
  test("a moved element keeps its widget; a removed one is freed; a re-added one renders again", async ({ page }) => {
    const { problems } = await open(page, "/fixtures/blank.html");
    const result = await page.evaluate(
      async ({ A, HEADLINE }) => {
        const script = document.createElement("script");
        script.src = "/embed.js";
        document.head.append(script);
        const left = document.body.appendChild(document.createElement("div"));
        const right = document.body.appendChild(document.createElement("div"));
        const el = document.createElement("article-embed");
        el.setAttribute("src", A);
        left.append(el);
        await __until(() => window.ArticleEmbed, "embed.js");
        await window.ArticleEmbed.load(left);
        await __until(() => __headline(el) === HEADLINE[A], "rendered");
        const container = __container(el);
        const mounts = __wasm.mounts;
        for (let i = 0; i < 10; i++) (i % 2 ? left : right).append(el);
        await new Promise((r) => setTimeout(r, 50));
        const afterMoves = { same: __container(el) === container, mounts: __wasm.mounts - mounts, live: __live(), headline: __headline(el) };
        // Removed, then re-added in a later task: unmounted and freed, then rendered anew.
        el.remove();
        await __until(() => __live() === 0, "the removed widget freed");
        right.append(el);
        await __until(() => __headline(el) === HEADLINE[A] && __live() === 1, "rendered again after re-adding");
        // Removed and re-added in one task: nothing to do.
        const again = __container(el);
        el.remove();
        right.append(el);
        await new Promise((r) => setTimeout(r, 50));
        const readded = { same: __container(el) === again, live: __live() };
        el.remove();
        await __until(() => __live() === 0, "freed at last");
        return { afterMoves, readded, mounts: __wasm.mounts - mounts };
      },
      { A, HEADLINE }
    );
    expect(result.afterMoves).toEqual({ same: true, mounts: 0, live: 1, headline: HEADLINE[A] });
    expect(result.readded).toEqual({ same: true, live: 1 });
    expect(result.mounts).toBe(1);
    expect(problems).toEqual([]);
  });

  test("a fallback blockquote inside the element (server-rendered, say) stays where the page put it", async ({ page }) => {
    const { problems } = await open(page, "/fixtures/blank.html");
    const result = await page.evaluate(
      async ({ A, HEADLINE }) => {
        const slot = document.getElementById("slot");
        // What `article-embed snippet --full` gives, inside the custom element.
        slot.innerHTML = `<article-embed src="${A}"><blockquote class="article-embed" data-src="${A}"><a href="https://news.example/a">${HEADLINE[A]}</a><article><h1>${HEADLINE[A]}</h1><p>The article, for crawlers.</p></article></blockquote></article-embed>`;
        const el = slot.firstElementChild;
        const quote = el.firstElementChild;
        const script = document.createElement("script");
        script.src = "/embed.js";
        document.head.append(script);
        await __until(() => window.ArticleEmbed, "embed.js");
        const [result] = await window.ArticleEmbed.load(slot);
        return { ok: result.ok, embeds: slot.querySelectorAll("article-embed").length, parent: quote.parentNode === el, headline: __headline(el) };
      },
      { A, HEADLINE }
    );
    expect(result).toEqual({ ok: true, embeds: 1, parent: true, headline: HEADLINE[A] });
    expect(problems).toEqual([]);
  });
});
