// The household safety plan in a real browser, by keyboard only: every section for a
// household with two children, a reload, the plan printed to PDF holding every answer,
// versions, and axe on every builder page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, appReady, tabTo, pdfText, artifacts, watchedPage, axe } from './harness.mjs';

const SECTIONS = ['household', 'where-things-stand', 'contact', 'home', 'devices', 'outside', 'children-know', 'worries', 'support', 'review'];
let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});


async function type(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

async function press(page, selector, key = 'Enter') {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

/** Selects a radio by keyboard: Tab into its group, arrow to it, Space. */
async function radio(page, name, value) {
  await tabTo(page, `input[name="${name}"]`);
  for (let i = 0; i < 10; i++) {
    if (await page.evaluate((id) => document.activeElement.id === id, `${name}-${value}`)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Space');
}

/**
 * Types a date into a date field by keyboard. Debian's headless Chromium orders the parts
 * month, day, year whatever the language (checked: day-first typing is rejected).
 */
async function typeDate(page, selector, iso) {
  const [y, m, d] = iso.split('-');
  await tabTo(page, selector);
  await page.keyboard.type(`${m}${d}${y}`);
  assert.equal(await page.inputValue(selector), iso, `typing ${iso} into ${selector}`);
}

async function continueTo(page, path) {
  await press(page, 'button[type=submit]');
  await page.waitForURL(new RegExp(`/safety-plan/${path}$`));
  await page.locator('main h1').waitFor();
}

test('a keyboard-only user writes every section for two children, reloads, and prints a PDF holding every answer', async () => {
  // A UK phone: dates are typed day, month, year.
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const { page, problems } = await watchedPage(context, h.server.url);
  await page.goto(h.url('/safety-plan'));
  await appReady(page);
  assert.deepEqual(await axe(page), [], 'overview');
  await press(page, 'a[href$="safety-plan/start"]');
  await page.getByRole('heading', { name: 'Which is closest to your situation now?' }).waitFor();
  // Continue without choosing: the error summary says what to fix.
  await press(page, 'button[type=submit]');
  await page.getByText('Select the one that is closest to your situation now').first().waitFor();
  assert.deepEqual(await axe(page), [], 'start with errors');
  await radio(page, 'situation', 'supervised-elsewhere');
  await type(page, '#person', 'Mark');
  await continueTo(page, 'household');

  const answers = [];
  const write = async (selector, text) => {
    await type(page, selector, text);
    answers.push(text);
  };
  // 1. The household.
  assert.deepEqual(await axe(page), [], 'household');
  for (const [name, age] of [['J', '10'], ['K.L.', '13']]) {
    await press(page, '#add-child');
    await page.waitForFunction((n) => document.querySelectorAll('input[id$="-name"][id^="child-"]').length === n, answers.filter((a) => a.startsWith('CHILD')).length + 1);
    const ids = await page.locator('input[id^="child-"][id$="-name"]').evaluateAll((els) => els.map((e) => e.id));
    const id = ids[ids.length - 1].replace(/-name$/, '');
    await type(page, `#${id}-name`, name);
    await type(page, `#${id}-age`, age);
    answers.push(`CHILD ${name}`);
  }
  await write('#other-children', 'CANARY-OTHER his nephew at family parties');
  await write('#household-notes', 'CANARY-HOUSEHOLD-NOTE');
  await continueTo(page, 'where-things-stand');
  // 2. Where things stand.
  await radio(page, 'status', 'bail');
  await write('#conditions', 'CANARY-BAIL no unsupervised contact with under 18s');
  await write('#agreement', 'CANARY-AGREEMENT written agreement 20 November');
  await typeDate(page, '#bail-return', '2027-02-14');
  assert.deepEqual(await axe(page), [], 'where things stand');
  await continueTo(page, 'contact');
  // 3. Contact: a supervisor and his own rule.
  await radio(page, 'lives-at-home', 'no');
  await press(page, '#add-supervisor');
  await type(page, 'input[id^="supervisor-"][id$="-name"]', 'CANARY-SUPERVISOR my mother');
  answers.push('CANARY-SUPERVISOR my mother');
  await radio(page, (await page.locator('input[type=radio][name$="-agreed"]').first().getAttribute('name')), 'yes');
  assert.deepEqual(await axe(page), [], 'contact');
  await continueTo(page, 'home');
  // 4 to 9: a rule of her own in each (and untick one suggestion to show it sticks).
  for (const [i, id] of SECTIONS.slice(3, 9).entries()) {
    const heading = (await page.locator('main h1').textContent()).trim();
    assert.equal(await page.url().endsWith(`/safety-plan/${id}`), true, heading);
    await press(page, '#add-rule');
    await page.locator('textarea[id^="rule-"]').last().waitFor();
    const ruleId = await page.locator('.app-item textarea[id^="rule-"]').last().getAttribute('id');
    await write(`#${ruleId}`, `CANARY-RULE-${id} her own words ${i}`);
    assert.deepEqual(await axe(page), [], id);
    const next = SECTIONS[SECTIONS.indexOf(id) + 1];
    await press(page, 'button[type=submit]');
    await page.waitForURL(new RegExp(`/safety-plan/${next}$`));
  }
  // 10. Review.
  await typeDate(page, '#review-date', '2027-01-10');
  await write('#agreed-by', 'CANARY-AGREED Ms A, social worker');
  assert.deepEqual(await axe(page), [], 'review');
  await continueTo(page, 'check');
  assert.deepEqual(await axe(page), [], 'check answers');

  // Reload: every answer is still there.
  await page.reload();
  await appReady(page);
  const checkText = await page.locator('main').innerText();
  for (const a of answers) assert.ok(checkText.includes(a.replace(/^CHILD /, '')), `after reload, check answers shows ${a}`);
  assert.match(checkText, /14 February 2027/);
  assert.match(checkText, /10 January 2027/);
  assert.match(checkText, /Mark will only see the children|Mark/);

  // The plan document, printed to PDF.
  await press(page, 'a[href$="safety-plan/plan"]');
  await page.getByRole('heading', { name: 'Household safety plan' }).waitFor();
  assert.deepEqual(await axe(page), [], 'plan document');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(artifacts, 'print-safety-plan.png'), fullPage: true });
  // page.pdf() prints with whatever media is emulated: leave it on print.
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  const { text, pages } = await pdfText(pdf);
  const flat = text.replace(/\s+/g, ' ');
  for (const a of answers) assert.ok(flat.includes(a.replace(/^CHILD /, '')), `the PDF holds ${a}`);
  assert.match(flat, /Household safety plan/);
  assert.match(flat, /Draft of \d+ \w+ \d{4}/, 'dated');
  const chrome = flat.match(/.{0,60}(Quick exit|Skip to main content|Call 999).{0,60}/);
  assert.equal(chrome, null, `no app chrome in print: ${chrome && chrome[0]}`);
  assert.ok(pages >= 1);

  // Mark a version, change a rule, and see what changed.
  await press(page, '#save-version');
  await page.getByText('Saved as version 1.').waitFor();
  assert.match(await page.locator('.app-document__meta').textContent(), /Version 1, agreed on/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('marking a version asks for what is missing, and versions show what changed', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.url('/safety-plan/plan'));
  await appReady(page);
  await page.getByRole('button', { name: 'Save this version' }).click();
  await page.getByText('Select the one that is closest to your situation now').waitFor();
  await page.getByText('Enter the date the plan will be reviewed').waitFor();
  await page.goto(h.url('/safety-plan/start'));
  await appReady(page);
  await page.getByLabel(/He has moved out/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Who lives here and who visits' }).waitFor();
  await page.getByRole('link', { name: 'Back' }).click();
  await page.goto(h.url('/safety-plan/review'));
  await appReady(page);
  await page.getByLabel('When will the plan be reviewed?').fill('2020-01-01');
  await page.goto(h.url('/safety-plan/plan'));
  await appReady(page);
  await page.getByLabel('I sent it to someone').check();
  await page.getByLabel(/Who with/).fill('Social worker');
  await page.getByRole('button', { name: 'Save this version' }).click();
  await page.getByText('Saved as version 1.').waitFor();
  // Untick a suggested rule that the situation ticked.
  await page.goto(h.url('/safety-plan/contact'));
  await appReady(page);
  const ticked = page.locator('.app-rule input[type=checkbox]:checked').first();
  const label = (await page.locator(`label[for="${await ticked.getAttribute('id')}"]`).textContent()).trim();
  await ticked.uncheck();
  await page.goto(h.url('/safety-plan/versions'));
  await appReady(page);
  await page.getByRole('heading', { name: 'Changes since your last version' }).waitFor();
  assert.match(await page.locator('main').innerText(), new RegExp(`Removed rule: ${label.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.deepEqual(await axe(page), []);
  // The review date has passed: the front page says so.
  await page.goto(h.url('/'));
  await appReady(page);
  await page.getByRole('heading', { name: 'Your safety plan is due for review' }).waitFor();
  await context.close();
});
