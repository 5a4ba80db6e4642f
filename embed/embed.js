/* Medlive ESG Explorer: auto-height for embedded widgets.
 *
 * Add next to the iframes on the host page (no inline script needed: works under a strict CSP):
 *   <iframe src="https://…/esg/2022/en/embed/ghg/" title="…" style="width:100%;border:0" height="420"></iframe>
 *   <script src="https://…/esg/2022/embed.js" integrity="sha384-…" crossorigin="anonymous" defer></script>
 * The Embed button's snippet carries this file's hash as built (app/build.rs); the server sends
 * CORS for this file, which a cross-origin script with `integrity` needs.
 *
 * A widget posts { type: 'esg-explorer:height', widget: id, height: px } or
 * { 'datawrapper-height': { id: px } } to window.parent. A message resizes an iframe only if
 *   1. event.origin is the origin this script was loaded from;
 *   2. it comes from that iframe's own window (iframe.contentWindow === event.source);
 *   3. the iframe's src (resolved against document.baseURI) is on that origin, under this
 *      script's directory BASE, and is a widget URL, any other query allowed:
 *        BASE?embed=<id>  (legacy link; also BASE + index.html?embed=<id>)
 *        BASE + en/embed/<id>/ or zh-hant/embed/<id>/  (static page; also …/<id>/index.html)
 *      where <id> is kebab-case [a-z0-9-]+;
 *   4. the message names that same <id> (the single key of a datawrapper-height object);
 *   5. the height is a finite number > 0 (anything else is ignored); it is clamped to 100–10,000 px.
 * data-esg-explorer is neither needed nor enough. Why: other pages on the explorer's origin, other
 * sites and a widget speaking for another one must not be able to collapse or blow up the host's
 * frames (security review, issue 13); the clamp keeps even a misbehaving widget usable.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || typeof URL !== 'function') return;
  var base = new URL('.', script.src);
  var origin = base.origin;
  var basePath = base.pathname;
  var ID = /^[a-z0-9-]+$/;
  var PAGE = /^(?:en|zh-hant)\/embed\/([a-z0-9-]+)\/(?:index\.html)?$/;
  var MIN = 100;
  var MAX = 10000;

  // The widget id an iframe's src names, or null if it is not one of our widget URLs.
  function widgetOf(frame) {
    var url;
    try { url = new URL(frame.getAttribute('src') || '', document.baseURI); } catch (e) { return null; }
    if (url.origin !== origin) return null;
    if (url.pathname.indexOf(basePath) !== 0) return null;
    var rest = url.pathname.slice(basePath.length);
    var m = PAGE.exec(rest);
    if (m) return m[1];
    if (rest === '' || rest === 'index.html') {
      var ids = url.searchParams.getAll('embed');
      if (ids.length === 1 && ID.test(ids[0])) return ids[0];
    }
    return null;
  }

  // { widget, height } from either message shape, or null.
  function parse(data) {
    if (!data || typeof data !== 'object') return null;
    if (data.type === 'esg-explorer:height') return { widget: data.widget, height: data.height };
    var dw = data['datawrapper-height'];
    if (dw && typeof dw === 'object') {
      var keys = Object.keys(dw);
      if (keys.length === 1) return { widget: keys[0], height: dw[keys[0]] };
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var msg = parse(event.data);
    if (!msg) return;
    var h = msg.height;
    if (typeof h !== 'number' || !isFinite(h) || h <= 0) return;
    h = Math.min(MAX, Math.max(MIN, Math.ceil(h)));
    var all = document.getElementsByTagName('iframe');
    for (var i = 0; i < all.length; i++) {
      var f = all[i];
      if (f.contentWindow !== event.source) continue;
      var id = widgetOf(f);
      if (id === null || id !== msg.widget) continue;
      f.style.height = h + 'px';
      f.setAttribute('height', String(h));
    }
  });
})();
