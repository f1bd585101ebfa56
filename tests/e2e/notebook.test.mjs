// The case notebook, key dates and backups in a real browser: entries and dates added and
// reloaded, a calendar file, an encrypted backup exported, everything deleted, the backup
// imported back intact; a damaged file and a wrong passphrase change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, appReady, waitStored, axe } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

const stored = (page) => page.evaluate(() => localStorage.getItem('harbour'));

test('entries and dates are added, reloaded, backed up, deleted and brought back intact', async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(h.url('/notebook'));
  await appReady(page);
  // An entry missing what happened is refused plainly.
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByText('Write who it was with, or what was said or agreed').first().waitFor();
  assert.deepEqual(await axe(page), [], 'notebook with an error');
  for (const [who, said, date] of [['Ms A', 'CANARY-SAID she will write by Friday', '2026-11-20'], ['PC B', 'CANARY-POLICE devices kept for now', '2026-11-22']]) {
    await page.getByLabel('Date', { exact: true }).fill(date);
    await page.getByLabel('Who was it with? (optional)').fill(who);
    await page.getByLabel('What was said').fill(said);
    await page.getByLabel('What', { exact: true }).fill(`CANARY-ACTION reply to ${who}`);
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText('Entry saved.').waitFor();
  }
  const order = await page.locator('.app-timeline__entry h3').allTextContents();
  assert.match(order[0], /22 November 2026/, 'newest first');
  await page.getByLabel('Search your entries').fill('devices');
  assert.equal(await page.locator('.app-timeline__entry').count(), 1);
  await page.getByLabel('Search your entries').fill('');
  assert.deepEqual(await axe(page), [], 'notebook');

  await page.goto(h.url('/dates'));
  await appReady(page);
  await page.getByLabel('What is it?').selectOption('court');
  await page.getByLabel('Date', { exact: true }).fill('2099-03-01');
  await page.getByLabel('Where (optional)').fill('CANARY-COURT Leeds; Court 3');
  await page.getByRole('button', { name: 'Add date' }).click();
  await page.getByText('Added: Court hearing: 1 March 2099').waitFor();
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save to my calendar' }).click()]);
  const calendar = await readFile(await ics.path(), 'utf8');
  assert.match(calendar, /^BEGIN:VCALENDAR\r\n/);
  assert.match(calendar, /DTSTART;VALUE=DATE:20990301\r\n/);
  assert.match(calendar, /LOCATION:CANARY-COURT Leeds\\; Court 3\r\n/);
  // Neither the file nor its name says what the date is for: she did not give it a name.
  assert.equal(ics.suggestedFilename(), '2099-03-01-appointment.ics');
  assert.match(calendar, /\r\nSUMMARY:Appointment\r\n/);
  assert.doesNotMatch(calendar, /harbour|court hearing|bail|key dates/i);
  assert.deepEqual(await axe(page), [], 'dates');

  // Coming up on the front page (a date within 30 days).
  const soon = await page.evaluate(() => { const d = new Date(Date.now() + 5 * 864e5); return d.toISOString().slice(0, 10); });
  await page.getByLabel('What is it?').selectOption('conference');
  await page.getByLabel('Date', { exact: true }).fill(soon);
  await page.getByRole('button', { name: 'Add date' }).click();
  await page.goto(h.url('/'));
  await appReady(page);
  await page.getByRole('heading', { name: 'Coming up' }).waitFor();
  assert.match(await page.locator('#coming-up-title + ul').innerText(), /Child protection conference/);

  await page.reload();
  await appReady(page);
  await page.goto(h.url('/notebook'));
  await appReady(page);
  assert.equal(await page.locator('.app-timeline__entry').count(), 2, 'entries survive a reload');
  const before = JSON.parse(await stored(page)).data;

  // Back up.
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.getByLabel('Choose a passphrase for the backup').fill('moving house slowly');
  await page.getByLabel('Type the backup passphrase again').fill('moving house slowly');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#make-backup').click()]);
  const backupPath = join(tmpdir(), `harbour-backup-${process.pid}.json`);
  await download.saveAs(backupPath);
  const backupText = await readFile(backupPath, 'utf8');
  assert.doesNotMatch(backupText, /CANARY/, 'the backup file is encrypted');
  assert.match(backupText, /"format": "notes-backup"/);
  assert.doesNotMatch(backupText, /harbour/i, 'the file names nothing');
  assert.match(download.suggestedFilename(), /^notes-backup-\d{4}-\d{2}-\d{2}\.json$/);
  assert.deepEqual(await axe(page), [], 'settings');

  // Delete everything, then bring the backup back.
  await page.getByRole('button', { name: 'Delete everything' }).first().click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByRole('heading', { name: 'Everything has been deleted' }).waitFor();
  await page.goto(h.url('/settings'));
  await appReady(page);

  // A damaged file changes nothing.
  const damaged = join(tmpdir(), `harbour-damaged-${process.pid}.json`);
  await writeFile(damaged, backupText.replace(/"data": "(.{10})/, (m, s) => `"data": "${s.split('').reverse().join('')}`));
  await page.setInputFiles('#backup-file', damaged);
  await page.getByLabel("The backup's passphrase").fill('moving house slowly');
  await page.locator('#open-backup').click();
  await page.getByText('The passphrase is wrong, or the file is damaged').waitFor();
  const foreign = join(tmpdir(), `harbour-foreign-${process.pid}.json`);
  await writeFile(foreign, '{"hello": "world"}');
  await page.setInputFiles('#backup-file', foreign);
  await page.getByText('This is not a Harbour backup file').waitFor();

  // A wrong passphrase changes nothing.
  await page.setInputFiles('#backup-file', backupPath);
  await page.getByLabel("The backup's passphrase").fill('the wrong passphrase');
  await page.locator('#open-backup').click();
  await page.getByText('The passphrase is wrong, or the file is damaged').waitFor();
  const emptyNow = await stored(page);
  assert.ok(emptyNow === null || JSON.parse(emptyNow).data.notebook.length === 0, 'nothing was imported');

  await page.getByLabel("The backup's passphrase").fill('moving house slowly');
  await page.locator('#open-backup').click();
  await page.getByText('This backup holds').waitFor();
  assert.match(await page.locator('.app-notice', { hasText: 'This backup holds' }).innerText(), /2 notebook entries[\s\S]*2 key dates/);
  await page.getByRole('button', { name: 'Replace what is here' }).click();
  await page.getByText('What was here has been replaced by the backup.').waitFor();
  await waitStored(page, 'CANARY-POLICE');
  await page.reload();
  await appReady(page);
  assert.deepEqual(JSON.parse(await stored(page)).data, before, 'everything came back exactly');
  await context.close();
});
