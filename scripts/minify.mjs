// Trunk post-build hook: minifies the loader and the wasm-bindgen glue in the
// staging directory of a release build (the sources stay readable in www/).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== "release") process.exit(0);

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
  console.log(`minify: ${file} ${code.length} → ${out.code.length} bytes`);
}
