// Services in a real browser: the directory (emergency first, filters, tap to call), her
// contacts, and support-worker links: made in one browser, opened in a fresh one, accepted,
// kept after a reload; a tampered link changes nothing; the QR code decodes to the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { launch, appReady, watchedPage, axe } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

test('the directory puts emergency numbers first, filters by need and nation, and says how and when each was checked', async () => {
  const context = await h.browser.newContext();
  const { page, foreign } = await watchedPage(context, h.server.url);
  await page.goto(h.url('/services'));
  await appReady(page);
  const firstCall = page.locator('main a[href^="tel:"]').first();
  assert.equal(await firstCall.getAttribute('href'), 'tel:999');
  for (const n of ['tel:101', 'tel:08001111', 'tel:116123']) assert.ok((await page.locator(`.app-emergency a[href="${n}"]`).count()) === 1, n);
  const count = async () => Number((await page.locator('#services-count').textContent()).match(/\d+/)[0]);
  const all = await count();
  assert.ok(all >= 10, `${all} services`);
  await page.getByLabel('What do you need?').selectOption('person-arrested');
  assert.ok((await count()) < all, 'filtered by need');
  await page.getByLabel('What do you need?').selectOption('');
  await page.getByLabel('Where do you live?').selectOption('scotland');
  const scotland = await count();
  assert.ok(scotland < all && scotland > 0, 'filtered by nation');
  await page.getByLabel('Where do you live?').selectOption('');
  const cards = page.locator('.app-service');
  for (let i = 0; i < (await cards.count()); i++) assert.match(await cards.nth(i).innerText(), /Last checked \d{1,2} \w+ \d{4}\. Source: /);
  const stopItNow = page.locator('#stop-it-now');
  assert.equal(await stopItNow.locator('a[href^="tel:"]').first().getAttribute('href'), 'tel:08081000900');
  assert.match(await stopItNow.innerText(), /Monday to Thursday 9am to 9pm/);
  // The page says how entries are checked, and marks what could not be checked.
  assert.match(await page.locator('main').innerText(), /We read each number and opening time on the organisation's own website[\s\S]*If a number does not work, search for the organisation's name/);
  assert.match(await page.locator('#police-101').innerText(), /Free\s+We could not check this on the organisation's own website/, 'an unchecked detail is marked');
  // A link written with a service's earlier id still lands on it.
  assert.equal(await page.locator('#citizens-advice-england #citizens-advice').count(), 1, 'former id');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(foreign(), []);
  await context.close();
});

test('she adds, changes and removes her own contacts, and they stay after a reload', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.url('/contacts'));
  await appReady(page);
  await page.getByLabel('Who are they?').selectOption('social-worker');
  await page.getByLabel('Name').fill('CANARY Ms A');
  await page.getByLabel('Phone (optional)').fill('12345');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByText('Enter a UK phone number, like 01632 960 001').first().waitFor();
  assert.deepEqual(await axe(page), [], 'contacts with an error');
  await page.getByLabel('Phone (optional)').fill('01632 960 001');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByText('Contact added.').waitFor();
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('.app-contacts a[href="tel:01632960001"]').count(), 1);
  await page.getByRole('button', { name: 'Change' }).click();
  await page.getByLabel('Name').fill('CANARY Ms B');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Contact changed.').waitFor();
  assert.match(await page.locator('.app-contacts').innerText(), /CANARY Ms B/);
  assert.deepEqual(await axe(page), [], 'contacts');
  await page.getByRole('button', { name: 'Remove' }).click();
  assert.equal(await page.locator('.app-contacts li').count(), 0);
  await context.close();
});

async function qrText(locator) {
  const png = PNG.sync.read(await locator.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return code && code.data;
}

test('a support-worker link made in one browser opens in a fresh one, is accepted, and stays', async () => {
  const worker = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await worker.newPage();
  await page.goto(h.url('/share'));
  await appReady(page);
  assert.equal(await qrText(page.locator('.app-qr').first()), h.url('/'), 'the QR code for Harbour decodes to its address');
  await page.getByRole('button', { name: 'Make the link' }).click();
  await page.getByText("Enter your organisation's name").first().waitFor();
  await page.getByLabel("Your organisation's name").fill('CANARY Families After Arrest');
  await page.getByLabel('Phone (optional)').fill('0113 496 0000');
  await page.getByLabel('Opening hours (optional)').fill('Mon–Fri 9–5');
  await page.getByLabel('A short note (optional)').fill('Ask for Sam. “Quotes” & symbols £.');
  await page.getByRole('button', { name: 'Make the link' }).click();
  await page.getByRole('heading', { name: 'Your link' }).waitFor();
  const link = (await page.locator('.app-link-box__url code').last().textContent()).trim();
  assert.ok(link.startsWith(h.url('/add-service#add=1.')), link);
  assert.equal(await qrText(page.locator('.app-qr').last()), link, 'the QR code decodes to the same link');
  assert.deepEqual(await axe(page), [], 'share page');
  await worker.close();

  const her = await h.browser.newContext();
  const mine = await her.newPage();
  await mine.goto(link);
  await appReady(mine);
  await mine.getByText('CANARY Families After Arrest').waitFor();
  assert.equal(await mine.evaluate(() => JSON.parse(localStorage.getItem('harbour') || '{"data":{"contacts":[]}}').data.contacts.length), 0, 'nothing stored before she says yes');
  assert.deepEqual(await axe(mine), [], 'add service page');
  await mine.getByRole('button', { name: 'Add to my contacts' }).click();
  await mine.getByText('Added to your contacts.').waitFor();
  assert.ok(!mine.url().includes('#'), 'the fragment is removed from the address bar');
  await mine.reload();
  await appReady(mine);
  await mine.goto(h.url('/contacts'));
  await appReady(mine);
  assert.match(await mine.locator('.app-contacts').innerText(), /CANARY Families After Arrest[\s\S]*Ask for Sam/);
  // The server never saw the service's details: they stay in the fragment.
  assert.ok(h.server.requests.every((r) => !r.includes('add=') && !r.includes('CANARY')), 'no request carried the payload');
  await her.close();
});

test('a tampered, malformed or oversized link gets a clear message and stores nothing', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.url('/share'));
  await appReady(page);
  await page.getByLabel("Your organisation's name").fill('Real Service');
  await page.getByRole('button', { name: 'Make the link' }).click();
  const link = (await page.locator('.app-link-box__url code').last().textContent()).trim();
  const [head, payload] = link.split('#add=1.');
  const flipped = payload.slice(0, 5) + (payload[5] === 'A' ? 'B' : 'A') + payload.slice(6);
  for (const [bad, message] of [
    [`${head}#add=1.${flipped}`, 'damaged or has been changed'],
    [`${head}#add=1.!!!`, 'damaged or has been changed'],
    [`${head}#add=9.AAAA`, 'newer version of Harbour'],
    [`${head}#add=1.${'A'.repeat(3000)}`, 'too long'],
  ]) {
    const fresh = await context.newPage();
    await fresh.goto(bad);
    await appReady(fresh);
    await fresh.getByText(message).waitFor();
    assert.equal(await fresh.getByRole('button', { name: 'Add to my contacts' }).count(), 0);
    const stored = await fresh.evaluate(() => localStorage.getItem('harbour'));
    assert.ok(stored === null || JSON.parse(stored).data.contacts.length === 0, 'nothing stored');
    await fresh.close();
  }
  await context.close();
});

/** A support-worker link made here, as the app makes them: fields joined by U+001F, then a
 * big-endian CRC-32, in base64url. Lets a test send what the share page would refuse. */
function craftedLink(fields) {
  const body = Buffer.from(fields.join('\u001f'), 'utf8');
  let crc = 0xffffffff;
  for (const byte of body) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  const check = Buffer.alloc(4);
  check.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return h.url(`/add-service#add=1.${Buffer.concat([body, check]).toString('base64url')}`);
}

test('a link that uses the name or number of a real emergency service is flagged, and says nothing was checked', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(craftedLink(['Police family liaison', '999', '', '', 'Call us any time.']));
  await appReady(page);
  const warning = page.locator('#link-lookalike');
  await warning.waitFor();
  assert.equal(await warning.getAttribute('role'), 'alert', 'said at once');
  assert.match(await warning.innerText(), /uses the name or number of a service in Harbour's list: Police, fire or ambulance: emergency; Police: not an emergency\./);
  assert.match(await warning.innerText(), /anyone can make a link like this/);
  assert.match(await page.locator('#link-not-checked').innerText(), /Harbour has not checked these details[\s\S]*check the number with the organisation itself/);
  assert.deepEqual(await axe(page), [], 'a flagged link');
  // An ordinary local service gets the plain notice, but no lookalike warning.
  const ordinary = await context.newPage();
  await ordinary.goto(craftedLink(['Families After Arrest', '0113 496 0000', '', '', '']));
  await appReady(ordinary);
  await ordinary.locator('#link-not-checked').waitFor();
  assert.equal(await ordinary.locator('#link-lookalike').count(), 0);
  await context.close();
});

test('a contact added from a link keeps its "not checked" mark on every list until she says she has checked it', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(craftedLink(['Families After Arrest', '0113 496 0000', '', '', '']));
  await appReady(page);
  await page.getByRole('button', { name: 'Add to my contacts' }).click();
  await page.getByText('Added to your contacts.').waitFor();
  const mark = /Not checked Added from a link\. Check this number with the organisation itself/;
  // The mark stays after a reload, on her contacts page and on the services page.
  for (const route of ['/contacts', '/services']) {
    await page.goto(h.url(route));
    await appReady(page);
    await page.reload();
    await appReady(page);
    const item = page.locator('li', { hasText: 'Families After Arrest' });
    await item.first().waitFor();
    assert.match(await item.first().innerText(), mark, `marked on ${route}`);
  }
  assert.deepEqual(await axe(page), [], 'services with a marked contact');
  // Changing the contact without ticking the box keeps the mark.
  await page.goto(h.url('/contacts'));
  await appReady(page);
  const item = page.locator('.app-contacts li', { hasText: 'Families After Arrest' });
  await item.getByRole('button', { name: 'Change' }).click();
  const box = page.getByLabel('I have checked these details with the organisation itself');
  assert.equal(await box.isChecked(), false);
  await page.getByLabel('Notes (optional)').fill('Spoke to Sam.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Contact changed.').waitFor();
  assert.match(await item.innerText(), mark, 'still marked after a change she did not confirm');
  assert.deepEqual(await axe(page), [], 'contacts with a marked contact');
  // Ticking it clears the mark, and that too survives a reload.
  await item.getByRole('button', { name: 'Change' }).click();
  await box.check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Contact changed.').waitFor();
  await page.reload();
  await appReady(page);
  await page.locator('.app-contacts li', { hasText: 'Families After Arrest' }).waitFor();
  assert.doesNotMatch(await page.locator('.app-contacts').innerText(), /Not checked/);
  assert.match(await page.locator('.app-contacts').innerText(), /Spoke to Sam\./);
  // A contact she typed herself never carries the mark.
  await page.getByLabel('Name').fill('Ms A');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByText('Contact added.').waitFor();
  assert.doesNotMatch(await page.locator('.app-contacts').innerText(), /Not checked/);
  await context.close();
});

test('a link with a right-to-left override in the name is refused, and nothing is stored', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  // "\u202Eecilop" shows as "police" written the right way round.
  await page.goto(craftedLink(['\u202Eecilop', '0113 496 0000', '', '', '']));
  await appReady(page);
  const problem = page.locator('[role=alert]', { hasText: 'Harbour cannot use this link' });
  await problem.waitFor();
  assert.match(await problem.innerText(), /This link has characters that cannot be seen, or that change the direction of the text/);
  assert.equal(await page.getByRole('button', { name: 'Add to my contacts' }).count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('harbour')), null, 'nothing stored');
  assert.ok(!page.url().includes('#'), 'the link is taken out of the address bar');
  // The share page refuses to make such a link, and a contact cannot be typed with one.
  await page.goto(h.url('/share'));
  await appReady(page);
  await page.getByLabel("Your organisation's name").fill('\u202Eecilop');
  await page.getByRole('button', { name: 'Make the link' }).click();
  await page.locator('#share-name-error').waitFor();
  assert.match(await page.locator('#share-name-error').innerText(), /cannot be seen, or that change the direction of the text/);
  await page.goto(h.url('/contacts'));
  await appReady(page);
  await page.getByLabel('Name').fill('Ms\u2066 A');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.locator('#contact-name-error').waitFor();
  assert.equal(await page.locator('.app-contacts li').count(), 0);
  await context.close();
});
