// Talking to the children, in a real browser: plans for a 4-year-old and a 13-year-old,
// written, reloaded and printed to PDF, each holding its age band's guidance and her words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, appReady, pdfText, artifacts, watchedPage, axe } from './harness.mjs';

const TOPICS = ['about', 'guidance', 'say', 'questions', 'talk-to', 'afterwards', 'school'];
const childrenToml = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content', 'children.toml'), 'utf8');
/** The first "say" item of a band in the content, to find in the PDF. */
const firstSay = (band) => childrenToml.split(`id = "${band}"`)[1].match(/say = \[\s*"([^"]+)"/)[1];

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});


async function writePlan(page, { name, age, band, canary }) {
  await page.goto(h.url('/children'));
  await appReady(page);
  await page.getByRole('button', { name: 'Start a plan for a child' }).click();
  await page.getByRole('heading', { name: 'About this child' }).waitFor();
  // Continue without an age: told what to fix.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText("Enter the child's first name or initials").first().waitFor();
  assert.deepEqual(await axe(page), [], 'about, with errors');
  await page.getByLabel("The child's first name or initials").fill(name);
  await page.getByLabel('Their age').fill(age);
  await page.getByLabel('What do they call the person arrested?').fill('Dad');
  await page.getByLabel('The arrest').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'What helps at this age' }).waitFor();
  assert.match(await page.locator('main').innerText(), new RegExp(`Age group: ${band}`));
  assert.deepEqual(await axe(page), [], 'guidance');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'What I will say' }).waitFor();
  const phrases = page.locator('.app-rule input[type=checkbox]');
  assert.ok((await phrases.count()) >= 6, 'at least six example phrases');
  assert.doesNotMatch(await page.locator('main').innerText(), /\{name\}/);
  await phrases.nth(0).check();
  const edit = page.locator('.app-rule__edit textarea').first();
  await edit.fill(`${canary}-PHRASE said in my words`);
  await page.getByLabel('When and where you will talk (optional)').fill(`${canary}-WHEN Saturday morning`);
  assert.deepEqual(await axe(page), [], 'say');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Questions they might ask' }).waitFor();
  const questions = page.locator('.app-rule input[type=checkbox]');
  assert.ok((await questions.count()) >= 6, 'at least six common questions');
  await questions.nth(1).check();
  await page.locator('.app-rule__edit textarea').first().fill(`${canary}-ANSWER I do not know yet`);
  assert.deepEqual(await axe(page), [], 'questions');
  for (const [heading, label, text] of [
    ['Who they can talk to', 'Trusted adults they can talk to (optional)', `${canary}-TRUSTED Auntie S`],
    ['Afterwards', 'Signs you will watch for (optional)', `${canary}-SIGNS sleep and eating`],
    ['The school', 'Who will tell the school (optional)', `${canary}-SCHOOL me`],
  ]) {
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.getByLabel(label).fill(text);
    assert.deepEqual(await axe(page), [], heading);
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: `Talking to ${name}` }).waitFor();
  return page.url().replace(/\/plan$/, '');
}

test('plans for a 4-year-old and a 13-year-old are written, reloaded and printed with their band guidance', async () => {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context, h.server.url);
  const plans = [
    { name: 'Jo', age: '4', band: 'Under 5', bandId: 'under-5', canary: 'CANARY-FOUR' },
    { name: 'K.L.', age: '13', band: '13 to 17', bandId: '13-17', canary: 'CANARY-THIRTEEN' },
  ];
  const urls = [];
  for (const p of plans) urls.push(await writePlan(page, p));
  await page.reload();
  await appReady(page);
  for (const [i, p] of plans.entries()) {
    await page.goto(`${urls[i]}/plan`);
    await appReady(page);
    const text = await page.locator('main').innerText();
    for (const part of ['PHRASE said in my words', 'WHEN Saturday morning', 'ANSWER I do not know yet', 'TRUSTED Auntie S', 'SIGNS sleep and eating', 'SCHOOL me']) {
      assert.ok(text.includes(`${p.canary}-${part}`), `${p.name}: after reload, ${part}`);
    }
    assert.deepEqual(await axe(page), [], `${p.name} plan`);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(artifacts, `print-child-${p.bandId}.png`), fullPage: true });
    const { text: pdf } = await pdfText(await page.pdf({ format: 'A4' }));
    await page.emulateMedia({ media: 'screen' });
    const flat = pdf.replace(/\s+/g, ' ');
    assert.ok(flat.includes(`What helps at this age (${p.band})`), `${p.name}: the PDF has the band's guidance`);
    assert.ok(flat.includes(firstSay(p.bandId).replace(/\s+/g, ' ').slice(0, 40)), `${p.name}: the band's advice is in the PDF`);
    for (const part of ['PHRASE said in my words', 'ANSWER I do not know yet', 'SCHOOL me']) {
      assert.ok(flat.includes(`${p.canary}-${part}`), `${p.name}: the PDF holds ${part}`);
    }
    const other = plans.find((x) => x !== p);
    assert.ok(!flat.includes(other.canary), `${p.name}: the PDF holds only this child`);
    assert.doesNotMatch(flat, /Quick exit|Call 999/);
    assert.doesNotMatch(flat, /\{name\}/, 'every {name} is filled in');
  }
  // Every child together.
  await page.goto(h.url('/children/all'));
  await appReady(page);
  const all = await page.locator('main').innerText();
  assert.ok(all.includes('CANARY-FOUR-PHRASE') && all.includes('CANARY-THIRTEEN-PHRASE'));
  // A saved version, then a change, shows what changed.
  await page.goto(`${urls[0]}/plan`);
  await appReady(page);
  await page.getByRole('button', { name: 'Save this version' }).click();
  await page.getByText('Saved this version.').waitFor();
  await page.goto(`${urls[0]}/say`);
  await appReady(page);
  await page.getByLabel('Who will be with you (optional)').fill('Grandma');
  await page.goto(`${urls[0]}/plan`);
  await appReady(page);
  await page.getByText('Who will be with me: added “Grandma”').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
