// "Where you are" (issue 18) in a real browser: with no nation chosen it shows England and
// Wales and says so; choosing Scotland shows the Scottish stages (the Children's Reporter,
// children's hearings, the Procurator Fiscal); a key date of kind "child protection
// conference" appears on the social-care track, highlighted as next; marking a stage on
// each track survives a reload, and the home page then shows "Now" and "Next" for both;
// the page prints to one A4 page (PDF read as text); axe finds nothing at 390 px and at
// 1280 px, light and dark. Screenshots in tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, watchedPage, appReady, waitStored, axe, artifacts, pdfText } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

const text = async (page, selector = 'main') => (await page.locator(selector).innerText()).replace(/[‘’]/g, "'").replace(/\s+/g, ' ');

async function openJourney(page) {
  await page.goto(h.url('/journey'));
  await appReady(page);
  await page.locator('#track-care').waitFor();
}

test('no nation: England and Wales, and it says so', async () => {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems, foreign } = await watchedPage(context, h.url('/').replace(/\/$/, ''));
  await openJourney(page);
  const main = await text(page);
  assert.match(main, /You have not said where you live, so this shows England and Wales/);
  assert.match(main, /Bail, or released under investigation/);
  assert.match(main, /Within 15 working days of the strategy discussion/);
  assert.match(main, /Bail: up to 3 months at first/);
  assert.doesNotMatch(main, /Children's Reporter|Procurator Fiscal/);
  // The reading order is the police case, then social care, each a list of steps.
  const headings = await page.locator('main h2').allTextContents();
  assert.deepEqual(headings.slice(0, 2), ['The police case', "Children's social care"]);
  assert.equal(await page.locator('#track-police + * ~ ol.app-stages > li, section[aria-labelledby="track-police"] ol.app-stages > li').count() > 0, true);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign(), []);
  await context.close();
});

test('Scotland: its stages, a conference date on the care track, marks kept after a reload, Now and Next at home, one printed A4 page, axe clean', async () => {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context, h.url('/').replace(/\/$/, ''));

  // Scotland, chosen on the home page.
  await page.goto(h.url('/'));
  await appReady(page);
  const question = page.getByRole('group', { name: 'Where do you live?' });
  await question.getByLabel('Scotland', { exact: true }).check();
  await waitStored(page, '"nation":"scotland"');
  // Before anything is marked, home has no "Where you are" lines.
  assert.equal(await page.locator('.app-journey-summary').count(), 0);

  // A child protection conference and a bail return, added as key dates.
  await page.goto(h.url('/dates'));
  await appReady(page);
  for (const [kind, date] of [['conference', '2099-01-12'], ['conference', '2099-06-01'], ['bail-return', '2099-02-14']]) {
    await page.getByLabel('What is it?').selectOption(kind);
    await page.getByLabel('Date', { exact: true }).fill(date);
    await page.getByRole('button', { name: 'Add date' }).click();
    await page.getByText('Added:').first().waitFor();
  }
  await waitStored(page, '2099-02-14');

  await openJourney(page);
  const main = await text(page);
  assert.match(main, /Showing the steps for Scotland/);
  for (const stage of ["The Children's Reporter", "Children's hearing", 'Child protection planning meeting', 'Inter-agency referral discussion', 'The Procurator Fiscal decides', 'Investigative liberation']) {
    assert.ok(main.includes(stage), `Scotland shows ${stage}`);
  }
  assert.doesNotMatch(main, /Section 47 enquiry|released under investigation/i, 'not England and Wales stages');
  // The conference dates sit on the social-care track, the sooner one marked next; the bail
  // return on the police case.
  const care = await text(page, 'section[aria-labelledby="track-care"]');
  const police = await text(page, 'section[aria-labelledby="track-police"]');
  assert.match(care, /Next: Child protection conference: 12 January 2099/);
  assert.match(care, /Child protection conference: 1 June 2099/);
  assert.doesNotMatch(police, /conference/i);
  assert.match(police, /Next: Bail return: 14 February 2099/);
  assert.equal(await page.locator('section[aria-labelledby="track-care"] .app-date--next').count(), 1);

  // Mark a stage on each track.
  await page.getByRole('group', { name: /Where are you now\? The police case/ }).getByLabel('Investigative liberation').check();
  await page.getByRole('group', { name: /Where are you now\? Children's social care/ }).getByLabel('Child protection planning meeting').check();
  await waitStored(page, '"journey":{"police":"sc-liberation","care":"sc-cppm"}');
  assert.match(await text(page, '#place-police'), /Now: Investigative liberation\. Next: The Procurator Fiscal decides\./);
  await page.locator('#stage-sc-cppm.app-stage--current').waitFor();
  await page.locator('#stage-sc-plan.app-stage--next').waitFor();
  assert.deepEqual(await axe(page), [], 'journey at 390 px, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await axe(page), [], 'journey at 390 px, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: join(artifacts, 'journey-390.png'), fullPage: true });

  // Kept after a reload.
  await page.reload();
  await appReady(page);
  await page.locator('#track-care').waitFor();
  assert.equal(await page.getByRole('group', { name: /Where are you now\? The police case/ }).getByLabel('Investigative liberation').isChecked(), true);
  assert.equal(await page.getByRole('group', { name: /Where are you now\? Children's social care/ }).getByLabel('Child protection planning meeting').isChecked(), true);
  assert.match(await text(page, '#place-care'), /Now: Child protection planning meeting\. Next: Child protection plan\./);

  // Home: one line per track.
  await page.goto(h.url('/'));
  await appReady(page);
  await page.locator('.app-journey-summary').waitFor();
  const summary = await text(page, '.app-journey-summary');
  assert.match(summary, /The police case: Now: Investigative liberation\. Next: The Procurator Fiscal decides\./);
  assert.match(summary, /Children's social care: Now: Child protection planning meeting\. Next: Child protection plan\./);
  assert.equal(await page.getByRole('link', { name: 'See both journeys' }).count(), 1);
  assert.deepEqual(await axe(page), [], 'home with the journey lines');

  // Wide screen: side by side, axe clean.
  await page.setViewportSize({ width: 1280, height: 900 });
  await openJourney(page);
  const [a, b] = await Promise.all(['police', 'care'].map((t) => page.locator(`section[aria-labelledby="track-${t}"]`).boundingBox()));
  assert.ok(Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1, 'the tracks sit side by side at 1280 px');
  assert.deepEqual(await axe(page), [], 'journey at 1280 px, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await axe(page), [], 'journey at 1280 px, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: join(artifacts, 'journey-1280.png'), fullPage: true });

  // Printed: one A4 page with both tracks, her place and her dates.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(artifacts, 'journey-print.png'), fullPage: true });
  const { text: pdf, pages } = await pdfText(await page.pdf({ format: 'A4', printBackground: false }));
  const flat = pdf.replace(/[‘’]/g, "'").replace(/\s+/g, ' ');
  assert.equal(pages, 1, `printed on one page, not ${pages}`);
  for (const words of ['The police case', "Children's social care", 'Now: Investigative liberation', "Children's hearing", 'Next: Child protection conference: 12 January 2099', 'Timing:']) {
    assert.ok(flat.includes(words), `the PDF has "${words}"`);
  }
  assert.doesNotMatch(flat, /Where are you now\?|Print this page/, 'no form or buttons on paper');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the safety plan suggests the police stage; the lock seals the marks; "Delete everything" removes them', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await openJourney(page);
  await page.getByRole('group', { name: /Where are you now\? Children's social care/ }).getByLabel('I do not know').check();
  await waitStored(page, '"care":"unknown"');
  assert.match(await text(page, '#place-care'), /Now: I do not know\./);
  // Her safety plan says the person is on bail: the police case suggests that stage, and she confirms.
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('harbour')));
  stored.data.plan.body.standing.status = 'bail';
  await page.evaluate((s) => localStorage.setItem('harbour', s), JSON.stringify(stored));
  await page.reload();
  await appReady(page);
  await page.getByText('Your safety plan says where the police case stands.').waitFor();
  await page.getByRole('button', { name: 'Yes, mark this' }).click();
  await waitStored(page, '"police":"ew-bail"');

  // With the lock on, nothing she marked is stored in the clear.
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.getByLabel('Choose a passphrase', { exact: true }).fill('meadow copper violin eleven');
  await page.getByLabel('Type it again').fill('meadow copper violin eleven');
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
  const everything = await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('\n'));
  assert.match(everything, /"sealed"/);
  assert.doesNotMatch(everything, /ew-bail|"journey"|unknown/, 'the marks are sealed');

  // "Delete everything" removes them.
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByRole('heading', { name: 'Everything has been deleted' }).waitFor();
  await page.waitForFunction(() => localStorage.getItem('harbour') === null);
  await openJourney(page);
  assert.match(await text(page, '#place-care'), /You have not marked where you are yet\./);
  await context.close();
});
