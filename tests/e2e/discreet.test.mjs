// Discreet mode in a real browser: with it on, every route first shows a plain "Notes"
// cover (the static page too, even if the app never starts), and the title, header,
// footer, lock screen, what follows "Delete everything" and every download name say
// nothing of Harbour or what it is for. Each check reads the whole visible text, field
// values included, against the list of revealing words in revealing.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, appReady, waitStored, ROUTES, axe } from './harness.mjs';
import { revealingIn, visibleText, chromeText } from './revealing.mjs';

const PASS = 'kettle blue garden';
let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

/** A page with nothing stored but discreet mode, turned on as she would in Settings. */
async function discreetPage(context) {
  const page = await context.newPage();
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  await page.getByLabel('Use a plain name and icon').check();
  await waitStored(page, '"discreet":true');
  return page;
}

const coverHeading = (page) => page.getByRole('heading', { level: 1, name: 'Notes', exact: true });

/** Opens the notes if the cover shows (for tests about something else). */
async function openIfCovered(page) {
  const open = page.getByRole('button', { name: 'Open notes' });
  if (await open.count()) await open.click();
}

async function assertNothingRevealing(page, where) {
  const text = await visibleText(page);
  assert.deepEqual(revealingIn(text), [], `${where} shows revealing words:\n${text}`);
}

test('with discreet mode on, every route and guide page shows only the plain cover until she opens it, and then its title, header and footer still say nothing', async () => {
  const context = await h.browser.newContext();
  // Every guide page, as the guide lists them.
  const lister = await context.newPage();
  await lister.goto(h.url('/guide'));
  await appReady(lister);
  const guides = await lister.evaluate(() => [...new Set([...document.querySelectorAll('main a[href]')].map((a) => new URL(a.href).pathname).filter((p) => /^\/guide\/[^/]+/.test(p)))]);
  assert.ok(guides.length >= 5, `guide pages found: ${guides}`);
  await lister.close();
  const page = await discreetPage(context);
  const routes = [...ROUTES, ...guides.map((path) => [path, null])];
  for (const [path, heading] of routes) {
    await page.goto(h.url(path));
    await appReady(page);
    await assertNothingRevealing(page, `${path} before she opens it`);
    await coverHeading(page).waitFor();
    assert.equal(await page.title(), 'Notes', `${path}: title`);
    assert.match(await page.locator('#app-favicon').getAttribute('href'), /notes\.svg$/);
    // 999 and quick exit stay one tap away on the cover.
    assert.equal(await page.getByRole('link', { name: 'Call 999' }).getAttribute('href'), 'tel:999');
    await page.getByRole('link', { name: 'Quick exit' }).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Open notes' }).click();
    if (heading) {
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    } else {
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent.trim() !== 'Notes');
    }
    const chrome = await chromeText(page);
    assert.deepEqual(revealingIn(chrome), [], `${path}: the title, header or footer reveals, once opened:\n${chrome}`);
    assert.equal(await page.title(), 'Notes', `${path}: title once opened`);
  }
  // Opened once, she moves around freely: in-app links do not bring the cover back.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.deepEqual(await axe(page), [], 'settings, discreet');
  await context.close();
});

test('the static page, with the app blocked, shows the plain cover and a plain failure message', async () => {
  // No service worker: it would serve the wasm from its cache, past the block.
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  await discreetPage(context).then((p) => p.close());
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  for (const path of ['/', '/guide/police', '/notebook']) {
    await page.goto(h.url(path));
    await page.getByText('This page has stopped working').waitFor({ timeout: 10000 });
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app-started')), false, 'the app did not start');
    await assertNothingRevealing(page, `static ${path}`);
    await coverHeading(page).waitFor();
    assert.equal(await page.title(), 'Notes');
  }
  // She can still open it without the app: the static page's own words show, under a
  // header that still says only "Notes".
  await page.getByRole('button', { name: 'Open notes' }).click();
  await page.getByRole('link', { name: 'Your household safety plan' }).waitFor();
  assert.equal(await coverHeading(page).count(), 0);
  const chrome = await chromeText(page);
  assert.deepEqual(revealingIn(chrome), [], `static header once opened:\n${chrome}`);
  await context.close();
});

test('with the lock on, the lock screen is the cover: nothing revealing, even after a mistake, and opening it goes straight to the page', async () => {
  const context = await h.browser.newContext();
  const page = await discreetPage(context);
  await page.getByLabel('Choose a passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('Type it again').fill(PASS);
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
  await page.goto(h.url('/notebook'));
  await appReady(page);
  await coverHeading(page).waitFor();
  await page.getByLabel('Password').waitFor();
  await assertNothingRevealing(page, 'the lock screen');
  await page.getByLabel('Password').fill('not the right one');
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('alert').first().waitFor();
  await assertNothingRevealing(page, 'the lock screen after a wrong passphrase');
  await page.getByText('Forgotten it?').click();
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).waitFor();
  await assertNothingRevealing(page, 'the lock screen asking to delete everything');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByLabel('Password').fill(PASS);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('heading', { level: 1, name: 'Notebook' }).waitFor();
  await context.close();
});

test('what follows "Delete everything" says nothing revealing, and the page stays plain until it is closed', async () => {
  const context = await h.browser.newContext();
  // Straight on from turning discreet mode on in Settings.
  const page = await discreetPage(context);
  await page.getByRole('button', { name: 'Delete everything' }).click();
  // The settings page itself may say what it is for, now she has opened it; the question
  // it asks, like everything after it, may not.
  const question = await page.getByRole('alert').filter({ hasText: 'Delete everything on this phone?' }).innerText();
  assert.deepEqual(revealingIn(question), [], `the question before deleting:\n${question}`);
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByRole('heading', { name: 'Everything has been deleted' }).waitFor();
  await page.waitForTimeout(600);
  await assertNothingRevealing(page, 'the page after Delete everything');
  await coverHeading(page).waitFor();
  assert.equal(await page.title(), 'Notes');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored, not even the discreet choice');
  await context.close();
});

test('every file she can download has a name that says nothing', async () => {
  const context = await h.browser.newContext();
  const page = await discreetPage(context);
  const names = [];
  const download = async (click) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    names.push(file.suggestedFilename());
  };
  // A calendar file for a bail date and a court date.
  await page.goto(h.url('/dates'));
  await appReady(page);
  await openIfCovered(page);
  for (const kind of ['bail-return', 'court']) {
    await page.getByLabel('What is it?').selectOption(kind);
    await page.getByLabel('Date', { exact: true }).fill('2099-03-01');
    await page.getByRole('button', { name: 'Add date' }).click();
    await page.getByText(/^Added: /).first().waitFor();
    await download(() => page.getByRole('button', { name: 'Save to my calendar' }).last().click());
  }
  // A copy of everything, a kept copy and a backup.
  await page.evaluate(() => localStorage.setItem('harbour:recovery:1700000000000', 'an old copy'));
  await page.goto(h.url('/settings'));
  await appReady(page);
  await openIfCovered(page);
  await download(() => page.getByRole('button', { name: 'Download a copy of everything' }).click());
  await download(() => page.getByRole('button', { name: 'Download this copy' }).click());
  await page.getByLabel('Choose a passphrase for the backup').fill(PASS);
  await page.getByLabel('Type the backup passphrase again').fill(PASS);
  await download(() => page.locator('#make-backup').click());
  assert.equal(names.length, 5, `downloads: ${names}`);
  assert.deepEqual(revealingIn(names.join('\n')), [], `file names: ${names}`);
  await context.close();
});
