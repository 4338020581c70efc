// React 19 JSX with <article-embed>: must compile under --strict
// (tests/e2e/types.spec.mjs).
import type {} from "article-embed/react";
import type { ArticleEmbedElement, ErrorDetail } from "article-embed";
import { useEffect, useRef, useState } from "react";

export function Story({ src, dark }: { src: string; dark: boolean }) {
  const ref = useRef<ArticleEmbedElement>(null);
  const [headline, setHeadline] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDetail | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const rendered = (e: CustomEvent<{ src: string; id: string | null }>) => setHeadline(e.detail.id);
    const failed = (e: HTMLElementEventMap["article-embed:error"]) => setError(e.detail);
    el.addEventListener("article-embed:rendered", rendered);
    el.addEventListener("article-embed:error", failed);
    return () => {
      el.removeEventListener("article-embed:rendered", rendered);
      el.removeEventListener("article-embed:error", failed);
    };
  }, []);

  return (
    <section>
      <article-embed
        ref={ref}
        key="story"
        className="story-embed"
        id="story"
        src={src}
        theme={dark ? "dark" : "light"}
        lang="ru"
        donate="off"
        related="2"
        dnt="true"
        timeout="5000"
        layout="full"
      >
        <a href="https://news.example/fallback">Read the article</a>
      </article-embed>
      {headline && <p>{headline}</p>}
      {error && <p role="alert">{error.kind}: {error.message}</p>}
    </section>
  );
}

export function List({ sources }: { sources: string[] }) {
  return (
    <>
      {sources.map((src) => (
        <article-embed key={src} src={src} />
      ))}
    </>
  );
}
