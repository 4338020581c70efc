/*! article-embed loader — the one stable URL site owners include.
 *
 * Finds `blockquote.article-embed[data-src]` placeholders and
 * `<article-embed src>` elements, and hands each to the Wasm module when it
 * comes near the viewport. It never renders the article itself: it only
 * creates the element, attaches the open shadow root (showing the fallback
 * through a <slot> until the widget takes over) and calls `mount(element)`.
 * The Wasm module is fetched once, on first need, relative to this script.
 */
(function () {
  "use strict";
  var w = window;
  var d = document;
  if (w.ArticleEmbed) {
    // Included twice: the first copy owns the page; ask it to look for new
    // placeholders (lazily, like the first scan).
    d.dispatchEvent(new CustomEvent("article-embed:scan"));
    return;
  }
  if (!w.customElements || !w.IntersectionObserver || !d.head.attachShadow) {
    return; // Too old a browser: the fallback blockquote stays as it is.
  }

  var script = d.currentScript;
  var base = new URL(".", (script && script.src) || d.baseURI);
  var TAG = "article-embed";
  // The embed options (src/config.rs OPTIONS; a test keeps them equal).
  var OPTIONS = ["src", "theme", "lang", "donate", "related", "dnt", "layout", "timeout"];
  // The crate's version, written in by the build (scripts/postbuild.mjs).
  var VERSION = "@VERSION@";
  // The glue and the Wasm module of this build, by their content-hashed names
  // (written in by the build too): a cached embed.js always loads the files
  // of its own release, never another build's.
  var GLUE = "@GLUE@";
  var WASM = "@WASM@";
  var wasm = null; // Promise of the initialised module, created on first need.
  // element → { handle, settled }: `settled` is the type of the last
  // rendered/error event the widget fired for the current `src`, or null.
  var state = new WeakMap();

  // Until the widget's own stylesheet is adopted, the element keeps a
  // viewport's height so the page below does not jump when the article
  // arrives (constructable, so it works under style-src 'self').
  var reserve = new CSSStyleSheet();
  reserve.replaceSync(
    ":host{display:block!important;min-height:100vh!important;margin:var(--article-embed-margin,24px 0)!important}" +
      // A card is a short preview: reserve what its skeleton takes.
      ':host([layout=card]){min-height:10em!important;max-width:550px!important}'
  );

  function loadWasm() {
    if (!wasm) {
      var glue = new URL(GLUE, base).href;
      var bin = new URL(WASM, base).href;
      // A Content Security Policy blocking the bundle shows as a violation
      // during the load; anything else (say a file of a removed release that
      // a cached embed.js still names) is reported with the file's name.
      var blocked = 0;
      var watch = function (e) {
        var u = e.blockedURI;
        if (/^(wasm-)?eval$/.test(u) || u === glue || u === bin) blocked = 1;
      };
      var unwatch = function () {
        d.removeEventListener("securitypolicyviolation", watch);
      };
      var failed = function (file) {
        return function (e) {
          // Violations are reported in a task of their own: let them arrive.
          return new Promise(function (r) {
            setTimeout(r, 50);
          }).then(function () {
            throw new Error(
              blocked || /unsafe-eval|Content.Security/i.test(e)
                ? "article-embed: the widget could not load (" + e + "); check script-src and 'wasm-unsafe-eval'"
                : "article-embed: could not load " + file + " (" + ((e && e.message) || e) + ")"
            );
          });
        };
      };
      d.addEventListener("securitypolicyviolation", watch);
      // The module's bytes and its JS glue are fetched side by side; the
      // glue then compiles the bytes as they stream in.
      var bytes = fetch(bin).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r;
      });
      bytes.catch(function () {});
      wasm = import(glue).then(function (mod) {
        return mod.default({ module_or_path: bytes }).then(function () {
          return mod;
        }, failed(WASM));
      }, failed(GLUE));
      wasm.then(unwatch, unwatch);
    }
    return wasm;
  }

  // The shadow root shows the light-DOM fallback (the site owner's
  // blockquote) through a <slot>: while loading with the space reserved,
  // after a failure at the fallback's own size.
  function showSlot(root, sheets) {
    root.adoptedStyleSheets = sheets;
    root.replaceChildren(d.createElement("slot"));
  }

  function showFallback(el) {
    if (el.shadowRoot) showSlot(el.shadowRoot, []);
  }

  function fail(el, message) {
    showFallback(el);
    el.dispatchEvent(
      new CustomEvent("article-embed:error", {
        bubbles: true,
        composed: true,
        detail: { src: el.getAttribute("src"), kind: "network", message: message },
      })
    );
  }

  // The article's request starts now, alongside the Wasm module's, instead
  // of after it: a preload the widget's own fetch then picks up.
  var preloaded = {};
  function preload(src) {
    var href = new URL(src, d.baseURI).href;
    if (preloaded[href] || !/^https?:/.test(href)) return;
    preloaded[href] = 1;
    var link = d.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    d.head.appendChild(link);
  }

  function mount(el) {
    var s = state.get(el);
    if (!s || s.handle || !el.isConnected) return;
    if (el.getAttribute("src")) preload(el.getAttribute("src"));
    loadWasm().then(
      function (mod) {
        if (s.handle || !el.isConnected) return;
        try {
          s.handle = mod.mount(el);
        } catch (e) {
          fail(el, "article-embed: could not mount: " + e);
        }
      },
      function (e) {
        fail(el, e.message);
      }
    );
  }

  function unmount(el) {
    var s = state.get(el);
    if (s && s.handle) {
      s.handle.unmount();
      s.handle.free();
      s.handle = null;
      showSlot(el.shadowRoot, [reserve]);
    }
  }

  // Embeds are mounted when they come within about a viewport of view.
  var observer = new IntersectionObserver(
    function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          mount(entry.target);
        }
      });
    },
    { rootMargin: "100% 0px 100% 0px" }
  );

  class ArticleEmbedElement extends HTMLElement {
    static get observedAttributes() {
      return OPTIONS;
    }

    connectedCallback() {
      if (!state.has(this)) {
        var s = { handle: null, settled: null };
        state.set(this, s);
        // The widget says how its load ended through its events, not its markup.
        var settle = function (e) {
          if (e.target === this) s.settled = e.type;
        }.bind(this);
        this.addEventListener("article-embed:rendered", settle);
        this.addEventListener("article-embed:error", settle);
      }
      if (!this.shadowRoot) showSlot(this.attachShadow({ mode: "open" }), [reserve]);
      // Moved (a framework reordering a list): still mounted, nothing to do.
      if (this.hasAttribute("src") && !state.get(this).handle) observer.observe(this);
    }

    disconnectedCallback() {
      // A move disconnects and connects again at once: only an element still
      // out of the document after that is unmounted (and its handle freed).
      var el = this;
      observer.unobserve(el);
      queueMicrotask(function () {
        if (!el.isConnected) unmount(el);
      });
    }

    attributeChangedCallback(name, before, after) {
      var s = state.get(this);
      if (!s || before === after) return;
      if (name === "src") s.settled = null;
      if (s.handle) {
        s.handle.update();
      } else if (name === "src" && this.isConnected) {
        observer.observe(this);
      }
    }
  }

  // Replaces each placeholder blockquote with an <article-embed> element
  // carrying the same options; the blockquote moves inside as its fallback.
  function upgrade(root) {
    var found = [];
    var quotes = root.querySelectorAll("blockquote.article-embed[data-src]");
    for (var i = 0; i < quotes.length; i++) {
      var q = quotes[i];
      if (q.parentNode && q.parentNode.localName === TAG) continue;
      var el = d.createElement(TAG);
      OPTIONS.forEach(function (name) {
        var v = q.getAttribute("data-" + name);
        if (v !== null) el.setAttribute(name, v);
      });
      q.parentNode.insertBefore(el, q);
      el.appendChild(q);
    }
    var els = root.querySelectorAll(TAG);
    for (var j = 0; j < els.length; j++) found.push(els[j]);
    if (root.localName === TAG) found.push(root);
    return found;
  }

  function settled(el) {
    return new Promise(function (resolve) {
      function done(e) {
        el.removeEventListener("article-embed:rendered", done);
        el.removeEventListener("article-embed:error", done);
        resolve({ element: el, ok: e.type === "article-embed:rendered" });
      }
      el.addEventListener("article-embed:rendered", done);
      el.addEventListener("article-embed:error", done);
    });
  }

  w.ArticleEmbed = Object.freeze({
    version: VERSION,
    /** Renders the embeds under `root` (default: the document) now, not
     * lazily; resolves with `[{element, ok}]` when each has rendered or
     * failed. Calling it again is harmless. */
    load: function (root) {
      var els = upgrade(root || d);
      // Asked for explicitly: render now, wherever they are on the page.
      els.forEach(function (el) {
        observer.unobserve(el);
        mount(el);
      });
      return Promise.all(
        els.map(function (el) {
          if (!el.getAttribute("src")) return { element: el, ok: false };
          var s = state.get(el);
          if (s && s.handle && s.settled) {
            return { element: el, ok: s.settled === "article-embed:rendered" };
          }
          return settled(el);
        })
      );
    },
  });

  // If the Wasm module ever traps, it can no longer be trusted: embeds that
  // have rendered keep their DOM, the others show their fallback and report.
  function onTrap(error) {
    if (!(error instanceof WebAssembly.RuntimeError)) return;
    wasm = Promise.reject(new Error("article-embed: the widget stopped (" + error.message + ")"));
    wasm.catch(function () {});
    d.querySelectorAll(TAG).forEach(function (el) {
      var s = state.get(el);
      if (s && s.settled !== "article-embed:rendered") {
        s.handle = null;
        fail(el, "article-embed: the widget stopped (" + error.message + ")");
      }
    });
  }
  w.addEventListener("error", function (e) {
    onTrap(e.error);
  });
  w.addEventListener("unhandledrejection", function (e) {
    onTrap(e.reason);
  });

  customElements.define(TAG, ArticleEmbedElement);
  // The page's own placeholders are upgraded now and rendered lazily, as
  // they come near the viewport.
  function scan() {
    // Embeds already within the observer's margin start loading now rather
    // than after the first paint, when the observer would first report; one
    // layout read for all of them.
    var near = upgrade(d).filter(function (el) {
      var r = el.getBoundingClientRect();
      return el.getAttribute("src") && r.bottom > -innerHeight && r.top < 2 * innerHeight;
    });
    near.forEach(function (el) {
      observer.unobserve(el);
      mount(el);
    });
  }
  d.addEventListener("article-embed:scan", scan);
  // Placeholders parsed so far (the embed code puts the script after its
  // blockquote), then the rest once the document is parsed.
  scan();
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", scan);
})();
