// Size and speed budgets, shared by the benchmark (scripts/bench.mjs) and
// the size test in the test command (tests/e2e/size.spec.mjs).

export const KB = 1000;

/** The targets from the performance issue; the benchmark prints pass/fail. */
export const budgets = {
  firstRenderGzip: 60 * KB, // embed.js + glue JS + .wasm (+ CSS), gzip -9
  embedJsGzip: 3 * KB, // every page with an embed pays this
  timeToArticleRatio: 1.25, // × the vanilla-JS baseline
  manyEmbedsRatio: 3, // 50 embeds vs one
  bigArticleRatio: 1.5, // 5,000 blocks, × vanilla
  longestTaskMs: 50, // on the seed article
  cls: 0.01,
};

/**
 * What the test command enforces on byte counts (deterministic). embed.js is
 * held to its budget. The whole bundle is not yet within its 60 kB target
 * (see docs/PERFORMANCE.md), so the test holds it to this ceiling instead, to
 * stop regressions; lower it with every cut.
 */
export const sizeGuards = {
  embedJsGzip: budgets.embedJsGzip,
  firstRenderGzip: 167 * KB,
};
