// "Prepare for a meeting" and her statement in a real browser, for England and Scotland:
// the cards for her nation (no pre-proceedings meeting in Scotland), questions ticked,
// changed and added, a decision that lands in her notebook with its date, her statement
// with the gentle warning when she writes about the case itself, kept after a reload and
// printed on one A4 page (checked as text); axe clean; no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, appReady, watchedPage, axe, pdfText, artifacts, waitStored } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

const NATIONS = [
  {
    id: 'england',
    name: 'England',
    has: ['Initial child protection conference', 'Pre-proceedings (PLO) meeting', 'Core group', 'Child in need meeting', 'Review conference'],
    lacks: ['Child Protection Planning Meeting', "Children's hearing"],
    card: 'en-conference',
    when: /Within 15 working days of the strategy discussion\./,
    question: 'report',
  },
  {
    id: 'scotland',
    name: 'Scotland',
    has: ['Child Protection Planning Meeting', "Children's hearing"],
    lacks: ['Pre-proceedings (PLO) meeting', 'Initial child protection conference', 'Child in need meeting'],
    card: 'sc-cppm',
    when: /usually within 28 days/,
    question: 'report',
  },
];

for (const nation of NATIONS) {
  test(`${nation.name}: meeting cards, her questions, a decision into the notebook, and her statement on one page`, async () => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems, foreign } = await watchedPage(context, h.server.url);
    await page.goto(h.url('/'));
    await appReady(page);
    await page.getByRole('group', { name: 'Where do you live?' }).getByLabel(nation.name, { exact: true }).check();
    await waitStored(page, `"nation":"${nation.id}"`);

    await page.getByRole('link', { name: 'Prepare for a meeting', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Prepare for a meeting' }).waitFor();
    const headings = await page.locator('main h2').allInnerTexts();
    for (const name of nation.has) assert.ok(headings.includes(name), `${nation.name} shows ${name}: ${headings}`);
    for (const name of nation.lacks) assert.ok(!headings.includes(name), `${nation.name} has no ${name}`);
    assert.match(await page.locator('#meetings-nation').innerText(), new RegExp(nation.name));

    const card = page.locator(`#meeting-${nation.card}`);
    const cardText = await card.innerText();
    assert.match(cardText, nation.when);
    assert.match(cardText, /What you can ask for/);
    assert.match(cardText, /Ask /);
    assert.doesNotMatch(cardText, /you have the right/i);
    assert.match(cardText, /Where this comes from/);
    assert.ok((await card.locator('a[href^="https://"]').count()) >= 1, 'a card links its sources');

    // Tick a question, change another, add her own.
    await card.locator(`#q-${nation.card}-${nation.question}`).check();
    await card.getByRole('button', { name: /^Change\W*What happens next, and when\?/ }).click();
    await card.locator(`#own-${nation.card}-0`).fill('CANARY-Q What happens next, and by when exactly?');
    await card.getByRole('button', { name: /^Add a question/ }).click();
    await card.locator(`#own-${nation.card}-1`).fill('CANARY-Q2 Can my sister come?');
    await waitStored(page, 'CANARY-Q2 Can my sister come?');
    await page.screenshot({ path: join(artifacts, `meeting-${nation.id}-390.png`), fullPage: true });
    assert.deepEqual(await axe(page), [], 'meetings page');

    // What was decided: into her notebook, with its date.
    await card.locator(`#decided-${nation.card}`).fill('CANARY-DECIDED A plan for three months.');
    await card.locator(`#decided-date-${nation.card}`).fill('2026-12-03');
    await card.getByRole('button', { name: /^Add to my notebook/ }).click();
    await card.getByRole('status').filter({ hasText: 'Added to your notebook.' }).waitFor();
    await waitStored(page, 'CANARY-DECIDED');

    // Her statement.
    await page.getByRole('link', { name: /write your statement/ }).click();
    await page.getByRole('heading', { level: 1, name: 'What I want the meeting to know' }).waitFor();
    await page.locator('#statement-name').fill('CANARY Jo Bloggs');
    await page.locator('#statement-children').fill('CANARY-KIDS Sam is 8 and loves football.');
    await page.locator('#statement-safe').fill('He has moved out and does not see them alone.');
    assert.equal(await page.locator('[id^="statement-warning-"]').count(), 0, 'no warning for plain words');
    await page.locator('#statement-worries').fill('They think he looked at images.');
    await page.locator('#statement-warning-worries').waitFor();
    assert.match(await page.locator('#statement-warning-worries').innerText(), /about the police case/);
    await page.screenshot({ path: join(artifacts, `statement-${nation.id}-390.png`), fullPage: true });
    assert.deepEqual(await axe(page), [], 'statement with the warning');
    await page.locator('#statement-worries').fill('That the children might not be safe with him.');
    await page.locator('#statement-warning-worries').waitFor({ state: 'detached' });
    await page.locator('#statement-help').fill('CANARY-HELP Someone to talk to.');
    await waitStored(page, 'CANARY-HELP');

    // Reload: everything is kept.
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: 'What I want the meeting to know' }).waitFor();
    assert.equal(await page.locator('#statement-children').inputValue(), 'CANARY-KIDS Sam is 8 and loves football.');
    const doc = await page.locator('#statement-text').innerText();
    assert.match(doc, /CANARY Jo Bloggs/);
    assert.match(doc, /CANARY-HELP Someone to talk to\./);

    // Print: one A4 page, her name, the date, only the statement.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    await page.emulateMedia({ media: 'screen' });
    const printed = await pdfText(pdf);
    const flat = printed.text.replace(/\s+/g, ' ');
    assert.equal(printed.pages, 1, 'one page');
    assert.match(flat, /What I want the meeting to know/);
    assert.match(flat, /CANARY Jo Bloggs/);
    assert.match(flat, /\d{1,2} [A-Z][a-z]+ 20\d\d/, 'dated');
    assert.match(flat, /CANARY-KIDS Sam is 8/);
    assert.doesNotMatch(flat, /Quick exit|Keep to your children|Print or save/, 'only the statement prints');

    // Back on the meetings page, her questions are kept.
    await page.goto(h.url('/meetings'));
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: 'Prepare for a meeting' }).waitFor();
    assert.ok(await page.locator(`#q-${nation.card}-${nation.question}`).isChecked(), 'tick kept');
    assert.equal(await page.locator(`#own-${nation.card}-0`).inputValue(), 'CANARY-Q What happens next, and by when exactly?');
    assert.equal(await page.locator(`#own-${nation.card}-1`).inputValue(), 'CANARY-Q2 Can my sister come?');

    // The decision is in her notebook, dated.
    await page.goto(h.url('/notebook'));
    await appReady(page);
    const notebook = await page.locator('main').innerText();
    assert.match(notebook, /CANARY-DECIDED A plan for three months\./);
    assert.match(notebook, /3 December 2026|3 Dec 2026|2026-12-03/);

    assert.deepEqual(foreign(), [], 'no request left the origin');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
