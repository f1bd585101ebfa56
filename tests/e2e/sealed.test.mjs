// Nothing stays in the clear under the lock, in a real browser: her words typed before and
// after a migration, a copy kept after two tabs changed the same thing, words not yet saved
// when another tab changed the passphrase, and an unreadable copy kept earlier are in no
// localStorage, sessionStorage or Cache Storage value once the lock is on; after a change
// of passphrase no stored value opens with the old one (checked with WebCrypto here, not
// with the app's own code); a kept copy downloads sealed and opens with her passphrase;
// changed clear settings are caught at unlock; a common password is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, appReady, waitStored } from './harness.mjs';

const P1 = 'kettle tuesday blue garden';
const P2 = 'lantern orchard violet seven';
let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

/** Every value Harbour's origin holds: localStorage, sessionStorage and Cache Storage. */
const everythingStored = (page) =>
  page.evaluate(async () => {
    const values = [];
    for (const [name, area] of [['local', localStorage], ['session', sessionStorage]]) {
      for (const k of Object.keys(area)) values.push(`${name}:${k}=${area.getItem(k)}`);
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        values.push(`cache:${request.url}=${await (await cache.match(request)).text()}`);
      }
    }
    return values.join('\n');
  });

/** Harbour's localStorage, key by key. */
const harbourValues = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('harbour')).map((k) => [k, localStorage.getItem(k)])));

async function unlock(page, passphrase) {
  // By id: the label is "Password" in discreet mode.
  await page.locator('#passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
}

/**
 * Which of the stored sealed values a passphrase opens, found with WebCrypto from the
 * formats alone: the envelope's sealed header (format 2, "sealed-header:2" as associated
 * data) and sealed files (associated data "format|version|created").
 */
const opensWith = (page, passphrase) =>
  page.evaluate(async (pass) => {
    const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
    const keys = new Map();
    const keyFor = async (kdf) => {
      const id = `${kdf.salt}:${kdf.iterations}`;
      if (!keys.has(id)) {
        const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pass), 'PBKDF2', false, ['deriveKey']);
        keys.set(id, await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: b64(kdf.salt), iterations: kdf.iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['decrypt']));
      }
      return keys.get(id);
    };
    const tryOpen = async (kdf, iv, data, aad) => {
      try {
        await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) }, await keyFor(kdf), data);
        return true;
      } catch {
        return false;
      }
    };
    const result = {};
    for (const k of Object.keys(localStorage).filter((k) => k.startsWith('harbour'))) {
      const v = JSON.parse(localStorage.getItem(k));
      if (v.sealed) {
        const s = v.sealed;
        if (s.cipher !== 'AES-256-GCM/2') throw new Error(`${k}: sealed format ${s.cipher}`);
        const ivs = b64(s.iv);
        const data = b64(s.data);
        const headerLength = new DataView(data.buffer).getUint32(0);
        result[k] = await tryOpen(s.kdf, ivs.slice(0, 12), data.slice(4, 4 + headerLength), 'sealed-header:2');
      } else if (v.format === 'notes-backup') {
        result[k] = await tryOpen(v.kdf, b64(v.iv), b64(v.data), `${v.format}|${v.version}|${v.created}`);
      } else {
        throw new Error(`${k} is neither sealed data nor a sealed file`);
      }
    }
    return result;
  }, passphrase);

test('with the lock on, no canary is in any stored value, and after a passphrase change nothing opens with the old one', async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  const a = await context.newPage();
  await a.goto(h.url('/settings'));
  await appReady(a);
  await a.evaluate(() => navigator.serviceWorker.ready);
  // An envelope as schema 1 wrote it, with a canary; and an unreadable copy kept earlier.
  const old = JSON.parse(await readFile(new URL('../fixtures/schema-1.json', import.meta.url), 'utf8'));
  old.data.notes = 'CANARY-BEFORE-MIGRATION';
  await a.evaluate((seed) => {
    localStorage.clear();
    localStorage.setItem('harbour', seed);
    localStorage.setItem('harbour:recovery:1700000000000', '{"schema":5, CANARY-UNREADABLE');
  }, JSON.stringify(old));
  await a.goto(h.url('/notebook'));
  await appReady(a);
  assert.equal(await a.inputValue('#notes'), 'CANARY-BEFORE-MIGRATION');
  await a.locator('#notes').pressSequentially(' CANARY-AFTER-MIGRATION');
  await waitStored(a, 'CANARY-AFTER-MIGRATION');
  const clear = await harbourValues(a);
  assert.match(clear['harbour:before-migration'], /CANARY-BEFORE-MIGRATION/, 'the copy from before the migration was kept');

  // Turn the lock on: every copy is sealed.
  await a.goto(h.url('/settings'));
  await appReady(a);
  await a.getByLabel('Choose a passphrase', { exact: true }).fill(P1);
  await a.getByLabel('Type it again').fill(P1);
  await a.getByRole('button', { name: 'Turn on the lock' }).click();
  await a.getByRole('button', { name: 'Lock now' }).waitFor();
  assert.doesNotMatch(await everythingStored(a), /CANARY/, 'after turning the lock on');
  assert.deepEqual(Object.keys(await harbourValues(a)).sort(), ['harbour', 'harbour:before-migration', 'harbour:recovery:1700000000000'], 'the copies are kept, sealed');
  // Settings lists every copy she can download or delete, the pre-migration one included.
  const copies = a.locator('.app-link-list li');
  const listed = (await copies.locator('p').allTextContents()).sort();
  assert.equal(listed.length, 2, `${listed}`);
  assert.match(listed[0], /^Kept \d/);
  assert.equal(listed[1], 'The copy from before Harbour was last updated');
  assert.equal(await copies.getByRole('button', { name: 'Download this copy' }).count(), 2);
  assert.equal(await copies.getByRole('button', { name: 'Delete this copy' }).count(), 2);

  // A second tab, unlocked, that does not hear the first tab's save: the same words change
  // in both, so the other version is kept as a copy, sealed.
  const b = await context.newPage();
  // Registered before the app's own listener, so it can keep this tab from hearing saves.
  await b.addInitScript(() => addEventListener('storage', (e) => window.deafToOtherTabs && e.stopImmediatePropagation(), true));
  await b.goto(h.url('/notebook'));
  await appReady(b);
  await unlock(b, P1);
  await b.getByRole('heading', { name: 'Notebook' }).waitFor();
  await a.goto(h.url('/notebook'));
  await appReady(a);
  await unlock(a, P1);
  await a.getByRole('heading', { name: 'Notebook' }).waitFor();
  await b.evaluate(() => (window.deafToOtherTabs = true));
  const beforeAlpha = await a.evaluate(() => localStorage.getItem('harbour'));
  await a.fill('#notes', 'CANARY-ALPHA');
  await a.waitForFunction((was) => localStorage.getItem('harbour') !== was, beforeAlpha);
  assert.match(await b.inputValue('#notes'), /CANARY-AFTER-MIGRATION$/, 'tab b has not heard of the save');
  await b.fill('#notes', 'CANARY-BETA');
  await b.getByText('You changed the same thing in another tab').waitFor();
  await b.evaluate(() => (window.deafToOtherTabs = false));
  assert.equal(await b.inputValue('#notes'), 'CANARY-BETA', "this tab's words stay on screen");
  const kept = Object.keys(await harbourValues(b)).filter((k) => k.startsWith('harbour:recovery:') && k !== 'harbour:recovery:1700000000000');
  assert.equal(kept.length, 1, 'the other version is kept');
  assert.doesNotMatch(await everythingStored(b), /CANARY/, 'after a conflict copy is kept');

  // Words tab b cannot save yet (storage full) when tab a changes the passphrase: they are
  // held in b, never written in the clear or under the old passphrase.
  await b.evaluate(() => {
    const real = Storage.prototype.setItem;
    window.restoreSetItem = () => (Storage.prototype.setItem = real);
    Storage.prototype.setItem = function (k, v) {
      if (k === 'harbour') throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  await b.locator('#notes').pressSequentially(' CANARY-UNSAVED');
  await b.getByRole('heading', { name: "This phone's storage is full" }).waitFor();
  await a.goto(h.url('/settings'));
  await appReady(a);
  await unlock(a, P1);
  await a.getByLabel('Current passphrase').fill(P1);
  await a.getByLabel('New passphrase', { exact: true }).fill(P2);
  await a.getByLabel('Type the new passphrase again').fill(P2);
  await a.getByRole('button', { name: 'Change passphrase' }).click();
  await a.getByText('Your passphrase has been changed.').waitFor();
  await b.getByRole('heading', { name: 'Harbour is locked' }).waitFor();
  assert.doesNotMatch(await everythingStored(b), /CANARY/, 'after the passphrase change, with unsaved words in another tab');
  const withOld = await opensWith(a, P1);
  const withNew = await opensWith(a, P2);
  assert.ok(Object.keys(withNew).length >= 4, `every value was checked: ${Object.keys(withNew)}`);
  assert.deepEqual(Object.values(withOld).filter(Boolean), [], `nothing opens with the old passphrase: ${JSON.stringify(withOld)}`);
  assert.deepEqual(Object.values(withNew).filter((ok) => !ok), [], `everything opens with the new one: ${JSON.stringify(withNew)}`);

  // Back in tab b, with room again: the new passphrase brings its unsaved words back.
  await b.evaluate(() => window.restoreSetItem());
  await unlock(b, P1);
  await b.getByText('That passphrase did not open Harbour').first().waitFor();
  await unlock(b, P2);
  await b.getByRole('heading', { name: 'Notebook' }).waitFor();
  assert.match(await b.inputValue('#notes'), /CANARY-UNSAVED/, 'the held words are back on screen');
  await b.waitForTimeout(700);
  assert.doesNotMatch(await everythingStored(b), /CANARY/, 'once the held words are saved');

  // A kept copy downloads sealed, with a name that says nothing, and opens with her
  // passphrase (and only hers) by bringing it back as a backup.
  await a.reload();
  await appReady(a);
  await unlock(a, P2);
  await a.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  const row = a.locator('.app-link-list li', { hasText: 'The copy from before Harbour was last updated' });
  const [download] = await Promise.all([a.waitForEvent('download'), row.getByRole('button', { name: 'Download this copy' }).click()]);
  assert.equal(download.suggestedFilename(), 'notes-copy-before-update.json');
  const file = await readFile(await download.path(), 'utf8');
  assert.doesNotMatch(file, /CANARY|harbour/i, 'sealed, and names nothing');
  await a.setInputFiles('#backup-file', await download.path());
  await a.getByLabel("The backup's passphrase").fill(P1);
  await a.getByRole('button', { name: 'Open the backup' }).click();
  await a.getByText('The passphrase is wrong, or the file is damaged').waitFor();
  await a.getByLabel("The backup's passphrase").fill(P2);
  await a.getByRole('button', { name: 'Open the backup' }).click();
  await a.getByRole('heading', { name: 'This backup holds' }).waitFor();
  assert.match(await a.locator('.app-notice', { hasText: 'This backup holds' }).innerText(), /1 page of free notes/);
  await context.close();
});

test('clear settings changed while locked are found at unlock: nothing opens or is deleted until she puts hers back', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.evaluate(() => localStorage.clear());
  await page.goto(h.url('/notebook'));
  await appReady(page);
  await page.fill('#notes', 'CANARY-TAMPER');
  await waitStored(page, 'CANARY-TAMPER');
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.getByLabel('Use a plain name and icon').check();
  await page.getByLabel('Choose a passphrase', { exact: true }).fill(P1);
  await page.getByLabel('Type it again').fill(P1);
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
  // Someone edits the clear settings: discreet mode off, quick exit elsewhere.
  const tampered = await page.evaluate(() => {
    const envelope = JSON.parse(localStorage.getItem('harbour'));
    envelope.public.discreet = false;
    envelope.public.exit_url = 'https://tracker.example/';
    localStorage.setItem('harbour', JSON.stringify(envelope));
    return localStorage.getItem('harbour');
  });
  await page.goto(h.url('/notebook'));
  await appReady(page);
  await unlock(page, P1);
  const notice = page.locator('[role=alert]', { hasText: 'Your settings were changed while this was locked' });
  await notice.waitFor();
  assert.deepEqual(await notice.locator('li').allTextContents(), [
    'Quick exit was set to open https://tracker.example/. You chose https://www.bbc.co.uk/weather.',
    'Discreet mode was turned off. You had it on.',
  ]);
  assert.equal(await page.locator('#notes').count(), 0, 'her notes are not opened');
  assert.equal(await page.evaluate(() => localStorage.getItem('harbour')), tampered, 'nothing is changed or deleted');
  await page.getByRole('button', { name: 'Put my settings back and open' }).click();
  await page.locator('#notes').waitFor();
  assert.equal(await page.inputValue('#notes'), 'CANARY-TAMPER');
  await waitStored(page, '"discreet":true');
  const restored = await page.evaluate(() => JSON.parse(localStorage.getItem('harbour')).public);
  assert.deepEqual(restored, { exit_url: 'https://www.bbc.co.uk/weather', discreet: true, lock_minutes: 5 });
  await page.reload();
  await appReady(page);
  await unlock(page, P1);
  await page.locator('#notes').waitFor();
  assert.equal(await page.inputValue('#notes'), 'CANARY-TAMPER', 'it opens normally once put back');
  await context.close();
});

test('a common password is refused with the reason, and a short one warned about as she types', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  const field = page.getByLabel('Choose a passphrase', { exact: true });
  await field.fill('kettle blue garden');
  assert.match(await page.locator('#new-passphrase-strength').textContent(), /^Weak\. This could be guessed: use 4 or more words/);
  await field.fill('password1');
  assert.match(await page.locator('#new-passphrase-strength').textContent(), /^Too easy to guess\. This is one of the most common passwords/);
  await page.getByLabel('Type it again').fill('password1');
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  const summary = page.locator('.app-error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /This is one of the most common passwords/);
  assert.match(await page.locator('#new-passphrase-error').innerText(), /This is one of the most common passwords/);
  assert.equal(await page.getByRole('button', { name: 'Lock now' }).count(), 0, 'the lock is still off');
  assert.equal(await page.inputValue('#new-passphrase'), 'password1', 'what she typed is still there to change');
  await context.close();
});

test('a backup has a name and a format marker that say nothing', async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(h.url('/notebook'));
  await appReady(page);
  await page.fill('#notes', 'CANARY-BACKUP');
  await waitStored(page, 'CANARY-BACKUP');
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.getByLabel('Choose a passphrase for the backup').fill(P1);
  await page.getByLabel('Type the backup passphrase again').fill(P1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  assert.match(download.suggestedFilename(), /^notes-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  assert.equal(JSON.parse(text).format, 'notes-backup');
  assert.doesNotMatch(text, /harbour|CANARY/i);
  await context.close();
});
