// Shared end-to-end set-up: serve dist/ like a static host, drive Debian's Chromium with
// playwright-core, and collect what a test must fail on (console errors, requests to other
// origins, CSP violations).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static-server.mjs';
import AxeBuilderModule from '@axe-core/playwright';

const AxeBuilder = AxeBuilderModule.default ?? AxeBuilderModule;
/** The WCAG 2.2 A and AA rules axe checks. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * axe's WCAG 2.2 A/AA violations on the page, as readable lines. Runs from the top of the
 * page: a control that happens to be scrolled under the sticky header would otherwise count
 * as a too-small target.
 */
export async function axe(page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifacts = join(root, 'tests', 'e2e', 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A UK browser: dates in forms are typed day, month, year.
  '--lang=en-GB',
];

/** Every route the app has, with the heading each must show. */
export const ROUTES = [
  ['/', 'Harbour'],
  ['/guide', 'What is happening'],
  ['/glossary', 'Words and what they mean'],
  ['/search', 'Search'],
  ['/questions', 'Questions to ask'],
  ['/safety-plan', 'Your household safety plan'],
  ['/children', 'Talking to your children'],
  ['/services', 'Help and services'],
  ['/contacts', 'Your contacts'],
  ['/share', 'Share Harbour'],
  ['/add-service', 'Add a service'],
  ['/notebook', 'Notebook'],
  ['/dates', 'Key dates'],
  ['/journey', 'Where you are'],
  ['/letters', 'Letters'],
  ['/meetings', 'Prepare for a meeting'],
  ['/meetings/statement', 'What I want the meeting to know'],
  ['/safety', 'Using Harbour safely'],
  ['/settings', 'Settings'],
  ['/no-such-page', 'Page not found'],
];

export async function launch() {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_ARGS, env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' } });
  const server = await startServer(join(root, 'dist'), 0, { overrides: new Map() });
  return {
    browser,
    server,
    url: (path = '/') => new URL(path.replace(/^\//, ''), server.url).href,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A page that records console errors, page errors, CSP violations and every request, so a
 * test can assert none went to another origin.
 */
export async function watchedPage(context, origin) {
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => requests.push(req.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const foreign = () => requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  return { page, problems, requests, foreign };
}

/**
 * Waits until the app (not just the static HTML) is running and the page's own code has
 * arrived (pages other than home load as chunks): the page has a main heading.
 */
export async function appReady(page) {
  await page.waitForFunction(() => document.documentElement.classList.contains('app-started') && document.querySelector('footer.app-footer') && document.querySelector('main h1'));
}

/** The text in storage under Harbour's main key. */
export const stored = (page) => page.evaluate(() => localStorage.getItem('harbour'));

/** Waits until Harbour's stored copy contains `text`. */
export async function waitStored(page, text, timeout = 3000) {
  await page.waitForFunction((t) => (localStorage.getItem('harbour') || '').includes(t), text, { timeout });
}

/** Presses Tab until `selector` has focus (keyboard only), failing after `max` presses. */
export async function tabTo(page, selector, max = 400) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
}

/** The text of a PDF (pdfjs-dist). */
export async function pdfText(buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: true }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text += content.items.map((item) => item.str + (item.hasEOL ? '\n' : ' ')).join('') + '\n';
  }
  return { text, pages: doc.numPages };
}
