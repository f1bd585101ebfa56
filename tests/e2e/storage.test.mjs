// Never lose her words: every storage fault, in a real browser. Each test types or seeds a
// canary and fails if it cannot be found afterwards where the app says it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, appReady, stored, waitStored } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

const envelope = (schema, notes, extra = {}) =>
  JSON.stringify({ schema, saved_at: '2026-11-01T10:00:00.000Z', public: { exit_url: 'https://www.bbc.co.uk/weather', discreet: false, lock_minutes: 5 }, data: { notes, ...extra } });

/** Opens the notebook with `seed` already stored under Harbour's key. */
async function openSeeded(context, seed) {
  const page = await context.newPage();
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.evaluate((s) => {
    localStorage.clear();
    if (s !== null) localStorage.setItem('harbour', s);
  }, seed);
  await page.goto(h.url('/notebook'));
  await appReady(page);
  return page;
}

const recoveryCopies = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('harbour:recovery:')).map((k) => localStorage.getItem(k)));

async function downloadText(page, buttonName) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).first().click()]);
  return readFile(await download.path(), 'utf8');
}

test('autosave writes within 300 ms of typing, and a page closed at once keeps every word', async () => {
  const context = await h.browser.newContext();
  const page = await openSeeded(context, null);
  await page.locator('#notes').pressSequentially('CANARY-typed', { delay: 5 });
  await waitStored(page, 'CANARY-typed', 600);
  await page.locator('#notes').pressSequentially(' CANARY-closed');
  // Closing fires pagehide: the pending save must be flushed before the page goes.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(h.url('/notebook'));
  await appReady(again);
  assert.equal(await again.inputValue('#notes'), 'CANARY-typed CANARY-closed');
  await context.close();
});

for (const [name, seed] of [
  ['unreadable JSON', '{"schema":1,"saved_at":"x","public":{"exit_url":"u","discreet":false},"data":{"notes":"CANARY-unreadable'],
  ['the wrong shape', envelope(1, 42, { kept: 'CANARY-shape' })],
]) {
  test(`${name}: the raw text is kept and offered as a download, and Harbour starts clean`, async () => {
    const context = await h.browser.newContext({ acceptDownloads: true });
    const page = await openSeeded(context, seed);
    await page.getByRole('heading', { name: "Harbour couldn't read what was saved on this phone" }).waitFor();
    assert.deepEqual(await recoveryCopies(page), [seed], 'the exact stored text is kept');
    assert.equal(await downloadText(page, 'Download the old copy'), seed);
    assert.equal(await page.inputValue('#notes'), '', 'starts clean');
    await page.fill('#notes', 'CANARY-new');
    await waitStored(page, 'CANARY-new');
    await page.reload();
    await appReady(page);
    assert.equal(await page.inputValue('#notes'), 'CANARY-new');
    assert.deepEqual(await recoveryCopies(page), [seed], 'the kept copy survives later saves');
    await page.goto(h.url('/settings'));
    await page.getByRole('heading', { name: 'Copies Harbour has kept' }).waitFor();
    await context.close();
  });
}

test('a newer schema is explained and never overwritten', async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  const seed = envelope(99, 'CANARY-future', { more: [1, 2, 3] });
  const page = await openSeeded(context, seed);
  await page.getByRole('heading', { name: 'This was saved by a newer version of Harbour' }).waitFor();
  await page.fill('#notes', 'CANARY-here');
  await page.waitForTimeout(700);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  assert.equal(await stored(page), seed, 'the newer copy is untouched');
  const copy = await downloadText(page, 'Download what you have written here');
  assert.match(copy, /CANARY-here/, 'what she wrote here can be downloaded');
  await page.reload();
  await appReady(page);
  assert.equal(await stored(page), seed);
  await context.close();
});

test('a full quota keeps the last good copy, keeps working in memory, and saves once there is room', async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  const page = await openSeeded(context, null);
  await page.fill('#notes', 'CANARY-saved');
  await waitStored(page, 'CANARY-saved');
  await page.evaluate(() => {
    const block = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try {
        localStorage.setItem(`filler:${i}`, block);
      } catch {
        break;
      }
    }
    // Fill the last scraps too, so even a small change cannot fit.
    for (const size of [4096, 256, 16, 1]) {
      for (let i = 0; ; i++) {
        try {
          localStorage.setItem(`scrap:${size}:${i}`, 'x'.repeat(size));
        } catch {
          break;
        }
      }
    }
  });
  await page.locator('#notes').pressSequentially(' CANARY-unsaved-and-a-bit-more-text-to-overflow');
  await page.getByRole('heading', { name: "This phone's storage is full" }).waitFor();
  assert.match(await stored(page), /"notes":"CANARY-saved"/, 'the last good copy is kept');
  assert.match(await page.inputValue('#notes'), /CANARY-unsaved/, 'her new words are still on the page');
  assert.match(await downloadText(page, 'Download a copy'), /CANARY-unsaved/, 'and can be downloaded');
  await page.evaluate(() => Object.keys(localStorage).filter((k) => /^(filler|scrap):/.test(k)).forEach((k) => localStorage.removeItem(k)));
  await page.locator('#notes').pressSequentially('!');
  await waitStored(page, 'CANARY-unsaved');
  await page.getByRole('heading', { name: "This phone's storage is full" }).waitFor({ state: 'detached' });
  await context.close();
});

test('storage that throws or is blocked: she is told, and works in memory', async () => {
  const faults = {
    // Site data blocked: even reading window.localStorage throws.
    blocked: () =>
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      }),
    // Storage present but every write throws (old Safari private mode).
    'writes throw': () => {
      Storage.prototype.setItem = function () {
        throw new DOMException('blocked', 'SecurityError');
      };
    },
  };
  for (const [name, fault] of Object.entries(faults)) {
    const context = await h.browser.newContext({ acceptDownloads: true });
    await context.addInitScript(fault);
    const page = await context.newPage();
    await page.goto(h.url('/notebook'));
    await appReady(page);
    await page.getByRole('heading', { name: "Harbour can't save on this phone right now" }).waitFor();
    await page.fill('#notes', `CANARY-memory-${name}`);
    // Moving around the app keeps her words in memory.
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    assert.match(await downloadText(page, 'Download a copy of everything'), new RegExp(`CANARY-memory-${name}`), name);
    await context.close();
  }
});

test('two tabs: an edit in one reaches the other', async () => {
  const context = await h.browser.newContext();
  const a = await openSeeded(context, null);
  const b = await context.newPage();
  await b.goto(h.url('/notebook'));
  await appReady(b);
  await a.fill('#notes', 'CANARY-from-a');
  await b.waitForFunction(() => document.querySelector('#notes').value === 'CANARY-from-a');
  await b.fill('#notes', 'CANARY-from-a then b');
  await a.waitForFunction(() => document.querySelector('#notes').value === 'CANARY-from-a then b');
  await context.close();
});

test('two tabs changing the same thing at once: one version shows, the other is kept as a copy', async () => {
  const context = await h.browser.newContext();
  const a = await openSeeded(context, envelope(1, 'base'));
  const b = await context.newPage();
  await b.goto(h.url('/notebook'));
  await appReady(b);
  // Both add a word to what their tab shows, meant to land within the same autosave window,
  // before either tab hears of the other. On a busy machine one tab may hear of the other
  // first: adding (not replacing, as a fill would) keeps the test true then too, since she
  // added her word to the words she saw.
  const addWord = (page, word) =>
    page.evaluate((w) => {
      const notes = document.querySelector('#notes');
      notes.value = `${notes.value} ${w}`;
      notes.dispatchEvent(new Event('input', { bubbles: true }));
    }, word);
  await Promise.all([a.locator('#notes').waitFor(), b.locator('#notes').waitFor()]);
  await Promise.all([addWord(a, 'CANARY-alpha'), addWord(b, 'CANARY-beta')]);
  await a.waitForTimeout(1500);
  const shown = [await a.inputValue('#notes'), await b.inputValue('#notes')];
  const kept = await recoveryCopies(a);
  const everywhere = [...shown, ...kept, await stored(a)].join('\n');
  assert.match(everywhere, /CANARY-alpha/, 'alpha is somewhere she can get it');
  assert.match(everywhere, /CANARY-beta/, 'beta is somewhere she can get it');
  if (kept.length > 0) {
    // The tab that kept the copy says so; on a busy machine its message may still be on
    // its way (the save, the other tab's storage event and the render are all async).
    const announced = async () => (await a.getByText('You changed the same thing in another tab').count()) + (await b.getByText('You changed the same thing in another tab').count());
    for (let i = 0; i < 50 && (await announced()) === 0; i++) await a.waitForTimeout(100);
    const notices = await announced();
    if (notices === 0) console.log('kept without a notice:', { kept, a: await a.locator('main').innerText(), b: await b.locator('main').innerText() });
    assert.ok(notices > 0, 'a kept copy is announced');
  }
  await context.close();
});

test('another tab saved but its news has not arrived: a save never replaces words it has not seen', async () => {
  const context = await h.browser.newContext();
  const page = await openSeeded(context, envelope(1, 'base'));
  // Opening a schema-1 save writes it back at the newest schema: wait for that write.
  await page.waitForFunction(() => (JSON.parse(localStorage.getItem('harbour') || '{}').schema ?? 1) > 1, null, { timeout: 3000 });
  // Another tab's save, as storage holds it before its storage event arrives here (a page
  // gets no storage event for its own writes, so this one never arrives).
  await page.evaluate(() => {
    const other = JSON.parse(localStorage.getItem('harbour'));
    other.data.notes = 'CANARY-other-tab';
    localStorage.setItem('harbour', JSON.stringify(other));
  });
  await page.fill('#notes', 'CANARY-this-tab');
  await waitStored(page, 'CANARY-this-tab');
  const everywhere = [await stored(page), ...(await recoveryCopies(page))].join('\n');
  assert.match(everywhere, /CANARY-other-tab/, "the other tab's words are kept");
  await page.getByText('You changed the same thing in another tab').waitFor();
  assert.equal(await page.inputValue('#notes'), 'CANARY-this-tab', "this tab's words stay on screen");
  await context.close();
});

test('another tab saved over this tab\'s save without seeing it: this tab\'s words are kept and saved again', async () => {
  // Two tabs in different browser processes can both save before either hears of the
  // other: the browser passes local storage between processes later. Here the other
  // tab's save follows from what was stored before this tab's save, not from it.
  const context = await h.browser.newContext();
  const page = await openSeeded(context, envelope(1, 'base'));
  await page.waitForFunction(() => (JSON.parse(localStorage.getItem('harbour') || '{}').schema ?? 1) > 1, null, { timeout: 3000 });
  const before = await stored(page);
  await page.fill('#notes', 'CANARY-mine');
  await waitStored(page, 'CANARY-mine');
  await page.evaluate((earlier) => {
    const other = JSON.parse(earlier);
    other.data.notes = 'CANARY-theirs';
    other.lineage = [...(other.lineage || []), 'another-tab'];
    const text = JSON.stringify(other);
    localStorage.setItem('harbour', text);
    // Its storage event, as this tab would get it (a page hears nothing of its own writes).
    window.dispatchEvent(new StorageEvent('storage', { key: 'harbour', oldValue: null, newValue: text, storageArea: localStorage }));
  }, before);
  await page.getByText('You changed the same thing in another tab').waitFor();
  assert.equal(await page.inputValue('#notes'), 'CANARY-mine', "this tab's words stay on screen");
  await waitStored(page, 'CANARY-mine');
  assert.ok((await recoveryCopies(page)).some((copy) => copy.includes('CANARY-theirs')), "the other tab's words are kept as a copy");
  await context.close();
});

test('storage cleared while Harbour is open: she is told, and can save again', async () => {
  const context = await h.browser.newContext();
  const page = await openSeeded(context, null);
  await page.fill('#notes', 'CANARY-before');
  await waitStored(page, 'CANARY-before');
  await page.evaluate(() => localStorage.clear());
  await page.locator('#notes').pressSequentially(' CANARY-after');
  await page.getByRole('heading', { name: "Harbour's saved copy has been removed" }).waitFor();
  assert.equal(await stored(page), null, 'nothing is written until she chooses');
  await page.getByRole('button', { name: 'Save it again' }).click();
  await waitStored(page, 'CANARY-before CANARY-after');
  await page.reload();
  await appReady(page);
  assert.equal(await page.inputValue('#notes'), 'CANARY-before CANARY-after');
  await context.close();
});

test('the browser is asked to keep the data, and Settings shows the answer', async () => {
  const context = await h.browser.newContext();
  const page = await openSeeded(context, null);
  await page.fill('#notes', 'x');
  await waitStored(page, '"notes":"x"');
  await page.goto(h.url('/settings'));
  await appReady(page);
  const text = await page.locator('#storage-persistence').textContent();
  assert.doesNotMatch(text, /has not said/, `persist() was asked and answered: ${text}`);
  await context.close();
});
