// TypeScript declarations for article-embed: the <article-embed> element, its
// options (attributes), its events and window.ArticleEmbed.
//
// Generated from the widget's own tables (src/config.rs OPTIONS and
// src/context.rs EVENTS) by tests/types.rs: do not edit by hand; run
// `UPDATE_TYPES=1 cargo test --test types` after changing either table.
//
// A bundler picks this file up through the package's "types"; a page that
// loads embed.js with a <script> tag adds
// `/// <reference types="article-embed" />` (or lists "article-embed" in
// tsconfig's compilerOptions.types).

/**
 * The options of `<article-embed>`. They are attributes only: the element
 * has no properties of its own beyond `HTMLElement`'s, so set them with
 * `setAttribute` or as JSX attributes. What each accepts and its default:
 * docs/embedding.md, "Options". An invalid value falls back to the
 * default with a console warning. Options with a fixed set of values are
 * typed as that set; the others (a URL, a language tag, a number) as text.
 */
export interface ArticleEmbedAttributes {
  src?: string;
  theme?: "light" | "dark" | "auto";
  lang?: string;
  donate?: "on" | "off";
  related?: string;
  dnt?: "true" | "false";
  layout?: "full" | "excerpt" | "card";
  timeout?: string;
}

/** The name of an option of `<article-embed>`. */
export type ArticleEmbedOption = keyof ArticleEmbedAttributes;

/** The `detail` of `article-embed:rendered`. */
export interface RenderedDetail {
  src: string;
  id: string | null;
}

/** The `detail` of `article-embed:error`. */
export interface ErrorDetail {
  src: string;
  kind: "network" | "timeout" | "http" | "json" | "schema" | "version";
  status?: number;
  message: string;
}

/** The `detail` of `article-embed:donate`. */
export interface DonateDetail {
  src: string;
  amount: number;
  currency: string;
  frequency: "one-off" | "monthly" | "annual";
  href: string;
  variant: string | null;
}

/** The `detail` of `article-embed:remind-later`. */
export interface RemindLaterDetail {
  src: string;
  until: string;
}

/** The `detail` of `article-embed:link`. */
export interface LinkDetail {
  src: string;
  href: string;
  kind: "related" | "canonical";
}

/** The `detail` of `article-embed:impression`. */
export interface ImpressionDetail {
  src: string;
  variant: string | null;
}

/** The `detail` of `article-embed:dismiss`. */
export interface DismissDetail {
  src: string;
  until: string;
}

/** The `detail` of `article-embed:expand`. */
export interface ExpandDetail {
  src: string;
}

/**
 * Every event of an embed: a `CustomEvent` dispatched on its element with
 * `bubbles: true, composed: true`, so one listener on `document` hears every
 * embed.
 */
export interface ArticleEmbedEventMap {
  /** The article has rendered. `id` is the article's `id`, or `null`. */
  "article-embed:rendered": CustomEvent<RenderedDetail>;
  /** The article could not be shown; the fallback stays visible. `status` is the HTTP status for kind `http`. */
  "article-embed:error": CustomEvent<ErrorDetail>;
  /** The reader clicked the donate button. `variant` is the A/B variant id, or `null`. */
  "article-embed:donate": CustomEvent<DonateDetail>;
  /** The reader chose "Remind me later". `until` is an ISO 8601 date. */
  "article-embed:remind-later": CustomEvent<RemindLaterDetail>;
  /** The reader followed a related link or the link to the article. */
  "article-embed:link": CustomEvent<LinkDetail>;
  /** The ask was shown (at least half of it in view), once per embed per page view. */
  "article-embed:impression": CustomEvent<ImpressionDetail>;
  /** The reader closed the donation banner. `until` is an ISO 8601 date. */
  "article-embed:dismiss": CustomEvent<DismissDetail>;
  /** The reader opened the rest of an `excerpt`. */
  "article-embed:expand": CustomEvent<ExpandDetail>;
}

/** The name of an event of `<article-embed>`. */
export type ArticleEmbedEventName = keyof ArticleEmbedEventMap;

/**
 * The `<article-embed>` element. It adds no properties or methods to
 * `HTMLElement`: its options are the attributes of `ArticleEmbedAttributes`,
 * its events those of `ArticleEmbedEventMap` (typed on every element and on
 * `document` through `HTMLElementEventMap` and `DocumentEventMap`).
 */
export interface ArticleEmbedElement extends HTMLElement {}

/** One embed's outcome, from `ArticleEmbed.load`. */
export interface ArticleEmbedLoadResult {
  element: ArticleEmbedElement;
  /** `true` when it rendered, `false` when it failed (see its `article-embed:error`) or has no `src`. */
  ok: boolean;
}

/** `window.ArticleEmbed`, the one global embed.js defines. */
export interface ArticleEmbedApi {
  /**
   * Renders the embeds under `root` (default: the document) now rather than
   * when they come near the viewport, upgrading placeholder blockquotes;
   * resolves when each has rendered or failed. Calling it again is harmless.
   */
  load(root?: ParentNode): Promise<ArticleEmbedLoadResult[]>;
  /** The widget's version (the crate's). */
  readonly version: string;
}

declare global {
  interface HTMLElementTagNameMap {
    "article-embed": ArticleEmbedElement;
  }

  interface HTMLElementEventMap {
    "article-embed:rendered": CustomEvent<RenderedDetail>;
    "article-embed:error": CustomEvent<ErrorDetail>;
    "article-embed:donate": CustomEvent<DonateDetail>;
    "article-embed:remind-later": CustomEvent<RemindLaterDetail>;
    "article-embed:link": CustomEvent<LinkDetail>;
    "article-embed:impression": CustomEvent<ImpressionDetail>;
    "article-embed:dismiss": CustomEvent<DismissDetail>;
    "article-embed:expand": CustomEvent<ExpandDetail>;
  }

  interface DocumentEventMap {
    "article-embed:rendered": CustomEvent<RenderedDetail>;
    "article-embed:error": CustomEvent<ErrorDetail>;
    "article-embed:donate": CustomEvent<DonateDetail>;
    "article-embed:remind-later": CustomEvent<RemindLaterDetail>;
    "article-embed:link": CustomEvent<LinkDetail>;
    "article-embed:impression": CustomEvent<ImpressionDetail>;
    "article-embed:dismiss": CustomEvent<DismissDetail>;
    "article-embed:expand": CustomEvent<ExpandDetail>;
  }

  interface Window {
    /**
     * Defined once embed.js has run; `undefined` before (the script is
     * `async`) and in browsers too old for the widget.
     */
    readonly ArticleEmbed?: ArticleEmbedApi;
  }
}
