/*! article-embed benchmark: the vanilla-JS baseline.
 *
 * Not shipped, not tested: scripts/bench.mjs compares the Wasm widget with this.
 * It does the widget's job with plain DOM calls (createElement, setAttribute,
 * textContent; no innerHTML, no framework):
 *
 *  - finds `blockquote.article-embed[data-src]`, replaces it with a
 *    <vanilla-embed> host, moves the blockquote inside as the fallback and
 *    attaches an open shadow root showing it through a <slot>;
 *  - mounts when the host comes within one viewport of view (the same
 *    IntersectionObserver margin as embed.js);
 *  - shows the same skeleton, fetches the article JSON (text, then JSON.parse)
 *    and, in parallel, the widget's stylesheet (styles/widget.css, served by the
 *    bench server at /bench/widget.css) which it adopts as one page-wide
 *    constructable stylesheet, as the widget does with its compiled-in copy;
 *  - checks URLs (http/https, relative resolved against the JSON URL, mailto:
 *    for inline links only), reads the snooze / frequency-cap keys from
 *    localStorage, and builds the same elements, classes, parts, ids, ARIA
 *    attributes and UI strings (English) as the widget: banner, header with
 *    h1 and meta, notices, body blocks with inline runs, the donation ask with
 *    ticker, choice cards (with "Other"), CTA, payment badges and "Remind me later", the
 *    canonical link and the related list;
 *  - calls performance.mark("vanilla:rendered") and fires
 *    `vanilla-embed:rendered` on the host.
 *
 * Options: data-src, data-theme, data-donate ("off"), data-related (max, 0 hides).
 */
(function () {
  "use strict";
  var w = window;
  var d = document;
  var SVG = "http://www.w3.org/2000/svg";
  var script = d.currentScript;
  var base = new URL(".", (script && script.src) || d.baseURI);
  var sheet = null; // Promise<CSSStyleSheet|null>, created on first need.

  var S = {
    loading: "Loading article…",
    by: "By",
    readOn: "Read on",
    readMore: "Read more",
    supportUs: "Support us",
    remindLater: "Remind me later",
    dismiss: "Dismiss",
    region: "Support our journalism",
    of: "of",
    goalReached: "Goal reached — thank you!",
    frequency: "How often",
    amount: "Amount",
    other: "Other",
    amountIn: "Your amount in",
    freq: { monthly: "Monthly", "one-off": "One-off", annual: "Annual" },
    paymentMethods: "Accepted payment methods",
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  };
  var BADGES = {
    visa: ["Visa", "#1a1f71", "#ffffff", "VISA"],
    mastercard: ["Mastercard", "#252525", "#ffffff", ""],
    amex: ["American Express", "#1f72cd", "#ffffff", "AMEX"],
    paypal: ["PayPal", "#ffffff", "#003087", "PayPal"],
    "apple-pay": ["Apple Pay", "#000000", "#ffffff", "Pay"],
    "google-pay": ["Google Pay", "#ffffff", "#3c4043", "G Pay"],
    card: ["Card", "#e8eaed", "#3c4043", "CARD"],
  };
  var APPLE =
    "M13 10.5c.6-.8 1-1.8.9-2.8-.9 0-2 .6-2.6 1.4-.6.7-1 1.7-.9 2.7 1 .1 2-.5 2.6-1.3zm.9 1.4c-1.4-.1-2.6.8-3.3.8-.7 0-1.7-.8-2.8-.7-1.5 0-2.8.8-3.5 2.1-1.5 2.6-.4 6.4 1.1 8.5.7 1 1.5 2.1 2.6 2.1 1 0 1.4-.7 2.7-.7 1.2 0 1.6.7 2.7.7 1.1 0 1.8-1 2.5-2.1.8-1.2 1.1-2.3 1.1-2.4 0 0-2.2-.8-2.2-3.3 0-2.1 1.7-3 1.8-3.1-1-1.4-2.5-1.6-2.7-1.7z";

  // --- small DOM helpers ---------------------------------------------------

  /** el("p", {class: "x"}, child, "text", …): attributes set with setAttribute. */
  function el(tag, attrs) {
    var node = d.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] != null) node.setAttribute(k, attrs[k]);
    for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
    return node;
  }
  function svg(tag, attrs) {
    var node = d.createElementNS(SVG, tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
    return node;
  }
  function add(parent, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { add(parent, c); });
    else if (typeof child === "string") parent.appendChild(d.createTextNode(child));
    else parent.appendChild(child);
  }
  function text(tag, attrs, s) {
    var node = el(tag, attrs);
    node.textContent = s;
    return node;
  }
  var BLANK = { target: "_blank", rel: "noopener noreferrer" };
  function link(href, attrs) {
    var a = el("a", attrs);
    a.setAttribute("href", href);
    if (!/^mailto:/i.test(href)) {
      a.setAttribute("target", BLANK.target);
      a.setAttribute("rel", (attrs && attrs.rel) || BLANK.rel);
    }
    return a;
  }

  // --- formatting (English, as the widget's format.rs) ---------------------

  function date(raw) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(raw || "");
    if (!m) return null;
    return S.months[Math.min(12, Math.max(1, +m[2])) - 1] + " " + +m[3] + ", " + +m[1];
  }
  function number(n) {
    var cents = Math.round(Math.abs(n) * 100);
    if (!isFinite(cents)) return "—";
    var whole = String(Math.floor(cents / 100));
    var out = "";
    for (var i = 0; i < whole.length; i++) {
      if (i > 0 && (whole.length - i) % 3 === 0) out += ",";
      out += whole[i];
    }
    if (cents % 100) out += "." + String(cents % 100).padStart(2, "0");
    return (n < 0 && cents > 0 ? "-" : "") + out;
  }
  var SYMBOLS = { USD: "$", EUR: "€", GBP: "£", RUB: "₽" };
  function money(n, currency) {
    return SYMBOLS[currency] ? SYMBOLS[currency] + number(n) : currency + "\u00a0" + number(n);
  }

  // --- validation: URLs and shapes ------------------------------------------

  function safeUrl(raw, base, inline) {
    if (typeof raw !== "string") return null;
    if (inline && /^mailto:/i.test(raw)) return raw;
    try {
      var u = new URL(raw, base);
      return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }
  function runs(content, base) {
    return (Array.isArray(content) ? content : []).map(function (r) {
      if (typeof r === "string") return { text: r };
      var marks = Array.isArray(r.marks) ? r.marks : [];
      return {
        text: String(r.text == null ? "" : r.text),
        strong: marks.indexOf("strong") >= 0,
        em: marks.indexOf("em") >= 0,
        href: r.href == null ? null : safeUrl(r.href, base, true),
      };
    });
  }

  // --- storage (the widget's snooze and frequency-cap keys) ---------------

  function stored(key) {
    try {
      return w.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }
  function originOf(url) {
    try {
      return new URL(url).origin;
    } catch (e) {
      return "";
    }
  }

  // --- rendering -----------------------------------------------------------

  function inlines(parent, list) {
    for (var i = 0; i < list.length; i++) {
      var r = list[i];
      var node = d.createTextNode(r.text);
      if (r.em) node = el("em", null, node);
      if (r.strong) node = el("strong", null, node);
      if (r.href) {
        var a = link(r.href);
        a.appendChild(node);
        node = a;
      }
      parent.appendChild(node);
    }
    return parent;
  }

  function figure(image, cls, base) {
    var src = safeUrl(image.src, base, false);
    if (!src) return null;
    var fig = el("figure", { class: cls });
    fig.appendChild(
      el("img", {
        src: src,
        alt: image.alt || "",
        width: image.width != null ? String(image.width) : null,
        height: image.height != null ? String(image.height) : null,
        loading: "lazy",
        decoding: "async",
      })
    );
    if (image.caption != null || image.credit != null) {
      fig.appendChild(
        el(
          "figcaption",
          null,
          image.caption != null ? text("span", { class: "caption" }, image.caption) : null,
          image.credit != null ? text("span", { class: "credit" }, image.credit) : null
        )
      );
    }
    return fig;
  }

  function block(b, base, dateline) {
    switch (b && b.type) {
      case "paragraph": {
        var p = el("p");
        if (dateline) add(p, [text("span", { class: "dateline" }, dateline), " — "]);
        return inlines(p, runs(b.content, base));
      }
      case "heading":
        return inlines(el(b.level === 3 ? "h3" : b.level === 4 ? "h4" : "h2", { class: "subhead" }), runs(b.content, base));
      case "quote":
        return el(
          "figure",
          { class: "quote" },
          el("blockquote", null, inlines(el("p"), runs(b.content, base))),
          b.cite != null ? el("figcaption", null, text("cite", null, b.cite)) : null
        );
      case "list": {
        var list = el(b.ordered ? "ol" : "ul");
        (b.items || []).forEach(function (item) {
          list.appendChild(inlines(el("li"), runs(item, base)));
        });
        return list;
      }
      case "image":
        return figure(b, "figure", base);
      default:
        return null; // Unknown block types are skipped.
    }
  }

  function badge(id) {
    var m = BADGES[id];
    if (!m) return null;
    var s = svg("svg", { viewBox: "0 0 48 30", width: "48", height: "30", role: "img", "aria-label": m[0] });
    s.setAttribute("class", "badge");
    s.appendChild(svg("rect", { x: "0.5", y: "0.5", width: "47", height: "29", rx: "4", fill: m[1], stroke: "#c4c7cc" }));
    if (id === "mastercard") {
      s.appendChild(svg("circle", { cx: "20", cy: "15", r: "8", fill: "#eb001b" }));
      s.appendChild(svg("circle", { cx: "28", cy: "15", r: "8", fill: "#f79e1b", "fill-opacity": "0.9" }));
    }
    if (id === "apple-pay") s.appendChild(svg("path", { d: APPLE, fill: m[2] }));
    if (m[3]) {
      var t = svg("text", {
        x: id === "apple-pay" ? "31" : "24",
        y: "19.5",
        "text-anchor": "middle",
        "font-family": "Arial, Helvetica, sans-serif",
        "font-size": "10",
        "font-weight": "700",
        fill: m[2],
      });
      t.textContent = m[3];
      s.appendChild(t);
    }
    return s;
  }

  function ask(host, article, donation, onRemind) {
    var freqs = (donation.frequencies || []).filter(function (f) {
      return f && S.freq[f.id] && Array.isArray(f.amounts);
    });
    var choice = null;
    function pick(f) {
      var amount = f.default != null ? f.default : f.amounts[0];
      return amount == null ? null : { frequency: f.id, amount: amount };
    }
    if (freqs.length) choice = pick(freqs[0]);
    var cta = donation.cta ? safeUrl(donation.cta.url, article.__base, false) : null;

    // A/B variants: a weighted draw per page view (the bench is always cold,
    // so the widget's stored draw never applies); a variant's copy replaces
    // the base copy's. The article count is unknown on a first view, so copy
    // holding its placeholder is left out, as the widget does.
    var variants = (donation.variants || []).filter(function (v) { return v && v.id && !(v.weight <= 0); });
    var variant = null;
    if (variants.length) {
      var total = variants.reduce(function (s, v) { return s + (v.weight == null ? 1 : v.weight); }, 0);
      var target = Math.random() * total;
      for (var vi = 0; vi < variants.length && !variant; vi++) {
        target -= variants[vi].weight == null ? 1 : variants[vi].weight;
        if (target < 0) variant = variants[vi];
      }
      variant = variant || variants[variants.length - 1];
    }
    var pick = function (k) { return variant && variant[k] != null ? variant[k] : donation[k]; };
    var counted = function (s) { return s != null && s.indexOf("%%ARTICLE_COUNT%%") < 0; };
    var heading = pick("heading");
    var section = el("section", { part: "donation", "aria-labelledby": "ae-ask-heading", class: "ask" });
    section.appendChild(text("h2", { id: "ae-ask-heading" }, heading != null && counted(heading) ? heading : S.region));
    (pick("paragraphs") || []).filter(counted).forEach(function (p) {
      section.appendChild(text("p", null, p));
    });
    var highlight = pick("highlight");
    if (counted(highlight)) section.appendChild(el("p", { class: "highlight" }, text("span", null, highlight)));
    var t = donation.ticker;
    if (t) {
      var raised = money(t.raised, donation.currency);
      var goal = money(t.goal, donation.currency);
      var summary = raised + " " + S.of + " " + goal;
      var now = Math.min(t.raised, t.goal);
      section.appendChild(
        el(
          "div",
          { class: "ticker" },
          t.label != null ? text("p", { class: "ticker-label" }, t.label) : null,
          el(
            "div",
            {
              role: "progressbar",
              "aria-valuemin": "0",
              "aria-valuemax": String(t.goal),
              "aria-valuenow": String(now),
              "aria-valuetext": summary,
              "aria-label": summary,
              class: "ticker-bar",
            },
            el("progress", { "aria-hidden": "true", max: String(t.goal), value: String(now) })
          ),
          el("p", { class: "ticker-amounts" }, t.raised >= t.goal ? [text("strong", null, S.goalReached), " "] : null, summary)
        )
      );
    }
    var amountsSlot = d.createComment("");
    var otherField = null;
    var ctaLink = null;
    function card(name, value, label, checked, onchange) {
      var input = el("input", { type: "radio", name: name, value: value });
      input.checked = checked;
      input.addEventListener("change", onchange);
      return el("label", { class: "card" }, input, text("span", null, label));
    }
    function href() {
      if (!cta) return null;
      var u = new URL(cta);
      if (choice) {
        u.searchParams.set("amount", String(choice.amount));
        u.searchParams.set("frequency", choice.frequency);
        u.searchParams.set("currency", donation.currency);
        if (location.hostname) u.searchParams.set("utm_source", location.hostname);
      }
      u.searchParams.set("utm_medium", "article-embed");
      if (choice && article.id) u.searchParams.set("utm_campaign", article.id);
      if (choice && variant) u.searchParams.set("utm_content", variant.id);
      return u.href;
    }
    function amounts() {
      var f = choice && freqs.filter(function (f) { return f.id === choice.frequency; })[0];
      if (!f) return d.createComment("");
      return el(
        "fieldset",
        { class: "choices amounts" },
        text("legend", null, S.amount),
        f.amounts.map(function (a) {
          return card("ae-amount", String(a), money(a, donation.currency), choice.amount === a, function () {
            choice = { frequency: f.id, amount: a };
            if (otherField) otherField.remove();
            if (ctaLink) ctaLink.setAttribute("href", href());
          });
        }),
        card("ae-amount", "other", S.other, false, function (e) {
          // "Other": a free amount; the CTA follows it once it is valid.
          var input = el("input", { id: "ae-other", type: "text", inputmode: "decimal", autocomplete: "off", "aria-invalid": "false" });
          otherField = el("div", { class: "other-amount" }, text("label", { for: "ae-other" }, S.amountIn + " " + donation.currency), input);
          e.target.closest("fieldset").appendChild(otherField);
          input.addEventListener("input", function () {
            var n = Number(input.value.replace(",", "."));
            var ok = input.value !== "" && isFinite(n) && n > 0;
            input.setAttribute("aria-invalid", String(!ok && input.value !== ""));
            choice = ok ? { frequency: f.id, amount: n } : choice;
            if (ctaLink) ctaLink.setAttribute("href", href());
          });
        })
      );
    }
    if (freqs.length > 1) {
      section.appendChild(
        el(
          "fieldset",
          { class: "choices frequencies" },
          text("legend", null, S.frequency),
          freqs.map(function (f) {
            return card("ae-frequency", f.id, S.freq[f.id], !!choice && choice.frequency === f.id, function () {
              choice = pick(f);
              var next = amounts();
              amountsSlot.replaceWith(next);
              amountsSlot = next;
              if (ctaLink) ctaLink.setAttribute("href", href());
            });
          })
        )
      );
    }
    amountsSlot = amounts();
    section.appendChild(amountsSlot);
    if (cta) {
      ctaLink = link(href(), { part: "cta", class: "cta" });
      ctaLink.textContent = donation.cta.label != null ? donation.cta.label : S.supportUs;
      ctaLink.addEventListener("click", function () {
        host.dispatchEvent(new CustomEvent("vanilla-embed:donate", { bubbles: true, composed: true, detail: { href: ctaLink.href } }));
      });
      section.appendChild(ctaLink);
    }
    var methods = (donation.paymentMethods || []).filter(function (m) { return BADGES[m]; });
    if (methods.length) {
      section.appendChild(
        el(
          "ul",
          { "aria-label": S.paymentMethods, class: "payment-methods" },
          methods.map(function (m) { return el("li", null, badge(m)); })
        )
      );
    }
    var r = donation.remindLater;
    if (r) {
      var button = text("button", { type: "button", class: "remind-later" }, r.label != null ? r.label : S.remindLater);
      button.addEventListener("click", onRemind);
      section.appendChild(el("p", { class: "remind" }, r.prompt != null ? [text("span", null, r.prompt), " "] : null, button));
    }
    return section;
  }

  function articleView(host, article, opts) {
    var base = article.__base;
    var frag = d.createDocumentFragment();
    var donation = opts.donate && article.donation && typeof article.donation === "object" ? article.donation : null;
    var origin = originOf((donation && donation.cta && donation.cta.url) || article.url || "");
    var now = Date.now();
    var askUntil = +stored("article-embed:snooze:" + origin) || 0;
    var bannerUntil = +stored("article-embed:snooze-banner:" + origin) || 0;
    var capped = false;
    var cap = donation && donation.frequencyCap;
    if (cap) {
      var start = now - cap.days * 864e5;
      var views = (stored("article-embed:views:" + origin) || "").split(",").filter(function (v) {
        return +v > start && +v <= now;
      });
      capped = views.length >= cap.views;
    }
    var askShown = !!donation && !(askUntil > now) && !capped;
    var bannerShown = !!donation && !!donation.banner && !(askUntil > now) && !(bannerUntil > now);
    var ctaUrl = donation && donation.cta ? safeUrl(donation.cta.url, base, false) : null;

    var askNode = null;
    function onRemind() {
      try {
        w.localStorage.setItem("article-embed:snooze:" + origin, String(Date.now() + 30 * 864e5));
      } catch (e) {
        // A store that cannot write forgets.
      }
      if (askNode) askNode.remove();
    }

    if (bannerShown) {
      var dismiss = el("button", { type: "button", "aria-label": S.dismiss, class: "banner-dismiss" }, text("span", { "aria-hidden": "true" }, "×"));
      var banner = el(
        "aside",
        { part: "banner", "aria-label": S.region, class: "banner" },
        text("p", null, donation.banner.text),
        ctaUrl ? text("a", { href: ctaUrl, target: "_blank", rel: "noopener noreferrer", class: "banner-cta" }, donation.banner.cta || donation.cta.label || S.supportUs) : null,
        dismiss
      );
      dismiss.addEventListener("click", function () { banner.remove(); });
      frag.appendChild(banner);
    }

    var art = el("article", { part: "article", "aria-labelledby": "ae-headline", class: "article" });
    var header = el("header", { class: "article-header" });
    if (article.section != null) header.appendChild(text("p", { class: "section" }, article.section));
    var lang = typeof article.lang === "string" ? article.lang : null;
    header.appendChild(text("h1", { id: "ae-headline", part: "headline", lang: lang, class: "headline" }, article.headline));
    if (article.standfirst != null) header.appendChild(text("p", { class: "standfirst", lang: lang }, article.standfirst));
    var authors = Array.isArray(article.authors) ? article.authors : [];
    var published = date(article.datePublished);
    if (authors.length || published || article.publisher) {
      var meta = el("div", { class: "meta" });
      if (authors.length) {
        var byline = el("address", { class: "byline" }, S.by + " ");
        var names = el("bdi");
        byline.appendChild(names);
        authors.forEach(function (a, i) {
          if (i) names.appendChild(d.createTextNode(", "));
          var u = a.url != null ? safeUrl(a.url, base, false) : null;
          names.appendChild(u ? text("a", { href: u, rel: "author noopener noreferrer", target: "_blank" }, a.name) : d.createTextNode(a.name));
        });
        meta.appendChild(byline);
      }
      if (article.publisher) meta.appendChild(text("bdi", { class: "publisher" }, article.publisher.name));
      if (published) meta.appendChild(text("time", { datetime: article.datePublished }, published));
      var modified = date(article.dateModified);
      if (modified && modified !== published) {
        meta.appendChild(el("span", { class: "updated" }, "Updated ", text("time", { datetime: article.dateModified }, modified)));
      }
      header.appendChild(meta);
    }
    art.appendChild(header);
    (article.notices || []).forEach(function (n) {
      art.appendChild(text("p", { class: n.kind === "warning" ? "notice warning" : "notice", role: "note" }, n.text));
    });
    if (article.image) add(art, figure(article.image, "lead", base));

    var body = el("div", { part: "body", lang: lang, class: "body" });
    var blocks = article.body;
    var after = -1;
    var placement = donation && donation.placement;
    var paragraphs = 0;
    var firstParagraph = -1;
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i] && blocks[i].type === "paragraph") {
        paragraphs++;
        if (firstParagraph < 0) firstParagraph = i;
        if (placement && placement.afterParagraph === paragraphs && after < 0) after = i;
      }
    }
    if (askShown) askNode = ask(host, article, donation, onRemind);
    for (var j = 0; j < blocks.length; j++) {
      add(body, block(blocks[j], base, j === firstParagraph ? article.dateline : null));
      if (j === after && askNode) body.appendChild(askNode);
    }
    art.appendChild(body);
    if (after < 0 && askNode) art.appendChild(askNode);
    var canonical = safeUrl(article.url, base, false);
    if (canonical) {
      var name = (article.publisher && article.publisher.name) || new URL(canonical).host;
      var readOn = el("a", { href: canonical, target: "_blank", rel: "noopener noreferrer" }, S.readOn + " ");
      readOn.appendChild(text("bdi", null, name));
      art.appendChild(el("p", { class: "canonical" }, readOn));
    }
    frag.appendChild(art);

    var related = (Array.isArray(article.related) ? article.related : []).slice(0, opts.related);
    if (related.length) {
      var ul = el("ul");
      related.forEach(function (r) {
        var u = safeUrl(r.url, base, false);
        var img = r.image != null ? safeUrl(r.image, base, false) : null;
        var d8 = date(r.datePublished);
        ul.appendChild(
          el(
            "li",
            null,
            img ? el("img", { class: "thumb", src: img, alt: "", width: "96", height: "64", loading: "lazy", decoding: "async" }) : null,
            el(
              "span",
              { class: "related-text" },
              u ? text("a", { href: u, target: "_blank", rel: "noopener noreferrer" }, r.headline) : r.headline,
              d8 ? text("time", { datetime: r.datePublished }, d8) : null
            )
          )
        );
      });
      frag.appendChild(el("nav", { part: "related", "aria-labelledby": "ae-related", class: "related" }, text("h2", { id: "ae-related" }, S.readMore), ul));
    }
    return frag;
  }

  function skeleton() {
    var bars = ["bar bar-title", "bar bar-title short", "bar bar-meta", "bar", "bar", "bar", "bar short"];
    return el(
      "div",
      { class: "skeleton", role: "status", "aria-busy": "true" },
      text("span", { class: "visually-hidden" }, S.loading),
      bars.map(function (c) { return el("div", { class: c, "aria-hidden": "true" }); })
    );
  }

  function loadSheet() {
    if (!sheet) {
      sheet = fetch(new URL("widget.css", base))
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (css) {
          var s = new CSSStyleSheet();
          s.replaceSync(css);
          return s;
        })
        .catch(function () { return null; });
    }
    return sheet;
  }

  function mount(host) {
    var src = new URL(host.getAttribute("data-src"), d.baseURI).href;
    var related = parseInt(host.getAttribute("data-related"), 10);
    var opts = { donate: host.getAttribute("data-donate") !== "off", related: isNaN(related) ? 3 : Math.max(0, related) };
    var root = host.shadowRoot;
    var styles = loadSheet();
    var json = fetch(src).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.text();
    });
    root.textContent = "";
    var ae = el("div", { part: "root", "data-theme": host.getAttribute("data-theme") || "auto", "data-layout": "full", lang: "en", dir: "ltr", class: "ae" }, skeleton());
    root.appendChild(el("div", { class: "ae-mount" }, ae));
    styles.then(function (s) {
      if (s) root.adoptedStyleSheets = [s];
    });
    Promise.all([json, styles]).then(
      function (both) {
        var article = JSON.parse(both[0]);
        if (!article || article.version !== 1 || typeof article.headline !== "string" || !Array.isArray(article.body)) {
          throw new Error("schema");
        }
        article.__base = src;
        var tree = articleView(host, article, opts);
        ae.replaceChildren(tree);
        performance.mark("vanilla:rendered");
        host.dispatchEvent(new CustomEvent("vanilla-embed:rendered", { bubbles: true, composed: true, detail: { src: src, id: article.id } }));
      },
      function (e) {
        root.replaceChildren(d.createElement("slot"));
        host.dispatchEvent(new CustomEvent("vanilla-embed:error", { bubbles: true, composed: true, detail: { src: src, message: String(e) } }));
      }
    );
  }

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

  function upgrade() {
    var quotes = d.querySelectorAll("blockquote.article-embed[data-src]");
    for (var i = 0; i < quotes.length; i++) {
      var q = quotes[i];
      var host = d.createElement("vanilla-embed");
      ["src", "theme", "donate", "related"].forEach(function (name) {
        var v = q.getAttribute("data-" + name);
        if (v !== null) host.setAttribute("data-" + name, v);
      });
      q.parentNode.insertBefore(host, q);
      host.appendChild(q);
      host.attachShadow({ mode: "open" }).appendChild(d.createElement("slot"));
      observer.observe(host);
    }
  }

  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", upgrade);
  else upgrade();
})();
