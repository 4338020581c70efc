// The TypeScript declarations and the npm package in dist/ (issue 18): the
// compiler accepts tests/types/ok.ts and react.tsx under --strict, rejects
// every marked line of misuse.ts and misuse-react.tsx (and nothing else), and
// `npm pack` in dist/ gives a package with exactly the widget's files whose
// "exports" resolve for TypeScript and a bundler.
import { test, expect } from "@playwright/test";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST = join(ROOT, "dist");
const TYPES = join(ROOT, "tests", "types");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** Runs tsc on a project; returns its status and the errors as `{file, line, code, text}`. */
function tsc(project, cwd = ROOT) {
  const run = spawnSync(process.execPath, [TSC, "-p", project, "--pretty", "false"], { cwd, encoding: "utf8" });
  const errors = [];
  for (const line of `${run.stdout}${run.stderr}`.split("\n")) {
    const m = line.match(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/);
    if (m) errors.push({ file: m[1].replaceAll("\\", "/").split("/").pop(), line: Number(m[2]), code: m[3], text: m[4] });
  }
  return { status: run.status, errors, output: `${run.stdout}${run.stderr}` };
}

/** 1-based numbers of the lines of `file` marked `misuse`. */
function marked(file) {
  return readFileSync(join(TYPES, file), "utf8")
    .split("\n")
    .flatMap((line, i) => (/\/\/ misuse$|\{\/\* misuse \*\/\}$/.test(line) ? [i + 1] : []));
}

// tsc checks React's own typings too (no skipLibCheck): allow for a slow machine.
test.describe.configure({ timeout: 120_000 });

test.describe("TypeScript declarations", () => {
  test("dist/ holds the declarations, equal to the committed ones", () => {
    for (const name of ["article-embed.d.ts", "article-embed-react.d.ts"]) {
      expect(readFileSync(join(DIST, name), "utf8"), name).toBe(readFileSync(join(ROOT, "www", name), "utf8"));
      // Not compressible: no twins (and so no confusion with the .ts twins of anything).
      expect(existsSync(join(DIST, `${name}.br`)), `${name}.br`).toBe(false);
      expect(existsSync(join(DIST, `${name}.gz`)), `${name}.gz`).toBe(false);
    }
    const headers = readFileSync(join(DIST, "_headers"), "utf8");
    expect(headers).not.toMatch(/\.d\.ts/);
  });

  test("ok.ts and react.tsx compile under --strict", () => {
    const { status, output } = tsc(join(TYPES, "tsconfig.json"));
    expect(output.trim(), "tsc output").toBe("");
    expect(status).toBe(0);
  });

  test("misuse.ts and misuse-react.tsx fail, with one error on each marked line and no other", () => {
    const { status, errors, output } = tsc(join(TYPES, "tsconfig.misuse.json"));
    expect(status, output).not.toBe(0);
    for (const file of ["misuse.ts", "misuse-react.tsx"]) {
      const expected = marked(file);
      expect(expected.length, `${file} marks its misuses`).toBeGreaterThan(3);
      const reported = [...new Set(errors.filter((e) => e.file === file).map((e) => e.line))].sort((a, b) => a - b);
      expect(reported, `${file}: lines reported by tsc\n${output}`).toEqual(expected);
      expect(errors.filter((e) => e.file === file), `${file}: one error per misuse\n${output}`).toHaveLength(expected.length);
      test.info().annotations.push({ type: `${file} errors`, description: `${expected.length} misuses, ${errors.filter((e) => e.file === file).length} errors: ${[...new Set(errors.filter((e) => e.file === file).map((e) => e.code))].join(", ")}` });
    }
    // Errors only in the two files, never in the declarations themselves.
    expect(errors.filter((e) => !["misuse.ts", "misuse-react.tsx"].includes(e.file)), output).toEqual([]);
  });
});

test.describe("the npm package", () => {
  test("npm pack --dry-run lists the loader, the hashed files, their twins, the declarations and nothing of the demo", () => {
    const loader = readFileSync(join(DIST, "embed.js"), "utf8");
    const glue = loader.match(/article-embed-[0-9a-f]{8}\.js/)[0];
    const wasm = loader.match(/article-embed-[0-9a-f]{8}_bg\.wasm/)[0];
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: DIST, encoding: "utf8" }));
    const files = packed.files.map((f) => f.path).sort();
    const twins = (name) => [name, `${name}.br`, `${name}.gz`];
    expect(files).toEqual(
      [...twins("embed.js"), ...twins(glue), ...twins(wasm), "article-embed.d.ts", "article-embed-react.d.ts", "_headers", "package.json"].sort()
    );
    const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
    const version = cargo.split(/^\[workspace\.package\]$/m)[1].match(/^version\s*=\s*"([^"]+)"/m)[1];
    expect(packed.name).toBe("article-embed");
    expect(packed.version).toBe(version);
    const pkg = JSON.parse(readFileSync(join(DIST, "package.json"), "utf8"));
    expect(pkg).toMatchObject({
      name: "article-embed",
      version,
      license: "MIT OR Apache-2.0",
      types: "article-embed.d.ts",
      sideEffects: true,
      browser: "embed.js",
      unpkg: "embed.js",
      jsdelivr: "embed.js",
      exports: {
        ".": { types: "./article-embed.d.ts", default: "./embed.js" },
        "./embed.js": "./embed.js",
        "./react": { types: "./article-embed-react.d.ts" },
      },
    });
    expect(pkg.description).toBeTruthy();
    test.info().annotations.push({ type: "package", description: `${packed.filename}: ${files.length} files, ${packed.size} B packed, ${packed.unpackedSize} B unpacked` });
  });

  test("installed from its tarball, its exports resolve for tsc and esbuild", async () => {
    const dir = mkdtempSync(join(tmpdir(), "article-embed-pkg-"));
    try {
      execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", dir], { cwd: DIST, stdio: "ignore" });
      const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
      const modules = join(dir, "node_modules");
      mkdirSync(join(modules, "article-embed"), { recursive: true });
      execFileSync("tar", ["-xzf", join(dir, tarball), "-C", join(modules, "article-embed"), "--strip-components=1"]);
      // The app's own dependencies, from this repository's node_modules.
      mkdirSync(join(modules, "@types"));
      for (const dep of ["react", "react-dom", "csstype"]) symlinkSync(join(ROOT, "node_modules", dep), join(modules, dep));
      for (const dep of ["react", "react-dom"]) symlinkSync(join(ROOT, "node_modules", "@types", dep), join(modules, "@types", dep));
      writeFileSync(
        join(dir, "app.tsx"),
        [
          'import "article-embed";',
          'import type { ArticleEmbedElement, RenderedDetail } from "article-embed";',
          'import type {} from "article-embed/react";',
          'export const el: ArticleEmbedElement = document.createElement("article-embed");',
          'el.addEventListener("article-embed:rendered", (e) => { const d: RenderedDetail = e.detail; console.log(d.id); });',
          'export const jsx = <article-embed src="/a.json" theme="auto" />;',
          "",
        ].join("\n")
      );
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { strict: true, noEmit: true, module: "esnext", moduleResolution: "bundler", target: "es2022", lib: ["dom", "es2022"], jsx: "react-jsx", types: [] },
          files: ["app.tsx"],
        })
      );
      const { status, output } = tsc(join(dir, "tsconfig.json"), dir);
      expect(output.trim(), "tsc output").toBe("");
      expect(status).toBe(0);
      // A bundler resolves the package to the loader.
      const { build } = await import("esbuild");
      const result = await build({ stdin: { contents: 'import "article-embed";', resolveDir: dir }, bundle: true, write: false, metafile: true, absWorkingDir: dir, logLevel: "silent" });
      expect(Object.keys(result.metafile.inputs)).toContain("node_modules/article-embed/embed.js");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
