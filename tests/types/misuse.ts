// Misuses the declarations must reject (tests/e2e/types.spec.mjs compiles this
// file and expects an error on each line marked `// misuse`, and no other).
import type { ArticleEmbedAttributes, ArticleEmbedElement } from "article-embed";

const el = document.createElement("article-embed");

const badTheme: ArticleEmbedAttributes = { theme: "neon" }; // misuse
const badDonate: ArticleEmbedAttributes = { donate: "yes" }; // misuse
const badDnt: ArticleEmbedAttributes = { dnt: "1" }; // misuse
const unknown: ArticleEmbedAttributes = { colour: "red" }; // misuse
const numeric: ArticleEmbedAttributes = { related: 3 }; // misuse
const badLayout: ArticleEmbedAttributes = { layout: "grid" }; // misuse

function setOption<K extends keyof ArticleEmbedAttributes>(el: ArticleEmbedElement, name: K, value: NonNullable<ArticleEmbedAttributes[K]>): void {
  el.setAttribute(name, value);
}
setOption(el, "theme", "sepia"); // misuse
setOption(el, "layouts", "card"); // misuse

// The element has no option properties: only attributes.
el.src = "/a.json"; // misuse

el.addEventListener("article-embed:rendered", (e) => {
  console.log(e.detail.ids); // misuse
  const id: string = e.detail.id; // misuse
});
el.addEventListener("article-embed:error", (e) => {
  if (e.detail.kind === "dns") return; // misuse
  const status: number = e.detail.status; // misuse
});
document.addEventListener("article-embed:donate", (e) => {
  const amount: string = e.detail.amount; // misuse
  if (e.detail.frequency === "weekly") return; // misuse
});
document.addEventListener("article-embed:link", (e) => {
  if (e.detail.kind === "author") return; // misuse
});
document.addEventListener("article-embed:expand", (e) => {
  console.log(e.detail.variant); // misuse
});
document.addEventListener("article-embed:impression", (e) => {
  const variant: string = e.detail.variant; // misuse
});

// window.ArticleEmbed may not be there yet, and is read-only.
void window.ArticleEmbed.load(); // misuse
if (window.ArticleEmbed) {
  void window.ArticleEmbed.load("#story"); // misuse
  window.ArticleEmbed.version = "2.0.0"; // misuse
  window.ArticleEmbed.unload(); // misuse
}

export { badTheme, badDonate, badDnt, unknown, numeric, badLayout };
