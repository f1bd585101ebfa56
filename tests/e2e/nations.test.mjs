// Her nation in a real browser: asked once on the home page, kept after a reload, changed in
// settings; each guide page then shows her nation's version, with that nation's own terms
// and bodies, says which nations it is for, and links to the other nations' versions.
//
// For each nation and page below, the test reads content/guide/ to find the version for that
// nation and checks every expected term is both in that version's text and on screen. A
// missing version, or an expected term no version holds, fails the test (it was a TODO while
// the nation versions were being written; issue 14's review filled the last gap).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, watchedPage, appReady, waitStored, axe, artifacts } from './harness.mjs';

const NATIONS = [
  { id: 'england', name: 'England' },
  { id: 'wales', name: 'Wales' },
  { id: 'scotland', name: 'Scotland' },
  { id: 'northern-ireland', name: 'Northern Ireland' },
];

const PAGES = ['police', 'court', 'after-sentence', 'social-care'];

/** The terms each nation's pages must show (issue 14, section 3), by page. */
const EXPECTED = {
  england: { 'social-care': [/Working Together to Safeguard Children 2023/, /Children Act 1989/] },
  wales: { 'social-care': [/Wales Safeguarding Procedures/, /Social Services and Well-being \(Wales\) Act 2014/] },
  scotland: {
    police: [/Procurator Fiscal/, /investigative liberation/i],
    court: [/Procurator Fiscal/],
    'social-care': [/Children['’]s Reporter|children['’]s hearing/i, /National Guidance for Child Protection in Scotland/],
  },
  'northern-ireland': {
    police: [/Public Prosecution Service/],
    court: [/Public Prosecution Service/],
    'after-sentence': [/PPANI/],
    'social-care': [/Children \(Northern Ireland\) Order 1995/, /Gateway team/],
  },
};

// Every guide file's slug, nations and text, as the build reads them.
const guideDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content', 'guide');
const versions = readdirSync(guideDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const text = readFileSync(join(guideDir, f), 'utf8');
    const nations = JSON.parse(text.match(/^nations = (\[.*\])$/m)[1]);
    // What the page says, with Markdown's emphasis and line breaks as they render.
    const words = text.replace(/[*_]/g, '').replace(/'/g, '’').replace(/\s+/g, ' ');
    const title = text.match(/^title = "(.*)"$/m)[1];
    return { slug: f.split('.')[0], nations, title, words };
  });
const versionFor = (slug, nation) => versions.find((v) => v.slug === slug && v.nations.includes(nation));

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

/** Chooses a nation in the home page's question, and waits until it is saved. */
async function chooseOnHome(page, nation) {
  await page.goto(h.url('/'));
  await appReady(page);
  const question = page.getByRole('group', { name: 'Where do you live?' });
  await question.getByText('The law and the services are different in each part of the UK.').waitFor();
  assert.deepEqual(await axe(page), [], 'home page with the question');
  await question.getByLabel(nation.name, { exact: true }).check();
  await page.getByRole('status').filter({ hasText: `Saved. Showing information for ${nation.name}.` }).waitFor();
  await waitStored(page, `"nation":"${nation.id}"`);
}

/** The guide page's text (main only), once its nations note is on screen. */
async function openGuide(page, slug) {
  await page.goto(h.url(`/guide/${slug}`));
  await appReady(page);
  await page.locator('#page-nations').waitFor();
  return (await page.locator('main').innerText()).replace(/'/g, '’').replace(/\s+/g, ' ');
}

for (const nation of NATIONS) {
  test(`${nation.name}: chosen on the home page, the guide shows ${nation.name}'s pages and terms, axe clean`, async () => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems, foreign } = await watchedPage(context, h.server.url);
    await chooseOnHome(page, nation);
    const missing = [];
    for (const slug of PAGES) {
      const shown = await openGuide(page, slug);
      const version = versionFor(slug, nation.id);
      const note = await page.locator('#page-nations').innerText();
      if (version) {
        assert.match(note, new RegExp(`This page is for [^.]*${nation.name}`), `${slug}: the ${nation.name} version`);
      } else {
        assert.match(note, new RegExp(`This page is not written for ${nation.name}, where you live`), `${slug}: says it is not for ${nation.name}`);
        missing.push(`no ${nation.name} version of ${slug}`);
      }
      for (const term of EXPECTED[nation.id][slug] ?? []) {
        if (version && term.test(version.words)) {
          assert.match(shown, term, `${nation.name}, ${slug}: ${term}`);
        } else {
          missing.push(`${slug} for ${nation.name} does not say ${term}`);
        }
      }
      assert.deepEqual(await axe(page), [], `${nation.name}, ${slug}: axe`);
      await page.screenshot({ path: join(artifacts, `nation-${nation.id}-${slug}.png`), fullPage: true });
    }
    // The guide's contents list her nation's version of each page.
    await page.goto(h.url('/guide'));
    await appReady(page);
    assert.match(await page.locator('main').innerText(), new RegExp(`Showing pages for ${nation.name}\\.`));
    for (const slug of PAGES) {
      const version = versionFor(slug, nation.id);
      if (!version) continue;
      const listed = page.locator('.app-card-list').first().getByRole('link', { name: version.title, exact: true });
      assert.equal(await listed.count(), 1, `${slug} listed for ${nation.name}`);
    }
    assert.deepEqual(await axe(page), [], `${nation.name}: guide contents axe`);
    // Services start filtered to her nation (services for the whole UK list every nation).
    await page.goto(h.url('/services'));
    await appReady(page);
    assert.equal(await page.getByLabel('Where do you live?').inputValue(), nation.id);
    const covers = await page.locator('.app-service dd').filter({ hasText: /England|Wales|Scotland|Northern Ireland/ }).allInnerTexts();
    assert.ok(covers.length > 0 && covers.every((c) => c.includes(nation.name)), `services for ${nation.name}: ${covers}`);
    assert.ok(covers.some((c) => c === 'England, Wales, Scotland and Northern Ireland'), 'UK-wide services stay');
    // The glossary marks terms not used where she lives.
    await page.goto(h.url('/glossary'));
    await appReady(page);
    for (const text of await page.locator('.app-glossary__nations').allInnerTexts()) {
      assert.ok(text.includes(nation.name) || text.endsWith('(not where you live)'), `glossary: ${text}`);
    }
    assert.deepEqual(problems, [], 'console errors');
    assert.deepEqual(foreign(), [], 'requests to other origins');
    assert.deepEqual(missing, [], `${nation.name}: nation terms missing from the pages`);
    await context.close();
  });
}

test('her answer survives a reload, and changing it in settings changes the pages', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await chooseOnHome(page, NATIONS[2]);
  await page.reload();
  await appReady(page);
  await page.getByText('Showing information for Scotland.').waitFor();
  assert.equal(await page.getByRole('group', { name: 'Where do you live?' }).count(), 0, 'asked only once');
  await page.getByRole('link', { name: 'Change where you live' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'nation');
  const radios = page.locator('#nation').getByRole('group', { name: 'Where do you live?' });
  // The hint is the whole question's, so a screen reader reads it with the legend.
  const description = await radios.evaluate((group) =>
    (group.getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
  assert.equal(description, 'The law and the services are different in each part of the UK.');
  assert.equal(await radios.getByLabel('Scotland', { exact: true }).isChecked(), true);
  await radios.getByLabel('Wales', { exact: true }).check();
  await waitStored(page, '"nation":"wales"');
  assert.deepEqual(await axe(page), [], 'settings');
  const wales = await openGuide(page, 'social-care');
  const hasWales = versionFor('social-care', 'wales');
  assert.match(wales, hasWales ? /This page is for Wales\./ : /not written for Wales/);
  // Not sure: England's version, and she is told why.
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.locator('#nation').getByLabel('Not sure', { exact: true }).check();
  await waitStored(page, '"nation":"not-sure"');
  const police = await openGuide(page, 'police');
  assert.match(police, /You are not sure where you live, so this shows England/);
  await context.close();
});

test('before she answers, each page says it shows England and how to choose; other versions are linked', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  for (const slug of PAGES) {
    const shown = await openGuide(page, slug);
    assert.match(shown, /You have not said where you live, so this shows England[^.]*\. Choose where you live/, slug);
    const others = versions.filter((v) => v.slug === slug && !v.nations.includes('england'));
    for (const other of others) {
      const link = page.locator(`#page-nations a[href$="guide/${slug}/${other.nations[0]}"]`);
      assert.equal(await link.count(), 1, `${slug}: links to the ${other.nations.join(', ')} version`);
    }
  }
  // A nation's own address shows that nation's version, whatever she chose.
  const scotland = versionFor('police', 'scotland');
  await page.goto(h.url('/guide/police/scotland'));
  await appReady(page);
  if (scotland) {
    assert.match(await page.locator('#page-nations').innerText(), /This page is for Scotland\./);
  } else {
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Page not found');
  }
  assert.deepEqual(await axe(page), []);
  await context.close();
});
