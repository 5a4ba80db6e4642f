/* Medlive ESG Explorer: auto-height for embedded widgets.
 *
 * Add next to the iframes on the host page:
 *   <iframe src="https://…/esg/2022/?embed=ghg&lang=en" data-esg-explorer …></iframe>
 *   <script src="https://…/esg/2022/embed.js" defer></script>
 * No inline script needed (works under a strict CSP). Heights are accepted only from the
 * origin this script was loaded from, and only from one of the explorer's own iframes.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL('.', script.src);
  var origin = base.origin;

  function frames() {
    var out = [];
    var all = document.getElementsByTagName('iframe');
    for (var i = 0; i < all.length; i++) {
      var f = all[i];
      var src = f.getAttribute('src') || '';
      var url;
      try { url = new URL(src, document.baseURI); } catch (e) { continue; }
      if (f.hasAttribute('data-esg-explorer') || (url.origin === origin && url.pathname.indexOf(base.pathname) === 0)) {
        if (url.origin === origin) out.push(f);
      }
    }
    return out;
  }

  function heightOf(data) {
    if (!data || typeof data !== 'object') return null;
    if (data.type === 'esg-explorer:height' && typeof data.height === 'number') return data.height;
    var dw = data['datawrapper-height'];
    if (dw && typeof dw === 'object') {
      for (var k in dw) if (typeof dw[k] === 'number') return dw[k];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var h = heightOf(event.data);
    if (h === null || !(h > 0) || h > 20000) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === event.source) {
        list[i].style.height = Math.ceil(h) + 'px';
        list[i].setAttribute('height', String(Math.ceil(h)));
      }
    }
  });
})();
