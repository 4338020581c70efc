// The release layout (CONTRACT §2, "Release layout"): content-hashed file
// names that embed.js names exactly, precompressed twins, the cache policy in
// _headers, a clear report when a hashed file is gone, and a redeploy under a
// real, long-lived HTTP cache that never pairs two builds' files.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { contentHash, exportNames, importModules, keepsExportName, renameExports, renameGlue, writeTwins, COMPRESSED, HASHED_CACHE, NAME } from "../../scripts/postbuild.mjs";
import { watch, events, waitForEvent } from "./helpers.mjs";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (name, dir = DIST) => readFileSync(join(dir, name));

/** Every file under `dir`, relative, with `/` (not Trunk's `.stage` of a build under way). */
function walk(dir, prefix = "") {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).filter((e) => !e.name.startsWith(".")).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? walk(dir, rel) : [rel];
  });
}

/** The glue and Wasm module a built embed.js names. */
function named(dir = DIST) {
  const loader = read("embed.js", dir).toString();
  const glue = [...new Set(loader.match(/article-embed-[0-9a-f]+\.js/g) || [])];
  const wasm = [...new Set(loader.match(/article-embed-[0-9a-f]+_bg\.wasm/g) || [])];
  expect(glue, "embed.js names one glue file").toHaveLength(1);
  expect(wasm, "embed.js names one Wasm file").toHaveLength(1);
  return { glue: glue[0], wasm: wasm[0] };
}

/** `_headers` as `{path: {header (lower case): value}}`. */
function headerRules(dir = DIST) {
  const rules = {};
  let current = null;
  for (const line of read("_headers", dir).toString().split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (/^\S/.test(line)) rules[(current = line.trim())] = {};
    else {
      const i = line.indexOf(":");
      rules[current][line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

const maxAge = (cacheControl) => Number((cacheControl.match(/max-age=(\d+)/) || [])[1]);

test.describe("the build", () => {
  test("the shipped module's imports and exports have short names, and the glue uses exactly those", () => {
    const { glue, wasm } = named();
    const text = read(glue).toString();
    const modules = importModules(read(wasm));
    expect(modules).toHaveLength(1);
    expect(modules[0].length, "one short import module name").toBeLessThanOrEqual(2);
    // wasm-bindgen's own names carry a 16-hex-digit hash; none is left.
    expect(text).not.toMatch(/__wbg_\w+_[0-9a-f]{16}/);
    expect(text).not.toMatch(/__wbindgen_(malloc|realloc|free|start)\b/);
    // terser writes the module key `"a":` as `a:`.
    expect(text).toMatch(new RegExp(`[{,]"?${modules[0].replace(/\$/g, "\\$")}"?:`));
    // The crate's API keeps its names; wasm-bindgen's internals are short.
    const exports = exportNames(read(wasm));
    expect(exports).toEqual(expect.arrayContaining(["mount", "version", "embed_update", "embed_unmount", "__wbg_embed_free"]));
    for (const name of exports.filter((n) => !keepsExportName(n))) expect(name.length, name).toBeLessThanOrEqual(3);
    expect(exports.filter((n) => n.length > 3).every(keepsExportName)).toBe(true);
  });

  test("renameExports renames only the exports it is given and leaves a valid module", async () => {
    const { wasm } = named();
    const bytes = read(wasm);
    const renamed = renameExports(bytes, { mount: "mount_renamed_for_the_test" });
    expect(exportNames(renamed)).toEqual(exportNames(bytes).map((n) => (n === "mount" ? "mount_renamed_for_the_test" : n)));
    expect(renamed.length).toBe(bytes.length + "_renamed_for_the_test".length);
    expect(WebAssembly.validate(renamed)).toBe(true);
    expect(renameExports(renamed, { mount_renamed_for_the_test: "mount" }).equals(bytes)).toBe(true);
  });

  test("renameGlue swaps the import keys, the module key and each wasm.<export>, and refuses a glue it does not know", () => {
    const glue = [
      "const import0 = { __proto__: null, __wbg_log_0123456789abcdef: function(a) { console.log(a); }, __wbg_now_fedcba9876543210: () => 1 };",
      'return { "./article-embed_bg.js": import0 };',
      "wasm.__wbindgen_start(); wasm.mount(host); wasm.memory.buffer; wasm.mount_more(x);",
    ].join("\n");
    const mapping = {
      imports: [
        ["./article-embed_bg.js", "__wbg_log_0123456789abcdef", "a"],
        ["./article-embed_bg.js", "__wbg_now_fedcba9876543210", "$"],
      ],
      exports: [["__wbindgen_start", "b"], ["mount", "c"], ["memory", "d"], ["mount_more", "e"], ["__abort_handler", "f"]],
    };
    const out = renameGlue(glue, mapping, "m");
    expect(out).toContain("{ __proto__: null, a: function(a)");
    expect(out).toContain(", $: () => 1 }");
    expect(out).toContain('{ "m": import0 }');
    expect(out).toContain("wasm.b(); wasm.c(host); wasm.d.buffer; wasm.e(x);");
    const unknown = { ...mapping, imports: [...mapping.imports, ["./article-embed_bg.js", "__wbg_gone_1111111111111111", "g"]] };
    expect(() => renameGlue(glue, unknown, "m")).toThrow(/no import __wbg_gone/);
  });

  test("the glue and the Wasm module have one content hash in their names", () => {
    const top = readdirSync(DIST);
    expect(top).not.toContain("article-embed.js");
    expect(top).not.toContain("article-embed_bg.wasm");
    const glue = top.filter((f) => /^article-embed-[0-9a-f]{8}\.js$/.test(f));
    const wasm = top.filter((f) => /^article-embed-[0-9a-f]{8}_bg\.wasm$/.test(f));
    expect(glue).toHaveLength(1);
    expect(wasm).toHaveLength(1);
    const hash = glue[0].slice(NAME.length + 1, -".js".length);
    expect(wasm[0]).toBe(`${NAME}-${hash}_bg.wasm`);
    // The hash is of the files' own final bytes: same code, same names.
    expect(contentHash(read(glue[0]).toString(), read(wasm[0]), wasm[0])).toBe(hash);
    // No other JavaScript or Wasm at the top of dist/ but the loader (and the
    // scripts of the site owners' tools: the iframe page and the configurator).
    const tools = ["frame.js", "frame-host.js", "publish.js"];
    const scripts = top.filter((f) => /\.(js|wasm)$/.test(f) && f !== "embed.js" && !tools.includes(f));
    expect(scripts.sort()).toEqual([glue[0], wasm[0]].sort());
  });

  test("embed.js names exactly the hashed files of its own build", () => {
    const loader = read("embed.js").toString();
    expect(loader).not.toMatch(/@(GLUE|WASM|VERSION)@/);
    const { glue, wasm } = named();
    expect(existsSync(join(DIST, glue))).toBe(true);
    expect(existsSync(join(DIST, wasm))).toBe(true);
    // No other bundle file name, hashed or not.
    const mentioned = new Set(loader.match(/article-embed[-\w]*\.(?:js|wasm)/g));
    expect([...mentioned].sort()).toEqual([glue, wasm].sort());
  });

  test("every compressible file has .br and .gz twins that decompress to it byte for byte", () => {
    const files = walk(DIST).filter((f) => COMPRESSED.some((ext) => f.endsWith(ext)));
    expect(files).toEqual(expect.arrayContaining(["embed.js", "index.html", "articles/four-officers.json", named().glue, named().wasm]));
    for (const f of files) {
      const raw = read(f);
      expect(brotliDecompressSync(read(`${f}.br`)).equals(raw), `${f}.br`).toBe(true);
      expect(gunzipSync(read(`${f}.gz`)).equals(raw), `${f}.gz`).toBe(true);
    }
    // And no twin without its original.
    for (const twin of walk(DIST).filter((f) => /\.(br|gz)$/.test(f))) {
      expect(existsSync(join(DIST, twin.slice(0, -3))), twin).toBe(true);
    }
  });

  test("_headers states the cache policy for embed.js and every hashed file", () => {
    const rules = headerRules();
    const loader = rules["/embed.js"];
    expect(loader, "a rule for /embed.js").toBeTruthy();
    expect(loader["cache-control"]).toMatch(/^public, /);
    expect(maxAge(loader["cache-control"])).toBeGreaterThan(0);
    expect(maxAge(loader["cache-control"])).toBeLessThanOrEqual(300);
    const { glue, wasm } = named();
    const hashed = readdirSync(DIST).filter((f) => /-[0-9a-f]{6,16}(_bg\.wasm|\.\w+)$/.test(f));
    expect(hashed).toEqual(expect.arrayContaining([glue, wasm]));
    for (const f of hashed) {
      expect(rules[`/${f}`]?.["cache-control"], f).toBe(HASHED_CACHE);
    }
    expect(HASHED_CACHE).toBe("public, max-age=31536000, immutable");
    for (const f of [glue, wasm]) expect(rules[`/${f}`]["access-control-allow-origin"], f).toBe("*");
    expect(rules[`/${wasm}`]["content-type"]).toBe("application/wasm");
    expect(rules[`/${glue}`]["content-type"]).toMatch(/^text\/javascript/);
  });
});

/** The blank page with `n` embeds of the seed article and embed.js (`loader`). */
async function embeds(page, n, { origin = "", loader = "/embed.js" } = {}) {
  await page.goto(`${origin}/fixtures/blank.html`);
  await page.evaluate(
    ({ n, loader }) => {
      for (let i = 0; i < n; i++) {
        const q = document.createElement("blockquote");
        q.className = "article-embed";
        q.id = `embed-${i}`;
        q.dataset.src = "/articles/four-officers.json";
        const a = document.createElement("a");
        a.href = "https://news.example/fallback";
        a.textContent = `Fallback link ${i}`;
        q.append(a);
        document.getElementById("slot").append(q);
      }
      const s = document.createElement("script");
      s.async = true;
      s.src = loader;
      document.body.append(s);
    },
    { n, loader }
  );
}

const CSP_WORDING = /script-src|wasm-unsafe-eval|Content Security/i;

/** Every embed on the page reports the file once, keeps its fallback, throws nothing. */
async function expectReported(page, problems, file, n) {
  await waitForEvent(page, "article-embed:error", n);
  await page.waitForTimeout(300); // no second report arrives
  const errors = await events(page, "article-embed:error");
  expect(errors).toHaveLength(n);
  for (const e of errors) {
    expect(e.detail.kind).toBe("network");
    expect(e.detail.message).toContain(`could not load ${file}`);
    expect(e.detail.message).not.toMatch(CSP_WORDING);
  }
  for (let i = 0; i < n; i++) await expect(page.getByRole("link", { name: `Fallback link ${i}` })).toBeVisible();
  expect(await events(page, "article-embed:rendered")).toEqual([]);
  expect(problems).toEqual([]);
}

test.describe("a missing hashed file", () => {
  test("glue and Wasm of a removed release: each embed reports the file, the fallbacks stay", async ({ page }) => {
    const problems = await watch(page);
    page.on("console", (m) => m.type() === "error" && /Uncaught/.test(m.text()) && problems.push(m.text()));
    const { glue, wasm } = named();
    const asked = [];
    await page.route(new RegExp(`/(${glue}|${wasm})$`.replaceAll(".", "\\.")), (route) => {
      asked.push(new URL(route.request().url()).pathname);
      return route.fulfill({ status: 404, contentType: "text/plain", body: "not found\n" });
    });
    await embeds(page, 2);
    await expectReported(page, problems, glue, 2);
    expect(asked).toContain(`/${glue}`);
  });

  test("only the Wasm module missing: the message names it with the HTTP status", async ({ page }) => {
    const problems = await watch(page);
    const { wasm } = named();
    await page.route(`**/${wasm}`, (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "not found\n" }));
    await embeds(page, 2);
    await expectReported(page, problems, wasm, 2);
    const [first] = await events(page, "article-embed:error");
    expect(first.detail.message).toContain("HTTP 404");
  });

  test("a Content Security Policy without 'wasm-unsafe-eval' still gets the CSP hint", async ({ page }) => {
    const problems = await watch(page);
    await page.goto("/fixtures/csp-no-wasm.html");
    const error = await waitForEvent(page, "article-embed:error");
    expect(error.detail.kind).toBe("network");
    expect(error.detail.message).toContain("check script-src and 'wasm-unsafe-eval'");
    await expect(page.getByRole("link", { name: /Four Officers/ })).toBeVisible();
    expect(problems).toEqual([]);
  });
});

test("with Accept-Encoding: br the server sends the brotli twins and the article renders", async ({ page }) => {
  const problems = await watch(page);
  await page.setExtraHTTPHeaders({ "Accept-Encoding": "br" });
  const { glue, wasm } = named();
  const wasmResponse = page.waitForResponse((r) => r.url().endsWith(`/${wasm}`));
  const glueResponse = page.waitForResponse((r) => r.url().endsWith(`/${glue}`));
  await embeds(page, 1);
  await waitForEvent(page, "article-embed:rendered");
  for (const response of [await wasmResponse, await glueResponse]) {
    const headers = await response.allHeaders();
    expect(headers["content-encoding"], response.url()).toBe("br");
    expect(headers.vary, response.url()).toMatch(/Accept-Encoding/i);
    expect(headers["cache-control"], response.url()).toBe(HASHED_CACHE);
  }
  expect((await wasmResponse).headers()["content-type"]).toBe("application/wasm");
  // The body on the wire is the .br twin.
  const sizes = await (await wasmResponse).request().sizes();
  expect(sizes.responseBodySize).toBe(statSync(join(DIST, `${wasm}.br`)).size);
  await expect(page.locator("article-embed h1")).toBeVisible();
  expect(problems).toEqual([]);
});

/** A copy of dist/ served by scripts/serve.mjs on a free port (a real HTTP cache applies). */
async function site(dir) {
  const child = spawn(process.execPath, [join(ROOT, "scripts", "serve.mjs"), "--port", "0", "--dist", dir], { stdio: ["ignore", "pipe", "inherit"] });
  const origin = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/[\d.]+:\d+/);
      if (found) resolve(found[0]);
    });
    child.on("exit", (code) => reject(new Error(`serve.mjs exited (${code})`)));
  });
  return { origin, close: () => child.kill() };
}

/**
 * Build B from build A in `dir`: the same module with one more custom
 * section (so different bytes), named by the build's own naming function,
 * and an embed.js naming B's files. Deployed as a release should be: the new
 * hashed files (with twins and _headers rules) first, then embed.js.
 */
async function deployB(dir, a) {
  const neutral = read(a.glue, dir).toString().replaceAll(a.wasm, `${NAME}_bg.wasm`);
  const name = Buffer.from("release-test");
  const section = Buffer.concat([Buffer.from([0, name.length + 2, name.length]), name, Buffer.from("B")]);
  const wasm = Buffer.concat([read(a.wasm, dir), section]);
  const hash = contentHash(neutral, wasm);
  const b = { glue: `${NAME}-${hash}.js`, wasm: `${NAME}-${hash}_bg.wasm` };
  expect(b.glue).not.toBe(a.glue);
  writeFileSync(join(dir, b.wasm), wasm);
  writeFileSync(join(dir, b.glue), neutral.replaceAll(`${NAME}_bg.wasm`, b.wasm));
  for (const f of [b.wasm, b.glue]) await writeTwins(join(dir, f));
  const headers = read("_headers", dir).toString();
  const ruleA = (f) => headers.slice(headers.indexOf(`/${f}\n`)).split("\n\n")[0];
  writeFileSync(join(dir, "_headers"), `${headers}\n${ruleA(a.glue).replaceAll(a.glue, b.glue)}\n\n${ruleA(a.wasm).replaceAll(a.wasm, b.wasm)}\n`);
  writeFileSync(join(dir, "embed.js"), read("embed.js", dir).toString().replaceAll(a.glue, b.glue).replaceAll(a.wasm, b.wasm));
  await writeTwins(join(dir, "embed.js"));
  return b;
}

/** The bundle files this page loaded: `{name: transferSize}` (0 = from the HTTP cache). */
const loaded = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType("resource")
        .map((e) => [new URL(e.name).pathname.slice(1), e.transferSize])
        .filter(([name]) => /^(embed\.js|article-embed)/.test(name))
    )
  );

test("a redeploy under a long-lived HTTP cache never pairs two builds' files", async ({ browser }) => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), "article-embed-release-"));
  const server = { close() {} };
  const context = await browser.newContext();
  try {
    cpSync(DIST, dir, { recursive: true });
    Object.assign(server, await site(dir));
    const { origin } = server;
    const a = named(dir);
    const page = await context.newPage();
    const problems = await watch(page);

    // A reader sees build A: embed.js and A's pair are now in the browser's cache.
    await embeds(page, 1, { origin });
    await waitForEvent(page, "article-embed:rendered");
    expect(Object.keys(await loaded(page)).sort()).toEqual([a.glue, a.wasm, "embed.js"].sort());

    // Build B is deployed (A's hashed files stay, as the docs ask).
    const b = await deployB(dir, a);

    // Within embed.js's lifetime the reader still runs A, whole and from the cache.
    await embeds(page, 1, { origin });
    await waitForEvent(page, "article-embed:rendered");
    expect(await loaded(page)).toEqual({ "embed.js": 0, [a.glue]: 0, [a.wasm]: 0 });

    // Once that embed.js is stale (here: a URL not in the cache, as after its
    // max-age) the reader gets B's embed.js, which loads B's pair, not A's
    // cached files.
    await embeds(page, 1, { origin, loader: "/embed.js?after-max-age" });
    await waitForEvent(page, "article-embed:rendered");
    const files = await loaded(page);
    expect(Object.keys(files).sort()).toEqual([b.glue, b.wasm, "embed.js"].sort());
    expect(files[b.glue]).toBeGreaterThan(0);
    expect(files[b.wasm]).toBeGreaterThan(0);
    await expect(page.locator("article-embed h1")).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
