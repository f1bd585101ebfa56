// Runs before Harbour's app (wasm) loads. Two jobs only:
// 1. Discreet mode: the app's clear settings say whether to show a neutral name and icon, so
//    apply them before anything is drawn (otherwise "Harbour" shows while the app loads).
// 2. If the app fails to start, say so instead of leaving a page that does nothing.
(function () {
  'use strict';
  var root = document.documentElement;
  try {
    var raw = window.localStorage.getItem('harbour');
    var envelope = raw ? JSON.parse(raw) : null;
    if (envelope && envelope.public && envelope.public.discreet === true) {
      root.classList.add('app-discreet');
      document.title = 'Notes';
      var swap = function (id, attr, value) {
        var el = document.getElementById(id);
        if (el) el.setAttribute(attr, value);
      };
      swap('app-favicon', 'href', 'icons/notes.svg');
      swap('app-touch-icon', 'href', 'icons/notes-180.png');
      swap('app-manifest', 'href', 'manifest-discreet.webmanifest');
    }
  } catch (e) {
    // Storage blocked or unreadable: the app explains; nothing to do here.
  }
  var failed = function () {
    if (root.classList.contains('app-started')) return;
    var box = document.getElementById('app-failed');
    if (box) box.hidden = false;
  };
  window.addEventListener('error', function (event) {
    // Only failures to load or compile the app itself, not errors inside a running app.
    if (!root.classList.contains('app-started')) failed();
  });
  window.addEventListener('unhandledrejection', function () {
    if (!root.classList.contains('app-started')) failed();
  });
  window.setTimeout(failed, 20000);
})();
