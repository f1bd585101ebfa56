// Listen (reading aloud with the device's own voice), with the browser's speech replaced by
// a recorder in the page: what is spoken, with which voice, in what order; the out-loud
// warning before the first sound; pause and play; silence on quick exit (before the page
// unloads), on lock, on a new page and on a hidden tab; nothing spoken with only network
// voices or none; no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchedPage, appReady, axe } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

const LOCAL_GB = { name: 'Local British', lang: 'en-GB', localService: true };
const LOCAL_US = { name: 'Local American', lang: 'en-US', localService: true };
const GOOGLE = { name: 'Google UK English Female', lang: 'en-GB', localService: false };
const NATURAL = { name: 'Microsoft Sonia Online (Natural) - English (United Kingdom)', lang: 'en-GB', localService: false };
const LOCAL_FR = { name: 'Local French', lang: 'fr-FR', localService: true };
const BOTH = [GOOGLE, NATURAL, LOCAL_FR, LOCAL_US, LOCAL_GB];

/**
 * A page whose `speechSynthesis` is a recorder with these voices: `speak` logs the text,
 * voice, language and rate, then fires `start` and (after `ms`) `end`; `cancel` logs
 * whether something was being said. Page events that matter (pagehide) are logged too,
 * through a binding, so the log survives the page leaving.
 */
async function speechPage(context, voices, ms = 80) {
  const watched = await watchedPage(context, h.server.url);
  const log = [];
  await watched.page.exposeBinding('__speechLog', (_source, entry) => log.push(entry));
  await watched.page.addInitScript(
    ({ voices, ms }) => {
      const record = (entry) => window.__speechLog({ ...entry, t: performance.now() });
      const made = voices.map((v) => {
        const voice = typeof SpeechSynthesisVoice === 'function' ? Object.create(SpeechSynthesisVoice.prototype) : {};
        for (const [k, value] of Object.entries({ voiceURI: v.name, default: false, ...v })) Object.defineProperty(voice, k, { value });
        return voice;
      });
      class Utterance {
        constructor(text) {
          Object.assign(this, { text, voice: null, lang: '', rate: 1, onstart: null, onend: null, onerror: null });
        }
      }
      const synth = {
        current: null,
        onvoiceschanged: null,
        getVoices: () => made,
        speak(u) {
          record({ type: 'speak', text: u.text, voice: u.voice ? u.voice.name : null, lang: u.lang, rate: u.rate });
          this.current = u;
          setTimeout(() => {
            if (this.current !== u) return;
            if (u.onstart) u.onstart({});
            setTimeout(() => {
              if (this.current !== u) return;
              this.current = null;
              if (u.onend) u.onend({});
            }, ms);
          }, 5);
        },
        cancel() {
          record({ type: 'cancel', speaking: this.current !== null });
          const u = this.current;
          this.current = null;
          if (u) setTimeout(() => u.onerror && u.onerror({ error: 'canceled' }), 0);
        },
        pause() {},
        resume() {},
        get speaking() {
          return this.current !== null;
        },
      };
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      window.SpeechSynthesisUtterance = Utterance;
      window.addEventListener('pagehide', () => record({ type: 'pagehide' }));
    },
    { voices, ms },
  );
  const spoken = () => log.filter((e) => e.type === 'speak');
  return { ...watched, log, spoken };
}

const norm = (s) => s.replace(/\s+/g, ' ').trim();

/** Opens a guide page and waits for the Listen button. */
async function openGuide(page, path = '/guide/police') {
  await page.goto(h.url(path));
  await appReady(page);
  await page.getByRole('button', { name: 'Listen to this page' }).waitFor();
}

/** Taps Listen, confirms the warning if it shows, and waits for the first piece. */
async function listen(page, spoken) {
  await page.getByRole('button', { name: 'Listen to this page' }).click();
  const confirm = page.getByRole('button', { name: 'Read out loud' });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await page.waitForFunction(() => true);
  await waitFor(() => spoken().length > 0);
}

async function waitFor(check, timeout = 5000) {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('she is warned before any sound; then the main content is read in order with a local British voice', async () => {
  const context = await h.browser.newContext();
  const { page, problems, foreign, log, spoken } = await speechPage(context, BOTH);
  await openGuide(page);
  assert.deepEqual(spoken(), [], 'nothing is said on opening the page');

  await page.getByRole('button', { name: 'Listen to this page' }).click();
  await page.getByText('This will read the page out loud. People near you may hear it. Headphones are safer.').waitFor();
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains('app-listen__ask')), 'focus moves to the warning');
  await page.waitForTimeout(300);
  assert.deepEqual(spoken(), [], 'nothing is said before she confirms');
  assert.deepEqual(await axe(page), [], 'axe, with the warning showing');
  await page.getByRole('button', { name: 'Not now' }).click();
  await page.getByRole('button', { name: 'Listen to this page' }).waitFor();
  assert.deepEqual(spoken(), [], 'nothing is said when she says not now');

  await page.getByRole('button', { name: 'Listen to this page' }).click();
  await page.getByRole('button', { name: 'Read out loud' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Pause', 'focus moves to Pause');
  await page.locator('main .app-reading').first().waitFor();
  // It reads to the end, then shows the Listen button again.
  await page.getByRole('button', { name: 'Listen to this page' }).waitFor({ timeout: 30000 });
  const said = spoken();
  assert.ok(said.length > 10, `many pieces: ${said.length}`);
  assert.ok(said.every((s) => s.voice === 'Local British' && s.lang === 'en-GB' && s.rate === 1), 'every piece with the local British voice');
  assert.ok(said.every((s) => s.text.length > 0 && s.text.length <= 300), 'no piece over 300 characters');
  const h1 = norm(await page.locator('main h1').textContent());
  assert.equal(said[0].text, h1, 'the heading first');
  // In the order the page shows them, and only from the main content.
  const main = norm(await page.locator('main').evaluate((m) => m.innerText));
  let at = 0;
  for (const { text } of said) {
    const found = main.indexOf(text, at);
    assert.ok(found >= 0, `in main, in order: ${text}`);
    at = found + text.length;
  }
  for (const outside of ['Quick exit', 'Call 999', 'Listen to this page', 'Using Harbour safely', 'Search the guide']) {
    assert.ok(!said.some((s) => s.text.includes(outside)), `never reads "${outside}"`);
  }
  assert.equal(await page.locator('.app-reading').count(), 0, 'the highlight goes when reading ends');

  // The second time in this visit there is no warning.
  const before = said.length;
  await page.getByRole('button', { name: 'Listen to this page' }).click();
  await waitFor(() => spoken().length > before);
  assert.equal(await page.getByText('People near you may hear it').count(), 0);
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'Listen to this page' }).waitFor();
  assert.ok(log.at(-1).type === 'cancel', 'stop cancels');
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign(), [], 'no request leaves the origin');
  await context.close();
});

test('pause remembers the piece and play says it again; back, next section and speed', async () => {
  const context = await h.browser.newContext();
  const { page, problems, foreign, log, spoken } = await speechPage(context, BOTH, 400);
  await openGuide(page);
  await listen(page, spoken);
  await waitFor(() => spoken().length >= 2);
  // The sentence being said is highlighted, and the block it is in outlined.
  const highlighted = () => page.evaluate(() => {
    const h = CSS.highlights.get('app-reading');
    return h ? [...h].map((r) => r.toString().replace(/\s+/g, ' ').trim()).join('|') : null;
  });
  await page.waitForFunction((text) => {
    const h = CSS.highlights.get('app-reading');
    return h && [...h].some((r) => r.toString().replace(/\s+/g, ' ').trim() === text);
  }, spoken().at(-1).text);
  assert.equal(await page.locator('.app-reading').count(), 1, 'one block outlined');
  assert.ok((await page.locator('.app-reading').innerText()).replace(/\s+/g, ' ').includes(await highlighted()));
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Play' }).waitFor();
  assert.equal(log.at(-1).type, 'cancel', 'pause cancels');
  const last = spoken().at(-1).text;
  const count = spoken().length;
  await page.waitForTimeout(700);
  assert.equal(spoken().length, count, 'nothing is said while paused');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  assert.equal(spoken().at(-1).text, last, 'play says the remembered piece again');

  await waitFor(() => spoken().length >= count + 2);
  const now = spoken().at(-1).text;
  const previous = spoken().at(-2).text;
  await page.getByRole('button', { name: 'Previous part' }).click();
  await waitFor(() => spoken().at(-1).text !== now);
  assert.equal(spoken().at(-1).text, previous, 'back one piece');

  await page.getByRole('button', { name: 'Next section' }).click();
  await waitFor(() => spoken().at(-1).text !== previous);
  const headings = (await page.locator('main h2').allTextContents()).map(norm);
  assert.ok(headings.includes(spoken().at(-1).text), `next section starts at a heading: ${spoken().at(-1).text}`);

  await page.getByRole('button', { name: 'Slower' }).click();
  await waitFor(() => spoken().at(-1).rate < 1);
  assert.equal(Math.round(spoken().at(-1).rate * 10), 8);
  assert.equal(await page.getByRole('button', { name: 'Slower' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Faster' }).click();
  await waitFor(() => spoken().at(-1).rate > 1);
  assert.equal(Math.round(spoken().at(-1).rate * 10), 12);
  for (const name of ['Pause', 'Stop', 'Previous part', 'Next section', 'Slower', 'Normal speed', 'Faster']) {
    const box = await page.getByRole('button', { name }).boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `${name} is at least 44px`);
  }
  // Reading on scrolls the page, and axe counts a button half under the sticky header
  // as too small; so the check is made paused, with the controls scrolled into view.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Play' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.deepEqual(await axe(page), [], 'axe, with the controls showing');
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'Listen to this page' }).waitFor();
  assert.equal(await highlighted(), null, 'stop removes the highlight');
  assert.equal(await page.locator('.app-reading').count(), 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign(), []);
  await context.close();
});

for (const [what, voices] of [
  ['no voice', []],
  ['only network voices', [GOOGLE, NATURAL, LOCAL_FR]],
]) {
  test(`with ${what}, there is no Listen button, one line says why, and nothing is spoken`, async () => {
    const context = await h.browser.newContext();
    const { page, problems, spoken } = await speechPage(context, voices);
    await page.goto(h.url('/guide/police'));
    await appReady(page);
    await page.getByText('Listen is not available: this device has no reading voice that works without the internet.').waitFor();
    assert.equal(await page.getByRole('button', { name: /Listen/ }).count(), 0);
    assert.deepEqual(spoken(), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('on Android, the airplane-mode tip shows', async () => {
  const context = await h.browser.newContext({ userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36' });
  const { page } = await speechPage(context, [{ name: 'English United Kingdom', lang: 'en_GB', localService: true }]);
  await openGuide(page);
  await page.getByText('To be sure nothing leaves your phone, turn on airplane mode first.').waitFor();
  await context.close();
});

test('her own plan asks again before reading, even after the first warning', async () => {
  const context = await h.browser.newContext();
  const { page, problems, spoken } = await speechPage(context, BOTH);
  await openGuide(page);
  await listen(page, spoken);
  await page.getByRole('button', { name: 'Stop' }).click();
  const count = spoken().length;
  await page.goto(h.url('/safety-plan/plan'));
  await appReady(page);
  await page.getByRole('button', { name: 'Listen to this page' }).click();
  // A new page load is a new visit for the warning (it is kept in memory only).
  await page.getByRole('button', { name: 'Read out loud' }).click();
  await page.getByText('This will read out what you wrote, including any names in it.').waitFor();
  await page.waitForTimeout(300);
  assert.equal(spoken().length, count, 'nothing said before the second confirm');
  await page.getByRole('button', { name: 'Read it out loud' }).click();
  await waitFor(() => spoken().length > count);
  assert.ok(!spoken().slice(count).some((s) => /Print or save|Mark this plan/.test(s.text)), 'the plan, not the buttons and forms after it');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Reads a guide page and returns when a piece is being said. */
async function reading(context, voices = BOTH) {
  const sp = await speechPage(context, voices, 2000);
  await openGuide(sp.page);
  await listen(sp.page, sp.spoken);
  await sp.page.getByRole('button', { name: 'Pause' }).waitFor();
  return sp;
}

const cancelledWhileSpeaking = (log) => log.findIndex((e) => e.type === 'cancel' && e.speaking);

test('quick exit (button and Shift three times) cancels speech before the page unloads', async () => {
  for (const how of ['button', 'shift']) {
    const context = await h.browser.newContext();
    await context.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));
    const { page, log } = await reading(context);
    if (how === 'button') {
      await page.getByRole('link', { name: 'Quick exit' }).click();
    } else {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    }
    await page.waitForURL('https://www.bbc.co.uk/**');
    const cancel = cancelledWhileSpeaking(log);
    const hide = log.findIndex((e) => e.type === 'pagehide');
    assert.ok(cancel >= 0, `${how}: speech was cancelled`);
    assert.ok(hide < 0 || cancel < hide, `${how}: cancelled before the page unloaded: ${JSON.stringify(log.slice(-4))}`);
    await context.close();
  }
});

test('moving to another page, the tab being hidden, and the page being left stop the voice', async () => {
  const context = await h.browser.newContext();
  const { page, log, problems, foreign } = await reading(context);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await waitFor(() => cancelledWhileSpeaking(log) >= 0);
  await page.evaluate(() => {
    delete document.hidden;
    delete document.visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.getByRole('button', { name: 'Play' }).waitFor();

  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await waitFor(() => log.at(-1).type === 'speak');
  const from = log.length;
  await page.locator('main .app-pagination__link').first().click();
  await waitFor(() => log.slice(from).some((e) => e.type === 'cancel' && e.speaking));

  // The page being left (pagehide), even before the tab counts as hidden.
  await page.getByRole('button', { name: 'Listen to this page' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await waitFor(() => log.at(-1).type === 'speak');
  const left = log.length;
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  await waitFor(() => log.slice(left).some((e) => e.type === 'cancel' && e.speaking));
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign(), []);
  await context.close();
});

test('locking stops the voice', async () => {
  const context = await h.browser.newContext();
  const { page, log, problems } = await speechPage(context, BOTH, 60000);
  await page.goto(h.url('/settings'));
  await appReady(page);
  await page.getByLabel('Choose a passphrase', { exact: true }).fill('correct horse battery staple lighthouse');
  await page.getByLabel('Type it again').fill('correct horse battery staple lighthouse');
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
  await page.locator('main .app-footer a, footer a[href$="/settings"]').first().waitFor();
  // To the guide in the app (a reload would lock at once).
  await page.evaluate(() => {
    history.pushState({}, '', new URL('guide/police', document.baseURI).href);
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.getByRole('button', { name: 'Listen to this page' }).click();
  await page.getByRole('button', { name: 'Read out loud' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  const from = log.length;
  // Her idle time runs out: the clock jumps an hour.
  await page.evaluate(() => {
    const real = Date.now;
    Date.now = () => real() + 3_600_000;
  });
  await page.getByRole('heading', { name: /locked/ }).waitFor({ timeout: 10000 });
  assert.ok(log.slice(from).some((e) => e.type === 'cancel' && e.speaking), 'cancelled while speaking');
  assert.deepEqual(problems, []);
  await context.close();
});
