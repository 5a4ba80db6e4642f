/* Boot: start the app only after the pre-rendered page has painted, and never leave a
   blank page.

   The build (esg-prerender, a trunk post_build hook) removes trunk's inline module loader
   and its preload links from index.html and puts what they named on this script's tag:
     data-glue, data-glue-integrity     the wasm-bindgen JS module and its SRI hash
     data-wasm, data-wasm-integrity     the .wasm and its SRI hash
     data-charts, data-charts-integrity the ECharts bundle and its SRI hash
     data-svg                           the chart pictures' folder, which holds options.json
   Why: nothing heavy is requested before the first paint and the page's `load`, so the
   static page is the largest paint (LCP) and the wasm download does not compete with it
   (Lighthouse's simulated LCP counts every request started before the observed LCP).
   ECharts and the charts' options are fetched by window.esgCharts, which the app calls when a
   chart near the screen goes live.
   A file, not inline, so the strict CSP needs no exception; trunk adds its SRI hash.
   ECharts is fetched only after the reader first interacts: until then every chart is its
   static picture, drawn at build time (scripts/chart-svgs.mjs).

   Failure: any uncaught error while the static page is still up means the app did not
   start: show the page's bilingual error note. After the app has mounted (it removes
   #prerender), its own panic hook shows the note instead. */
(function () {
  'use strict';
  var me = document.currentScript;
  function attr(name) {
    return (me && me.getAttribute('data-' + name)) || '';
  }

  /* The site root's old query links (?view=board&lang=en, ?embed=ghg) and English-preferring
     browsers go to their own static page (explorer/src/pages.rs) before the body is parsed.
     Loaded without defer, in <head>, so this runs first; <html data-redirect> hides the
     root's own page meanwhile (style/main.css): no other view or language is ever painted.
     The same rules as the app's (esg_explorer::url::parse_lang, negotiate_lang, UrlState):
     the first valid value of a repeated key wins. */
  function parseLang(tag) {
    var t = String(tag || '').trim().toLowerCase();
    if (/^(zh|zh-hant|zh-hk|zh-tw|zh-mo)$/.test(t) || t.indexOf('zh-hant-') === 0) return 'zh-hant';
    if (t === 'en' || t.indexOf('en-') === 0) return 'en';
    return null;
  }
  function firstOf(values, read) {
    for (var i = 0; i < values.length; i++) {
      var v = values[i].length <= 192 ? read(values[i].trim()) : null;
      if (v) return v;
    }
    return null;
  }
  function entryPage() {
    var q = new URLSearchParams(location.search);
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    var lang = firstOf(q.getAll('lang'), parseLang) || firstOf(Array.prototype.slice.call(langs), parseLang) || 'zh-hant';
    var views = attr('views').split(' ');
    var widgets = attr('widgets').split(' ');
    var view = firstOf(q.getAll('view'), function (v) {
      return views.indexOf(v) >= 0 ? v : null;
    });
    var embed = firstOf(q.getAll('embed'), function (v) {
      return v.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) || null;
    });
    // An unknown widget has no page: the app says so here, listing the known ones.
    if (embed && widgets.indexOf(embed) < 0) return null;
    var path = lang + '/';
    if (embed) path += 'embed/' + embed + '/';
    else if (view && view !== 'overview') path += view + '/';
    if (path === 'zh-hant/') return null; // this page
    q.delete('view');
    q.delete('lang');
    q.delete('embed');
    var rest = q.toString();
    return path + (rest ? '?' + rest : '') + location.hash;
  }
  if (me && me.hasAttribute('data-entry')) {
    try {
      var target = entryPage();
      if (target) {
        document.documentElement.setAttribute('data-redirect', '');
        location.replace(target);
        return;
      }
    } catch (e) {
      /* no URLSearchParams: the root's own page */
    }
  }

  // boot.js's own URL, read now: script.src resolves against the address bar when read,
  // and the app changes the address bar's path as the reader moves between views.
  var here = me ? me.src : location.href;
  /** The absolute URL of the file this tag names in data-`name` (next to boot.js). */
  function url(name) {
    return new URL(attr(name), here).href;
  }
  function booting() {
    return !!document.getElementById('prerender');
  }
  function onFailure() {
    if (!booting()) return;
    var el = document.getElementById('load-error');
    if (el) el.hidden = false;
  }
  window.addEventListener('error', onFailure, true);
  window.addEventListener('unhandledrejection', onFailure);
  // A start that never finishes (a stalled download) is a failure too.
  window.addEventListener('load', function () {
    setTimeout(onFailure, 20000);
  });

  /** Adds <link rel=modulepreload> with the glue's SRI hash: the import below then uses
      the checked module (dynamic import() itself takes no integrity). */
  function preloadModule(href, integrity) {
    return new Promise(function (resolve, reject) {
      var l = document.createElement('link');
      l.rel = 'modulepreload';
      l.href = href;
      l.crossOrigin = 'anonymous';
      if (integrity) l.integrity = integrity;
      l.onload = resolve;
      l.onerror = function () {
        reject(new Error('could not load ' + href));
      };
      document.head.appendChild(l);
    });
  }

  function start() {
    if (!attr('glue') || !attr('wasm')) return; // not a built page
    var glueUrl = url('glue');
    var wasmUrl = url('wasm');
    var wasmResponse = fetch(wasmUrl, { integrity: attr('wasm-integrity'), credentials: 'same-origin' });
    preloadModule(glueUrl, attr('glue-integrity'))
      .then(function () {
        return import(glueUrl);
      })
      .then(function (m) {
        return m.default({ module_or_path: wasmResponse });
      })
      .catch(function (e) {
        onFailure();
        throw e;
      });
  }

  var charts = null;
  /** Loads ECharts once (with its SRI hash) and, beside it, every chart's option (the
      options.json that scripts/chart-svgs.mjs writes in the pictures' hashed folder, so a
      copy is never stale): the wasm carries no options, a live chart is the only reader.
      Resolves when window.echarts and window.esgOptions are there. */
  window.esgCharts = function () {
    if (window.echarts && window.esgOptions) return Promise.resolve();
    if (charts) return charts;
    var script = new Promise(function (resolve, reject) {
      if (window.echarts) return resolve();
      var s = document.createElement('script');
      s.src = url('charts');
      var integrity = attr('charts-integrity');
      if (integrity) {
        s.integrity = integrity;
        s.crossOrigin = 'anonymous';
      }
      s.onload = function () {
        resolve();
      };
      s.onerror = function () {
        reject(new Error('could not load ' + s.src));
      };
      document.head.appendChild(s);
    });
    var options = fetch(url('svg') + 'options.json', { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('could not load ' + r.url);
      return r.json().then(function (o) {
        window.esgOptions = o;
      });
    });
    charts = Promise.all([script, options]).catch(function (e) {
      charts = null; // a later chart may try again
      throw e;
    });
    return charts;
  };

  /** Runs `go` once the page has painted its content and its first pictures have loaded
      (the `load` event), so the wasm download never competes with what the reader sees
      first: the largest paint may be a chart picture that is still loading at the first
      paint. An animation frame is not enough: the first frame may paint nothing yet. A page
      that does not paint (a hidden tab, an offscreen embed) or a browser without paint
      timing starts a second after `load`. */
  function afterFirstPaintAndLoad(go) {
    var painted = false;
    var loaded = document.readyState === 'complete';
    var started = false;
    function maybe() {
      if (started || !painted || !loaded) return;
      started = true;
      setTimeout(go, 0);
    }
    try {
      var observer = new PerformanceObserver(function (list) {
        if (list.getEntriesByName('first-contentful-paint').length) {
          observer.disconnect();
          painted = true;
          maybe();
        }
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch (e) {
      /* no paint timing: the timer below stands in for it */
    }
    function onLoad() {
      loaded = true;
      maybe();
      setTimeout(function () {
        painted = true;
        maybe();
      }, 1000);
    }
    if (loaded) onLoad();
    else window.addEventListener('load', onLoad);
  }

  afterFirstPaintAndLoad(start);
})();
