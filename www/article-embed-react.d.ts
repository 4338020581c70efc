// JSX typings of <article-embed> for React 19 (`article-embed/react`).
//
// React 19 passes the props of a custom element that are not properties of
// the element to it as attributes, which is all <article-embed> needs: its
// options are attributes (`ArticleEmbedAttributes`), so
// `<article-embed src={url} theme="dark" />` works as written. `className`
// becomes `class`. Listen to its events with a ref and `addEventListener`
// (typed through `HTMLElementEventMap` by ./article-embed.d.ts).
//
// Use: `import type {} from "article-embed/react";` once in your app (or
// list "article-embed/react" in tsconfig's compilerOptions.types).
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { ArticleEmbedAttributes, ArticleEmbedElement } from "./article-embed";

/**
 * The props of `<article-embed>` in JSX: its options, typed, and React's
 * usual ones (`ref` to an `ArticleEmbedElement`, `key`, `className`, `id`,
 * `children` as the fallback shown until the widget renders or when it
 * cannot, …).
 */
export type ArticleEmbedProps = Omit<
  DetailedHTMLProps<HTMLAttributes<ArticleEmbedElement>, ArticleEmbedElement>,
  keyof ArticleEmbedAttributes
> &
  ArticleEmbedAttributes;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "article-embed": ArticleEmbedProps;
    }
  }
}
