/*! article-embed frame host: sizes each iframe of frame.html on this page to
 * the height it posts ({type: "article-embed:height", src, height}); see
 * docs/embedding.md, "Iframes". Include it once, anywhere on the page.
 */
(function () {
  "use strict";
  var frames = document.getElementsByTagName("iframe");
  addEventListener("message", function (e) {
    var m = e.data;
    if (!m || m.type !== "article-embed:height" || typeof m.height !== "number" || !(m.height >= 0)) return;
    for (var i = 0; i < frames.length; i++) {
      // Only the frame that sent it, and only its height attribute.
      if (frames[i].contentWindow === e.source) frames[i].height = String(Math.min(Math.ceil(m.height), 100000));
    }
  });
  // Frames that rendered before this script ran post their height again.
  for (var i = 0; i < frames.length; i++) {
    if (/(^|\/)frame\.html$/.test(new URL(frames[i].src || "about:blank", document.baseURI).pathname)) {
      frames[i].contentWindow.postMessage({ type: "article-embed:ready" }, "*");
    }
  }
})();
