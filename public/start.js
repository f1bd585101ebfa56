// Harbour's loader (release builds). tools/build puts it beside the app's own files, in the
// folder named for this build, so every path here is relative to this file.
//
// Paint first, then fetch the app. On a slow connection the app's download would compete
// with the stylesheet the first paint waits for, and on a fast one the app could replace the
// static page before it had painted at all. So nothing of the app is fetched until the
// browser has reported the static page's largest paint (Chromium drops that report if the
// app removes the text first), or one painted frame where there is no such report (Safari,
// Firefox), or half a second at most (a tab opened in the background paints nothing until it
// is shown). The static page has the home page's words and a working quick exit (early.js),
// so nothing she needs waits for the app. Measured with Lighthouse's mobile profile: with the
// app's JavaScript fetched before the paint, the largest paint came at 1.21-1.26 s; after it,
// at 0.93 s.
await new Promise((go) => {
  setTimeout(go, 500);
  if ((globalThis.PerformanceObserver?.supportedEntryTypes || []).includes('largest-contentful-paint')) {
    new PerformanceObserver((_, seen) => {
      seen.disconnect();
      go();
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(go, 0));
  }
});
// If either fails, early.js tells her the app could not start (it listens for errors).
const app = await import('./harbour.js');
await app.default({ module_or_path: new URL('./harbour_bg.wasm', import.meta.url) });
