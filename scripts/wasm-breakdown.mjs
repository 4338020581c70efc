// What the widget's Wasm module is made of: Yew, std/core/alloc,
// wasm-bindgen/js-sys/web-sys, data, this crate and other, by size.
//
//   node scripts/wasm-breakdown.mjs [--wasm target/wasm32-unknown-unknown/release/article_embed.wasm]
//                                   [--dist dist] [--json]
//
// The release bundle has no names left, so the names are rebuilt: the
// release build in target/ goes through the same two steps as `make dist`
// (wasm-bindgen --target web, wasm-opt -Oz --converge, then postbuild's
// wasm-opt run that shortens import and export names) with -g, which
// keeps a name section and changes nothing else. twiggy (`twiggy top`, CSV)
// then lists every function, data segment and section with its size. Custom
// sections (the name section, producers, target_features) are left out.
// Each function counts for the first `crate[hash]` token in its name: generic
// code counts under the crate named first (`<yew::…<article_embed::X> as
// yew::…>::view` is Yew's). Functions without such a token are sorted by
// what they are: inherent methods of primitives (`<str>::find`) are core,
// imports, exports, shims and `__wbindgen_*`/`__externref_*` helpers are
// wasm-bindgen's, the crate's exported functions (`mount`, …) are this
// crate's, unnamed functions, types, tables and headers are other.
//
// The shipped size of the rebuilt module (without its name section) is
// compared with the .wasm in dist/: equal means the breakdown describes the
// bundle; different means target/ holds another build (run `make dist`).
//
// Needs twiggy (`make twiggy`), wasm-bindgen and wasm-opt (scripts/setup.sh);
// says so and skips when one is missing. Used by scripts/bench.mjs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { minifyWasmNames, WASM_NAMES_ARGS } from "./postbuild.mjs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const DEFAULT_WASM = join(ROOT, "target", "wasm32-unknown-unknown", "release", "article_embed.wasm");

// The groups, in the order they are printed.
export const GROUPS = ["Yew", "std/core/alloc", "wasm-bindgen/js-sys/web-sys", "data", "this crate", "other"];
const CRATE_GROUP = {
  yew: "Yew",
  core: "std/core/alloc",
  alloc: "std/core/alloc",
  std: "std/core/alloc",
  __rustc: "std/core/alloc", // std's allocator shims (__rust_alloc, …)
  compiler_builtins: "std/core/alloc",
  panic_abort: "std/core/alloc",
  wasm_bindgen: "wasm-bindgen/js-sys/web-sys",
  wasm_bindgen_futures: "wasm-bindgen/js-sys/web-sys",
  js_sys: "wasm-bindgen/js-sys/web-sys",
  web_sys: "wasm-bindgen/js-sys/web-sys",
  article_embed: "this crate",
};
// Crates that only Yew depends on in the Wasm build (Cargo.lock: reached
// through yew, gloo or tokise and by none of the crate's own dependencies).
// They count as "other" and are summed on a line of their own. hashbrown may
// also be std's HashMap; the crate itself uses none.
export const YEW_ONLY = [
  "hashbrown",
  "indexmap",
  "implicit_clone",
  "tokise",
  "slab",
  "console_error_panic_hook",
  "gloo_timers",
  "gloo_events",
  "pinned",
  "futures_util",
  "futures_core",
  "futures_channel",
  "futures_task",
  "bincode",
  "html_escape",
];

/** Child processes find the tools where `make` puts them first. */
function toolEnv() {
  const path = [join(homedir(), ".cargo", "bin"), join(ROOT, "node_modules", ".bin"), process.env.PATH].join(delimiter);
  return { ...process.env, PATH: path };
}

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { env, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (r.error && r.error.code === "ENOENT") return { missing: true };
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${(r.stderr || "").trim().slice(0, 500)}`);
  return { stdout: r.stdout };
}

/** RFC 4180 CSV (twiggy quotes names with commas and doubles inner quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += '"', i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (c !== "\r") field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

const CRATE_TOKEN = /([A-Za-z_][A-Za-z0-9_]*)\[[0-9a-f]{12,16}\]/;
const PRIMITIVE = /^<(str|char|bool|[iuf](8|16|32|64|128|size)|\[[^\]]*\]|\([^)]*\))>::/;
const LIBC = /^(memcpy|memmove|memset|memcmp|bcmp|__rust_|__rdl_|__rg_)/;
const NAME_SECTION = /^"[a-z ]+ names?" subsection$|^custom section 'name'/;

/** One twiggy row -> { group, crate } or null (custom sections: not counted). */
export function classify(name, exportNames) {
  if (NAME_SECTION.test(name) || name.startsWith("custom section ")) return null;
  if (name.startsWith("data segment ")) return { group: "data", crate: "(data segments)" };
  const token = name.match(CRATE_TOKEN);
  if (token) return { group: CRATE_GROUP[token[1]] ?? "other", crate: token[1] };
  if (PRIMITIVE.test(name) || LIBC.test(name)) return { group: "std/core/alloc", crate: "(core: primitive methods)" };
  if (/^(import|export) /.test(name) || /^__(wbindgen|wbg|externref)_/.test(name) || / shim\b/.test(name)) {
    return { group: "wasm-bindgen/js-sys/web-sys", crate: "(wasm-bindgen: imports, exports, shims)" };
  }
  if (exportNames.has(name)) return { group: "this crate", crate: "(exported functions)" };
  return { group: "other", crate: "(no crate: types, tables, headers, unnamed functions)" };
}

/**
 * Rebuilds the names and sizes the module. Returns { skipped } when a tool or
 * the build is missing, else the breakdown.
 */
export function wasmBreakdown({ wasm = DEFAULT_WASM, dist = join(ROOT, "dist") } = {}) {
  const env = toolEnv();
  const twiggy = run("twiggy", ["--version"], env);
  if (twiggy.missing) return { skipped: "twiggy not installed (make twiggy)" };
  for (const tool of ["wasm-bindgen", "wasm-opt"]) {
    if (run(tool, ["--version"], env).missing) return { skipped: `${tool} not found (scripts/setup.sh installs it)` };
  }
  if (!existsSync(wasm)) return { skipped: `no release build at ${relative(ROOT, wasm)} (make dist)` };
  const tmp = mkdtempSync(join(tmpdir(), "wasm-breakdown-"));
  try {
    // --out-name as Trunk names it, so the import module names (and sizes)
    // are those of dist/.
    run("wasm-bindgen", [wasm, "--out-dir", tmp, "--target", "web", "--out-name", "article-embed"], env);
    const named = join(tmp, "named.wasm");
    run("wasm-opt", ["-Oz", "--converge", "-g", join(tmp, "article-embed_bg.wasm"), "-o", named], env);
    // The release's last step (scripts/postbuild.mjs): short import and export names.
    minifyWasmNames(named, { extraArgs: ["-g"], env });
    const csv = run("twiggy", ["top", "-n", "100000", "--format", "csv", named], env).stdout;
    const [header, ...rows] = parseCsv(csv).filter((r) => r.length > 1);
    const nameCol = header.indexOf("Name");
    const sizeCol = header.indexOf("ShallowSize");
    if (nameCol < 0 || sizeCol < 0) throw new Error(`unexpected twiggy CSV header: ${header.join(",")}`);
    const items = rows.map((r) => ({ name: r[nameCol], bytes: Number(r[sizeCol]) }));
    const exportNames = new Set(items.map((i) => i.name.match(/^export "(.*)"$/)?.[1]).filter((n) => n && !n.startsWith("__")));
    const groups = Object.fromEntries(GROUPS.map((g) => [g, 0]));
    const crates = {};
    let nameSection = 0;
    let customSections = 0;
    for (const item of items) {
      const c = classify(item.name, exportNames);
      if (!c) {
        if (NAME_SECTION.test(item.name)) nameSection += item.bytes;
        else customSections += item.bytes;
        continue;
      }
      groups[c.group] += item.bytes;
      const key = `${c.group}\u0000${c.crate}`;
      crates[key] = (crates[key] ?? 0) + item.bytes;
    }
    const total = Object.values(groups).reduce((a, b) => a + b, 0);
    const shipped = statSync(named).size - nameSection; // what dist/ ships: code, data, other custom sections
    const distWasm = findDistWasm(dist);
    const distBytes = distWasm ? statSync(distWasm).size : null;
    const byCrate = Object.entries(crates)
      .map(([key, bytes]) => {
        const [group, crate] = key.split("\u0000");
        return { crate, group, bytes };
      })
      .sort((a, b) => b.bytes - a.bytes);
    const yewOnly = byCrate.filter((c) => YEW_ONLY.includes(c.crate));
    return {
      tool: twiggy.stdout.trim(),
      input: relative(ROOT, wasm),
      inputModified: statSync(wasm).mtime.toISOString(),
      method:
        `wasm-bindgen --target web, wasm-opt -Oz --converge -g, wasm-opt ${WASM_NAMES_ARGS.join(" ")} -g (the crate's own export names restored), twiggy top (CSV); custom sections and the name section left out; each row counted for the first crate[hash] token of its name`,
      total,
      groups: GROUPS.map((g) => ({ group: g, bytes: groups[g], percent: total ? (100 * groups[g]) / total : 0 })),
      byCrate,
      yewOnly: { crates: yewOnly.map((c) => c.crate), bytes: yewOnly.reduce((s, c) => s + c.bytes, 0) },
      customSections,
      shipped,
      dist: distWasm ? { file: relative(ROOT, distWasm), bytes: distBytes } : null,
      matchesDist: distBytes == null ? null : distBytes === shipped,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The .wasm that dist/embed.js loads (hashed name), or the fixed name of older builds. */
function findDistWasm(dist) {
  try {
    const loader = readFileSync(join(dist, "embed.js"), "utf8");
    const name = loader.match(/article-embed-[0-9a-f]+_bg\.wasm/)?.[0] ?? "article-embed_bg.wasm";
    return existsSync(join(dist, name)) ? join(dist, name) : null;
  } catch {
    return null;
  }
}

const num = (n) => n.toLocaleString("en-US");

/** The printed table (plain text). */
export function formatBreakdown(b) {
  if (b.skipped) return `Wasm breakdown: skipped: ${b.skipped}`;
  const out = [];
  out.push(`Wasm breakdown (${b.tool}; ${b.input} rebuilt with names; custom sections left out)`);
  const rows = [["group", "bytes", "%"], ...b.groups.map((g) => [g.group, num(g.bytes), `${g.percent.toFixed(1)}%`]), ["total", num(b.total), "100.0%"]];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) out.push(`${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padStart(w[2])}`);
  const other = b.byCrate.filter((c) => c.group === "other");
  out.push(`  other, by crate: ${other.map((c) => `${c.crate} ${num(c.bytes)}`).join(", ") || "none"}`);
  out.push(`  crates only Yew pulls in (counted in other): ${num(b.yewOnly.bytes)} bytes (${b.yewOnly.crates.join(", ") || "none"})`);
  out.push(`  custom sections besides the name section (not counted): ${num(b.customSections)} bytes`);
  if (b.dist == null) out.push("  no .wasm in dist/ to compare with");
  else if (b.matchesDist) out.push(`  rebuilt module without names: ${num(b.shipped)} bytes = ${b.dist.file} (the breakdown describes the bundle)`);
  else {
    out.push(
      `  WARNING: rebuilt module without names is ${num(b.shipped)} bytes, ${b.dist.file} is ${num(b.dist.bytes)}: ` +
        `${b.input} is not the build in dist/ (run make dist); the breakdown describes ${b.input}`,
    );
  }
  return out.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i < 0 ? fallback : argv[i + 1];
  };
  const b = wasmBreakdown({ wasm: resolve(opt("wasm", DEFAULT_WASM)), dist: resolve(opt("dist", join(ROOT, "dist"))) });
  console.log(argv.includes("--json") ? JSON.stringify(b, null, 2) : formatBreakdown(b));
}
