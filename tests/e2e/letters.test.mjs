// Letters in a real browser, for England and Scotland: her details typed once fill every
// letter; a letter with gaps shows them and printing warns; each letter prints (one or two
// A4 pages, checked as text) and copies; the reply date for a records request follows her
// nation's bank holidays and appears in her key dates; everything survives a reload; no
// request leaves the origin.
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

const DETAILS = {
  'detail-name': 'CANARY Jo Bloggs',
  'detail-born': '1990-05-01',
  'detail-address': '1 High Street, Townley',
  'detail-phone': '07700 900123',
  'detail-email': 'jo@example.org',
  'detail-council': 'Townley Council',
  'detail-social_worker': 'Ms Amara Khan',
  'detail-reference': 'CS-4471',
  'detail-force': 'Townley Police',
  'detail-crime_number': 'TP/123/26',
  'detail-school': 'Townley Primary',
  'detail-school_lead': 'Mrs Patel',
};

const LETTERS = [
  'Ask the council for a copy of your records',
  'Ask the police for a copy of your records',
  'Ask for reports, minutes or the plan',
  'Make a complaint',
  'Ask for an advocate, an interpreter or a new date',
  "A note to the school's safeguarding lead",
  'Ask the police for a record of what they took',
];

const NATIONS = [
  // A records request that arrives on 2 December 2026: the same date next month is Saturday
  // 2 January 2027. In England the next working day is Monday 4 January; in Scotland that
  // Monday is the substitute 2nd January bank holiday, so it is Tuesday 5 January.
  { id: 'england', name: 'England', due: 'Monday 4 January 2027', dueIso: '2027-01-04', basis: /Children Act 1989, section 26/ },
  { id: 'scotland', name: 'Scotland', due: 'Tuesday 5 January 2027', dueIso: '2027-01-05', basis: /social work complaints procedure/ },
];

const letterText = (page) => page.locator('#letter-text').innerText();

for (const nation of NATIONS) {
  test(`${nation.name}: each letter is filled from her details, printed and copied; the reply date is in her key dates`, async () => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.server.url });
    const { page, problems, foreign } = await watchedPage(context, h.server.url);
    await page.goto(h.url('/'));
    await appReady(page);
    await page.getByRole('group', { name: 'Where do you live?' }).getByLabel(nation.name, { exact: true }).check();
    await waitStored(page, `"nation":"${nation.id}"`);

    await page.getByRole('link', { name: 'Letters', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Letters' }).waitFor();
    assert.deepEqual(await axe(page), [], 'letters list');

    // Before she types anything, the letter shows its gaps, and printing warns about them.
    await page.getByRole('link', { name: LETTERS[0] }).click();
    await page.getByRole('heading', { level: 1, name: LETTERS[0] }).waitFor();
    let text = await letterText(page);
    assert.match(text, /My name: \[your name\]/);
    assert.match(text, /\[your children's names and dates of birth\]/);
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    await page.getByRole('alert').filter({ hasText: 'This letter still has gaps' }).waitFor();
    assert.deepEqual(await axe(page), [], 'a letter with gaps');
    await page.goto(h.url('/letters'));
    await appReady(page);

    for (const [n, title] of LETTERS.entries()) {
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      // Her details: typed once, then already filled on every later letter.
      for (const id of await page.locator('[id^="detail-"]').evaluateAll((els) => els.map((e) => e.id))) {
        const input = page.locator(`#${id}`);
        if (n > 0 && id !== 'detail-phone' && id !== 'detail-force' && id !== 'detail-crime_number' && id !== 'detail-school' && id !== 'detail-school_lead') {
          assert.equal(await input.inputValue(), DETAILS[id], `${title}: ${id} was kept from an earlier letter`);
        }
        if (!(await input.inputValue())) await input.fill(DETAILS[id]);
      }
      if (await page.getByRole('button', { name: 'Add a child' }).count()) {
        if (!(await page.locator('[id^="child-name-"]').count())) {
          await page.getByRole('button', { name: 'Add a child' }).click();
          await page.locator('[id^="child-name-"]').fill('Sam Bloggs');
          await page.locator('[id^="child-born-"]').fill('2015-03-02');
        }
      }
      for (const field of await page.locator('[id^="field-"]').evaluateAll((els) => els.map((e) => [e.id, e.tagName, e.type]))) {
        const [id, tag, type] = field;
        const input = page.locator(`#${id}`);
        if (type === 'checkbox') await input.check();
        else if (type === 'date') await input.fill('2026-12-14');
        else await input.fill(tag === 'TEXTAREA' ? 'CANARY-FACT On 1 December the visit was cancelled.' : 'CANARY-FIELD');
      }
      await page.getByLabel('The date you send it').fill('2026-12-02');
      text = await letterText(page);
      assert.doesNotMatch(text, /\[/, `${title}: no gaps left: ${text}`);
      assert.match(text, /CANARY Jo Bloggs/, title);
      assert.match(text, /2 December 2026/, `${title}: dated`);
      if (!/police/.test(title)) assert.match(text, /Sam Bloggs|Townley Primary/, title);
      await page.locator('#letter-basis').waitFor();
      assert.ok((await page.locator('#letter-do-not li').count()) >= 3, `${title}: what not to write`);
      if (title === 'Make a complaint') assert.match(await page.locator('#letter-basis').innerText(), nation.basis);
      if (n === 0) {
        // The reply date, by her nation's bank holidays.
        assert.match(await page.locator('#letter-due').innerText(), new RegExp(`A reply is due by ${nation.due}\\.`));
        assert.match(text, /Article 15 of the UK GDPR/);
        assert.match(text, /Sam Bloggs \(born 2 March 2015\)/);
        await page.screenshot({ path: join(artifacts, `letter-${nation.id}-390.png`), fullPage: true });
      }
      assert.deepEqual(await axe(page), [], `${title} filled in`);

      // Copy: the clipboard holds the letter as text.
      await page.getByRole('button', { name: 'Copy the text' }).click();
      await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied.replace(/\s+/g, ' ').trim(), text.replace(/\s+/g, ' ').trim(), `${title}: copied as shown`);

      // Print: one or two A4 pages of the letter only.
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      await page.emulateMedia({ media: 'screen' });
      const printed = await pdfText(pdf);
      const flat = printed.text.replace(/\s+/g, ' ');
      assert.ok(printed.pages <= 2, `${title}: ${printed.pages} pages`);
      assert.match(flat, /CANARY Jo Bloggs/, `${title}: printed`);
      assert.doesNotMatch(flat, /Quick exit|Check your details|What not to write/, `${title}: only the letter prints`);

      await page.getByRole('link', { name: 'All letters' }).click();
      await page.getByRole('heading', { level: 1, name: 'Letters' }).waitFor();
    }

    // Reload: her details and drafts are kept.
    await waitStored(page, 'CANARY-FACT');
    await page.reload();
    await appReady(page);
    await page.getByRole('link', { name: 'Make a complaint' }).click();
    await page.getByRole('heading', { level: 1, name: 'Make a complaint' }).waitFor();
    assert.equal(await page.locator('#detail-name').inputValue(), DETAILS['detail-name']);
    assert.match(await letterText(page), /CANARY-FACT On 1 December the visit was cancelled\./);

    // The reply date is in her key dates, neutrally named.
    await page.goto(h.url('/dates'));
    await appReady(page);
    const dates = await page.locator('main').innerText();
    assert.match(dates, /Reply due: records request: \d+ January 2027/);
    const [day] = nation.due.match(/\d+ January 2027/);
    assert.ok(dates.includes(`Reply due: records request: ${day}`), `${nation.name}: ${day} in key dates`);

    assert.deepEqual(foreign(), [], 'no request left the origin');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
