// Drafts are kept, in a real browser, as a new user would find them: for every form that
// holds her words until she presses a button (a notebook entry, a key date, a contact, a
// support-worker link, a note on a version of the safety plan or of a child's plan, what
// was decided at a meeting), what she typed is back in the fields after a reload, and the
// form is empty after a reload once she saved or cleared it. With the lock on, a draft is
// in no stored value in the clear, is not shown after a quick exit, and comes back only
// when she unlocks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, appReady, waitStored, stored, axe } from './harness.mjs';

const PASS = 'kettle tuesday blue garden';
let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

/** A fresh page on `path`, with nothing stored (or `seed` as Harbour's stored text). */
async function fresh(context, path, seed) {
  const page = await context.newPage();
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.evaluate((text) => {
    localStorage.clear();
    if (text) localStorage.setItem('harbour', text);
  }, seed);
  await page.goto(h.url(path));
  await appReady(page);
  return page;
}

/** The drafts part of her stored data. */
const drafts = async (page) => JSON.parse(await stored(page)).data.drafts;

/** Reloads and waits for the page's heading. */
async function reload(page, heading) {
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The values of fields by id. */
const values = (page, ids) => Promise.all(ids.map((id) => page.locator(`#${id}`).inputValue()));

/** Waits until nothing is kept for a form (after she saved or cleared it). */
const waitCleared = (page, part) =>
  page.waitForFunction((p) => {
    const d = JSON.parse(localStorage.getItem('harbour') || '{}').data?.drafts;
    return d && (p === 'short' ? d.short.length === 0 : d[p] === null);
  }, part, { timeout: 3000 });

test('a new notebook entry: typed, reloaded, back; saved, reloaded, empty; cleared; a change in progress kept', async () => {
  const context = await h.browser.newContext();
  const page = await fresh(context, '/notebook');
  await page.getByLabel('What was it?').selectOption('call');
  await page.getByLabel('Who was it with? (optional)').fill('CANARY-WHO Ms A');
  await page.getByLabel('What was said').fill('CANARY-SAID she will write by Friday');
  await page.getByLabel('What', { exact: true }).fill('CANARY-ACTION ring her back');
  await waitStored(page, 'CANARY-ACTION');
  await reload(page, 'Notebook');
  assert.deepEqual(await values(page, ['entry-kind', 'entry-who', 'entry-said']), ['call', 'CANARY-WHO Ms A', 'CANARY-SAID she will write by Friday']);
  assert.equal(await page.getByLabel('What', { exact: true }).inputValue(), 'CANARY-ACTION ring her back');
  assert.doesNotMatch(await page.title(), /CANARY/, 'the title carries no draft text');
  assert.deepEqual(await axe(page), [], 'notebook with a draft and its Clear button');

  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByText('Entry saved.').waitFor();
  await waitCleared(page, 'entry');
  await reload(page, 'Notebook');
  assert.deepEqual(await values(page, ['entry-kind', 'entry-who', 'entry-said']), ['meeting', '', '']);
  assert.equal(await page.getByLabel('What', { exact: true }).inputValue(), '');
  assert.equal(await page.locator('.app-timeline__entry').count(), 1, 'saved once');

  // Cleared without saving.
  await page.getByLabel('What was said').fill('CANARY-DISCARD not this');
  await waitStored(page, 'CANARY-DISCARD');
  await reload(page, 'Notebook');
  assert.equal(await page.locator('#entry-said').inputValue(), 'CANARY-DISCARD not this');
  await page.getByRole('button', { name: 'Clear this form' }).click();
  await waitCleared(page, 'entry');
  assert.equal(await page.locator('#entry-said').inputValue(), '');
  await reload(page, 'Notebook');
  assert.equal(await page.locator('#entry-said').inputValue(), '');
  assert.doesNotMatch(await stored(page), /CANARY-DISCARD/);
  assert.equal(await page.locator('.app-timeline__entry').count(), 1);

  // A change to a saved entry, not saved yet, is kept as a change (not as a new entry).
  await page.getByRole('button', { name: 'Change' }).click();
  await page.getByLabel('What was said').fill('CANARY-CHANGED she will write by Monday');
  await waitStored(page, 'CANARY-CHANGED');
  await reload(page, 'Notebook');
  await page.getByRole('heading', { name: 'Change this entry' }).waitFor();
  assert.equal(await page.locator('#entry-said').inputValue(), 'CANARY-CHANGED she will write by Monday');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Entry changed.').waitFor();
  await waitCleared(page, 'entry');
  await reload(page, 'Notebook');
  assert.equal(await page.locator('.app-timeline__entry').count(), 1, 'changed, not added');
  assert.match(await page.locator('.app-timeline').innerText(), /CANARY-CHANGED/);
  assert.equal(await page.locator('#entry-said').inputValue(), '');
  await context.close();
});

test('a key date: typed, reloaded, back; added, reloaded, empty', async () => {
  const context = await h.browser.newContext();
  const page = await fresh(context, '/dates');
  await page.getByLabel('What is it?').selectOption('court');
  await page.getByLabel('A name for it (optional)').fill('CANARY-TITLE hearing');
  await page.getByLabel('Date', { exact: true }).fill('2099-03-01');
  await page.getByLabel('Where (optional)').fill('CANARY-PLACE Leeds');
  await page.getByLabel('Notes (optional)').fill('CANARY-NOTES bring the letter');
  await waitStored(page, 'CANARY-NOTES');
  await reload(page, 'Key dates');
  assert.deepEqual(await values(page, ['date-kind', 'date-title', 'date-date', 'date-place', 'date-notes']), ['court', 'CANARY-TITLE hearing', '2099-03-01', 'CANARY-PLACE Leeds', 'CANARY-NOTES bring the letter']);
  assert.deepEqual(await axe(page), [], 'dates with a draft');
  await page.getByRole('button', { name: 'Add date' }).click();
  await page.getByText('Added: CANARY-TITLE hearing').waitFor();
  await waitCleared(page, 'date');
  await reload(page, 'Key dates');
  assert.deepEqual(await values(page, ['date-kind', 'date-title', 'date-date', 'date-place', 'date-notes']), ['bail-return', '', '', '', '']);
  assert.equal(await page.locator('.app-contacts li').count(), 1, 'added once');
  await context.close();
});

test('a contact: typed, reloaded, back; added, reloaded, empty; cleared', async () => {
  const context = await h.browser.newContext();
  const page = await fresh(context, '/contacts');
  await page.getByLabel('Who are they?').selectOption('social-worker');
  await page.getByLabel('Name').fill('CANARY-NAME Ms A');
  await page.getByLabel('Phone (optional)').fill('01632 960 001');
  await page.getByLabel('Notes (optional)').fill('CANARY-CNOTES duty desk');
  await waitStored(page, 'CANARY-CNOTES');
  await reload(page, 'Your contacts');
  assert.deepEqual(await values(page, ['contact-role', 'contact-name', 'contact-phone', 'contact-notes']), ['social-worker', 'CANARY-NAME Ms A', '01632 960 001', 'CANARY-CNOTES duty desk']);
  assert.deepEqual(await axe(page), [], 'contacts with a draft');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByText('Contact added.').waitFor();
  await waitCleared(page, 'contact');
  await reload(page, 'Your contacts');
  assert.deepEqual(await values(page, ['contact-role', 'contact-name', 'contact-phone', 'contact-notes']), ['', '', '', '']);

  await page.getByLabel('Name').fill('CANARY-GONE');
  await waitStored(page, 'CANARY-GONE');
  await page.getByRole('button', { name: 'Clear this form' }).click();
  await waitCleared(page, 'contact');
  await reload(page, 'Your contacts');
  assert.equal(await page.locator('#contact-name').inputValue(), '');
  assert.equal(await page.locator('.app-contacts > li').count(), 1);
  await context.close();
});

test('a support-worker link: typed, reloaded, back; cleared, reloaded, empty', async () => {
  const context = await h.browser.newContext();
  const page = await fresh(context, '/share');
  await page.getByLabel("Your organisation's name").fill('CANARY-ORG Families');
  await page.getByLabel('Area you cover (optional)').fill('Leeds');
  await page.getByLabel('A short note (optional)').fill('CANARY-NOTE ask for Sam');
  await waitStored(page, 'CANARY-NOTE');
  await reload(page, 'Share Harbour');
  assert.deepEqual(await values(page, ['share-name', 'share-area', 'share-note']), ['CANARY-ORG Families', 'Leeds', 'CANARY-NOTE ask for Sam']);
  assert.deepEqual(await axe(page), [], 'share with a draft');
  // Making the link keeps the details (she may change one and make it again).
  await page.getByRole('button', { name: 'Make the link' }).click();
  await page.locator('#made-link').waitFor();
  await page.getByRole('button', { name: 'Clear this form' }).click();
  await waitCleared(page, 'link');
  await reload(page, 'Share Harbour');
  assert.deepEqual(await values(page, ['share-name', 'share-area', 'share-note']), ['', '', '']);
  await context.close();
});

test('a note on a version of the safety plan, of a child plan, and what a meeting decided: typed, reloaded, back; saved or cleared, reloaded, empty', async () => {
  const context = await h.browser.newContext();
  const seed = await readFile(new URL('../fixtures/schema-9.json', import.meta.url), 'utf8');
  const page = await fresh(context, '/safety-plan/plan', seed);
  await page.getByRole('heading', { name: 'Mark this plan as agreed or sent' }).waitFor();
  await page.getByLabel('I sent it to someone').check();
  await page.getByLabel('Who with, or sent to whom (optional)').fill('CANARY-PLANNOTE Ms A');
  await waitStored(page, 'CANARY-PLANNOTE');
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('#version-note').inputValue(), 'CANARY-PLANNOTE Ms A');
  assert.ok(await page.getByLabel('I sent it to someone').isChecked(), 'the choice is kept');
  assert.deepEqual(await axe(page), [], 'plan document with a draft');
  await page.getByRole('button', { name: 'Clear this form' }).click();
  await waitCleared(page, 'short');
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('#version-note').inputValue(), '');
  assert.ok(await page.getByLabel('It was agreed').isChecked());

  await page.goto(h.url('/children/c1/plan'));
  await appReady(page);
  await page.getByLabel('Who with (optional)').fill('CANARY-CHILDNOTE school');
  await waitStored(page, 'CANARY-CHILDNOTE');
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('#child-version-note').inputValue(), 'CANARY-CHILDNOTE school');
  await page.getByRole('button', { name: 'Save this version' }).click();
  await page.getByText('Saved this version.').waitFor();
  await waitCleared(page, 'short');
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('#child-version-note').inputValue(), '');
  assert.match(await stored(page), /"note":"CANARY-CHILDNOTE school"/, 'the version has the note');

  // Scotland (the fixture's nation): the Child Protection Planning Meeting card.
  await page.goto(h.url('/meetings'));
  await appReady(page);
  await page.locator('#decided-sc-cppm').fill('CANARY-DECIDED a review in May');
  await page.locator('#decided-date-sc-cppm').fill('2026-12-03');
  await waitStored(page, 'CANARY-DECIDED');
  await reload(page, 'Prepare for a meeting');
  assert.deepEqual(await values(page, ['decided-sc-cppm', 'decided-date-sc-cppm']), ['CANARY-DECIDED a review in May', '2026-12-03']);
  assert.deepEqual(await axe(page), [], 'meetings with a draft');
  await page.locator('#meeting-sc-cppm').getByRole('button', { name: /^Add to my notebook/ }).click();
  await page.getByText('Added to your notebook.').waitFor();
  await waitCleared(page, 'short');
  await reload(page, 'Prepare for a meeting');
  assert.equal(await page.locator('#decided-sc-cppm').inputValue(), '');
  assert.deepEqual(await drafts(page), { entry: null, date: null, contact: null, link: null, short: [] });
  await context.close();
});

test('with the lock on, a draft is never in the clear, is not shown after a quick exit, and comes back on unlock', async () => {
  const context = await h.browser.newContext();
  await context.route(/^https:\/\/www\.bbc\.co\.uk\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Forecast</p>' }));
  const page = await fresh(context, '/settings');
  await page.getByLabel('Choose a passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('Type it again').fill(PASS);
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
  await page.goto(h.url('/notebook'));
  await appReady(page);
  await page.getByLabel('Passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('heading', { level: 1, name: 'Notebook' }).waitFor();
  const sealedBefore = await stored(page);
  await page.getByLabel('What was said').fill('CANARY-LOCKED-DRAFT words');
  await page.waitForFunction((old) => localStorage.getItem('harbour') !== old, sealedBefore);
  const everything = await page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).concat(Object.keys(sessionStorage).map((k) => `session:${k}=${sessionStorage.getItem(k)}`)).join('\n'));
  assert.match(everything, /"sealed"/, 'the envelope is sealed');
  assert.doesNotMatch(everything, /CANARY-LOCKED-DRAFT/, 'the draft is in no stored value in the clear');

  // Quick exit, then someone else opens Harbour: locked, and the draft is nowhere.
  await page.getByRole('link', { name: 'Quick exit' }).click();
  await page.waitForURL('https://www.bbc.co.uk/weather');
  const other = await context.newPage();
  await other.goto(h.url('/notebook'));
  await appReady(other);
  await other.getByRole('heading', { name: 'Harbour is locked' }).waitFor();
  assert.doesNotMatch(await other.content(), /CANARY-LOCKED-DRAFT/);
  assert.equal(await other.locator('#entry-said').count(), 0, 'no form behind the lock');
  // She unlocks: her draft is back.
  await other.getByLabel('Passphrase').fill(PASS);
  await other.getByRole('button', { name: 'Open' }).click();
  await other.getByRole('heading', { level: 1, name: 'Notebook' }).waitFor();
  assert.equal(await other.locator('#entry-said').inputValue(), 'CANARY-LOCKED-DRAFT words');
  await context.close();
});

test('"Delete everything" removes drafts: the form is empty and no draft is stored', async () => {
  const context = await h.browser.newContext();
  const page = await fresh(context, '/notebook');
  await page.getByLabel('What was said').fill('CANARY-DELETED draft');
  await waitStored(page, 'CANARY-DELETED');
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.getByRole('button', { name: 'Delete everything' }).first().click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByRole('heading', { name: 'Everything has been deleted' }).waitFor();
  const all = await page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'));
  assert.doesNotMatch(all, /CANARY-DELETED/);
  await page.goto(h.url('/notebook'));
  await appReady(page);
  assert.equal(await page.locator('#entry-said').inputValue(), '');
  await context.close();
});
