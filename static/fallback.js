/* Never a blank page: if a script or the WebAssembly module fails to load or start, show
   the pre-rendered page's error note (bilingual text already in the page). Any uncaught
   error while the static page is still up means the app did not start; after the app has
   mounted (it removes #prerender), its own panic hook shows the note instead.
   A separate file, not inline, so the strict CSP needs no exception. */
(function () {
  'use strict';
  function booting() {
    return !!document.getElementById('prerender');
  }
  function show() {
    var el = document.getElementById('load-error');
    if (el) el.hidden = false;
  }
  function onFailure() {
    if (booting()) show();
  }
  window.addEventListener('error', onFailure, true);
  window.addEventListener('unhandledrejection', onFailure);
  // A start that never finishes (a stalled download) is a failure too.
  window.addEventListener('load', function () {
    setTimeout(onFailure, 20000);
  });
})();
