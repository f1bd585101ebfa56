// Harbour's service worker: makes every file of this build available offline after one
// visit. tools/build fills in the build id and the file list.
// Cache-first for everything of ours; navigations get the cached app page, so any route
// opens offline. A new version installs in the background and waits until she chooses to
// reload (the app shows "A new version of Harbour is ready").
'use strict';

const BUILD = 'HARBOUR_BUILD_ID';
// Empty in a development build (`trunk serve`), which keeps nothing offline.
const PRECACHE = [/* HARBOUR_PRECACHE */];
const CACHE = 'harbour-' + BUILD;
const scope = new URL(self.registration.scope);
const appPage = new URL('index.html', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(new URL(path, scope).href, { cache: 'reload' }))))
      // "Delete everything" may have removed this worker while it was still copying the
      // files: then the copy it just made must go too, or it would outlive the deletion.
      .then(() => {
        if (self.registration.installing !== self.serviceWorker) return caches.delete(CACHE).then(() => Promise.reject(new Error('removed while installing')));
      })
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key.startsWith('harbour-') && key !== CACHE).map((key) => caches.delete(key)))
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Never touch requests to other origins (Harbour makes none).
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  // caches.match with cacheName never creates a cache (caches.open would, which would
  // bring one back after "Delete everything").
  if (request.mode === 'navigate') {
    event.respondWith(caches.match(appPage, { cacheName: CACHE }).then((page) => page || fetch(request)));
    return;
  }
  // Matched by exact address: every file of a build has its own name, and a match that
  // ignores the query has to compare against every cached file (measured: about 100 ms
  // more to reopen /notebook offline, with some 200 files cached). An address with a query
  // is looked up without it.
  const key = url.search ? url.origin + url.pathname : request;
  event.respondWith(caches.match(key, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
