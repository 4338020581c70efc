/*! article-embed iframe page: frame.html?src=<article JSON URL>&theme=…
 *
 * Renders one <article-embed> at the frame's full width, its attributes
 * copied from the query (only the option names embed.js observes, which a
 * test keeps equal to src/config.rs OPTIONS; the widget validates the
 * values), and tells the parent its height:
 *
 *   {type: "article-embed:height", src, height}        always
 *   {message: "height", value: height, secret: S}      with #?secret=S (WordPress)
 *
 * on render and whenever the height changes, with targetOrigin "*" (nothing
 * in them is private; WordPress sends its secret the same way). The only
 * messages it reads are a parent's request to post the height again —
 * {type: "article-embed:ready"}, or WordPress's {message: "ready", secret: S}
 * with this frame's secret — and it answers them with the same messages.
 * Works in sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox":
 * storage throws there and the widget keeps snoozes in memory.
 */
(function () {
  "use strict";
  var d = document;
  var root = d.documentElement;
  var TAG = "article-embed";
  var params = new URLSearchParams(location.search);
  var raw = params.get("src") || "";

  // WordPress appends #?secret=S to the URL of a frame it embeds.
  var secret = new URLSearchParams(location.hash.replace(/^#\??/, "")).get("secret");
  if (secret && !/^[A-Za-z0-9]{1,64}$/.test(secret)) secret = null;

  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);

  // The same URL policy as the article's own URLs: http(s), or relative to
  // this page; never javascript:, data: or anything else.
  var src = null;
  try {
    var url = new URL(raw, location.href);
    if (raw.trim() && (url.protocol === "https:" || url.protocol === "http:")) src = url.href;
  } catch (e) {
    src = null;
  }

  var last = -1;
  function post(force) {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if ((height === last && !force) || parent === window) return;
    last = height;
    parent.postMessage({ type: "article-embed:height", src: src || raw, height: height }, "*");
    if (secret) parent.postMessage({ message: "height", value: height, secret: secret }, "*");
  }

  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      post(false);
    }).observe(root);
  }
  window.addEventListener("load", function () {
    post(false);
  });
  window.addEventListener("message", function (e) {
    var m = e.data;
    if (e.source !== parent || !m || typeof m !== "object") return;
    if (m.type === "article-embed:ready" || (secret && m.message === "ready" && m.secret === secret)) post(true);
  });

  function message(text, code) {
    var p = d.createElement("p");
    p.className = "frame-message";
    p.setAttribute("role", "alert");
    p.textContent = text;
    if (code) {
      var c = d.createElement("code");
      c.textContent = code.length > 200 ? code.slice(0, 200) + "…" : code;
      p.append(" ", c);
    }
    d.body.append(p);
    post(true);
  }

  // The link readers get when the widget itself cannot load: the article
  // JSON's site, opened outside the frame.
  function fallback() {
    var p = d.createElement("p");
    p.className = "frame-fallback";
    var a = d.createElement("a");
    var site = new URL(src);
    a.href = site.origin + "/";
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = "Read on " + site.hostname;
    p.append(a);
    return p;
  }

  function start() {
    if (!src) {
      message(
        raw.trim()
          ? "This embed cannot be shown: its article address must be an http or https URL, not"
          : "This embed cannot be shown: it names no article (the src parameter is missing).",
        raw.trim() ? raw : null
      );
      return;
    }
    var Element = window.customElements && customElements.get(TAG);
    if (!Element || !window.ArticleEmbed) {
      d.body.append(fallback());
      post(true);
      return;
    }
    var el = d.createElement(TAG);
    Element.observedAttributes.forEach(function (name) {
      if (name === "src") el.setAttribute("src", src);
      else if (params.has(name)) el.setAttribute(name, params.get(name));
    });
    el.addEventListener("article-embed:rendered", function () {
      var headline = el.shadowRoot && el.shadowRoot.querySelector("[part~='headline']");
      if (headline && headline.textContent.trim()) d.title = headline.textContent.trim();
      post(true);
    });
    el.addEventListener("article-embed:error", function () {
      // The widget's error state has its own message and link; when the
      // widget could not load at all, the loader shows only the fallback.
      setTimeout(function () {
        if (el.shadowRoot && !el.shadowRoot.querySelector("[role='alert']") && !el.firstChild) el.append(fallback());
        post(true);
      });
    });
    d.body.append(el);
    window.ArticleEmbed.load(el);
  }

  // Deferred scripts run in document order: embed.js, before this one, has
  // defined the element (unless it could not load), and the body is parsed.
  start();
})();
