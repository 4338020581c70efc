// JSX misuses the React typings must reject (tests/e2e/types.spec.mjs expects
// an error on each line marked `// misuse`, and no other).
import type {} from "article-embed/react";

export function Bad() {
  return (
    <div>
      <article-embed src="/a.json" theme="neon" />{/* misuse */}
      <article-embed src="/a.json" donate={false} />{/* misuse */}
      <article-embed src="/a.json" colour="red" />{/* misuse */}
      <article-embed src={42} />{/* misuse */}
      <article-embed src="/a.json" layout="grid" />{/* misuse */}
    </div>
  );
}
