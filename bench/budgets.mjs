// Size and speed budgets, shared by the benchmark (scripts/bench.mjs) and
// the size test in the test command (tests/e2e/size.spec.mjs).

export const KB = 1000;

/**
 * The targets of the performance issue ("Performance v2": re-based on Yew's
 * floor, see docs/PERFORMANCE.md); the benchmark prints pass/fail for each.
 * Ratios are widget ÷ the vanilla-JS baseline (bench/vanilla.js), of medians.
 */
export const budgets = {
  firstRenderGzip: 125 * KB, // embed.js + glue JS + .wasm (+ any CSS the widget requests), gzip -9
  firstRenderStretchGzip: 110 * KB, // the stretch goal for the same sum
  embedJsGzip: 3 * KB, // every page with an embed pays this
  timeToArticleRatio: 1.25, // seed article, cold, × vanilla
  mobileRatio: 2.0, // seed article, cold, 4× CPU and Lighthouse's mobile network, × vanilla
  mobileStretchRatio: 1.6, // the stretch goal for the same ratio
  repeatRatio: 1.25, // a second article on the same site, HTTP cache warm, × vanilla
  manyEmbedsRatio: 3, // 50 embeds vs one
  bigArticleRatio: 1.5, // 5,000 blocks, × vanilla
  longestTaskMs: 50, // on the seed article
  cls: 0.01,
};

/**
 * What the test command enforces on byte counts (deterministic). embed.js is
 * held to its budget. The first-render transfer is held to an explicit
 * ratchet while the bundle is above its budget: 129,326 bytes (Node's zlib,
 * level 9) when this guard was last set, over the 125 kB of
 * budgets.firstRenderGzip. Raised twice for contract v1.1 features, each with
 * its size-log row in docs/PERFORMANCE.md: from 138,600 to 144,500 for the
 * six new UI languages (rows 15 and 16), to 149,000 for the excerpt and
 * card layouts (row 17), and to 153,500 for A/B variants, the article count
 * and the impression and dismiss events (row 18); then lowered to 152,900
 * by the cuts of row 19, to 146,600 by row 20, to 135,800 by rows
 * 21–24, to 135,000 by row 25, to 130,300 by rows 26–30, to 129,750 by
 * row 31, to 129,450 by row 32 and to 129,350 by row 33.
 * The guard is only ever lowered (with each cut), or raised with a row in the
 * size work log of docs/PERFORMANCE.md saying why. Once the bundle passes
 * its budget, budgets.firstRenderGzip replaces this guard.
 */
export const sizeGuards = {
  embedJsGzip: budgets.embedJsGzip,
  firstRenderGzip: 129_350,
};
