// The performance benchmark (issues "Performance" and "Performance v2"): a
// report, not a test.
//
//   node scripts/bench.mjs [--runs 15] [--heavy-runs N] [--out bench/results.json]
//                          [--only seed,many,big,cls,idle,mobile,repeat]
//                          [--observe shallow|subtree] [--dist dist]
//
// Runs the release bundle in dist/ (or --dist: a copy of another build, to
// compare builds) as it is, in headless Chromium (the Debian
// build, launched through tests/browser.mjs), against its own static server on
// 127.0.0.1 (a free port): dist/ at /, bench/ at /bench/, generated articles at
// /bench/generated/, styles/widget.css at /bench/widget.css (for the vanilla
// baseline). Every run is a new browser context with the HTTP cache disabled
// (CDP Network.setCacheDisabled), so every run is cold; the repeat view
// instead starts a browser with a new, empty profile per run and leaves the
// HTTP cache on, so only its first page is cold. The server gzips (level 9)
// what it sends when the browser accepts gzip, as a CDN would. No Playwright
// routes: they would bypass the network throttling and the HTTP cache that
// scenarios 7 and 8 depend on.
//
// Scenarios (definitions in docs/PERFORMANCE.md):
//   1 bytes   raw / gzip -9 / brotli q11 of the bundle files (from dist/), and
//             the Wasm by crate group (scripts/wasm-breakdown.mjs, twiggy)
//   2 seed    time to article: widget vs bench/vanilla.js
//   3 many    50 embeds of 10 articles vs 1 embed with the same layout
//   4 big     a 5,000-block article: widget vs vanilla, longest task
//   5 cls     layout shift on the demo page (dist/index.html)
//   6 idle    embeds far below the fold: what loads, main-thread cost
//   7 mobile  the seed, cold, with 4× CPU throttling and Lighthouse's mobile
//             network (150 ms, 1.6 Mbit/s down, 750 kbit/s up): widget vs vanilla
//   8 repeat  a second article on the same site after the seed, same profile,
//             HTTP cache on (code caches warm): widget vs vanilla
//
// Prints medians with min/max and PASS/FAIL per budget, writes everything to
// --out (gitignored). Exits 0 when budgets fail (it is a report); 1 when a
// scenario errors or dist/ changed during the run (rebuilt: run it again).
// Warns when other processes used over 10% of the CPU during a scenario.
import { createServer } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, extname, join, normalize, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zc, gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { launchOptions } from "../tests/browser.mjs";
import { budgets as BUDGETS } from "../bench/budgets.mjs";
import { CONTENT_TYPES } from "./content-types.mjs";
import { formatBreakdown, wasmBreakdown } from "./wasm-breakdown.mjs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const BENCH = join(ROOT, "bench");
const GENERATED = join(BENCH, "generated");
const WIDGET_CSS = join(ROOT, "styles", "widget.css");

// --- options ---------------------------------------------------------------

const argv = process.argv.slice(2);
function option(name, fallback) {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`--${name} needs a value`);
  return v;
}
function count(name, fallback) {
  const n = Number(option(name, fallback));
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new Error(`--${name} must be an integer from 1 to 200`);
  return n;
}
const DIST = resolve(option("dist", join(ROOT, "dist")));
// The glue and the module as the build's embed.js names them (content-hashed,
// see scripts/postbuild.mjs); a build from before hashed names has fixed ones.
const [GLUE, WASM] = (() => {
  const loader = readFileSync(join(DIST, "embed.js"), "utf8");
  const glue = loader.match(/article-embed-[0-9a-f]+\.js/);
  const wasm = loader.match(/article-embed-[0-9a-f]+_bg\.wasm/);
  return glue && wasm ? [glue[0], wasm[0]] : ["article-embed.js", "article-embed_bg.wasm"];
})();
const RUNS = count("runs", 15);
// The heavy scenarios (5,000 blocks; CLS, which waits 2 s per run; throttled
// mobile, about 2 s per load) use fewer runs.
const HEAVY_RUNS = count("heavy-runs", Math.min(RUNS, 5));
const OUT = resolve(option("out", join(BENCH, "results.json")));
// How completion is observed: "shallow" (default, see instrument()) or
// "subtree" (every insertion queues a mutation record), for checking.
const OBSERVE = option("observe", "shallow");
if (!["shallow", "subtree"].includes(OBSERVE)) throw new Error("--observe must be shallow or subtree");
const SCENARIOS = ["seed", "many", "big", "cls", "idle", "mobile", "repeat"];
const ONLY = option("only", SCENARIOS.join(",")).split(",");
for (const name of ONLY) if (!SCENARIOS.includes(name)) throw new Error(`--only: unknown scenario ${name} (${SCENARIOS.join(", ")})`);
const VIEWPORT = { width: 1280, height: 800 };
// Scenario 7: Lighthouse's mobile profile. Its screen (a Moto G Power:
// 412×823 CSS pixels at 1.75 device pixels per CSS pixel), 4× CPU slowdown
// and its network: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (CDP
// takes bytes per second).
const MOBILE = {
  screen: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  cpuRate: 4,
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 },
};
// Scenario 8: how long the first page stays open after its `load` event, so
// that V8 can write its code caches (JS after the first run of a script; Wasm
// once enough of the module is optimized, then after a 2 s quiet period).
const REPEAT_DWELL_MS = 2000;
const WATCHDOG_MS = 15 * 60_000; // No run of this script may take longer.
const OTHER_CPU_WARN = 10; // % of the machine's CPU used by other processes during a scenario

// --- budgets ---------------------------------------------------------------

// Shared with the size test in the test command (bench/budgets.mjs).
const BUDGET = {
  firstRenderGzip: BUDGETS.firstRenderGzip, // bytes
  firstRenderStretchGzip: BUDGETS.firstRenderStretchGzip, // bytes
  embedJsGzip: BUDGETS.embedJsGzip, // bytes
  seedRatio: BUDGETS.timeToArticleRatio, // widget / vanilla, time to article
  mobileRatio: BUDGETS.mobileRatio, // widget / vanilla, throttled mobile
  mobileStretchRatio: BUDGETS.mobileStretchRatio,
  repeatRatio: BUDGETS.repeatRatio, // widget / vanilla, second page, warm cache
  manyRatio: BUDGETS.manyEmbedsRatio, // 50 embeds / 1 embed
  bigRatio: BUDGETS.bigArticleRatio, // widget / vanilla, 5,000 blocks
  seedLongTask: BUDGETS.longestTaskMs, // ms
  cls: BUDGETS.cls,
};

// --- small helpers -----------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, values: xs });
/** Like stats(), with the lower middle value as the median (never an average). */
const rankStats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { ...stats(xs), median: s[(s.length - 1) >> 1] };
};
const round = (x, digits = 1) => (x == null || !Number.isFinite(x) ? x : Math.round(x * 10 ** digits) / 10 ** digits);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
// Long tasks are only reported from 50 ms up; 0 means none in the run.
const task = (x) => (x ? ms(x) : "<50 ms");
const ms = (x) => (x == null ? "—" : `${x.toFixed(x < 10 ? 1 : 0)} ms`);

// --- 1. bytes ----------------------------------------------------------------

function sizes(file) {
  const raw = readFileSync(file);
  const text = extname(file) !== ".wasm";
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, {
      params: {
        [zc.BROTLI_PARAM_QUALITY]: zc.BROTLI_MAX_QUALITY,
        [zc.BROTLI_PARAM_LGWIN]: zc.BROTLI_MAX_WINDOW_BITS,
        [zc.BROTLI_PARAM_MODE]: text ? zc.BROTLI_MODE_TEXT : zc.BROTLI_MODE_GENERIC,
        [zc.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }).length,
  };
}

function measureBytes() {
  const files = {
    "embed.js": sizes(join(DIST, "embed.js")),
    "article-embed.js": sizes(join(DIST, GLUE)),
    "article-embed_bg.wasm": sizes(join(DIST, WASM)),
    // The widget loads no CSS file: styles/widget.css is compiled into the Wasm
    // (include_str!) and adopted as a constructable stylesheet. Scenario 2
    // checks that no stylesheet is requested.
    css: { raw: 0, gzip: 0, brotli: 0, note: "compiled into the Wasm" },
  };
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of Object.values(files)) for (const k of Object.keys(total)) total[k] += f[k];
  return {
    files,
    total,
    seedJson: sizes(join(DIST, "articles", "four-officers.json")),
    note: "total = embed.js + article-embed.js + .wasm + CSS (first-render transfer, article JSON and images excluded)",
  };
}

/**
 * CPU time (jiffies) of the whole machine and of this process's tree (node,
 * Chromium and its children, reaped ones included through cutime/cstime), from
 * /proc. The difference is what other work on the machine used while a
 * scenario ran: a build or a test run next to the bench inflates every time.
 * Returns null where /proc is not available.
 */
function cpuSnapshot() {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = fields[3] + (fields[4] || 0); // idle + iowait
    const procs = new Map(); // pid -> { ppid, time }
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // rest[1] = ppid; rest[11..14] = utime, stime, cutime, cstime
        procs.set(Number(name), { ppid: Number(rest[1]), time: Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]) });
      } catch {
        // The process ended while we looked.
      }
    }
    const mine = new Set([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, p] of procs) if (!mine.has(pid) && mine.has(p.ppid)) mine.add(pid), (grew = true);
    }
    let own = 0;
    for (const pid of mine) own += procs.get(pid)?.time ?? 0;
    return { total, busy: total - idle, own };
  } catch {
    return null;
  }
}

/** Share of the machine's CPU (0..1) used by other processes between two snapshots. */
function othersShare(a, b) {
  if (!a || !b || b.total <= a.total) return null;
  const others = b.busy - a.busy - (b.own - a.own);
  return Math.max(0, others / (b.total - a.total));
}

/** sha256 of the bundle files, to notice a rebuild of dist/ during the run. */
function distDigest() {
  const h = createHash("sha256");
  for (const f of ["embed.js", GLUE, WASM, join("articles", "four-officers.json")]) {
    // A rebuild renames the hashed files: a missing one is a change too.
    h.update(f).update(existsSync(join(DIST, f)) ? readFileSync(join(DIST, f)) : "missing");
  }
  return h.digest("hex").slice(0, 16);
}

// --- generated articles ----------------------------------------------------------

const seedArticle = () => JSON.parse(readFileSync(join(DIST, "articles", "four-officers.json"), "utf8"));

/**
 * Writes bench/generated/: 10 variants of the seed, a second article for the
 * repeat view (the seed with another id, headline and url) and a 5,000-block
 * article.
 */
function generateArticles() {
  mkdirSync(GENERATED, { recursive: true });
  const seed = seedArticle();
  const out = {};
  for (let v = 1; v <= 10; v++) {
    const a = structuredClone(seed);
    a.id = `${seed.id}-variant-${v}`;
    a.headline = `${seed.headline} (variant ${v})`;
    a.url = `${seed.url}-variant-${v}`;
    out[`variant-${String(v).padStart(2, "0")}.json`] = a;
  }
  const second = structuredClone(seed);
  second.id = `${seed.id}-second`;
  second.headline = `A second article on the same site: ${seed.headline}`;
  second.url = `${seed.url}-second`;
  out["second.json"] = second;
  // 5,000 paragraphs built from the seed's sentences, deterministically: a
  // sentence, then every third a strong run, every fifth an em run, every
  // seventh a link, then the first words of another sentence (about 1.5 MB).
  const sentences = seed.body.flatMap((b) => b.content.map((r) => (typeof r === "string" ? r : r.text)));
  const big = structuredClone(seed);
  big.id = "bench-big-5000";
  big.headline = "A 5,000-paragraph article";
  big.url = "https://news.example/bench/big-5000";
  big.body = [];
  for (let i = 0; i < 5000; i++) {
    const s = (k) => sentences[(i * 7 + k * 3) % sentences.length].trim();
    const content = [`${i + 1}. ${s(0)} `];
    if (i % 3 === 0) content.push({ text: "four senior police officers", marks: ["strong"] }, " ");
    if (i % 5 === 0) content.push({ text: "according to prosecutors", marks: ["em"] }, " ");
    if (i % 7 === 0) content.push({ text: "Zhanaozen", href: `https://news.example/topics/zhanaozen?p=${i}` }, " ");
    content.push(`(${s(1).split(" ").slice(0, 8).join(" ")} …)`);
    big.body.push({ type: "paragraph", content });
  }
  out["big-5000.json"] = big;
  const info = {};
  for (const [name, article] of Object.entries(out)) {
    const text = JSON.stringify(article);
    writeFileSync(join(GENERATED, name), text);
    info[name] = { bytes: Buffer.byteLength(text), blocks: article.body.length };
  }
  // The widget renders up to 2 MiB of JSON; stay well below so the scenario
  // measures rendering, not the limit.
  if (info["big-5000.json"].bytes > 1_800_000) throw new Error("big-5000.json is too close to the widget's 2 MiB limit");
  return { seedParagraphs: seed.body.filter((b) => b.type === "paragraph").length, files: info };
}

// --- the static server ---------------------------------------------------------

const TYPES = CONTENT_TYPES;
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg"]);

async function startServer() {
  const state = {
    hits: [], // paths requested since the last reset
    jsonCacheable: false, // serve .json with a max-age (scenario 3, cacheable variant)
    blockEmbed: false, // answer 404 for /embed.js (scenario 5 control)
    cachePolicy: false, // the release's cache headers for the bundle (scenario 8)
  };
  const policy = cachePolicy();
  const gz = new Map(); // file -> { mtimeMs, size, body }
  function resolveFile(pathname) {
    const mounts = [
      ["/bench/widget.css", WIDGET_CSS, true],
      ["/bench/", BENCH, false],
      ["/", DIST, false],
    ];
    for (const [prefix, target, exact] of mounts) {
      if (exact ? pathname !== prefix : !pathname.startsWith(prefix)) continue;
      if (exact) return target;
      const rel = normalize(decodeURIComponent(pathname.slice(prefix.length)));
      if (rel.startsWith("..") || rel.includes("\0")) return null;
      const file = join(target, rel === "." ? "index.html" : rel);
      return file.startsWith(target) ? file : null;
    }
    return null;
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (url.pathname === "/favicon.ico") {
      // The browser asks for it on every page; not part of any scenario.
      res.writeHead(204, { "cache-control": "no-store" }).end();
      return;
    }
    state.hits.push(url.pathname);
    try {
      if (state.blockEmbed && url.pathname === "/embed.js") {
        res.writeHead(404, { "content-type": "text/plain" }).end("blocked\n");
        return;
      }
      let file = resolveFile(url.pathname);
      let st = file && statSync(file, { throwIfNoEntry: false });
      if (st && st.isDirectory()) {
        file = join(file, "index.html");
        st = statSync(file, { throwIfNoEntry: false });
      }
      if (!st || !st.isFile()) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
        return;
      }
      const ext = extname(file);
      const headers = {
        "content-type": TYPES[ext] || "application/octet-stream",
        "cache-control": state.jsonCacheable && ext === ".json" ? "public, max-age=600" : (state.cachePolicy && policy(url.pathname)) || "no-store",
        "access-control-allow-origin": "*",
      };
      let body;
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
        let entry = gz.get(file);
        if (!entry || entry.mtimeMs !== st.mtimeMs || entry.size !== st.size) {
          entry = { mtimeMs: st.mtimeMs, size: st.size, body: gzipSync(readFileSync(file), { level: 9 }) };
          gz.set(file, entry);
        }
        body = entry.body;
        headers["content-encoding"] = "gzip";
        headers.vary = "accept-encoding";
      } else {
        body = readFileSync(file);
      }
      headers["content-length"] = String(body.length);
      res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(e));
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    state,
    resolveFile,
    reset() {
      state.hits = [];
    },
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/**
 * The release's cache policy, as scripts/postbuild.mjs writes it to
 * dist/_headers: the hashed glue and Wasm cached for a year (immutable),
 * embed.js for minutes. The vanilla baseline's two files (vanilla.js and the
 * stylesheet) get embed.js's policy: stable URLs, as a plain script would
 * have. Everything else (pages, article JSON) stays no-store. Returns
 * pathname -> Cache-Control value, or undefined.
 */
function cachePolicy() {
  const rules = new Map();
  const file = join(DIST, "_headers");
  if (existsSync(file)) {
    let path = null;
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (/^\//.test(line)) path = line.trim();
      else if (path && /^\s+cache-control:/i.test(line)) rules.set(path, line.slice(line.indexOf(":") + 1).trim());
      else if (!line.trim()) path = null;
    }
  }
  // A build from before _headers: the same policy, by name.
  if (!rules.has(`/${GLUE}`)) rules.set(`/${GLUE}`, "public, max-age=31536000, immutable");
  if (!rules.has(`/${WASM}`)) rules.set(`/${WASM}`, "public, max-age=31536000, immutable");
  if (!rules.has("/embed.js")) rules.set("/embed.js", "public, max-age=300, stale-while-revalidate=86400");
  rules.set("/bench/vanilla.js", rules.get("/embed.js"));
  rules.set("/bench/widget.css", rules.get("/embed.js"));
  return (pathname) => rules.get(pathname);
}

// --- in-page instrumentation ------------------------------------------------------

/**
 * Runs in every page before its own scripts. Records, with performance.now()
 * (milliseconds since navigation start):
 *  - complete: per shadow root, the first MutationObserver callback at which it
 *    holds h1.headline, at least cfg.paragraphs `.body p` and, when cfg.ask,
 *    section.ask. attachShadow is wrapped to observe every new shadow root, so
 *    the widget and the vanilla baseline are measured by the same code;
 *  - frames: the end of the first frame after each completion (rAF, then a
 *    message), i.e. after style and layout of the new content;
 *  - events: article-embed:* / vanilla-embed:* events;
 *  - longtasks, long animation frames and layout shifts (buffered observers).
 */
function instrument(cfg) {
  const B = (window.__bench = { cfg, complete: [], frames: [], events: [], errors: [], longtasks: [], loafs: [], shifts: [], roots: 0 });
  // The demo article's ask has A/B variants: both sides draw the same one.
  Math.random = () => 0.25;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const host = this;
    B.roots++;
    let done = false;
    // childList of the top levels only (shadow root > .ae-mount > .ae >
    // article/aside/nav), not the whole subtree: the callback runs at the
    // microtask checkpoint after the synchronous render that inserted them and
    // then sees the whole tree, while inserting thousands of paragraphs does not
    // queue thousands of mutation records (that would cost the widget, which
    // builds into the live tree, tens of ms that the vanilla baseline, which
    // builds in a fragment, would not pay). cfg.subtree restores the full
    // observation, for checking that both give the same times.
    const watch = (node, depth) => {
      mo.observe(node, { childList: true, subtree: !!cfg.subtree });
      if (depth < 3 && !cfg.subtree) for (const c of node.children) watch(c, depth + 1);
    };
    const depthOf = (node) => {
      let d = 0;
      for (let n = node; n && n !== root; n = n.parentNode) d++;
      return d;
    };
    const mo = new MutationObserver((records) => {
      const t = performance.now();
      if (done) return;
      if (!cfg.subtree) {
        for (const r of records) {
          const d = depthOf(r.target);
          if (d < 3) for (const n of r.addedNodes) if (n.nodeType === 1) watch(n, d + 1);
        }
      }
      if (!root.querySelector("h1.headline")) return;
      if (root.querySelectorAll(".body p").length < cfg.paragraphs) return;
      if (cfg.ask && !root.querySelector("section.ask")) return;
      done = true;
      mo.disconnect();
      B.complete.push({ t, src: host.getAttribute("src") || host.getAttribute("data-src") });
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => B.frames.push(performance.now());
        ch.port2.postMessage(null);
      });
    });
    watch(root, 0);
    return root;
  };
  for (const type of ["article-embed:rendered", "article-embed:error", "vanilla-embed:rendered", "vanilla-embed:error"]) {
    document.addEventListener(type, (e) => {
      const rec = { type, t: performance.now(), detail: JSON.parse(JSON.stringify(e.detail ?? null)) };
      (type.endsWith(":error") ? B.errors : B.events).push(rec);
    });
  }
  const observe = (type, sink, map) => {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) sink.push(map(e));
      }).observe({ type, buffered: true });
    } catch {
      B[`no-${type}`] = true;
    }
  };
  observe("longtask", B.longtasks, (e) => ({ start: e.startTime, duration: e.duration }));
  observe("long-animation-frame", B.loafs, (e) => ({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration }));
  observe("layout-shift", B.shifts, (e) => ({
    t: e.startTime,
    value: e.value,
    hadRecentInput: e.hadRecentInput,
    sources: (e.sources || []).map((s) => (s.node ? s.node.nodeName + (s.node.id ? `#${s.node.id}` : "") : null)),
  }));
}

/** The observed frame end after the last completion; resolves after longtask delivery. */
async function settle(page, extraMs = 250) {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))),
  );
  await sleep(extraMs);
}

async function readBench(page) {
  return page.evaluate(() => {
    const B = window.__bench;
    const res = performance.getEntriesByType("resource").map((e) => ({
      name: new URL(e.name).pathname,
      start: e.startTime,
      end: e.responseEnd,
    }));
    const marks = performance.getEntriesByType("mark").map((m) => ({ name: m.name, t: m.startTime }));
    return { ...B, resources: res, marks };
  });
}

/**
 * One cold run: a new context (cold HTTP cache, empty storage), CDP network
 * tracking with the cache disabled, the instrumentation, then `goto`.
 * `mobile`: Lighthouse's mobile screen, CPU and network (MOBILE).
 * `profile`: a browser of its own with a new, empty user-data directory
 * instead of a context of the shared browser. Contexts are off the record,
 * and Chromium keeps no code cache (JS or Wasm) for those; a profile on disk
 * has the HTTP cache and the code caches a reader's browser has.
 */
async function openRun(browser, server, cfg, { cacheDisabled = true, performanceDomain = false, mobile = false, profile = false } = {}) {
  server.reset();
  const options = mobile ? { ...MOBILE.screen } : { viewport: VIEWPORT };
  let context;
  let closeContext;
  let dir = null;
  if (profile) {
    dir = mkdtempSync(join(tmpdir(), "bench-profile-"));
    context = await chromium.launchPersistentContext(dir, { ...launchOptions, ...options });
    closeContext = async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    context = await browser.newContext(options);
    closeContext = () => context.close();
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || /panicked|RuntimeError|unreachable/i.test(m.text())) problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0, done: false, cached: false });
  });
  // Answered from the browser's caches (memory or disk), not the network.
  cdp.on("Network.requestServedFromCache", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.cached = true;
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (r && (e.response.fromDiskCache || e.response.fromPrefetchCache)) r.cached = true;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
  });
  cdp.on("Network.loadingFailed", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { failed: e.errorText, done: true });
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled });
  if (mobile) {
    await cdp.send("Network.emulateNetworkConditions", MOBILE.network);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: MOBILE.cpuRate });
  }
  if (performanceDomain) await cdp.send("Performance.enable");
  await page.addInitScript(instrument, { ...cfg, subtree: OBSERVE === "subtree" });
  const run = {
    context,
    page,
    cdp,
    problems,
    // The browser's own favicon request is not the page's.
    requests: () =>
      [...requests.values()].map((r) => ({ ...r, path: new URL(r.url).pathname })).filter((r) => r.path !== "/favicon.ico"),
    // Forget the requests so far (the repeat view counts its second page only).
    resetRequests: () => requests.clear(),
    profileDir: dir,
    close: closeContext,
  };
  return run;
}

/** Waits (bounded) until `n` shadow roots are complete; fails fast on errors. */
async function waitComplete(run, n, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await run.page.evaluate(() => ({ c: window.__bench.complete.length, e: window.__bench.errors }));
    if (s.e.length) throw new Error(`embed error: ${JSON.stringify(s.e[0].detail)}`);
    if (run.problems.length) throw new Error(run.problems.join("; "));
    if (s.c >= n) return;
    if (Date.now() > deadline) throw new Error(`only ${s.c} of ${n} embeds complete after ${timeoutMs} ms`);
    await sleep(25);
  }
}

const longest = (tasks) => tasks.reduce((m, t) => Math.max(m, t.duration), 0);

/** Signature of a shadow root: every element with its attributes, in order, and the text. */
async function signature(page, hostSelector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    // Tag, then every attribute (name=value, sorted; class sorted too), then
    // the checked state of inputs (a property, not an attribute).
    const els = [...root.querySelectorAll("*")].map((e) => {
      const attrs = [...e.attributes]
        .map((a) => `${a.name}=${a.name === "class" ? a.value.split(/\s+/).sort().join(" ") : a.value}`)
        .sort();
      return `${e.localName}[${attrs.join(" ")}]${e.checked ? ":checked" : ""}`;
    });
    return { elements: els, text: root.textContent.replace(/\s+/g, " ").trim() };
  }, hostSelector);
}

function compareSignatures(a, b) {
  const n = Math.max(a.elements.length, b.elements.length);
  let firstDiff = null;
  for (let i = 0; i < n && firstDiff === null; i++) {
    if (a.elements[i] !== b.elements[i]) firstDiff = { index: i, widget: a.elements[i] ?? null, vanilla: b.elements[i] ?? null };
  }
  return {
    widgetElements: a.elements.length,
    vanillaElements: b.elements.length,
    sameElements: firstDiff === null,
    firstDifference: firstDiff,
    sameText: a.text === b.text,
  };
}

// --- one embed page: widget or vanilla ------------------------------------------------

/** Loads a one-embed page cold and returns its timings (`mobile`: throttled, scenario 7). */
async function singleRun(browser, server, path, cfg, timeoutMs, { keepSignature = false, mobile = false } = {}) {
  const run = await openRun(browser, server, cfg, { mobile });
  try {
    await run.page.goto(server.origin + path, { waitUntil: "commit" });
    await waitComplete(run, 1, timeoutMs);
    await settle(run.page);
    const result = await pageResult(run);
    if (keepSignature) result.signature = await signature(run.page, "article-embed, vanilla-embed");
    return result;
  } finally {
    await run.close();
  }
}

/** The timings, tasks, requests and bytes of the page loaded in `run`, once its article is complete. */
async function pageResult(run) {
  const b = await readBench(run.page);
  const reqs = run.requests();
  const json = b.resources.find((r) => r.name.endsWith(".json"));
  const wasm = b.resources.find((r) => r.name.endsWith(".wasm"));
  const result = {
    article: b.complete[0].t,
    frame: b.frames[0] ?? null,
    event: b.events[0]?.t ?? null,
    selfMark: b.marks.find((m) => m.name === "vanilla:rendered")?.t ?? null,
    jsonStart: json?.start ?? null,
    jsonEnd: json?.end ?? null,
    wasmEnd: wasm?.end ?? null,
    longestTask: longest(b.longtasks),
    // Tasks that started before the article was complete are loading,
    // parsing and building it; the ones after are style, layout and paint
    // of the new content (and whatever follows).
    longestTaskBefore: longest(b.longtasks.filter((t) => t.start < b.complete[0].t)),
    longestTaskAfter: longest(b.longtasks.filter((t) => t.start >= b.complete[0].t)),
    longTasks: b.longtasks,
    longestAnimationFrame: longest(b.loafs),
    requests: reqs.length,
    paths: reqs.map((r) => r.path),
    cssRequests: reqs.filter((r) => r.type === "Stylesheet" || r.path.endsWith(".css")).map((r) => r.path),
    bytes: reqs.reduce((s, r) => s + r.bytes, 0),
    // Answered by the browser's caches: only the repeat view's second page has any.
    cachedPaths: reqs.filter((r) => r.cached).map((r) => r.path),
  };
  return result;
}

/** Alternates widget and vanilla runs (after one discarded warm-up each); `mobile` throttles them. */
async function widgetVsVanilla(browser, server, pages, cfg, runs, timeoutMs, log, { mobile = false } = {}) {
  await singleRun(browser, server, pages.widget, cfg, timeoutMs, { mobile });
  await singleRun(browser, server, pages.vanilla, cfg, timeoutMs, { mobile });
  const widget = [];
  const vanilla = [];
  for (let i = 0; i < runs; i++) {
    const keepSignature = i === 0;
    widget.push(await singleRun(browser, server, pages.widget, cfg, timeoutMs, { keepSignature, mobile }));
    vanilla.push(await singleRun(browser, server, pages.vanilla, cfg, timeoutMs, { keepSignature, mobile }));
    log(`${i + 1}/${runs} widget ${ms(widget.at(-1).article)} · vanilla ${ms(vanilla.at(-1).article)}`);
  }
  const parity = compareSignatures(widget[0].signature, vanilla[0].signature);
  delete widget[0].signature;
  delete vanilla[0].signature;
  const pick = (list, key) => stats(list.map((r) => r[key]).filter((x) => x != null));
  const summary = (list) => ({
    article: pick(list, "article"),
    frame: pick(list, "frame"),
    jsonStart: pick(list, "jsonStart"),
    // Long tasks are 0 (none) or ≥ 50 ms: the middle value, not an average of two.
    longestTask: rankStats(list.map((r) => r.longestTask)),
    longestTaskBefore: rankStats(list.map((r) => r.longestTaskBefore)),
    longestTaskAfter: rankStats(list.map((r) => r.longestTaskAfter)),
    runsWithLongTask: list.filter((r) => r.longestTask > 0).length,
    longestAnimationFrame: pick(list, "longestAnimationFrame"),
    requests: pick(list, "requests"),
    bytes: pick(list, "bytes"),
  });
  const w = summary(widget);
  const v = summary(vanilla);
  return {
    runs,
    widget: { ...w, event: pick(widget, "event"), wasmEnd: pick(widget, "wasmEnd"), cssRequests: [...new Set(widget.flatMap((r) => r.cssRequests))] },
    vanilla: { ...v, selfMark: pick(vanilla, "selfMark") },
    ratio: w.article.median / v.article.median,
    frameRatio: w.frame.median / v.frame.median,
    parity,
    raw: { widget, vanilla },
  };
}

// --- 8. repeat view ---------------------------------------------------------------------

/**
 * One repeat view: a browser with a new, empty profile (see openRun), the
 * server sending the release's cache headers; the first page (the seed) cold,
 * until its article is complete, the `load` event and REPEAT_DWELL_MS more;
 * then the second page (another article) in the same tab. Returns the second
 * page's timings, with the first page's time to article and the paths that
 * reached the server for the second page.
 */
async function repeatRun(browser, server, first, second, cfg, timeoutMs) {
  const run = await openRun(browser, server, cfg, { cacheDisabled: false, profile: true });
  try {
    await run.page.goto(server.origin + first, { waitUntil: "commit" });
    await waitComplete(run, 1, timeoutMs);
    await settle(run.page);
    const firstPage = (await readBench(run.page)).complete[0].t;
    await run.page.waitForLoadState("load");
    await sleep(REPEAT_DWELL_MS);
    const codeCache = run.profileDir ? codeCacheEntries(run.profileDir) : null;
    run.resetRequests();
    server.reset();
    await run.page.goto(server.origin + second, { waitUntil: "commit" });
    await waitComplete(run, 1, timeoutMs);
    await settle(run.page);
    const result = await pageResult(run);
    result.firstPage = firstPage;
    result.codeCache = codeCache;
    result.serverHits = [...server.state.hits];
    return result;
  } finally {
    await run.close();
  }
}

/**
 * Entries in the profile's V8 code caches (Chromium's "Code Cache/js" and
 * "Code Cache/wasm") when the second page starts: shows that the first page
 * left compiled code for it to use.
 */
function codeCacheEntries(profileDir) {
  const count = (kind) => {
    const dir = join(profileDir, "Default", "Code Cache", kind);
    if (!existsSync(dir)) return 0;
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith("index")).length;
  };
  return { js: count("js"), wasm: count("wasm") };
}

async function repeatView(browser, server, pages, cfg, runs, timeoutMs, log) {
  const widget = [];
  const vanilla = [];
  server.state.cachePolicy = true;
  try {
    await repeatRun(browser, server, pages.widget[0], pages.widget[1], cfg, timeoutMs);
    await repeatRun(browser, server, pages.vanilla[0], pages.vanilla[1], cfg, timeoutMs);
    for (let i = 0; i < runs; i++) {
      widget.push(await repeatRun(browser, server, pages.widget[0], pages.widget[1], cfg, timeoutMs));
      vanilla.push(await repeatRun(browser, server, pages.vanilla[0], pages.vanilla[1], cfg, timeoutMs));
      log(`${i + 1}/${runs} second page: widget ${ms(widget.at(-1).article)} · vanilla ${ms(vanilla.at(-1).article)}`);
    }
  } finally {
    server.state.cachePolicy = false;
  }
  const pick = (list, key) => stats(list.map((r) => r[key]).filter((x) => x != null));
  const bundle = new Set(["/embed.js", `/${GLUE}`, `/${WASM}`, "/bench/vanilla.js", "/bench/widget.css"]);
  const summary = (list) => ({
    article: pick(list, "article"),
    frame: pick(list, "frame"),
    firstPage: pick(list, "firstPage"),
    longestTask: rankStats(list.map((r) => r.longestTask)),
    requests: pick(list, "requests"),
    fromCache: stats(list.map((r) => r.cachedPaths.length)),
    codeCacheJs: list[0].codeCache ? stats(list.map((r) => r.codeCache.js)) : null,
    codeCacheWasm: list[0].codeCache ? stats(list.map((r) => r.codeCache.wasm)) : null,
    serverHits: stats(list.map((r) => r.serverHits.length)),
    bytes: pick(list, "bytes"),
    // Script, stylesheet or module files that reached the server again on the
    // second page: none when the cache works as the release intends.
    refetched: [...new Set(list.flatMap((r) => r.serverHits.filter((p) => bundle.has(p))))],
  });
  const w = summary(widget);
  const v = summary(vanilla);
  return {
    runs,
    dwellMs: REPEAT_DWELL_MS,
    browser: "a browser with a new user-data directory per run (HTTP cache and code caches on disk)",
    widget: { ...w, wasmEnd: pick(widget, "wasmEnd") },
    vanilla: v,
    ratio: w.article.median / v.article.median,
    firstPageRatio: w.firstPage.median / v.firstPage.median,
    raw: { widget, vanilla },
  };
}

// --- 3. many embeds ---------------------------------------------------------------------

async function gridRun(browser, server, path, n, cfg, { cacheDisabled = true, memory = true } = {}) {
  const run = await openRun(browser, server, cfg, { cacheDisabled });
  try {
    await run.page.goto(server.origin + path, { waitUntil: "commit" });
    await waitComplete(run, n, 30_000);
    await settle(run.page);
    const b = await readBench(run.page);
    const reqs = run.requests();
    const hits = [...server.state.hits];
    const result = {
      all: Math.max(...b.complete.map((c) => c.t)),
      first: Math.min(...b.complete.map((c) => c.t)),
      rendered: b.events.filter((e) => e.type === "article-embed:rendered").length,
      requests: reqs.length,
      jsonRequests: reqs.filter((r) => r.path.endsWith(".json")).length,
      distinctJson: new Set(reqs.filter((r) => r.path.endsWith(".json")).map((r) => r.path)).size,
      wasmRequests: reqs.filter((r) => r.path.endsWith(".wasm")).length,
      serverJsonHits: hits.filter((p) => p.endsWith(".json")).length,
      serverHits: hits.length,
      longestTask: longest(b.longtasks),
    };
    if (memory) {
      await run.cdp.send("HeapProfiler.collectGarbage");
      const heap = await run.cdp.send("Runtime.getHeapUsage");
      result.jsHeapUsed = heap.usedSize;
      result.jsHeapTotal = heap.totalSize;
      result.wasmMemory = await run.page.evaluate(async (glue) => {
        const exports = await (await import(glue)).default();
        return exports.memory.buffer.byteLength;
      }, `/${GLUE}`);
    }
    return result;
  } finally {
    await run.close();
  }
}

async function manyEmbeds(browser, server, runs, cfg, log) {
  await gridRun(browser, server, "/bench/one.html", 1, cfg);
  await gridRun(browser, server, "/bench/many.html", 50, cfg);
  const one = [];
  const many = [];
  for (let i = 0; i < runs; i++) {
    one.push(await gridRun(browser, server, "/bench/one.html", 1, cfg));
    many.push(await gridRun(browser, server, "/bench/many.html", 50, cfg));
    log(`${i + 1}/${runs} 1 embed ${ms(one.at(-1).all)} · 50 embeds ${ms(many.at(-1).all)} (${many.at(-1).jsonRequests} JSON requests)`);
  }
  // Informational: the same page with the article JSON served cacheable
  // (max-age) and the browser's HTTP cache on (still cold: new context).
  const cacheableRuns = Math.min(runs, 3);
  const cacheable = [];
  server.state.jsonCacheable = true;
  try {
    for (let i = 0; i < cacheableRuns; i++) {
      cacheable.push(await gridRun(browser, server, "/bench/many.html", 50, cfg, { cacheDisabled: false, memory: false }));
    }
  } finally {
    server.state.jsonCacheable = false;
  }
  const pick = (list, key) => stats(list.map((r) => r[key]));
  return {
    runs,
    one: { all: pick(one, "all"), requests: pick(one, "requests"), jsHeapUsed: pick(one, "jsHeapUsed"), wasmMemory: pick(one, "wasmMemory") },
    many: {
      all: pick(many, "all"),
      first: pick(many, "first"),
      rendered: pick(many, "rendered"),
      requests: pick(many, "requests"),
      jsonRequests: pick(many, "jsonRequests"),
      distinctJson: pick(many, "distinctJson"),
      wasmRequests: pick(many, "wasmRequests"),
      serverJsonHits: pick(many, "serverJsonHits"),
      jsHeapUsed: pick(many, "jsHeapUsed"),
      jsHeapTotal: pick(many, "jsHeapTotal"),
      wasmMemory: pick(many, "wasmMemory"),
      longestTask: rankStats(many.map((r) => r.longestTask)),
    },
    ratio: median(many.map((r) => r.all)) / median(one.map((r) => r.all)),
    cacheableJson: {
      runs: cacheableRuns,
      note: "JSON served with cache-control: public, max-age=600 and the browser cache on (cold, new context)",
      jsonRequests: pick(cacheable, "jsonRequests"),
      serverJsonHits: pick(cacheable, "serverJsonHits"),
      all: pick(cacheable, "all"),
    },
    raw: { one, many, cacheable },
  };
}

// --- 5. CLS on the demo page ------------------------------------------------------------

async function clsRun(browser, server, control) {
  server.state.blockEmbed = control;
  const run = await openRun(browser, server, { paragraphs: 1, ask: true });
  try {
    await run.page.goto(server.origin + "/index.html", { waitUntil: "load" });
    let end;
    if (control) {
      end = (await run.page.evaluate(() => performance.now())) + 2000;
    } else {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const s = await run.page.evaluate(() => ({ ev: window.__bench.events.find((e) => e.type === "article-embed:rendered"), err: window.__bench.errors[0] }));
        if (s.err) throw new Error(`embed error: ${JSON.stringify(s.err.detail)}`);
        if (s.ev) {
          end = s.ev.t + 2000;
          break;
        }
        if (Date.now() > deadline) throw new Error("the demo page did not render within 20 s");
        await sleep(25);
      }
    }
    for (let i = 0; i < 200; i++) {
      if ((await run.page.evaluate(() => performance.now())) >= end) break;
      await sleep(50);
    }
    const b = await readBench(run.page);
    const shifts = b.shifts.filter((s) => !s.hadRecentInput && s.t <= end);
    return { cls: shifts.reduce((s, x) => s + x.value, 0), shifts, rendered: control ? null : end - 2000 };
  } finally {
    server.state.blockEmbed = false;
    await run.close();
  }
}

async function cls(browser, server, runs, log) {
  const widget = [];
  const control = [];
  for (let i = 0; i < runs; i++) {
    widget.push(await clsRun(browser, server, false));
    log(`${i + 1}/${runs} CLS ${widget.at(-1).cls.toFixed(4)}`);
  }
  const controlRuns = Math.min(runs, 3);
  for (let i = 0; i < controlRuns; i++) control.push(await clsRun(browser, server, true));
  return {
    runs,
    cls: stats(widget.map((r) => r.cls)),
    control: { runs: controlRuns, cls: stats(control.map((r) => r.cls)), note: "the same page with /embed.js answered 404" },
    raw: { widget, control },
  };
}

// --- 6. idle page -------------------------------------------------------------------------

async function idleRun(browser, server, path) {
  const run = await openRun(browser, server, { paragraphs: 1, ask: false }, { performanceDomain: true });
  try {
    await run.page.goto(server.origin + path, { waitUntil: "load" });
    await sleep(1000); // IntersectionObserver callbacks and any lazy work have run by now
    const { metrics } = await run.cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const state = await run.page.evaluate(() => ({
      embeds: document.querySelectorAll("article-embed").length,
      mounted: [...document.querySelectorAll("article-embed")].filter((e) => e.shadowRoot && e.shadowRoot.querySelector(".ae-mount")).length,
      scrollHeight: document.documentElement.scrollHeight,
      firstEmbedTop: document.querySelector("article-embed, blockquote.article-embed").getBoundingClientRect().top,
    }));
    const reqs = run.requests();
    return {
      bytes: reqs.reduce((s, r) => s + r.bytes, 0),
      requests: reqs.length,
      paths: reqs.map((r) => r.path),
      wasmRequested: reqs.some((r) => r.path.endsWith(".wasm")),
      jsonRequested: reqs.some((r) => r.path.endsWith(".json")),
      bindgenRequested: reqs.some((r) => r.path.endsWith(`/${GLUE}`)),
      scriptMs: m.ScriptDuration * 1000,
      taskMs: m.TaskDuration * 1000,
      ...state,
    };
  } finally {
    await run.close();
  }
}

async function idle(browser, server, runs, log) {
  await idleRun(browser, server, "/bench/idle.html");
  await idleRun(browser, server, "/bench/idle-noembed.html");
  const withScript = [];
  const without = [];
  for (let i = 0; i < runs; i++) {
    withScript.push(await idleRun(browser, server, "/bench/idle.html"));
    without.push(await idleRun(browser, server, "/bench/idle-noembed.html"));
  }
  log(`${runs} + ${runs} runs`);
  const pick = (list, key) => stats(list.map((r) => r[key]));
  const w = {
    bytes: pick(withScript, "bytes"),
    requests: pick(withScript, "requests"),
    scriptMs: pick(withScript, "scriptMs"),
    taskMs: pick(withScript, "taskMs"),
  };
  const c = {
    bytes: pick(without, "bytes"),
    requests: pick(without, "requests"),
    scriptMs: pick(without, "scriptMs"),
    taskMs: pick(without, "taskMs"),
  };
  return {
    runs,
    withEmbedJs: {
      ...w,
      paths: withScript[0].paths,
      wasmRequested: withScript.some((r) => r.wasmRequested),
      jsonRequested: withScript.some((r) => r.jsonRequested),
      bindgenRequested: withScript.some((r) => r.bindgenRequested),
      embeds: withScript[0].embeds,
      mounted: Math.max(...withScript.map((r) => r.mounted)),
      firstEmbedTop: withScript[0].firstEmbedTop,
    },
    withoutEmbedJs: { ...c, paths: without[0].paths },
    attributable: {
      bytes: w.bytes.median - c.bytes.median,
      requests: w.requests.median - c.requests.median,
      scriptMs: w.scriptMs.median - c.scriptMs.median,
      taskMs: w.taskMs.median - c.taskMs.median,
    },
    raw: { withScript, without },
  };
}

/**
 * The budget counts any CSS the widget requests. Styles are compiled into the
 * Wasm, so there should be none; if a scenario saw one, its sizes join the
 * bytes table and the first-render total.
 */
function addRequestedCss(results, server) {
  const seen = new Set(["seed", "mobile"].flatMap((k) => results.scenarios[k]?.widget.cssRequests ?? []));
  if (!seen.size) return;
  const b = results.bytes;
  const css = { raw: 0, gzip: 0, brotli: 0, note: `requested: ${[...seen].join(" ")}` };
  for (const path of seen) {
    const file = server.resolveFile(path);
    if (!file || !existsSync(file)) continue;
    const z = sizes(file);
    for (const k of ["raw", "gzip", "brotli"]) css[k] += z[k], (b.total[k] += z[k]);
  }
  b.files.css = css;
}

// --- report ----------------------------------------------------------------------------------

function budgets(r) {
  const list = [];
  const add = (name, value, limit, pass, shown) => list.push({ name, value, limit, pass, shown });
  const b = r.bytes;
  if (b) {
    add("first-render transfer (gzip)", b.total.gzip, BUDGET.firstRenderGzip, b.total.gzip <= BUDGET.firstRenderGzip, `${kB(b.total.gzip)} ≤ ${kB(BUDGET.firstRenderGzip)}`);
    add("first-render transfer (gzip), stretch", b.total.gzip, BUDGET.firstRenderStretchGzip, b.total.gzip <= BUDGET.firstRenderStretchGzip, `${kB(b.total.gzip)} ≤ ${kB(BUDGET.firstRenderStretchGzip)}`);
    const e = b.files["embed.js"].gzip;
    add("embed.js alone (gzip)", e, BUDGET.embedJsGzip, e <= BUDGET.embedJsGzip, `${kB(e)} ≤ ${kB(BUDGET.embedJsGzip)}`);
  }
  const s = r.scenarios;
  if (s.seed) add("time to article vs vanilla", round(s.seed.ratio, 2), BUDGET.seedRatio, s.seed.ratio <= BUDGET.seedRatio, `${s.seed.ratio.toFixed(2)}× ≤ ${BUDGET.seedRatio}×`);
  if (s.mobile) {
    const x = s.mobile.ratio;
    add("throttled mobile vs vanilla", round(x, 2), BUDGET.mobileRatio, x <= BUDGET.mobileRatio, `${x.toFixed(2)}× ≤ ${BUDGET.mobileRatio.toFixed(1)}×`);
    add("throttled mobile vs vanilla, stretch", round(x, 2), BUDGET.mobileStretchRatio, x <= BUDGET.mobileStretchRatio, `${x.toFixed(2)}× ≤ ${BUDGET.mobileStretchRatio.toFixed(1)}×`);
  }
  if (s.repeat) add("repeat view vs vanilla", round(s.repeat.ratio, 2), BUDGET.repeatRatio, s.repeat.ratio <= BUDGET.repeatRatio, `${s.repeat.ratio.toFixed(2)}× ≤ ${BUDGET.repeatRatio}×`);
  if (s.many) {
    add("50 embeds vs 1 embed", round(s.many.ratio, 2), BUDGET.manyRatio, s.many.ratio <= BUDGET.manyRatio, `${s.many.ratio.toFixed(2)}× ≤ ${BUDGET.manyRatio}×`);
    const wasm = s.many.many.wasmRequests;
    add("50 embeds: exactly one .wasm request", wasm.max, 1, wasm.min === 1 && wasm.max === 1, `${wasm.min === wasm.max ? wasm.max : `${wasm.min}–${wasm.max}`} (every run) = 1`);
    const json = s.many.many.jsonRequests;
    add("50 embeds: one request per distinct article", json.max, 10, json.min === 10 && json.max === 10, `${json.min === json.max ? json.max : `${json.min}–${json.max}`} JSON requests (every run) = 10`);
  }
  if (s.big) add("5,000 blocks vs vanilla", round(s.big.ratio, 2), BUDGET.bigRatio, s.big.ratio <= BUDGET.bigRatio, `${s.big.ratio.toFixed(2)}× ≤ ${BUDGET.bigRatio}×`);
  if (s.seed) {
    const lt = s.seed.widget.longestTask.max;
    add("seed article: no task over 50 ms (worst run)", round(lt), BUDGET.seedLongTask, lt <= BUDGET.seedLongTask, lt ? `${ms(lt)} ≤ 50 ms` : "no long task ≤ 50 ms");
  }
  if (s.cls) add("CLS from the widget (worst run)", round(s.cls.cls.max, 4), BUDGET.cls, s.cls.cls.max <= BUDGET.cls, `${s.cls.cls.max.toFixed(4)} ≤ ${BUDGET.cls}`);
  return list;
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c ?? "").padEnd(widths[i]) : String(c ?? "").padStart(widths[i]))).join("  ")).join("\n");
}

const parityRow = (p) => [
  "   markup parity: elements (widget/vanilla)",
  `${p.widgetElements}/${p.vanillaElements}`,
  p.sameElements ? "same" : "DIFFER",
  p.sameText ? "same text" : "text DIFFERS",
  "",
];

/** Long-task rows for a widget-vs-vanilla scenario. */
function taskRows(sc) {
  const range = (st) => [task(st.median), task(st.min), task(st.max)];
  const rows = [];
  for (const side of ["widget", "vanilla"]) {
    const x = sc[side];
    rows.push([`   longest task, ${side}`, ...range(x.longestTask), sc.runs]);
    rows.push([`     started before the article was complete`, ...range(x.longestTaskBefore), sc.runs]);
    rows.push([`     started after (style/layout of it)`, ...range(x.longestTaskAfter), sc.runs]);
    rows.push([`     runs with a task ≥ 50 ms`, `${x.runsWithLongTask} of ${sc.runs}`, "", "", ""]);
  }
  return rows;
}

function report(r) {
  const out = [];
  const range = (st, f) => (st && st.n ? [f(st.median), f(st.min), f(st.max)] : ["—", "—", "—"]);
  const b = r.bytes;
  if (b) {
    out.push(`1. Bytes (from ${r.meta?.distDir ?? "dist"}/; kB = 1000 bytes)`);
    const rows = [["file", "raw", "gzip -9", "brotli 11"]];
    const looked = ["seed", "mobile"].filter((k) => r.scenarios[k]);
    const css = looked.flatMap((k) => r.scenarios[k].widget.cssRequests);
    const cssName = `CSS (compiled into the Wasm${looked.length ? (css.length ? `; REQUESTED: ${[...new Set(css)].join(" ")}` : "; none requested") : ""})`;
    for (const [name, f] of Object.entries(b.files)) rows.push([name === "css" ? cssName : name, kB(f.raw), kB(f.gzip), kB(f.brotli)]);
    rows.push(["total: first-render transfer", kB(b.total.raw), kB(b.total.gzip), kB(b.total.brotli)]);
    rows.push(["(seed article JSON, not in total)", kB(b.seedJson.raw), kB(b.seedJson.gzip), kB(b.seedJson.brotli)]);
    out.push(table(rows), "");
    if (b.wasmBreakdown) out.push(formatBreakdown(b.wasmBreakdown), "");
  }
  const s = r.scenarios;
  const rows = [["scenario / metric", "median", "min", "max", "runs"]];
  if (s.seed) {
    const { widget: w, vanilla: v } = s.seed;
    rows.push(["2. seed: time to article, widget", ...range(w.article, ms), s.seed.runs]);
    rows.push(["   seed: time to article, vanilla", ...range(v.article, ms), s.seed.runs]);
    rows.push(["   ratio widget / vanilla", `${s.seed.ratio.toFixed(2)}×`, "", "", ""]);
    rows.push(["   first frame after, widget", ...range(w.frame, ms), s.seed.runs]);
    rows.push(["   first frame after, vanilla", ...range(v.frame, ms), s.seed.runs]);
    rows.push(["   JSON fetch starts, widget", ...range(w.jsonStart, ms), s.seed.runs]);
    rows.push(["   JSON fetch starts, vanilla", ...range(v.jsonStart, ms), s.seed.runs]);
    rows.push(["   .wasm response end, widget", ...range(w.wasmEnd, ms), s.seed.runs]);
    rows.push(...taskRows(s.seed));
    rows.push(["   requests / bytes transferred, widget", String(w.requests.median), kB(w.bytes.median), "", s.seed.runs]);
    rows.push(["   requests / bytes transferred, vanilla", String(v.requests.median), kB(v.bytes.median), "", s.seed.runs]);
    rows.push(parityRow(s.seed.parity));
  }
  if (s.many) {
    const { one, many } = s.many;
    rows.push(["3. 1 embed (same layout), all rendered", ...range(one.all, ms), s.many.runs]);
    rows.push(["   50 embeds, all rendered", ...range(many.all, ms), s.many.runs]);
    rows.push(["   ratio 50 / 1", `${s.many.ratio.toFixed(2)}×`, "", "", ""]);
    rows.push(["   requests, total", ...range(many.requests, String), s.many.runs]);
    rows.push(["   requests, article JSON (10 distinct)", ...range(many.jsonRequests, String), s.many.runs]);
    rows.push(["   requests, .wasm", ...range(many.wasmRequests, String), s.many.runs]);
    rows.push(["   JS heap used after GC, 50 embeds", ...range(many.jsHeapUsed, (x) => `${(x / 1e6).toFixed(1)} MB`), s.many.runs]);
    rows.push(["   JS heap used after GC, 1 embed", ...range(one.jsHeapUsed, (x) => `${(x / 1e6).toFixed(1)} MB`), s.many.runs]);
    rows.push(["   Wasm memory, 50 embeds", ...range(many.wasmMemory, (x) => `${(x / 1048576).toFixed(1)} MiB`), s.many.runs]);
    rows.push(["   Wasm memory, 1 embed", ...range(one.wasmMemory, (x) => `${(x / 1048576).toFixed(1)} MiB`), s.many.runs]);
    const c = s.many.cacheableJson;
    rows.push(["   (JSON cacheable: JSON requests / reaching server)", `${c.jsonRequests.median} / ${c.serverJsonHits.median}`, "", "", c.runs]);
  }
  if (s.big) {
    const { widget: w, vanilla: v } = s.big;
    rows.push(["4. 5,000 blocks: time to article, widget", ...range(w.article, ms), s.big.runs]);
    rows.push(["   5,000 blocks: time to article, vanilla", ...range(v.article, ms), s.big.runs]);
    rows.push(["   ratio widget / vanilla", `${s.big.ratio.toFixed(2)}×`, "", "", ""]);
    rows.push(["   first frame after, widget", ...range(w.frame, ms), s.big.runs]);
    rows.push(["   first frame after, vanilla", ...range(v.frame, ms), s.big.runs]);
    rows.push(...taskRows(s.big));
    rows.push(parityRow(s.big.parity));
  }
  if (s.cls) {
    rows.push(["5. CLS, demo page (to 2 s after render)", ...range(s.cls.cls, (x) => x.toFixed(4)), s.cls.runs]);
    rows.push(["   CLS, demo page without embed.js", ...range(s.cls.control.cls, (x) => x.toFixed(4)), s.cls.control.runs]);
  }
  if (s.idle) {
    const { withEmbedJs: w, withoutEmbedJs: c, attributable: a } = s.idle;
    rows.push(["6. idle: bytes transferred, with embed.js", ...range(w.bytes, kB), s.idle.runs]);
    rows.push(["   idle: bytes transferred, without", ...range(c.bytes, kB), s.idle.runs]);
    rows.push(["   idle: requests with / without", `${w.requests.median} / ${c.requests.median}`, "", "", s.idle.runs]);
    rows.push(["   .wasm / .json / article-embed.js requested", `${w.wasmRequested ? "yes" : "no"} / ${w.jsonRequested ? "yes" : "no"} / ${w.bindgenRequested ? "yes" : "no"}`, "", "", s.idle.runs]);
    rows.push(["   embeds mounted (of those on the page)", `${w.mounted} of ${w.embeds}`, "", "", s.idle.runs]);
    rows.push(["   main thread ScriptDuration, with embed.js", ...range(w.scriptMs, ms), s.idle.runs]);
    rows.push(["   main thread ScriptDuration, without", ...range(c.scriptMs, ms), s.idle.runs]);
    rows.push(["   main thread TaskDuration, with embed.js", ...range(w.taskMs, ms), s.idle.runs]);
    rows.push(["   main thread TaskDuration, without", ...range(c.taskMs, ms), s.idle.runs]);
    rows.push(["   attributable (median differences): bytes", kB(a.bytes), "", "", ""]);
    rows.push(["   attributable: ScriptDuration / TaskDuration", `${a.scriptMs.toFixed(1)} ms`, `${a.taskMs.toFixed(1)} ms`, "", ""]);
  }
  if (s.mobile) {
    const { widget: w, vanilla: v } = s.mobile;
    const n = s.mobile.runs;
    rows.push(["7. mobile (4× CPU, 150 ms, 1.6 Mbit/s): time to article, widget", ...range(w.article, ms), n]);
    rows.push(["   mobile: time to article, vanilla", ...range(v.article, ms), n]);
    rows.push(["   ratio widget / vanilla", `${s.mobile.ratio.toFixed(2)}×`, "", "", ""]);
    rows.push(["   first frame after, widget", ...range(w.frame, ms), n]);
    rows.push(["   first frame after, vanilla", ...range(v.frame, ms), n]);
    rows.push(["   JSON fetch starts, widget", ...range(w.jsonStart, ms), n]);
    rows.push(["   JSON fetch starts, vanilla", ...range(v.jsonStart, ms), n]);
    rows.push(["   .wasm response end, widget", ...range(w.wasmEnd, ms), n]);
    rows.push(["   longest task, widget", ...range(w.longestTask, task), n]);
    rows.push(["   longest task, vanilla", ...range(v.longestTask, task), n]);
    rows.push(["   requests / bytes transferred, widget", String(w.requests.median), kB(w.bytes.median), "", n]);
    rows.push(["   requests / bytes transferred, vanilla", String(v.requests.median), kB(v.bytes.median), "", n]);
    rows.push(parityRow(s.mobile.parity));
  }
  if (s.repeat) {
    const { widget: w, vanilla: v } = s.repeat;
    const n = s.repeat.runs;
    rows.push(["8. repeat view: second page, time to article, widget", ...range(w.article, ms), n]);
    rows.push(["   second page: time to article, vanilla", ...range(v.article, ms), n]);
    rows.push(["   ratio widget / vanilla", `${s.repeat.ratio.toFixed(2)}×`, "", "", ""]);
    rows.push(["   first frame after, widget", ...range(w.frame, ms), n]);
    rows.push(["   first frame after, vanilla", ...range(v.frame, ms), n]);
    rows.push(["   longest task, widget", ...range(w.longestTask, task), n]);
    rows.push(["   longest task, vanilla", ...range(v.longestTask, task), n]);
    rows.push(["   requests / from cache / reaching the server, widget", `${w.requests.median} / ${w.fromCache.median} / ${w.serverHits.median}`, "", "", n]);
    rows.push(["   requests / from cache / reaching the server, vanilla", `${v.requests.median} / ${v.fromCache.median} / ${v.serverHits.median}`, "", "", n]);
    const refetched = [...w.refetched, ...v.refetched];
    rows.push(["   script or .wasm fetched again (any run)", refetched.length ? `YES: ${refetched.join(" ")}` : "none", "", "", n]);
    if (w.codeCacheJs) {
      const cc = (x) => `${x.codeCacheJs.min === x.codeCacheJs.max ? x.codeCacheJs.max : `${x.codeCacheJs.min}–${x.codeCacheJs.max}`} JS, ${x.codeCacheWasm.min === x.codeCacheWasm.max ? x.codeCacheWasm.max : `${x.codeCacheWasm.min}–${x.codeCacheWasm.max}`} Wasm`;
      rows.push(["   code cache entries after the first page, widget", cc(w), "", "", n]);
      rows.push(["   code cache entries after the first page, vanilla", cc(v), "", "", n]);
    }
    rows.push(["   (first page, cold: widget / vanilla)", ms(w.firstPage.median), ms(v.firstPage.median), `${s.repeat.firstPageRatio.toFixed(2)}×`, n]);
  }
  if (rows.length > 1) out.push("Scenarios (times in ms from navigation start; medians over cold runs)", table(rows), "");
  if (r.budgets.length) {
    out.push("Budgets");
    out.push(table(r.budgets.map((x) => [x.pass ? "PASS" : "FAIL", x.name, x.shown])));
    out.push("");
  }
  for (const e of r.errors) out.push(`ERROR in ${e.scenario}: ${e.message}`);
  return out.join("\n");
}

// --- main ------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${WATCHDOG_MS / 60000} minutes`);
    process.exit(3);
  }, WATCHDOG_MS);
  watchdog.unref();
  const log = (scenario) => (msg) => console.error(`  [${scenario}] ${msg}`);

  const results = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGB: round(totalmem() / 2 ** 30, 1),
      viewport: VIEWPORT,
      runs: RUNS,
      heavyRuns: HEAVY_RUNS,
      cache: "new browser context per run, HTTP cache disabled via CDP (except the marked cacheable-JSON variant and the repeat view, which runs a browser with a new profile per run, HTTP cache on)",
      mobile: MOBILE,
      repeatDwellMs: REPEAT_DWELL_MS,
      transfer: "the bench server sends gzip (level 9) when accepted",
      distDir: relative(ROOT, DIST) || ".",
      dist: Object.fromEntries(["embed.js", GLUE, WASM].map((f) => [f, statSync(join(DIST, f)).mtime.toISOString()])),
      distDigest: distDigest(),
      // 1-minute load average when each scenario started and ended: other
      // work on the machine (a build, a test run) makes every time longer.
      load: { start: round(loadavg()[0], 2) },
      // Per scenario: % of the machine's CPU used by processes outside this
      // bench (null where /proc is unavailable).
      otherCpu: {},
    },
    bytes: null,
    generated: null,
    scenarios: {},
    budgets: [],
    errors: [],
  };
  const scenario = async (name, fn) => {
    if (!ONLY.includes(name)) return;
    const t0 = Date.now();
    const load0 = round(loadavg()[0], 2);
    const cpu0 = cpuSnapshot();
    console.error(`bench: ${name}…`);
    try {
      results.scenarios[name] = await fn(log(name));
    } catch (e) {
      results.errors.push({ scenario: name, message: String(e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : e) });
      console.error(`bench: ${name} failed: ${e}`);
    }
    results.meta.load[name] = [load0, round(loadavg()[0], 2)];
    const share = othersShare(cpu0, cpuSnapshot());
    results.meta.otherCpu[name] = share == null ? null : round(share * 100, 1);
    console.error(
      `bench: ${name} took ${((Date.now() - t0) / 1000).toFixed(1)} s (load ${load0} → ${round(loadavg()[0], 2)}; ` +
        `other processes ${share == null ? "?" : `${(share * 100).toFixed(1)}%`} of the CPU)`,
    );
  };

  try {
    results.bytes = measureBytes();
  } catch (e) {
    results.errors.push({ scenario: "bytes", message: String(e) });
  }
  results.generated = generateArticles();
  const seedParagraphs = results.generated.seedParagraphs;

  const server = await startServer();
  const browser = await chromium.launch(launchOptions);
  results.meta.chromium = browser.version();
  results.meta.server = server.origin;
  try {
    await scenario("seed", () =>
      widgetVsVanilla(browser, server, { widget: "/bench/seed.html", vanilla: "/bench/seed-vanilla.html" }, { paragraphs: seedParagraphs, ask: true }, RUNS, 20_000, log("seed")),
    );
    await scenario("many", (l) => manyEmbeds(browser, server, RUNS, { paragraphs: seedParagraphs, ask: false }, l));
    await scenario("big", () =>
      widgetVsVanilla(browser, server, { widget: "/bench/big.html", vanilla: "/bench/big-vanilla.html" }, { paragraphs: 5000, ask: true }, HEAVY_RUNS, 60_000, log("big")),
    );
    await scenario("cls", (l) => cls(browser, server, HEAVY_RUNS, l));
    await scenario("idle", (l) => idle(browser, server, RUNS, l));
    await scenario("mobile", () =>
      widgetVsVanilla(browser, server, { widget: "/bench/seed.html", vanilla: "/bench/seed-vanilla.html" }, { paragraphs: seedParagraphs, ask: true }, HEAVY_RUNS, 60_000, log("mobile"), { mobile: true }),
    );
    await scenario("repeat", () =>
      repeatView(
        browser,
        server,
        { widget: ["/bench/seed.html", "/bench/second.html"], vanilla: ["/bench/seed-vanilla.html", "/bench/second-vanilla.html"] },
        { paragraphs: seedParagraphs, ask: true },
        RUNS,
        20_000,
        log("repeat"),
      ),
    );
    if (results.bytes) addRequestedCss(results, server);
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  if (results.bytes) {
    // After the browser scenarios: the rebuild takes a CPU for about 20 s.
    console.error("bench: Wasm breakdown (twiggy)…");
    try {
      results.bytes.wasmBreakdown = wasmBreakdown({ dist: DIST });
    } catch (e) {
      results.errors.push({ scenario: "wasm breakdown", message: String(e) });
    }
  }

  const digest = distDigest();
  if (digest !== results.meta.distDigest) {
    results.errors.push({ scenario: "dist", message: "dist/ changed during the run (rebuilt?): the results mix two builds; run again" });
  }
  results.budgets = budgets(results);
  results.meta.seconds = round((Date.now() - started) / 1000, 1);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(results, null, 2) + "\n");

  const others = Object.entries(results.meta.otherCpu).filter(([, v]) => v != null);
  const busy = others.filter(([, v]) => v > OTHER_CPU_WARN);
  console.log(
    `article-embed benchmark — ${results.meta.date} — Chromium ${results.meta.chromium}, Node ${process.version}, ${results.meta.cpus} CPUs, ${results.meta.distDir} ${results.meta.distDigest}\n` +
      `${RUNS} cold runs per scenario (${HEAVY_RUNS} for 5,000 blocks, CLS and throttled mobile; 3 for the cacheable-JSON and CLS-control variants; the repeat view's second page is warm), one discarded warm-up per page\n` +
      `CPU used by other processes: ${others.length ? others.map(([k, v]) => `${k} ${v}%`).join(", ") : "unknown"}` +
      (busy.length ? ` — WARNING: the machine was busy during ${busy.map(([k]) => k).join(", ")}; those times are inflated and noisy` : "") +
      "\n",
  );
  console.log(report(results));
  console.log(`results: ${OUT} (${results.meta.seconds} s)`);
  clearTimeout(watchdog);
  return results.errors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
