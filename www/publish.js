/*! article-embed configurator (publish.html): the embed code for an article,
 * with its options, a live preview (the real widget, or the real frame.html
 * for the iframe form) and the article's checks.
 *
 * The option controls are built from options.json, the build's copy of
 * src/config.rs OPTIONS (tests/options_json.rs keeps it equal), so they
 * cannot drift from what the widget reads. Problems with their JSON paths
 * come from the widget's own validation (the `article-embed:error` event of
 * a hidden embed of the same article); warnings from the one console
 * warning the widget logs per article (src/net/fetch.rs), since the bundle
 * has no separate validation export.
 */
(function () {
  "use strict";
  var d = document;
  var $ = function (id) {
    return d.getElementById(id);
  };

  // The controls' labels; an option added to the table later still gets a
  // control, labelled with its name.
  var LABELS = {
    theme: "Theme",
    lang: "Language",
    layout: "Layout",
    donate: "Donation ask",
    related: "Related links",
    dnt: "Do not track",
  };
  var CHOICES = {
    auto: "Auto: the reader's setting",
    light: "Light",
    dark: "Dark",
    full: "Full article",
    excerpt: "Excerpt",
    card: "Card",
    on: "On",
    off: "Off",
  };
  var UNSET = {
    lang: "The article's language",
    donate: "The article's setting",
  };
  // `src` has its own field; the time limit is left at its default.
  var SKIP = ["src", "timeout"];
  var FORMS = {
    blockquote: "A blockquote with a link to the article: readers without JavaScript, and search engines, see the link.",
    element: "The <article-embed> custom element, for pages that build their markup with a framework.",
    iframe: "An iframe of frame.html, for sites that accept only iframes; frame-host.js sizes it to its content.",
  };
  var SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";
  var FRAME_WIDTH = 550;
  var FRAME_HEIGHT = 600;
  var here = function (path) {
    return new URL(path, location.href).href;
  };
  var EMBED_JS = here("embed.js");
  var FRAME = here("frame.html");
  var FRAME_HOST = here("frame-host.js");
  var DEMO = here("articles/four-officers.json");

  var state = {
    options: [],
    values: {}, // option name → attribute value; "" for "not set"
    form: "blockquote",
    src: "",
    article: null, // {headline, url} read by this page's own fetch
    load: null, // {status: "loading" | "ok" | "error", message}
    check: null, // the hidden embed's outcome: {status: "rendered" | "error", kind, message}
    warnings: {}, // article URL → ["path: message", …]
    loadId: 0,
  };

  /** Text for HTML text and double-quoted attribute values. */
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /** An http(s) URL resolved against `base`, or null (the widget's URL policy). */
  function httpUrl(raw, base) {
    if (typeof raw !== "string" || !raw.trim()) return null;
    try {
      var url = new URL(raw, base);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // --- The widget's console warning: what the article lost on the way ------
  var warn = console.warn;
  console.warn = function (first) {
    var text = typeof first === "string" ? first : "";
    var m = /^article-embed: (\S+): \d+ warning\(s\)[^\n]*((?:\n- .*)*)/.exec(text);
    if (m) {
      state.warnings[m[1]] = m[2]
        .split("\n- ")
        .slice(1)
        .map(function (line) {
          return line.trim();
        });
      renderChecks();
    }
    return warn.apply(console, arguments);
  };

  // --- Options ---------------------------------------------------------------

  /** The options that differ from their defaults, in the table's order. */
  function chosen() {
    return state.options
      .filter(function (o) {
        var v = state.values[o.name];
        return SKIP.indexOf(o.name) < 0 && v !== undefined && v !== "" && v !== o.defaultValue;
      })
      .map(function (o) {
        return [o.name, state.values[o.name]];
      });
  }

  /** Markdown `code` spans of the options table as text and <code>. */
  function markdown(el, text) {
    text.split("`").forEach(function (part, i) {
      if (i % 2) {
        var c = d.createElement("code");
        c.textContent = part;
        el.append(c);
      } else {
        el.append(part);
      }
    });
  }

  function languageName(code) {
    try {
      var own = new Intl.DisplayNames([code], { type: "language" }).of(code);
      return own.charAt(0).toLocaleUpperCase(code) + own.slice(1) + " (" + code + ")";
    } catch (e) {
      return code;
    }
  }

  function control(o) {
    var id = "opt-" + o.name;
    var wrap = d.createElement("div");
    wrap.className = "option";
    var help = d.createElement("p");
    help.className = "help";
    help.id = id + "-help";
    markdown(help, o.values + ". Default: " + o.default + ".");
    var label = d.createElement("label");
    label.htmlFor = id;
    label.textContent = LABELS[o.name] || o.name;
    var input;
    var choices = o.languages || o.choices;
    if (o.choices.length === 2 && o.choices[0] === "true" && o.choices[1] === "false") {
      // A yes/no option: a checkbox whose label follows it.
      input = d.createElement("input");
      input.type = "checkbox";
      input.checked = o.defaultValue === "true";
      input.addEventListener("change", function () {
        set(o.name, input.checked ? "true" : "false");
      });
      wrap.className = "option option-check";
      input.id = id;
      input.setAttribute("aria-describedby", help.id);
      wrap.append(input, label, help);
      state.values[o.name] = input.checked ? "true" : "false";
      return wrap;
    }
    if (choices.length) {
      input = d.createElement("select");
      if (o.defaultValue === null) {
        var unset = new Option(UNSET[o.name] || "Not set (default)", "");
        input.append(unset);
      }
      choices.forEach(function (c) {
        var text = o.languages ? languageName(c) : CHOICES[c] || c;
        input.append(new Option(c === o.defaultValue ? text + " (default)" : text, c));
      });
      input.value = o.defaultValue || "";
      input.addEventListener("change", function () {
        set(o.name, input.value);
      });
    } else {
      input = d.createElement("input");
      if (o.min !== undefined) {
        input.type = "number";
        input.min = String(o.min);
        input.max = String(o.max);
        input.inputMode = "numeric";
      } else {
        input.type = "text";
      }
      input.value = o.defaultValue || "";
      input.addEventListener("input", function () {
        var v = input.value.trim();
        // Only whole numbers within the bounds reach the code.
        if (input.type === "number" && !(input.validity.valid && /^\d+$/.test(v))) v = o.defaultValue || "";
        set(o.name, v);
      });
    }
    input.id = id;
    input.name = o.name;
    input.setAttribute("aria-describedby", help.id);
    wrap.append(label, input, help);
    state.values[o.name] = input.value;
    return wrap;
  }

  function set(name, value) {
    state.values[name] = value;
    update();
  }

  // --- Loading the article -----------------------------------------------------

  /** Fetches the article JSON as the widget does (CORS, a time
   * limit, the status, JSON, the version) for its headline and URL, and
   * says what went wrong in words. */
  function load(src) {
    var id = ++state.loadId;
    state.src = src;
    state.article = null;
    state.load = { status: "loading" };
    state.check = null;
    update();
    var timeoutOption = state.options.filter(function (o) {
      return o.name === "timeout";
    })[0];
    var limit = Number((timeoutOption && timeoutOption.defaultValue) || 10000);
    var abort = new AbortController();
    var timer = setTimeout(function () {
      abort.abort();
    }, limit);
    var done = function (load, article) {
      clearTimeout(timer);
      if (id !== state.loadId) return;
      state.load = load;
      state.article = article || null;
      update();
    };
    fetch(src, { signal: abort.signal })
      .then(
        function (res) {
          if (!res.ok) throw { kind: "http", text: "The article server answered HTTP " + res.status + (res.statusText ? " " + res.statusText : "") + "." };
          return res.text().catch(function () {
            throw { kind: "network", text: "The connection broke while the article was downloading." };
          });
        },
        function () {
          throw abort.signal.aborted
            ? { kind: "timeout", text: "The article server did not answer within " + limit / 1000 + " seconds." }
            : {
                kind: "network",
                text: "The article could not be fetched: the address is unreachable, or its server does not send Access-Control-Allow-Origin for this page.",
              };
        }
      )
      .then(function (text) {
        var json;
        try {
          json = JSON.parse(text.replace(/^\uFEFF/, ""));
        } catch (e) {
          throw { kind: "json", text: "The response is not JSON (" + e.message + "). Is this the article's JSON URL, not its web page?" };
        }
        if (json && typeof json === "object" && "version" in json && json.version !== 1) {
          throw { kind: "version", text: "The article uses format version " + JSON.stringify(json.version) + "; this widget reads version 1." };
        }
        var headline = json && typeof json.headline === "string" ? json.headline.trim() : "";
        done({ status: "ok" }, { headline: headline, url: json && httpUrl(json.url, src) });
      })
      .catch(function (e) {
        done({ status: "error", kind: e.kind || "network", message: e.text || String(e) });
      });
  }

  // --- The code ----------------------------------------------------------------

  function fallbackLink() {
    var a = state.article;
    var href = (a && a.url) || state.src;
    if (a && a.headline && !a.url) return "<p>" + esc(a.headline) + "</p>";
    return '<a href="' + esc(href) + '">' + esc((a && a.headline) || href) + "</a>";
  }

  function frameUrl() {
    var q = new URLSearchParams();
    q.set("src", state.src);
    chosen().forEach(function (pair) {
      q.set(pair[0], pair[1]);
    });
    return FRAME + "?" + q.toString();
  }

  function code() {
    var options = chosen();
    if (state.form === "iframe") {
      var title = (state.article && state.article.headline) || "Embedded article";
      return (
        '<iframe src="' + esc(frameUrl()) + '" title="' + esc(title) + '" width="' + FRAME_WIDTH + '" height="' + FRAME_HEIGHT +
        '" loading="lazy" sandbox="' + SANDBOX + '" frameborder="0"></iframe>\n' +
        '<script async src="' + esc(FRAME_HOST) + '"></script>'
      );
    }
    var element = state.form === "element";
    var attrs = (element ? " src=\"" : ' class="article-embed" data-src="') + esc(state.src) + '"';
    options.forEach(function (pair) {
      attrs += " " + (element ? "" : "data-") + pair[0] + '="' + esc(pair[1]) + '"';
    });
    var tag = element ? "article-embed" : "blockquote";
    return "<" + tag + attrs + ">\n  " + fallbackLink() + "\n</" + tag + ">\n" + '<script async src="' + esc(EMBED_JS) + '"></script>';
  }

  // --- The preview ---------------------------------------------------------------

  var preview = null; // the <article-embed> or <iframe> in #preview

  function renderPreview() {
    var box = $("preview");
    if (!state.src) {
      box.replaceChildren();
      preview = null;
      return;
    }
    if (state.form === "iframe") {
      var url = frameUrl();
      if (!preview || preview.localName !== "iframe") {
        preview = d.createElement("iframe");
        preview.className = "preview-frame";
        preview.setAttribute("sandbox", SANDBOX);
        preview.height = String(FRAME_HEIGHT);
        box.replaceChildren(preview);
      }
      preview.title = (state.article && state.article.headline) || "Embedded article";
      if (preview.getAttribute("src") !== url) preview.setAttribute("src", url);
      return;
    }
    // A new article gets a new element: one widget never shows two articles
    // (a response for the previous src could still be on its way).
    var fresh = !preview || preview.localName !== "article-embed" || preview.getAttribute("src") !== state.src;
    if (fresh) preview = d.createElement("article-embed");
    preview.setAttribute("src", state.src);
    state.options.forEach(function (o) {
      if (o.name === "src" || SKIP.indexOf(o.name) >= 0) return;
      var v = state.values[o.name];
      if (v !== undefined && v !== "" && v !== o.defaultValue) preview.setAttribute(o.name, v);
      else preview.removeAttribute(o.name);
    });
    if (fresh) {
      box.replaceChildren(preview);
      if (window.ArticleEmbed) window.ArticleEmbed.load(preview);
    }
  }

  // The article's own check: an embed of the article with no options, never
  // shown; its events say whether the widget accepts the article.
  var checker = null;
  function renderChecker() {
    if (!state.src || !window.ArticleEmbed) return;
    if (!checker || checker.getAttribute("src") !== state.src) {
      if (checker) checker.remove();
      checker = d.createElement("article-embed");
      checker.setAttribute("src", state.src);
      checker.setAttribute("dnt", "true");
      var settle = function (e) {
        if (e.target !== checker) return;
        state.check = e.type === "article-embed:rendered" ? { status: "rendered" } : { status: "error", kind: e.detail.kind, message: e.detail.message || "" };
        renderChecks();
      };
      checker.addEventListener("article-embed:rendered", settle);
      checker.addEventListener("article-embed:error", settle);
      $("checker").append(checker);
      window.ArticleEmbed.load(checker);
    }
  }

  // --- The checks ----------------------------------------------------------------

  function list(items, className) {
    var ul = d.createElement("ul");
    ul.className = className;
    items.forEach(function (line) {
      var li = d.createElement("li");
      // "path: message", or a message alone for the article as a whole.
      var m = /^([\w$.[\]-]+): ([\s\S]*)$/.exec(line);
      if (m) {
        var c = d.createElement("code");
        c.textContent = m[1];
        li.append(c, ": " + m[2]);
      } else {
        li.textContent = line;
      }
      ul.append(li);
    });
    return ul;
  }

  function para(text, className) {
    var p = d.createElement("p");
    if (className) p.className = className;
    p.textContent = text;
    return p;
  }

  var KINDS = {
    network: "The widget could not fetch the article.",
    timeout: "The article took too long to load.",
    http: "The article server answered with an error.",
    json: "The response is not JSON.",
    schema: "The article is not valid.",
    version: "The article uses a format version this widget does not read.",
  };

  function renderChecks() {
    var out = [];
    var load = state.load;
    var check = state.check;
    if (!state.src) {
      out.push(load && load.status === "error" ? para(load.message, "bad") : para("Enter an article JSON URL and press Load."));
    } else if (load && load.status === "error") {
      out.push(para(load.message, "bad"));
    } else if (check && check.status === "error") {
      var lines = check.message.split("\n");
      var problems = lines.filter(function (l) {
        return /^- /.test(l);
      });
      if (check.kind === "schema" && problems.length) {
        out.push(para(lines[0].replace(/^the article JSON is not valid/, "The article JSON is not valid") + ":", "bad"));
        out.push(
          list(
            problems.map(function (l) {
              return l.slice(2);
            }),
            "problems"
          )
        );
      } else {
        out.push(para(KINDS[check.kind] || "The article cannot be shown.", "bad"));
        out.push(para(check.message.charAt(0).toUpperCase() + check.message.slice(1)));
      }
    } else if (check && check.status === "rendered" && load && load.status === "ok") {
      var warnings = state.warnings[state.src] || [];
      out.push(para("The article is valid" + (state.article && state.article.headline ? ": “" + state.article.headline + "”." : "."), "good"));
      if (warnings.length) {
        out.push(para(warnings.length === 1 ? "1 warning (the article renders without it):" : warnings.length + " warnings (the article renders without them):"));
        out.push(list(warnings, "warnings"));
      }
    } else {
      out.push(para("Loading the article…"));
    }
    $("checks").replaceChildren.apply($("checks"), out);
  }

  // --- Everything from the state -------------------------------------------------

  function update() {
    $("code").value = state.src ? code() : "";
    $("form-help").textContent = FORMS[state.form];
    $("copy-status").textContent = "";
    renderPreview();
    renderChecker();
    renderChecks();
    // The settings live in the page's URL, so a reload or a shared link keeps them.
    var q = new URLSearchParams();
    if (state.src) q.set("src", state.src);
    chosen().forEach(function (pair) {
      q.set(pair[0], pair[1]);
    });
    if (state.form !== "blockquote") q.set("form", state.form);
    history.replaceState(null, "", "?" + q.toString());
  }

  // --- Copy ------------------------------------------------------------------------

  var copied = 0;
  function copy() {
    var field = $("code");
    var status = $("copy-status");
    var say = function (text) {
      status.textContent = text;
      clearTimeout(copied);
      copied = setTimeout(function () {
        status.textContent = "";
      }, 4000);
    };
    var fallback = function () {
      field.focus();
      field.select();
      var ok = false;
      try {
        ok = d.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      say(ok ? "Copied" : "The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(function () {
        say("Copied");
      }, fallback);
    } else {
      fallback();
    }
  }

  // --- Start -------------------------------------------------------------------------

  function start(table) {
    state.options = table.options;
    var params = new URLSearchParams(location.search);
    var box = $("options");
    state.options.forEach(function (o) {
      if (SKIP.indexOf(o.name) < 0) box.append(control(o));
    });
    // Settings from the page's URL (a reload, a shared link).
    state.options.forEach(function (o) {
      var v = params.get(o.name);
      var input = $("opt-" + o.name);
      if (v === null || !input || SKIP.indexOf(o.name) >= 0) return;
      if (input.type === "checkbox") {
        input.checked = v === "true";
        state.values[o.name] = input.checked ? "true" : "false";
        return;
      }
      input.value = v;
      // Only one of its choices, or a number within its bounds.
      if (input.value === v && input.validity.valid) state.values[o.name] = v;
      else input.value = state.values[o.name];
    });
    var form = params.get("form");
    if (FORMS[form]) {
      state.form = form;
      d.querySelector('input[name="form"][value="' + form + '"]').checked = true;
    }
    d.querySelectorAll('input[name="form"]').forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (radio.checked) {
          state.form = radio.value;
          update();
        }
      });
    });
    $("copy").addEventListener("click", copy);
    var field = $("src");
    field.value = httpUrl(params.get("src"), location.href) || DEMO;
    $("load-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var src = httpUrl(field.value, location.href);
      if (!src) {
        field.setAttribute("aria-invalid", "true");
        state.loadId++;
        state.src = "";
        state.article = null;
        state.load = { status: "error", message: "Enter an http or https URL (or one relative to this page) for the article's JSON." };
        update();
        field.focus();
        return;
      }
      field.removeAttribute("aria-invalid");
      field.value = src;
      // The widget fetches an article once per page: to fetch it again,
      // load the page again with it.
      if (src === state.src && state.load && state.load.status !== "loading") {
        location.reload();
        return;
      }
      load(src);
    });
    load(field.value);
  }

  fetch("options.json")
    .then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    })
    .then(start, function (e) {
      $("checks").replaceChildren(para("The configurator could not load its options (options.json: " + e.message + ").", "bad"));
    });
})();
