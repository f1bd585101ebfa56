// Harbour's figures (not tests): first-visit bytes, Lighthouse mobile scores, offline reopen
// time. Prints a table; scripts/bench.sh adds the autosave timing from the wasm benchmark.
// Usage: node scripts/bench.mjs   (after `harbour-build release`)
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { startServer } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Lighthouse launches its own Chromium; these flags are the ones that run it reliably here.
const LH_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage';
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const sizes = (buf) => ({ raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, br: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });

const server = await startServer(dist, 0, { compress: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });

// 1. What a first visit to / fetches (the page's own requests, before the service worker
//    precaches the rest), and what the precache adds.
const context = await browser.newContext();
const page = await context.newPage();
const fetched = new Set();
page.on('request', (r) => fetched.add(new URL(r.url()).pathname.replace(/^\//, '') || 'index.html'));
await page.goto(server.url, { waitUntil: 'networkidle' });
await page.waitForFunction(() => document.documentElement.classList.contains('app-started'));
const precache = JSON.parse(readFileSync(join(dist, 'sw.js'), 'utf8').match(/const PRECACHE = (\[.*?\]);/)[1]);
console.log('\nFirst visit to / (files the page itself loads)');
console.log('file'.padEnd(44), '    raw KB', '   gzip KB', ' brotli KB');
let total = { raw: 0, gzip: 0, br: 0 };
for (const file of [...fetched].sort()) {
  let buf;
  try {
    buf = readFileSync(join(dist, file));
  } catch {
    continue;
  }
  const s = sizes(buf);
  for (const k of Object.keys(total)) total[k] += s[k];
  console.log(file.padEnd(44), kb(s.raw), '  ', kb(s.gzip), '  ', kb(s.br));
}
console.log('TOTAL first visit'.padEnd(44), kb(total.raw), '  ', kb(total.gzip), '  ', kb(total.br));
let all = { raw: 0, gzip: 0, br: 0 };
for (const file of precache) {
  const s = sizes(readFileSync(join(dist, file)));
  for (const k of Object.keys(all)) all[k] += s[k];
}
console.log(`Everything precached for offline (${precache.length} files)`.padEnd(44), kb(all.raw), '  ', kb(all.gzip), '  ', kb(all.br));

// The content's own share: everything build.rs compiled from content/ (guide HTML, glossary,
// services, plan and children's text), as the Rust source it generates.
{
  const { readdirSync: ls, statSync: st } = await import('node:fs');
  const builds = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'build');
  const generated = ls(builds)
    .filter((d) => d.startsWith('harbour-'))
    .map((d) => join(builds, d, 'out', 'content.rs'))
    .filter((f) => { try { return st(f).isFile(); } catch { return false; } })
    .sort((a, b) => st(b).mtimeMs - st(a).mtimeMs)[0];
  if (generated) {
    const s = sizes(readFileSync(generated));
    console.log('Content compiled from content/ (generated Rust)'.padEnd(44), kb(s.raw), '  ', kb(s.gzip), '  ', kb(s.br));
    // The budgets in the issues: the shell at most 150 KB brotli; with the guide, at most
    // that plus the content's own brotli size.
    const verdict = (limit) => `${kb(total.br).trim()} KB of ${kb(limit).trim()} KB: ${total.br <= limit ? 'within' : 'over'}`;
    console.log(`Budget, shell alone (150 KB brotli)`.padEnd(44), verdict(150 * 1024));
    console.log(`Budget, shell plus content (150 + ${kb(s.br).trim()} KB)`.padEnd(44), verdict(150 * 1024 + s.br));
  }
}

// 1b. Opening Harbour with notes saved: the shell also fetches the store codec chunk (and
//     the chunks it shares with pages) to read them. After the first visit these come from
//     the service worker's cache on the phone; counted here from the network, uncached.
{
  const saved = readFileSync(join(root, 'tests', 'fixtures', 'schema-5.json'), 'utf8');
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const p = await ctx.newPage();
  await p.goto(server.url);
  await p.evaluate((text) => localStorage.setItem('harbour', text), saved);
  const more = new Set();
  p.on('request', (r) => more.add(new URL(r.url()).pathname.replace(/^\//, '') || 'index.html'));
  await p.reload({ waitUntil: 'networkidle' });
  await p.waitForFunction(() => document.documentElement.classList.contains('app-started'));
  let extra = { raw: 0, br: 0, files: 0 };
  for (const file of more) {
    if (fetched.has(file)) continue;
    const s = sizes(readFileSync(join(dist, file)));
    extra = { raw: extra.raw + s.raw, br: extra.br + s.br, files: extra.files + 1 };
  }
  console.log(`Opening with notes saved: ${extra.files} more files (the codec and what it shares), ${kb(extra.raw).trim()} KB raw, ${kb(extra.br).trim()} KB brotli`);
  await ctx.close();
}

// 2. Offline reopen: after one visit, how long until the app runs with the network off.
await page.evaluate(async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
});
await context.setOffline(true);
const reopen = [];
for (let i = 0; i < 7; i++) {
  const start = Date.now();
  await page.goto(server.url + 'notebook');
  await page.waitForFunction(() => document.documentElement.classList.contains('app-started') && document.querySelector('footer'));
  reopen.push(Date.now() - start);
}
reopen.sort((a, b) => a - b);
console.log(`\nOffline reopen of /notebook (7 runs): median ${reopen[3]} ms, min ${reopen[0]} ms, max ${reopen[6]} ms`);
// 3. Unlock time with the passphrase lock on (PBKDF2-SHA256, 600,000 iterations), and how
//    soon quick exit blanks the page after the third Shift.
await context.setOffline(false);
const lockPage = await context.newPage();
await lockPage.goto(server.url + 'settings');
await lockPage.waitForFunction(() => document.documentElement.classList.contains('app-started') && document.querySelector('footer'));
await lockPage.getByLabel('Choose a passphrase', { exact: true }).fill('kettle blue garden');
await lockPage.getByLabel('Type it again').fill('kettle blue garden');
await lockPage.getByRole('button', { name: 'Turn on the lock' }).click();
await lockPage.getByRole('button', { name: 'Lock now' }).waitFor();
const unlocks = [];
for (let i = 0; i < 5; i++) {
  await lockPage.getByRole('button', { name: 'Lock now' }).click();
  await lockPage.getByLabel('Passphrase').fill('kettle blue garden');
  const start = Date.now();
  await lockPage.getByRole('button', { name: 'Open' }).click();
  await lockPage.getByRole('button', { name: 'Lock now' }).waitFor();
  unlocks.push(Date.now() - start);
}
unlocks.sort((a, b) => a - b);
console.log(`Unlock (5 runs): median ${unlocks[2]} ms, max ${unlocks[4]} ms`);
await lockPage.evaluate(() => {
  window.__t = {};
  // The app's own key listener runs first on keyup, so time from the keydown.
  addEventListener('keydown', (e) => { if (e.key === 'Shift') window.__t.last = performance.now(); }, true);
  new MutationObserver(() => { if (document.documentElement.classList.contains('app-exiting')) window.__t.blank ??= performance.now(); }).observe(document.documentElement, { attributes: true });
});
await lockPage.route('https://www.bbc.co.uk/**', (r) => r.fulfill({ body: 'ok' }));
await lockPage.keyboard.press('Shift');
await lockPage.keyboard.press('Shift');
const blank = lockPage.evaluate(() => new Promise((ok) => { const poll = () => (window.__t.blank ? ok(window.__t.blank - window.__t.last) : setTimeout(poll, 1)); poll(); })).catch(() => null);
await lockPage.keyboard.press('Shift');
const blankMs = await blank;
console.log(`Quick exit by Shift x3: page blanked ${blankMs === null ? '(page left before it could be read)' : blankMs.toFixed(1) + ' ms'} after the third press went down`);
await browser.close();

// 4. Lighthouse, mobile (its default: simulated slow 4G and a 4x slower CPU).
const out = join(mkdtempSync(join(tmpdir(), 'harbour-lh-')), 'report.json');
const lighthouse = join(root, 'node_modules', '.bin', 'lighthouse');
const runs = [];
for (let i = 0; i < 3; i++) {
  // Asynchronous: the static server runs in this process and must keep answering.
  await promisify(execFile)(lighthouse, [server.url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${LH_FLAGS}`], {
    timeout: 300000,
    env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' },
  });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  runs.push({
    performance: r.categories.performance.score * 100,
    accessibility: r.categories.accessibility.score * 100,
    bestPractices: r.categories['best-practices'].score * 100,
    lcp: r.audits['largest-contentful-paint'].numericValue,
    tbt: r.audits['total-blocking-time'].numericValue,
    fcp: r.audits['first-contentful-paint'].numericValue,
  });
}
await server.close();
console.log('\nLighthouse 12, mobile (3 runs)');
for (const [i, r] of runs.entries()) {
  console.log(`run ${i + 1}: performance ${r.performance}, accessibility ${r.accessibility}, best practices ${r.bestPractices}, FCP ${(r.fcp / 1000).toFixed(2)} s, LCP ${(r.lcp / 1000).toFixed(2)} s, TBT ${Math.round(r.tbt)} ms`);
}
writeFileSync(join(root, 'target', 'bench-lighthouse.json'), JSON.stringify(runs, null, 2));
