// Read aloud (the Web Speech API, stubbed to record what is said), screen-reader labels and
// the live region.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digitPng, digitShown, drawWithMouse, file, openPage, resultShown, useBrowser, STROKES, waitReady } from './helpers.mjs';

const web = useBrowser();

/** A page whose speechSynthesis.speak only records the sentences. */
async function pageWithSpeech() {
  const opened = await openPage(web.browser, null);
  await opened.context.addInitScript(() => {
    window.spoken = [];
    window.speechSynthesis.speak = (u) => window.spoken.push(u.text);
    window.speechSynthesis.cancel = () => {};
  });
  await opened.page.goto(web.server.url);
  await waitReady(opened.page);
  return opened;
}

test('read aloud: silent when off, says the digit and how sure when on, and remembers', async () => {
  const { context, page, errors } = await pageWithSpeech();
  const toggle = page.getByRole('switch', { name: 'Read results aloud' });
  assert.equal(await toggle.isChecked(), false);
  await drawWithMouse(page, STROKES.one);
  await digitShown(page, 1);
  assert.deepEqual(await page.evaluate(() => window.spoken), [], 'nothing is said while the toggle is off');

  // switch it on with the keyboard
  await toggle.focus();
  await page.keyboard.press('Space');
  assert.equal(await toggle.isChecked(), true);
  assert.deepEqual(await page.evaluate(() => window.spoken), ['Results will be read aloud'], 'switching it on says so');
  await page.click('#clear');
  await drawWithMouse(page, STROKES.seven);
  await digitShown(page, 7);
  await page.waitForFunction(() => window.spoken.length > 1);
  await page.waitForTimeout(1500); // time for a second sentence, were there one
  const said = (await page.evaluate(() => window.spoken)).slice(1);
  assert.equal(said.length, 1, `a 7 of two strokes is said once, when the drawing settles: ${JSON.stringify(said)}`);
  assert.match(said[0], /^(maybe )?seven, \d{1,3} percent sure$/);

  // an uploaded image is read out too
  await page.setInputFiles('#file-input', [file('zero.png', digitPng(STROKES.zero))]);
  await digitShown(page, 0);
  await page.waitForFunction(() => /zero, \d+ percent sure$/.test(window.spoken.at(-1)));
  // and a blank one says so
  await page.setInputFiles('#file-input', [file('blank.png', digitPng([]))]);
  await resultShown(page, { state: 'nodigit' });
  await page.waitForFunction(() => window.spoken.at(-1) === 'No digit found in blank.png');
  // and so is a batch's summary
  await page.setInputFiles('#file-input', [file('a.png', digitPng(STROKES.one)), file('b.png', digitPng(STROKES.zero))]);
  await page.waitForFunction(() => /^Done\. 2 of 2 images read/.test(window.spoken.at(-1)));

  // the choice survives a reload
  await page.reload();
  await waitReady(page);
  assert.equal(await page.getByRole('switch', { name: 'Read results aloud' }).isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('screen readers: named controls, a live region for results, headings and language', async () => {
  const { context, page, errors } = await openPage(web.browser, web.server.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // that the recognizer has loaded is said, not only shown
  await page.waitForFunction(() => document.getElementById('announcer').textContent === 'Ready: draw a digit or choose an image');
  // the first Tab reaches the skip link, which shows itself
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  assert.ok((await page.locator('.skip-link').boundingBox()).y >= 0);
  // and leads a keyboard to what a keyboard can use: choosing an image (the pad needs a pointer)
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'file-input');
  for (const name of ['Undo', 'Clear']) assert.equal(await page.getByRole('button', { name }).count(), 1, name);
  assert.equal(await page.getByRole('img', { name: /Drawing pad/ }).count(), 1);
  assert.equal(await page.getByLabel('Choose images').count(), 1);
  assert.equal(await page.getByLabel('Take a photo').count(), 1);
  assert.equal(await page.getByRole('img', { name: /28 by 28/ }).count(), 1);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Scrawl');
  assert.ok((await page.getByRole('heading', { level: 2 }).count()) >= 4);
  // every image has a text alternative, every button a name
  assert.equal(await page.locator('img:not([alt])').count(), 0);
  const unnamed = await page.$$eval('button, input, canvas[role=img]', (els) =>
    els
      .filter((el) => !(el.getAttribute('aria-label') || el.labels?.[0]?.textContent.trim() || el.textContent.trim()))
      .map((el) => el.outerHTML),
  );
  assert.deepEqual(unnamed, []);
  // the privacy promise is on the page
  assert.match(await page.textContent('.privacy'), /never leave this device/);
  assert.match(await page.textContent('.help-card'), /16,384 pixels/);
  assert.match(await page.textContent('.help-card'), /50 megapixels/);

  // results are announced politely once the drawing is finished
  const live = page.locator('#announcer');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  // and only there: the big digit, an <output> (a live region of itself), changes with every stroke
  const speaking = await page.$$eval('output, [role=status], [role=alert], [aria-live]', (els) =>
    els.filter((el) => el.getAttribute('aria-live') !== 'off' && !el.closest('[hidden]')).map((el) => el.id),
  );
  assert.deepEqual(speaking, ['announcer']);
  await drawWithMouse(page, STROKES.zero);
  await digitShown(page, 0);
  await page.waitForFunction(() => /^(maybe )?zero, \d+ percent sure$/.test(document.getElementById('announcer').textContent));
  // the ten bars carry their percentages for screen readers
  const bars = await page.$$eval('#probs li', (lis) => lis.map((li) => li.textContent.replace(/\s+/g, '')));
  assert.match(bars[0], /^0:\d+%$/);
  assert.deepEqual(errors, []);
  await context.close();
});
