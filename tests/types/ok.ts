// Everything a site owner's TypeScript may do with article-embed; must compile
// under --strict (tests/e2e/types.spec.mjs).
import type {
  ArticleEmbedApi,
  ArticleEmbedAttributes,
  ArticleEmbedElement,
  ArticleEmbedEventMap,
  ArticleEmbedEventName,
  ArticleEmbedLoadResult,
  ArticleEmbedOption,
  DismissDetail,
  DonateDetail,
  ErrorDetail,
  ExpandDetail,
  ImpressionDetail,
  LinkDetail,
  RemindLaterDetail,
  RenderedDetail,
} from "article-embed";

// Every typed attribute, with each of its fixed values.
const options: ArticleEmbedAttributes = {
  src: "/articles/four-officers.json",
  theme: "dark",
  lang: "ru-RU",
  donate: "off",
  related: "0",
  dnt: "true",
  timeout: "5000",
  layout: "excerpt",
};
const themes: NonNullable<ArticleEmbedAttributes["theme"]>[] = ["light", "dark", "auto"];
const donates: NonNullable<ArticleEmbedAttributes["donate"]>[] = ["on", "off"];
const dnts: NonNullable<ArticleEmbedAttributes["dnt"]>[] = ["true", "false"];
const layouts: NonNullable<ArticleEmbedAttributes["layout"]>[] = ["full", "excerpt", "card"];

/** A typed setAttribute helper over the declared attributes. */
function setOption<K extends ArticleEmbedOption>(el: ArticleEmbedElement, name: K, value: NonNullable<ArticleEmbedAttributes[K]>): void {
  el.setAttribute(name, value);
}

// The tag name gives the element's type.
const el = document.createElement("article-embed");
const typed: ArticleEmbedElement = el;
const found: ArticleEmbedElement | null = document.querySelector("article-embed");
const all: NodeListOf<ArticleEmbedElement> = document.querySelectorAll("article-embed");
for (const [name, value] of Object.entries(options)) el.setAttribute(name, value);
setOption(el, "theme", themes[0]);
setOption(el, "donate", donates[1]);
setOption(el, "dnt", dnts[0]);
setOption(el, "layout", layouts[2]);
setOption(el, "src", "https://news.example/embed/a.json");
const html: HTMLElement = el; // still an HTMLElement
html.hidden = false;

// Every event with its detail fields, on the element and on document.
el.addEventListener("article-embed:rendered", (e) => {
  const d: RenderedDetail = e.detail;
  const src: string = d.src;
  const id: string | null = d.id;
  console.log(src, id);
});
el.addEventListener("article-embed:error", (e) => {
  const d: ErrorDetail = e.detail;
  const kind: "network" | "timeout" | "http" | "json" | "schema" | "version" = d.kind;
  const status: number | undefined = d.status;
  const message: string = d.message;
  if (d.kind === "http" && d.status !== undefined) console.log(d.status.toFixed(0));
  console.log(d.src, kind, status, message);
});
document.addEventListener("article-embed:donate", (e) => {
  const d: DonateDetail = e.detail;
  const amount: number = d.amount;
  const currency: string = d.currency;
  const frequency: "one-off" | "monthly" | "annual" = d.frequency;
  const href: string = d.href;
  const variant: string | null = d.variant;
  console.log(d.src, amount.toFixed(2), currency, frequency, href, variant);
});
document.addEventListener("article-embed:remind-later", (e) => {
  const d: RemindLaterDetail = e.detail;
  const until: Date = new Date(d.until);
  console.log(d.src, until);
});
document.addEventListener("article-embed:link", (e) => {
  const d: LinkDetail = e.detail;
  const kind: "related" | "canonical" = d.kind;
  console.log(d.src, d.href, kind);
});
document.addEventListener("article-embed:impression", (e) => {
  const d: ImpressionDetail = e.detail;
  const variant: string | null = d.variant;
  console.log(d.src, variant);
});
found?.addEventListener("article-embed:dismiss", (e) => {
  const d: DismissDetail = e.detail;
  console.log(d.src, d.until);
});
document.body.addEventListener("article-embed:expand", (e) => {
  const d: ExpandDetail = e.detail;
  console.log(d.src);
});
const onRendered = (e: ArticleEmbedEventMap["article-embed:rendered"]) => console.log(e.detail.id);
el.addEventListener("article-embed:rendered", onRendered);
el.removeEventListener("article-embed:rendered", onRendered);

// Every event name, exhaustively.
const names: Record<ArticleEmbedEventName, true> = {
  "article-embed:rendered": true,
  "article-embed:error": true,
  "article-embed:donate": true,
  "article-embed:remind-later": true,
  "article-embed:link": true,
  "article-embed:impression": true,
  "article-embed:dismiss": true,
  "article-embed:expand": true,
};
for (const name of Object.keys(names) as ArticleEmbedEventName[]) {
  document.addEventListener(name, (e) => console.log(e.detail.src));
}

// window.ArticleEmbed: defined once embed.js has run.
async function loadAll(root?: ParentNode): Promise<boolean> {
  const api: ArticleEmbedApi | undefined = window.ArticleEmbed;
  if (!api) return false;
  const version: string = api.version;
  const results: ArticleEmbedLoadResult[] = await api.load(root);
  const again = await api.load();
  const first: Element | undefined = results[0]?.element;
  console.log(version, first, again.length);
  return results.every((r) => r.ok);
}
void loadAll();
void loadAll(document.body);
void window.ArticleEmbed?.load(document.createDocumentFragment());
if (window.ArticleEmbed) console.log(window.ArticleEmbed.version.split("."));

export { typed, all };
