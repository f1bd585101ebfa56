// Trunk post_build hook (runs in $TRUNK_STAGING_DIR). Four jobs, all about the built files:
// 0. Start the app after the static page has painted (see below).
// 1. Content-Security-Policy: allow Trunk's inline loader script by its hash (no
//    'unsafe-inline'), and WebAssembly by 'wasm-unsafe-eval' (no 'unsafe-eval').
// 2. Service worker: the list of every file to precache, and a build id that changes when
//    any file changes (so browsers see a new worker).
// 3. 404.html: a copy of the app page, the single-page fallback static hosts serve for
//    deep links such as /guide/police.
// 4. The lazily loaded wasm chunks and their loader, which scripts/wasm-bindgen-split.mjs
//    made outside Trunk's view: copied in before the precache list is made.
// 5. Minify what the first visit loads (wasm-bindgen's glue, the chunk loader and
//    early.js) with esbuild, before any hash is taken of them (the one stylesheet was
//    bundled and minified before the build, by scripts/pre-build.mjs).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

// An ES module (the glue, the loader) may have its top-level names shortened; a classic
// script (early.js) keeps them, as other scripts may read them.
const minified = (code, loader, module) =>
  transformSync(code, { loader, minify: true, ...(module && { format: 'esm' }) }).code;
const earlyPath = join(dir, 'early.js');
writeFileSync(earlyPath, minified(readFileSync(earlyPath, 'utf8'), 'js', false));

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// The app's glue names the chunk loader it was built with; copy exactly that loader and
// the chunks it names, and fail the build if any is missing (a stale split directory).
// The loader imports the glue, whose hashed name only Trunk knows, so it is filled in here;
// then the loader is named by the hash of its final text (and the glue follows), so a
// cached old loader can never meet a new app. (The glue is imported after the first paint,
// not preloaded, so no integrity hash of it is written: see below.)
const splitDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'target', 'harbour-split');
let chunkCount = 0;
for (const glueName of readdirSync(dir).filter((f) => /^harbour-[0-9a-f]+\.js$/.test(f))) {
  let glue = readFileSync(join(dir, glueName), 'utf8');
  if (glue.includes('__wasm_split_placeholder__')) {
    console.error('post-build: the wasm was not split, so its lazy pages cannot load. Build after `. scripts/setup.sh`, which puts scripts/shim/wasm-bindgen first on PATH.');
    process.exit(1);
  }
  const loader = glue.match(/from ["']\.\/(__wasm_split\.[0-9a-f]+\.js)["']/)?.[1];
  if (!loader) continue;
  if (!existsSync(join(splitDir, loader))) {
    console.error(`post-build: ${loader} is missing from target/harbour-split (was the split step skipped?)`);
    process.exit(1);
  }
  const link = readFileSync(join(splitDir, loader), 'utf8');
  const mainImport = /import \{ initSync \} from "\.\/harbour\.js";/;
  if (!mainImport.test(link)) {
    console.error('post-build: the chunk loader does not import the app in the expected form');
    process.exit(1);
  }
  const linked = link.replace(mainImport, `import { initSync } from "./${glueName}";`);
  const finalLink = minified(linked, 'js', true);
  const finalLoader = `__wasm_split.${createHash('sha256').update(finalLink).digest('hex').slice(0, 22)}.js`;
  writeFileSync(join(dir, finalLoader), finalLink);
  for (const chunk of [...linked.matchAll(/"\.\/([\w-]+\.wasm)"/g)].map((m) => m[1])) {
    if (!existsSync(join(splitDir, chunk))) {
      console.error(`post-build: ${chunk} is missing from target/harbour-split (was the split step skipped?)`);
      process.exit(1);
    }
    copyFileSync(join(splitDir, chunk), join(dir, chunk));
    chunkCount += 1;
  }
  // Only the module the glue imports changes; the key the wasm imports it by stays.
  glue = glue.replaceAll(`from "./${loader}"`, `from "./${finalLoader}"`).replaceAll(`from './${loader}'`, `from './${finalLoader}'`);
  glue = minified(glue, 'js', true);
  writeFileSync(join(dir, glueName), glue);
}

// One render-blocking stylesheet (scripts/pre-build.mjs bundled and minified it, so
// Trunk's integrity hash is already of the final bytes); fail if another creeps in.
const stylesheets = [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]);
if (stylesheets.length !== 1 || !/integrity=/.test(stylesheets[0])) {
  console.error(`post-build: expected exactly one stylesheet with an integrity hash in index.html, found ${stylesheets.length}`);
  process.exit(1);
}

// Paint first, then fetch the app. Trunk preloads the wasm and the app's JavaScript from
// <head>, and its loader imports that JavaScript (and so the chunk loader) statically; on a
// slow connection those downloads compete with the style sheet the first paint waits for,
// and on a fast one the app can replace the static page before it has painted at all. So
// both preloads go, the static import becomes an import() after the wait, and the loader
// waits until the browser has reported the static page's largest paint (Chromium drops that
// report if the app removes the text first), or one painted frame where there is no such
// report (Safari, Firefox), or half a second at most (a tab opened in the background paints
// nothing until it is shown). The static page has the home page's words and a working quick
// exit, so nothing she needs waits for the app. (Measured with Lighthouse's mobile profile:
// with the app's JavaScript fetched before the paint, LCP was 1.21-1.26 s against an FCP of
// 1.06 s; fetched after it, both 1.0 s.)
const afterFirstPaint = [
  'await new Promise((go) => {',
  '  setTimeout(go, 500);',
  "  if ((globalThis.PerformanceObserver?.supportedEntryTypes || []).includes('largest-contentful-paint')) {",
  "    new PerformanceObserver((_, seen) => { seen.disconnect(); go(); }).observe({ type: 'largest-contentful-paint', buffered: true });",
  '  } else {',
  '    requestAnimationFrame(() => setTimeout(go, 0));',
  '  }',
  '});',
].join('\n');
const wasmPreload = /<link rel="preload" href="[^"]+_bg\.wasm"[^>]*>/;
const gluePreload = /<link rel="modulepreload" href="[^"]+\.js"[^>]*>/;
const loaderStart = /(<script type="module">\s*)import init, \* as bindings from ('[^']+');\s*(const wasm = await init\()/;
if (!wasmPreload.test(html) || !gluePreload.test(html) || !loaderStart.test(html)) {
  console.error("post-build: Trunk's loader is not in the expected form (Trunk upgraded?)");
  process.exit(1);
}
html = html
  .replace(wasmPreload, '')
  .replace(gluePreload, '')
  .replace(loaderStart, `$1${afterFirstPaint}\nconst bindings = await import($2);\nconst init = bindings.default;\n$3`);
if (/<link rel="(modulepreload|preload)"/.test(html) || /^\s*import /m.test(html)) {
  console.error('post-build: something is still fetched before the first paint');
  process.exit(1);
}

const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inlineScripts.length === 0) {
  console.error('post-build: no inline loader script found in index.html');
  process.exit(1);
}
const hashes = inlineScripts.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');
if (!html.includes('HARBOUR_CSP')) {
  console.error('post-build: index.html has no HARBOUR_CSP placeholder');
  process.exit(1);
}
html = html.replace('HARBOUR_CSP', csp);
writeFileSync(indexPath, html);
writeFileSync(join(dir, '404.html'), html);

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dir, path).split(sep).join('/'));
  }
};
walk(dir);
const precache = files.filter((f) => f !== 'sw.js' && f !== '404.html').sort();
const build = createHash('sha256');
for (const f of precache) build.update(f).update(readFileSync(join(dir, f)));
const buildId = build.digest('hex').slice(0, 16);

const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace('HARBOUR_BUILD_ID', buildId)
  .replace('HARBOUR_PRECACHE', JSON.stringify(precache));
writeFileSync(swPath, sw);
console.log(`post-build: CSP with ${hashes.length} script hash(es); ${chunkCount} lazy wasm chunks; ${precache.length} files precached; build ${buildId}`);
