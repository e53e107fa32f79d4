// A 360×740 phone with touch: drawing a digit or a number with a finger (without scrolling the
// page), the guess on the pad, the camera button, the layout, and dark mode.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digitPng, digitShown, drawWithTouch, file, openPage, resultShown, useBrowser, STROKES } from './helpers.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const web = useBrowser();

test('phone: drawing with a finger reads the digit and does not scroll the page', async () => {
  const { context, page, errors, requests } = await openPage(web.browser, web.server.url, { ...PHONE, colorScheme: 'light' });
  assert.equal(await page.$eval('#pad', (el) => getComputedStyle(el).touchAction), 'none');
  // scroll a little so that a scrolling gesture would show
  await page.evaluate(() => window.scrollTo(0, 40));
  const scrollBefore = await page.evaluate(() => window.scrollY);
  assert.ok((await page.evaluate(() => document.documentElement.scrollHeight)) > 740, 'the page is taller than the phone');

  const seen = [];
  await page.exposeFunction('notePointer', (type) => seen.push(type));
  await page.evaluate(() => document.getElementById('pad').addEventListener('pointerdown', (e) => window.notePointer(e.pointerType)));
  await drawWithTouch(page, STROKES.one);
  const shown = await digitShown(page, 1);
  assert.equal(shown.source, 'From your drawing');
  assert.deepEqual(seen, ['touch'], 'the pad got touch pointer events');
  assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'the page did not scroll while drawing');
  // the same gesture below the pad does scroll: it is the pad that keeps the page still
  const cdp = await context.newCDPSession(page);
  const padBottom = await page.$eval('#pad', (el) => el.getBoundingClientRect().bottom);
  const y0 = Math.min(735, padBottom + 150);
  const swipe = Array.from({ length: 10 }, (_, i) => ({ x: 180, y: y0 - i * 12, id: 2 }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [swipe[0]] });
  for (const p of swipe.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction((y) => window.scrollY > y, scrollBefore);
  await page.evaluate((y) => window.scrollTo(0, y), scrollBefore);
  // the guess also shows on the pad, in view while drawing
  assert.equal(await page.isVisible('#pad-badge'), true);
  assert.match(await page.textContent('#pad-badge'), /^1\d+%$/);
  const [badge, padBox] = [await page.locator('#pad-badge').boundingBox(), await page.locator('#pad').boundingBox()];
  assert.ok(badge.y >= padBox.y + padBox.height, 'the guess does not cover the pad');
  assert.ok(badge.x >= 0 && badge.x + badge.width <= 360, 'and is on the screen');

  await page.tap('#clear');
  await resultShown(page, { state: 'empty' });
  assert.equal(await page.isVisible('#pad-badge'), false);
  await drawWithTouch(page, STROKES.seven);
  await digitShown(page, 7);
  await page.tap('#undo');
  await resultShown(page, { notDigit: '7' });

  assert.deepEqual(errors, []);
  const origin = new URL(web.server.url).origin;
  assert.deepEqual(
    requests.filter((u) => new URL(u).origin !== origin),
    [],
  );
  await context.close();
});

test('phone: a number drawn with a finger reads as text, on the pad too', async () => {
  const { context, page, errors } = await openPage(web.browser, web.server.url, { ...PHONE, colorScheme: 'light' });
  await drawWithTouch(page, STROKES.one, { at: 0.3 });
  await drawWithTouch(page, STROKES.zero, { at: 0.7 });
  const shown = await resultShown(page, { state: 'reading' });
  assert.equal(shown.digit, '10');
  assert.equal(await page.isVisible('#pad-badge'), true);
  assert.match(await page.textContent('#pad-badge'), /^10\d+%$/);
  assert.equal(await page.isVisible('#copy-number'), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: the layout fits 360 px, buttons are big enough, the camera button shows', async () => {
  const { context, page } = await openPage(web.browser, web.server.url, { ...PHONE, colorScheme: 'light' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
  const pad = await page.locator('#pad').boundingBox();
  assert.ok(pad.width >= 300 && pad.x >= 0 && pad.x + pad.width <= 360, `pad ${JSON.stringify(pad)}`);
  assert.ok(pad.y + pad.height < 740, 'the whole pad is on the first screen');
  for (const sel of ['#undo', '#clear', 'label:has(#file-input)', 'label:has(#camera-input)']) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.height >= 40, `${sel} is ${box?.height} px tall`);
  }
  assert.equal(await page.isVisible('label:has(#camera-input)'), true, 'Take a photo shows on a touch screen');
  assert.equal(await page.locator('.drop-text').innerText(), 'Drop images here', 'no Ctrl+V on a phone');
  // the uploads come right after the pad, before the (still empty) result
  const upload = await page.locator('.upload-card').boundingBox();
  const result = await page.locator('#result-card').boundingBox();
  assert.ok(upload.y > pad.y + pad.height && upload.y < result.y, 'pad, uploads, result');
  // a batch's table: file names on whole lines, every row in view without scrolling the table
  const names = ['zip-code-02139.png', 'account-number.png', 'cheque-amount.png', 'form-field-7.png'];
  await page.setInputFiles(
    '#file-input',
    names.map((n) => file(n, digitPng(STROKES.one))),
  );
  await page.waitForFunction(
    () => document.querySelectorAll('#batch-rows tr').length === 4 && document.getElementById('batch-progress').hidden,
  );
  const cell = await page.locator('#batch-rows tr:first-child td:first-child').boundingBox();
  assert.ok(cell.width >= 130, `the file column is ${cell.width} px wide`);
  const fits = await page.$eval('.table-wrap', (w) => w.scrollHeight <= w.clientHeight);
  assert.ok(fits, 'the four rows fit in the table without scrolling it');
  // a photo from the camera input is read like any upload
  await page.setInputFiles('#camera-input', [file('camera.jpg.png', digitPng(STROKES.zero))]);
  const shown = await digitShown(page, 0);
  assert.equal(shown.source, 'From camera.jpg.png');
  await context.close();
});

test('desktop: no camera button; the result sits beside the pad', async () => {
  const { context, page } = await openPage(web.browser, web.server.url, { viewport: { width: 1280, height: 800 } });
  assert.equal(await page.isVisible('label:has(#camera-input)'), false);
  assert.match(await page.locator('.drop-text').innerText(), /paste one with Ctrl\s*\+\s*V/);
  const pad = await page.locator('.draw-card').boundingBox();
  const result = await page.locator('#result-card').boundingBox();
  assert.ok(result.x > pad.x + pad.width - 1 && Math.abs(result.y - pad.y) < 2, 'two columns');
  await context.close();
});

test('dark mode: dark colours, light ink on a dark pad, and still read right', async () => {
  const { context, page, errors } = await openPage(web.browser, web.server.url, { ...PHONE, colorScheme: 'dark' });
  const colours = await page.evaluate(() => {
    const pad = document.getElementById('pad');
    const d = pad.getContext('2d').getImageData(2, 2, 1, 1).data;
    return { body: getComputedStyle(document.body).backgroundColor, padPixel: [...d.slice(0, 3)] };
  });
  assert.equal(colours.body, 'rgb(14, 17, 23)');
  assert.ok(
    colours.padPixel.every((v) => v < 60),
    `pad paper ${colours.padPixel}`,
  );
  await drawWithTouch(page, STROKES.zero);
  await digitShown(page, 0);
  const inkPixel = await page.$eval('#pad', (c) => [
    ...c
      .getContext('2d')
      .getImageData(Math.round(c.width / 2), Math.round(c.height * 0.17), 1, 1)
      .data.slice(0, 3),
  ]);
  assert.ok(
    inkPixel.every((v) => v > 200),
    `ink ${inkPixel}`,
  );
  assert.deepEqual(errors, []);
  await context.close();
});
