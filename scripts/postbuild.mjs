// Trunk post-build hook, run in the staging directory (TRUNK_STAGING_DIR)
// before dist/ is replaced. It turns Trunk's output into a release:
//
// 1. release builds: gives the module's imports and exports (and the
//    import module) short names with wasm-opt and renames them in the
//    wasm-bindgen glue (`minifyWasmNames`, `renameGlue`): wasm-bindgen's
//    names carry a 16-hex-digit hash each, about 3.5 kB gzip of the module
//    (docs/PERFORMANCE.md, size log row 20); then minifies the glue (terser);
// 2. names the glue and the Wasm module after their content:
//    article-embed-<hash>.js and article-embed-<hash>_bg.wasm, where <hash> is
//    the first 8 hex digits of a SHA-256 over the final bytes of both (see
//    `contentHash`); same code, same names; different code, different names;
// 3. writes the crate's version and those two names into the loader
//    (`"@VERSION@"`, `"@GLUE@"`, `"@WASM@"` in www/embed.js), so
//    `ArticleEmbed.version` is never a hand-copied string and a cached
//    embed.js always loads the files of its own build; in release builds
//    then minifies the loader;
// 4. writes `_headers` (Netlify / Cloudflare Pages format): the cache policy,
//    naming the actual hashed files (and the iframe page's stable files,
//    cached like embed.js);
// 5. copies the TypeScript declarations (www/article-embed.d.ts, generated
//    by tests/types.rs, and www/article-embed-react.d.ts) and writes
//    `package.json`, which makes dist/ the npm package `article-embed`
//    (`make package`; see `packageJson`);
// 6. last, so they hold the final bytes: `.br` (quality 11) and `.gz`
//    (level 9) twins beside every .js, .wasm, .json, .html, .css and .svg
//    (not the .d.ts files: `.ts` is not among them).
//
// Any missing placeholder or file fails the build. The functions are
// exported for tests/e2e/release.spec.mjs; importing this module does not run
// the hook.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { copyFile, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zc, gzipSync } from "node:zlib";
import { minify } from "terser";
import { CONTENT_TYPES } from "./content-types.mjs";

/** The Rust app's name (the crate): Trunk names its glue and module after it. */
export const NAME = "article-embed";
/** File types that get precompressed twins. */
export const COMPRESSED = [".js", ".wasm", ".json", ".html", ".css", ".svg"];
/** The cache policy (also in docs/publishing.md, "Releases and upgrades"). */
export const LOADER_CACHE = "public, max-age=300, stale-while-revalidate=86400";
export const HASHED_CACHE = "public, max-age=31536000, immutable";

/** The workspace's version: `[workspace.package] version` in Cargo.toml. */
export async function crateVersion(manifest = new URL("../Cargo.toml", import.meta.url)) {
  const toml = await readFile(manifest, "utf8");
  const section = toml.split(/^\[workspace\.package\]$/m)[1] ?? "";
  const found = section.split(/^\[/m)[0].match(/^version\s*=\s*"([^"]+)"/m);
  if (!found) throw new Error("postbuild: no [workspace.package] version in Cargo.toml");
  return found[1];
}

/** `key = "…"` of the manifest's `[section]` (for the package's description and license). */
export async function manifestField(section, key, manifest = new URL("../Cargo.toml", import.meta.url)) {
  const toml = await readFile(manifest, "utf8");
  const body = toml.split(new RegExp(`^\\[${section.replaceAll(".", "\\.")}\\]$`, "m"))[1] ?? "";
  const found = body.split(/^\[/m)[0].match(new RegExp(`^${key}\\s*=\\s*"([^"]+)"`, "m"));
  if (!found) throw new Error(`postbuild: no [${section}] ${key} in Cargo.toml`);
  return found[1];
}

/**
 * The last wasm-opt run of a release: short import, export and import-module
 * names (the mapping is printed as JSON), with `-Oz` once more so the code is
 * written as compactly as Trunk's run wrote it, and without the `producers`
 * and `target_features` custom sections (toolchain notes no browser reads).
 * scripts/wasm-breakdown.mjs repeats it, so its breakdown describes the
 * shipped module.
 */
export const WASM_NAMES_ARGS = ["-Oz", "--minify-imports-and-exports-and-modules", "--strip-producers", "--strip-target-features"];

/** wasm-opt from the npm package binaryen (scripts/setup.sh), else from PATH. */
export function wasmOptPath() {
  const local = fileURLToPath(new URL("../node_modules/.bin/wasm-opt", import.meta.url));
  return existsSync(local) ? local : "wasm-opt";
}

/** Reads a Wasm binary's sections: `[{ id, header, start, end }]` (where the section begins, and its payload's byte range). */
function sections(bytes) {
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const header = at;
    const id = bytes[at++];
    const size = readLeb(bytes, at);
    at = size.next;
    out.push({ id, header, start: at, end: at + size.value });
    at += size.value;
  }
  return out;
}

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return { value, next: at };
  }
}

function writeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

function readName(bytes, at) {
  const length = readLeb(bytes, at);
  const end = length.next + length.value;
  return { value: Buffer.from(bytes.subarray(length.next, end)).toString("utf8"), next: end };
}

/** The module name(s) of a Wasm binary's imports (the import section read directly). */
export function importModules(bytes) {
  const section = sections(bytes).find((s) => s.id === 2);
  if (!section) return [];
  const modules = new Set();
  let { value: count, next: at } = readLeb(bytes, section.start);
  const skipLeb = () => (at = readLeb(bytes, at).next);
  for (; count > 0; count--) {
    const module = readName(bytes, at);
    modules.add(module.value);
    at = readName(bytes, module.next).next;
    const kind = bytes[at++];
    if (kind === 0) skipLeb(); // function: type index
    else if (kind === 1 || kind === 2) {
      if (kind === 1) at++; // table: reference type
      const flags = bytes[at++]; // limits
      skipLeb();
      if (flags & 1) skipLeb();
    } else if (kind === 3) at += 2; // global: value type, mutability
    else throw new Error(`postbuild: unknown import kind ${kind}`);
  }
  return [...modules];
}

/** The names of a Wasm binary's exports, in order. */
export function exportNames(bytes) {
  const section = sections(bytes).find((s) => s.id === 7);
  if (!section) return [];
  const names = [];
  let { value: count, next: at } = readLeb(bytes, section.start);
  for (; count > 0; count--) {
    const name = readName(bytes, at);
    names.push(name.value);
    at = readLeb(bytes, name.next + 1).next; // kind, then index
  }
  return names;
}

/** `bytes` with the exports named in `renames` (`{ old: new }`) renamed. */
export function renameExports(bytes, renames) {
  const section = sections(bytes).find((s) => s.id === 7);
  if (!section) return bytes;
  const entries = [];
  let { value: count, next: at } = readLeb(bytes, section.start);
  const total = count;
  for (; count > 0; count--) {
    const name = readName(bytes, at);
    const index = readLeb(bytes, name.next + 1);
    const text = Buffer.from(renames[name.value] ?? name.value, "utf8");
    entries.push(...writeLeb(text.length), ...text, ...bytes.subarray(name.next, index.next));
    at = index.next;
  }
  const payload = [...writeLeb(total), ...entries];
  return Buffer.concat([
    bytes.subarray(0, section.header),
    Buffer.from([7, ...writeLeb(payload.length), ...payload]),
    bytes.subarray(section.end),
  ]);
}

/**
 * The crate's own API keeps its export names (`mount`, `version`, the
 * `Embed` handle's methods and its `__wbg_embed_free`), and so does
 * `memory` (the benchmark reads the instance's memory size), so the module reads
 * as this project's in a profiler, a stack trace or a test that wraps
 * `mount`; wasm-bindgen's internal exports (closures, allocator, tables)
 * are shortened.
 */
export const keepsExportName = (name) => !/^(__wbindgen_|__externref_|wasm_bindgen_|__abort_handler$|__instance_terminated$)/.test(name);

/**
 * Renames the module's imports and wasm-bindgen's internal exports in place
 * (`WASM_NAMES_ARGS`, then `keepsExportName`) and returns the renames the
 * glue must follow: `{ imports: [[module, name, short]], exports: [[name,
 * short]] }`. `extraArgs` go to wasm-opt as well (`-g` for the breakdown).
 */
export function minifyWasmNames(file, { wasmOpt = wasmOptPath(), extraArgs = [], env } = {}) {
  const run = spawnSync(wasmOpt, [file, ...WASM_NAMES_ARGS, ...extraArgs, "-o", file], { encoding: "utf8", maxBuffer: 1 << 26, env });
  if (run.error || run.status !== 0) throw new Error(`postbuild: ${wasmOpt} ${WASM_NAMES_ARGS.join(" ")} failed: ${run.error?.message ?? run.stderr}`);
  const start = run.stdout.indexOf("{");
  if (start < 0) throw new Error("postbuild: wasm-opt printed no name mapping");
  const mapping = JSON.parse(run.stdout.slice(start));
  // The crate's API gets its names back (`keepsExportName`).
  const kept = mapping.exports.filter(([name]) => keepsExportName(name));
  writeFileSync(file, renameExports(readFileSync(file), Object.fromEntries(kept.map(([name, short]) => [short, name]))));
  return { imports: mapping.imports, exports: mapping.exports.filter(([name]) => !keepsExportName(name)) };
}

/**
 * The glue with wasm-opt's short names: the import object's keys, its
 * module key (`"./<stem>_bg.js"`) and every `wasm.<export>`. Fails if a
 * name is not found exactly where wasm-bindgen writes it, or an old name is
 * left, so a change in wasm-bindgen's output breaks the build rather than
 * the bundle.
 */
export function renameGlue(glue, mapping, module) {
  const escape = (s) => s.replace(/[$.*+?^(){}|[\]\\]/g, "\\$&");
  const swap = (pattern, replacement, what) => {
    let count = 0;
    glue = glue.replace(pattern, () => {
      count++;
      return replacement;
    });
    if (count === 0 && what) throw new Error(`postbuild: the glue has no ${what}`);
  };
  const oldModules = new Set(mapping.imports.map(([m]) => m));
  for (const old of oldModules) swap(new RegExp(`(["'])${escape(old)}\\1(?=\\s*:)`, "g"), JSON.stringify(module), `import module key ${old}`);
  for (const [, name, short] of mapping.imports) {
    swap(new RegExp(`(?<=[{,\\s])${escape(name)}(?=\\s*:)`, "g"), short, `import ${name}`);
  }
  for (const [name, short] of mapping.exports) {
    // Not every export is used by the glue (e.g. wasm-bindgen's `__abort_handler`).
    swap(new RegExp(`(?<=\\bwasm\\.)${escape(name)}\\b(?![$])`, "g"), short, null);
  }
  const left = [...mapping.imports.map(([, n]) => n), ...mapping.exports.map(([n]) => `wasm.${n}`)].filter((n) =>
    new RegExp(`${escape(n)}(?![\\w$])`).test(glue)
  );
  if (left.length) throw new Error(`postbuild: the glue still names ${left.slice(0, 3).join(", ")}`);
  return glue;
}

/**
 * Step 1 on a wasm-bindgen pair: shortens the names in the module `wasmFile`
 * (rewritten in place) and returns `glue` renamed to match. Also used by
 * scripts/yew-floor.sh, so the floor is built like the bundle.
 */
export function shortenNames(glue, wasmFile) {
  const mapping = minifyWasmNames(wasmFile);
  const modules = importModules(readFileSync(wasmFile));
  if (modules.length !== 1) throw new Error(`postbuild: expected one import module after renaming, found ${JSON.stringify(modules)}`);
  console.log(`postbuild: ${mapping.imports.length} imports and ${mapping.exports.length} exports renamed`);
  return renameGlue(glue, mapping, modules[0]);
}

/** The TypeScript declarations copied into dist/ (sources in www/). */
export const DECLARATIONS = ["article-embed.d.ts", "article-embed-react.d.ts"];

/**
 * dist/package.json: dist/ as the npm package `article-embed`, for CDNs
 * (`article-embed@<version>/embed.js`) and bundlers (the declarations). Its
 * files are the widget's only: the loader, the hashed glue and module, their
 * twins, the declarations and `_headers`; never the demo page, its CSS or the
 * demo articles. The repository has no public URL, so there is no
 * `repository` or `homepage` field.
 */
export function packageJson({ version, description, license, glue, wasm }) {
  const twins = (name) => [name, `${name}.br`, `${name}.gz`];
  return {
    name: NAME,
    version,
    description,
    license,
    browser: "embed.js",
    unpkg: "embed.js",
    jsdelivr: "embed.js",
    types: DECLARATIONS[0],
    exports: {
      ".": { types: `./${DECLARATIONS[0]}`, default: "./embed.js" },
      "./embed.js": "./embed.js",
      "./react": { types: `./${DECLARATIONS[1]}` },
      "./package.json": "./package.json",
    },
    sideEffects: true,
    files: [...twins("embed.js"), ...twins(glue), ...twins(wasm), ...DECLARATIONS, "_headers"],
  };
}

/**
 * The content hash shared by the glue and the module: SHA-256 over the
 * module's bytes and the glue's text, with the glue's mention of the module's
 * own (hashed) file name read as `article-embed_bg.wasm` (the name cannot be
 * part of its own hash). 8 hex digits.
 */
export function contentHash(glue, wasm, wasmName = `${NAME}_bg.wasm`) {
  return createHash("sha256")
    .update(wasm)
    .update(String(glue).replaceAll(wasmName, `${NAME}_bg.wasm`))
    .digest("hex")
    .slice(0, 8);
}

/** Writes `<file>.br` and `<file>.gz` beside `file`; returns their sizes. */
export async function writeTwins(file) {
  const raw = await readFile(file);
  const br = brotliCompressSync(raw, {
    params: {
      [zc.BROTLI_PARAM_QUALITY]: 11,
      [zc.BROTLI_PARAM_MODE]: file.endsWith(".wasm") ? zc.BROTLI_MODE_GENERIC : zc.BROTLI_MODE_TEXT,
      [zc.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  await writeFile(`${file}.br`, br);
  await writeFile(`${file}.gz`, gz);
  return { raw: raw.length, br: br.length, gz: gz.length };
}

/** Every file under `dir`, as paths relative to it (with `/`). */
export async function walk(dir, prefix = "") {
  const out = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** Files named with a content hash (ours and Trunk's, e.g. the demo's CSS). */
export const isHashed = (name) => /^[\w.-]+-[0-9a-f]{6,16}(?:_bg\.wasm|\.(?:js|css|wasm|svg|png|jpg|woff2?))$/.test(name);

/**
 * The iframe page and its host script: stable URLs readers' browsers load, so
 * they get the loader's short cache policy (docs/embedding.md, "Iframes").
 */
export const FRAME_FILES = ["frame.html", "frame.js", "frame.css", "frame-host.js"];

/**
 * `_headers` for the release: `hashed` are file names at the top of dist/;
 * `stable` the files of `FRAME_FILES` the build has.
 */
export function headersFile(hashed, types, stable = []) {
  const rule = (path, headers) => [path, ...headers.map(([k, v]) => `  ${k}: ${v}`)].join("\n");
  const widget = (name) => name.endsWith(".js") || name.endsWith(".wasm");
  const rules = [
    rule("/embed.js", [
      ["Cache-Control", LOADER_CACHE],
      ["Access-Control-Allow-Origin", "*"],
      ["Content-Type", types[".js"]],
    ]),
    ...stable.map((name) =>
      rule(`/${name}`, [
        ["Cache-Control", LOADER_CACHE],
        ["Content-Type", types[extname(name)] || "application/octet-stream"],
      ])
    ),
    ...hashed.map((name) =>
      rule(`/${name}`, [
        ["Cache-Control", HASHED_CACHE],
        ...(widget(name) ? [["Access-Control-Allow-Origin", "*"]] : []),
        ["Content-Type", types[extname(name)] || "application/octet-stream"],
      ])
    ),
  ];
  const intro = [
    "# Cache policy of this release (Netlify / Cloudflare Pages format), written by",
    "# the build. embed.js is the one stable URL: short-lived, so a new release",
    "# reaches readers within minutes. Every file it loads has a content hash in its",
    "# name and never changes: cached for a year. Keep the previous releases' hashed",
    "# files online while cached copies of their embed.js may still ask for them.",
  ].join("\n");
  return `${[intro, ...rules].join("\n\n")}\n`;
}

async function main() {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("postbuild: TRUNK_STAGING_DIR is not set (run through trunk build)");
  const release = process.env.TRUNK_PROFILE === "release";
  const terse = async (code, module) =>
    (
      await minify(code, {
        module,
        ecma: 2020,
        compress: { passes: 2 },
        mangle: true,
        format: { comments: /^!/ },
      })
    ).code;

  // Trunk's output: `article-embed.js` + `article-embed_bg.wasm`, or with
  // `filehash` Trunk's own hash in both names (replaced here by ours).
  const top = await readdir(dir);
  const stems = top.filter((f) => new RegExp(`^${NAME}(-[0-9a-f]+)?_bg\\.wasm$`).test(f)).map((f) => f.slice(0, -"_bg.wasm".length));
  if (stems.length !== 1 || !top.includes(`${stems[0]}.js`)) {
    throw new Error(`postbuild: expected one ${NAME}[-hash].js and _bg.wasm pair in the staging dir, found ${JSON.stringify(top)}`);
  }
  const stem = stems[0];
  let glue = await readFile(join(dir, `${stem}.js`), "utf8");
  if (release) glue = shortenNames(glue, join(dir, `${stem}_bg.wasm`));
  const wasm = await readFile(join(dir, `${stem}_bg.wasm`));
  if (release) {
    const before = glue.length;
    glue = await terse(glue, true);
    console.log(`postbuild: minified the glue ${before} → ${glue.length} bytes`);
  }
  // The glue's default module URL (used when init() is called without one)
  // names the module as wasm-bindgen wrote it; it is pointed at the final name.
  glue = glue.replaceAll(`${stem}_bg.wasm`, `${NAME}_bg.wasm`);
  const hash = contentHash(glue, wasm);
  const names = { glue: `${NAME}-${hash}.js`, wasm: `${NAME}-${hash}_bg.wasm` };
  await writeFile(join(dir, `${stem}.js`), glue.replaceAll(`${NAME}_bg.wasm`, names.wasm));
  if (`${stem}.js` !== names.glue) await rename(join(dir, `${stem}.js`), join(dir, names.glue));
  if (`${stem}_bg.wasm` !== names.wasm) await rename(join(dir, `${stem}_bg.wasm`), join(dir, names.wasm));
  console.log(`postbuild: ${names.glue}, ${names.wasm}`);

  const version = await crateVersion();
  const loaderPath = join(dir, "embed.js");
  let loader = await readFile(loaderPath, "utf8");
  for (const [placeholder, value] of [
    ["@VERSION@", version],
    ["@GLUE@", names.glue],
    ["@WASM@", names.wasm],
  ]) {
    if (!loader.includes(`"${placeholder}"`)) throw new Error(`postbuild: embed.js has no "${placeholder}" placeholder`);
    loader = loader.replaceAll(`"${placeholder}"`, JSON.stringify(value));
  }
  if (/"@[A-Z]+@"/.test(loader)) throw new Error(`postbuild: embed.js has an unknown placeholder ${loader.match(/"@[A-Z]+@"/)[0]}`);
  if (release) {
    const before = loader.length;
    loader = await terse(loader, false);
    console.log(`postbuild: minified embed.js ${before} → ${loader.length} bytes`);
  }
  await writeFile(loaderPath, loader);
  console.log(`postbuild: embed.js version ${version}`);

  const files = await walk(dir);
  const hashed = files.filter((f) => !f.includes("/") && isHashed(f));
  for (const name of Object.values(names)) {
    if (!hashed.includes(name)) throw new Error(`postbuild: ${name} is missing from the staging dir`);
  }
  const stable = FRAME_FILES.filter((f) => files.includes(f));
  await writeFile(join(dir, "_headers"), headersFile(hashed, CONTENT_TYPES, stable));
  console.log(`postbuild: _headers for embed.js, ${stable.length} iframe page files and ${hashed.length} hashed files`);

  for (const name of DECLARATIONS) await copyFile(new URL(`../www/${name}`, import.meta.url), join(dir, name));
  const pkg = packageJson({
    version,
    description: await manifestField("package", "description"),
    license: await manifestField("workspace.package", "license"),
    ...names,
  });
  await writeFile(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  files.push(...DECLARATIONS, "package.json");
  console.log(`postbuild: package.json (${pkg.name}@${pkg.version}) and ${DECLARATIONS.join(", ")}`);

  let count = 0;
  for (const file of files) {
    if (!COMPRESSED.includes(extname(file))) continue;
    await writeTwins(join(dir, file));
    count++;
  }
  console.log(`postbuild: .br and .gz twins of ${count} files`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  main().catch((e) => {
    console.error(e.message || e);
    process.exit(1);
  });
}
