// The crisis guide in a real browser: every page is sourced, accessible and linked to the
// glossary; search answers as she types; question lists go into her notebook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, watchedPage, appReady, artifacts, axe } from './harness.mjs';

const guideDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content', 'guide');
const pages = readdirSync(guideDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ slug: f.slice(0, -3), title: readFileSync(join(guideDir, f), 'utf8').match(/^title = "(.*)"$/m)[1] }));

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});


test('every guide page shows its title, dated sources for every citation, and passes axe', async () => {
  assert.ok(pages.length >= 10, 'at least ten guide pages');
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  for (const { slug, title } of pages) {
    const { page, problems, foreign } = await watchedPage(context, h.server.url);
    await page.goto(h.url(`/guide/${slug}`));
    await appReady(page);
    assert.equal((await page.locator('main h1').textContent()).trim(), title, slug);
    const citations = await page.locator('.app-prose .app-cite a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(citations.length > 0, `${slug} cites its sources`);
    for (const target of new Set(citations)) {
      const item = page.locator(target);
      assert.equal(await item.count(), 1, `${slug}: citation ${target} has a source`);
      assert.match(await item.textContent(), /read for Harbour \d{1,2} [A-Z][a-z]+ \d{4}/, `${slug}: ${target} is dated`);
    }
    assert.match(await page.locator('main h2').last().textContent(), /Sources/);
    assert.ok((await page.getByRole('heading', { name: 'What you can do now' }).count()) === 1, `${slug} ends with what she can do`);
    assert.deepEqual(await axe(page), [], `${slug}: axe`);
    await page.screenshot({ path: join(artifacts, `mobile-guide-${slug}.png`), fullPage: true });
    assert.deepEqual(problems, [], `${slug}: console errors`);
    assert.deepEqual(foreign(), [], `${slug}: requests to other origins`);
    await page.close();
  }
  await context.close();
});

test('a citation takes her to its source, and a term to the glossary', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.url('/guide/police'));
  await appReady(page);
  const cite = page.locator('.app-prose .app-cite a').first();
  const target = await cite.getAttribute('href');
  await cite.click();
  assert.ok(page.url().endsWith('/guide/police'), 'stays on the page');
  assert.equal(await page.evaluate(() => document.activeElement.id), target.slice(1));
  const term = page.locator('.app-prose a.app-term').first();
  const id = (await term.getAttribute('href')).split('#')[1];
  await term.click();
  await page.getByRole('heading', { name: 'Words and what they mean' }).waitFor();
  await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, id);
  await context.close();
});

test('the glossary has at least 50 terms and passes axe', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.url('/glossary'));
  await appReady(page);
  const count = await page.locator('dt.app-glossary__term').count();
  assert.ok(count >= 50, `${count} terms`);
  for (const term of ['RUI', 'SHPO', 'MOSOVO', 'MASH', 'PPN', 'ICPC', 'PLO', 'LADO', 'MAPPA', 'ViSOR', 'DSL', 'IIOC']) {
    assert.ok((await page.locator('dt.app-glossary__term', { hasText: term }).count()) > 0, term);
  }
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('search answers as she types, offline-capable and on this origin only', async () => {
  const context = await h.browser.newContext();
  const { page, foreign } = await watchedPage(context, h.server.url);
  await page.goto(h.url('/search'));
  await appReady(page);
  await page.getByLabel('Search the guide and the word list').pressSequentially('bail');
  await page.getByRole('status').filter({ hasText: /results?$/ }).waitFor();
  const first = page.locator('.app-results__link').first();
  assert.match(await first.textContent(), /\w/);
  assert.deepEqual(await axe(page), []);
  await page.getByLabel('Search the guide and the word list').fill('zzzz nothing here');
  await page.getByText('Nothing found for').waitFor();
  await page.getByLabel('Search the guide and the word list').fill('released under investigation');
  await page.locator('.app-results__link').first().click();
  await page.waitForURL(/\/(guide|glossary)/);
  assert.deepEqual(foreign(), []);
  await context.close();
});

test('a question list can be copied and added to her notebook', async () => {
  const context = await h.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(h.url('/questions'));
  await appReady(page);
  const section = page.locator('section#police');
  const firstQuestion = (await section.locator('li').first().textContent()).trim();
  await section.getByRole('button', { name: 'Copy these questions' }).click();
  await page.getByText('Copied: Questions to ask the police').waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), new RegExp(firstQuestion.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await section.getByRole('button', { name: 'Add to my notebook' }).click();
  await page.getByRole('link', { name: 'Go to your notebook' }).click();
  await page.getByRole('heading', { name: 'Notebook' }).waitFor();
  assert.match(await page.inputValue('#notes'), new RegExp(firstQuestion.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.deepEqual(await axe(page), []);
  await context.close();
});
