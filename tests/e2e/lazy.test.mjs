// Code splitting: the first visit fetches only the shell's wasm; each area of Harbour
// (guide, safety plan, children, services, notebook, settings) is a chunk fetched when she
// first opens it, and a chunk that cannot be fetched gets a clear message, never a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, appReady, watchedPage, axe, stored, waitStored } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

const wasmFiles = (requests) => requests.filter((u) => u.endsWith('.wasm')).map((u) => new URL(u).pathname.slice(1));

test('the home page loads only the shell; an area loads its own chunk when opened', async () => {
  // No service worker: it would fetch every chunk for offline use, which is not what the
  // page itself needs.
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  const { page, problems, requests } = await watchedPage(context, h.server.url);
  await page.goto(h.url('/'), { waitUntil: 'networkidle' });
  await appReady(page);
  const first = wasmFiles(requests);
  assert.equal(first.length, 1, `one wasm file on the first visit: ${first}`);
  assert.match(first[0], /_bg\.wasm$/);

  await page.getByRole('link', { name: 'Your household safety plan' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Your household safety plan' }).waitFor();
  const afterPlan = wasmFiles(requests).slice(1);
  assert.ok(afterPlan.length >= 1, 'the safety plan arrived as a chunk');
  assert.ok(afterPlan.every((f) => !f.endsWith('_bg.wasm')), `only chunks: ${afterPlan}`);
  assert.ok(await page.evaluate(() => document.activeElement?.tagName === 'H1'), 'focus moves to the new heading once it arrives');

  await page.getByRole('link', { name: 'Settings' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.ok(wasmFiles(requests).length > 1 + afterPlan.length, 'settings arrived as another chunk');
  assert.deepEqual(problems, []);
  await context.close();
});

test('if a part of Harbour cannot load, she is told, nothing is lost, and she can try again', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(h.url('/'));
  await appReady(page);
  const before = await page.evaluate(() => localStorage.getItem('harbour'));
  const blockChunks = (route) => (route.request().url().endsWith('_bg.wasm') ? route.continue() : route.abort());
  await page.route('**/*.wasm', blockChunks);
  await page.getByRole('link', { name: 'Your notebook: what was said and agreed' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This part of Harbour did not load' });
  await alert.waitFor({ timeout: 10000 });
  assert.deepEqual(await axe(page), []);
  assert.ok(await page.getByRole('link', { name: 'Quick exit' }).first().isVisible(), 'quick exit is still there');
  assert.equal(await page.evaluate(() => localStorage.getItem('harbour')), before, 'storage untouched');

  await page.unroute('**/*.wasm', blockChunks);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Notebook' }).waitFor({ timeout: 10000 });
  await context.close();
});

test('what she saved is read by its own chunk; if that cannot load, nothing is written, disguise holds, and she can try again', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  const { page, requests } = await watchedPage(context, h.server.url);
  await page.goto(h.url('/notebook'));
  await appReady(page);
  await page.getByLabel('Date', { exact: true }).fill('2026-11-20');
  await page.getByLabel('What was said').fill('CANARY-CODEC she will call on Monday');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await waitStored(page, 'CANARY-CODEC');
  // Discreet mode on, as settings would store it.
  await page.evaluate(() => {
    const envelope = JSON.parse(localStorage.getItem('harbour'));
    envelope.public.discreet = true;
    localStorage.setItem('harbour', JSON.stringify(envelope));
  });
  const saved = await stored(page);

  // Everything but the shell fails to download: the codec cannot load.
  const blockChunks = (route) => (route.request().url().endsWith('_bg.wasm') ? route.continue() : route.abort());
  await page.route('**/*.wasm', blockChunks);
  await page.goto(h.url('/'));
  await appReady(page);
  // In discreet mode the message does not name Harbour, and the plain cover shows first.
  const banner = page.getByRole('alert').filter({ hasText: "This app couldn't open what you saved" });
  await banner.waitFor({ timeout: 10000 });
  assert.equal(await page.title(), 'Notes', 'disguise is read from the clear settings without the codec');
  await page.getByRole('button', { name: 'Open notes' }).click();
  await page.getByRole('link', { name: 'Your notebook: what was said and agreed' }).click();
  await page.getByRole('heading', { level: 1, name: 'This part did not load' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await page.waitForTimeout(500);
  assert.equal(await stored(page), saved, 'nothing was written while her data could not be read');

  await page.unroute('**/*.wasm', blockChunks);
  await banner.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Notebook' }).waitFor({ timeout: 10000 });
  await page.getByText('CANARY-CODEC she will call on Monday').waitFor();
  assert.ok(requests.some((u) => /\/split_codec\.wasm$/.test(u)), 'the codec arrived as its own chunk');
  assert.equal(await page.title(), 'Notes');
  assert.equal(await stored(page), saved, 'reading changed nothing');
  await context.close();
});
