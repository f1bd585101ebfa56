// Runs before Harbour's app (wasm) loads, and looks after the static page until it does.
// 1. Discreet mode: the app's clear settings say whether to show a neutral name and icon, so
//    apply them before anything is drawn, and cover the page with a plain "Notes" page
//    until she chooses to open it (otherwise "Harbour" shows while the app loads).
// 2. Quick exit before the app starts: the static link and Shift pressed three times leave
//    the way the app does (to her chosen site, replacing this page in the history). Once
//    the app has started it handles both itself, so nothing here acts twice.
// 3. If the app fails to start, say so instead of leaving a page that does nothing.
(function () {
  'use strict';
  var root = document.documentElement;
  var exitUrl = 'https://www.bbc.co.uk/weather';
  var started = function () {
    return root.classList.contains('app-started');
  };
  try {
    var raw = window.localStorage.getItem('harbour');
    var saved = raw ? JSON.parse(raw) : null;
    var settings = saved && saved.public;
    // The app accepts only an https address without spaces; anything else is not hers.
    if (settings && typeof settings.exit_url === 'string' && /^https:\/\/\S+$/.test(settings.exit_url)) {
      exitUrl = settings.exit_url;
    }
    if (settings && settings.discreet === true) {
      // app-covered is remembered only on the page: the app starts covered if it is still here.
      root.classList.add('app-discreet', 'app-covered');
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

  // Leave at once: hide and empty the page, tell other Harbour tabs, and go, replacing this
  // page in the history so Back does not return to it.
  var leave = function () {
    root.classList.add('app-exiting');
    document.title = '';
    if (document.body) document.body.innerHTML = '';
    try {
      var channel = new BroadcastChannel('harbour');
      channel.postMessage('exit');
      channel.close();
    } catch (e) {
      // No other tabs can be told; this one still leaves.
    }
    window.location.replace(exitUrl);
  };
  document.addEventListener('click', function (event) {
    if (started() || !event.target || !event.target.closest) return;
    if (event.target.closest('#app-static .app-exit')) {
      event.preventDefault();
      leave();
    } else if (event.target.closest('#app-cover-open')) {
      root.classList.remove('app-covered');
      var main = document.getElementById('main');
      if (main) main.focus();
    }
  });

  // Shift on its own three times, each within 5 seconds of the last; Shift with another key
  // does not count, and any other key starts again (as src/domain/exit_shortcut.rs).
  var count = 0;
  var last = 0;
  var held = false;
  var withOther = false;
  var say = function (text) {
    var status = document.getElementById('app-static-status');
    if (status) status.textContent = text;
  };
  var times = function (n) {
    return n === 1 ? 'time' : 'times';
  };
  window.addEventListener('keydown', function (event) {
    if (started()) return;
    if (event.key === 'Shift') {
      if (!event.repeat && !held) {
        held = true;
        withOther = false;
      }
    } else {
      if (held) withOther = true;
      count = 0;
    }
  }, true);
  window.addEventListener('keyup', function (event) {
    if (started() || event.key !== 'Shift') return;
    held = false;
    if (withOther) return;
    var now = Date.now();
    if (count > 0 && now - last > 5000) count = 0;
    count += 1;
    last = now;
    if (count >= 3) {
      count = 0;
      leave();
      return;
    }
    say('Shift pressed ' + count + ' ' + times(count) + '. Press Shift ' + (3 - count) + ' more ' + times(3 - count) + ' to leave this page.');
    window.setTimeout(function () {
      if (count > 0 && Date.now() - last >= 5000) {
        count = 0;
        say('Quick exit cancelled.');
      }
    }, 5050);
  }, true);

  var failed = function () {
    if (started()) return;
    var box = document.getElementById('app-failed');
    if (box) box.hidden = false;
  };
  window.addEventListener('error', function () {
    // Only failures to load or compile the app itself, not errors inside a running app.
    if (!started()) failed();
  });
  window.addEventListener('unhandledrejection', function () {
    if (!started()) failed();
  });
  window.setTimeout(failed, 20000);
})();
