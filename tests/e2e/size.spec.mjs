// Byte budgets of the release bundle (deterministic, so enforced here;
// timings are only measured by `make bench`).
import { test, expect } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { sizeGuards, budgets } from "../../bench/budgets.mjs";

const dist = new URL("../../dist/", import.meta.url);
const gz = (name) => gzipSync(readFileSync(new URL(name, dist)), { level: 9 }).length;
// The glue and the module have content-hashed names (scripts/postbuild.mjs).
const hashed = (pattern) => {
  const found = readdirSync(dist).filter((f) => pattern.test(f));
  expect(found, String(pattern)).toHaveLength(1);
  return found[0];
};

test("embed.js stays within its gzip budget", () => {
  const size = gz("embed.js");
  test.info().annotations.push({ type: "embed.js gzip", description: `${size} B (budget ${budgets.embedJsGzip} B)` });
  expect(size).toBeLessThanOrEqual(sizeGuards.embedJsGzip);
});

test("the first-render transfer stays under its guard", () => {
  const files = ["embed.js", hashed(/^article-embed-[0-9a-f]+\.js$/), hashed(/^article-embed-[0-9a-f]+_bg\.wasm$/)];
  const total = files.reduce((sum, f) => sum + gz(f), 0);
  test.info().annotations.push({ type: "first-render gzip", description: `${total} B (guard ${sizeGuards.firstRenderGzip} B, target ${budgets.firstRenderGzip} B)` });
  console.log(`first-render transfer: ${total} B gzip (target ${budgets.firstRenderGzip}, guard ${sizeGuards.firstRenderGzip})`);
  expect(total).toBeLessThanOrEqual(sizeGuards.firstRenderGzip);
});
