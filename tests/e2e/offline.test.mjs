// Installed-app behaviour: after one visit Harbour opens offline on any route, and a new
// version waits until she chooses to reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, appReady } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('after one visit, every route opens offline from the service worker', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.url('/'));
  await appReady(page);
  await controlled(page);
  await context.setOffline(true);
  for (const path of ['/', '/guide', '/notebook', '/settings', '/no-such-page']) {
    const response = await page.goto(h.url(path));
    assert.ok(response.fromServiceWorker(), `${path} came from the service worker`);
    await appReady(page);
    assert.ok((await page.locator('main h1').first().textContent()).length > 0, path);
  }
  await context.close();
});

test('a new version is offered, and installs only when she reloads', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.url('/notebook'));
  await appReady(page);
  await controlled(page);
  await page.fill('#notes', 'CANARY-update');
  // Publish a "new version": the same worker with a different build id.
  const sw = await (await fetch(h.url('/sw.js'))).text();
  h.server.overrides.set('/sw.js', sw.replace(/const BUILD = '([0-9a-f]+)'/, "const BUILD = '$1-next'"));
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.getByText('A new version of Harbour is ready').waitFor({ timeout: 15000 });
    const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
    assert.ok(before);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
    await appReady(page);
    assert.equal(await page.inputValue('#notes'), 'CANARY-update', 'her words survive the update');
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `old caches are removed: ${caches}`);
    assert.match(caches[0], /-next$/);
  } finally {
    h.server.overrides.delete('/sw.js');
  }
  await context.close();
});
