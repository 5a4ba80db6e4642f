/* Boot: download the app after the pre-rendered page has painted, start it when the reader
   first reaches for the page, and never leave a blank page.

   The build (esg-prerender, a trunk post_build hook) removes trunk's inline module loader
   and its preload links from index.html and puts what they named on this script's tag:
     data-glue, data-glue-integrity     the wasm-bindgen JS module and its SRI hash
     data-wasm, data-wasm-integrity     the .wasm and its SRI hash
     data-charts, data-charts-integrity the ECharts bundle and its SRI hash
     data-svg                           the chart pictures' folder, which holds options.json
     data-page                          this page's path
   Why: nothing heavy is requested before the first paint and the page's `load`, so the
   static page is the largest paint (LCP) and the wasm download does not compete with it
   (Lighthouse's simulated LCP counts every request started before the observed LCP).
   When the app starts, and what carries over from the static page: see the end.
   ECharts and the charts' options are fetched by window.esgCharts, which the app calls when a
   chart near the screen goes live.
   A file, not inline, so the strict CSP needs no exception; trunk adds its SRI hash.
   ECharts is fetched only after the reader first interacts: until then every chart is its
   static picture, drawn at build time (scripts/chart-svgs.mjs).

   Failure: any uncaught error once the app was asked to start, while the static page is
   still up, means the app did not start: show the page's bilingual error note. After the
   app has mounted (it removes #prerender), its own panic hook shows the note instead. */
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
  var started = false;
  /** Shows the page's error note, if the app was asked to start and has not taken over. */
  function onFailure() {
    if (!started || !booting()) return;
    var el = document.getElementById('load-error');
    if (el) el.hidden = false;
  }
  window.addEventListener('error', onFailure, true);
  window.addEventListener('unhandledrejection', onFailure);

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

  var glue = null;
  var wasm = null;
  /** Downloads the glue and the .wasm (with their SRI hashes) without running them, so the
      reader's first interaction does not wait for the network. Errors wait for start(). */
  function prefetch() {
    if (glue || !attr('glue') || !attr('wasm')) return;
    glue = preloadModule(url('glue'), attr('glue-integrity'));
    wasm = fetch(url('wasm'), { integrity: attr('wasm-integrity'), credentials: 'same-origin' });
    glue.catch(function () {});
    wasm.catch(function () {});
  }

  function start() {
    if (started || !attr('glue') || !attr('wasm')) return; // once; not on an unbuilt page
    started = true;
    prefetch();
    // A start that never finishes (a stalled download) is a failure too.
    setTimeout(onFailure, 20000);
    var glueUrl = url('glue');
    glue
      .then(function () {
        return import(glueUrl);
      })
      .then(function (m) {
        return m.default({ module_or_path: wasm });
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

  /** What the reader did on the static page carries over to the app's view when it takes
      over (it mounts the same components, so each element has its twin at the same place):
      the focus, typed text, ticked boxes, opened <details>, the last button pressed, which
      is pressed again, and a tap on a chart's picture, which its live chart answers. A twin must have the same tag (a button, the same text) or it
      is left alone; a twin of a block the app adds a frame later is looked for again. */
  function carryOver() {
    // boot.js runs in <head>: the static page is there from DOMContentLoaded.
    if (document.readyState === 'loading') return document.addEventListener('DOMContentLoaded', carryOver);
    var root = document.getElementById('prerender');
    if (!root || !window.MutationObserver) return;
    var focused = document.activeElement;
    var pressed = null;
    document.addEventListener('focusin', function (e) {
      focused = e.target;
    }, true);
    document.addEventListener('click', function (e) {
      var b = e.target && e.target.closest && e.target.closest('button, [role="button"], [role="tab"]');
      if (b && root.contains(b)) pressed = b;
    }, true);
    // A tap on a chart's picture: the live chart answers it with that bar's tooltip.
    var tapped = null;
    document.addEventListener('pointerdown', function (e) {
      var c = e.target && e.target.closest && e.target.closest('div.chart');
      if (c && root.contains(c)) tapped = { el: c, x: e.clientX, y: e.clientY, type: e.pointerType };
    }, true);
    /** `el`'s element-child indices from `root` down. */
    function pathOf(el) {
      var path = [];
      for (; el && el !== root; el = el.parentElement) {
        var i = 0;
        for (var s = el.previousElementSibling; s; s = s.previousElementSibling) i++;
        path.unshift(i);
      }
      return el === root ? path : null;
    }
    /** The app's element at the same place as `el` was in the static page, or null. */
    function twin(el) {
      var path = pathOf(el);
      var tops = Array.prototype.filter.call(document.body.children, function (e) {
        return e.id !== 'load-error' && e.tagName !== 'SCRIPT';
      });
      var t = path && tops[path[0]];
      for (var i = 1; t && path && i < path.length; i++) t = t.children[path[i]];
      if (!t || t.tagName !== el.tagName) return null;
      if (el.tagName === 'BUTTON' && t.textContent !== el.textContent) return null;
      return t;
    }
    var todo = [];
    function later(el, apply) {
      todo.push({ el: el, apply: apply });
    }
    function settle(frames) {
      todo = todo.filter(function (job) {
        var t = twin(job.el);
        if (t) job.apply(t);
        return !t;
      });
      if (todo.length && frames > 0) requestAnimationFrame(function () { settle(frames - 1); });
    }
    function changed(t, type) {
      t.dispatchEvent(new Event(type, { bubbles: true }));
    }
    var observer = new MutationObserver(function () {
      if (root.isConnected) return;
      observer.disconnect();
      Array.prototype.forEach.call(root.querySelectorAll('input, textarea, select, details'), function (el) {
        if (el.tagName === 'DETAILS') {
          if (el.open) later(el, function (t) { t.open = true; });
        } else if (el.type === 'checkbox' || el.type === 'radio') {
          if (el.checked !== el.defaultChecked) later(el, function (t) { t.checked = el.checked; changed(t, 'change'); });
        } else if (el.tagName === 'SELECT' || el.value !== el.defaultValue) {
          later(el, function (t) { if (t.value !== el.value) { t.value = el.value; changed(t, 'input'); changed(t, 'change'); } });
        }
      });
      if (focused && root.contains(focused)) {
        var f = focused;
        later(f, function (t) {
          t.focus({ preventScroll: true });
          try { t.setSelectionRange(f.selectionStart, f.selectionEnd); } catch (e) { /* not a text field */ }
        });
      }
      if (pressed) later(pressed, function (t) { t.click(); });
      if (tapped) {
        var tap = tapped;
        later(tap.el, function (t) {
          t.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: tap.x, clientY: tap.y, pointerType: tap.type }));
        });
      }
      settle(120);
    });
    observer.observe(document.body, { childList: true });
  }

  /* When the app starts. The static page is the whole view, readable as it is: the app adds
     what needs code (live charts, sorting, table mode, search, the board's date, share and
     PNG). Its mount is one task of 40-100 ms on a fast machine, four times that on a phone,
     so it runs when the reader first reaches for the page (a touch, click, key, mouse move
     or wheel turn), not while they read the first screen. The download happens when the
     page is idle after the first paint and `load`, so that first interaction waits for no
     network.
     At once, after the first paint and `load`, on a page the static HTML cannot show whole:
     a widget (it tells the annual-report page its height) and a link that asks for a state
     (?kpi=, ?mode=table …: a key of esg_explorer::url::STATE_KEYS). */
  var INTENT = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'wheel'];
  var wanted = attr('page').indexOf('/embed/') > 0 || asksForState();
  var ready = false;
  function asksForState() {
    // esg_explorer::url::STATE_KEYS (a test there checks that this list is the same).
    var keys = ['view', 'kpi', 'mode', 'measure', 'lang', 'embed', 'group', 'asof'];
    var q = new URLSearchParams(location.search);
    for (var i = 0; i < keys.length; i++) if (q.has(keys[i])) return true;
    return false;
  }
  function onIntent() {
    for (var i = 0; i < INTENT.length; i++) window.removeEventListener(INTENT[i], onIntent, true);
    // The app's charts go live after the first interaction (app/src/browser.rs reads this).
    document.documentElement.setAttribute('data-interacted', '');
    wanted = true;
    if (ready) start();
  }
  for (var i = 0; i < INTENT.length; i++) window.addEventListener(INTENT[i], onIntent, { capture: true, passive: true });
  afterFirstPaintAndLoad(function () {
    ready = true;
    if (wanted) return start();
    // The download is a guess at what the reader will do: at idle, so that it never
    // competes with the first screen's last paint (Lighthouse's simulated LCP counts every
    // request started before it).
    if (window.requestIdleCallback) window.requestIdleCallback(prefetch, { timeout: 2000 });
    else setTimeout(prefetch, 200);
  });
  carryOver();
})();
