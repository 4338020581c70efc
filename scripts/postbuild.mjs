// Trunk post-build hook, run in the staging directory before dist/ is
// replaced: writes the crate's version into the loader (so
// `ArticleEmbed.version` is never a hand-copied string) and, in release
// builds, minifies the loader and the wasm-bindgen glue (the sources stay
// readable in www/).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("postbuild: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === "release";

/** The workspace's version: `[workspace.package] version` in Cargo.toml. */
export async function crateVersion(manifest = new URL("../Cargo.toml", import.meta.url)) {
  const toml = await readFile(manifest, "utf8");
  const section = toml.split(/^\[workspace\.package\]$/m)[1] ?? "";
  const found = section.split(/^\[/m)[0].match(/^version\s*=\s*"([^"]+)"/m);
  if (!found) throw new Error("postbuild: no [workspace.package] version in Cargo.toml");
  return found[1];
}

const version = await crateVersion();
const loaderPath = join(dir, "embed.js");
const loader = await readFile(loaderPath, "utf8");
if (!loader.includes('"@VERSION@"')) throw new Error("postbuild: embed.js has no @VERSION@ placeholder");
await writeFile(loaderPath, loader.replaceAll('"@VERSION@"', JSON.stringify(version)));
console.log(`postbuild: embed.js version ${version}`);

if (release) {
  for (const [file, module] of [
    ["embed.js", false],
    ["article-embed.js", true],
  ]) {
    const path = join(dir, file);
    const code = await readFile(path, "utf8");
    const out = await minify(code, {
      module,
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: /^!/ },
    });
    await writeFile(path, out.code);
    console.log(`postbuild: minified ${file} ${code.length} → ${out.code.length} bytes`);
  }
}
