// The session's history: each settled drawing (one entry per drawing, kept up to date as it
// grows) and each uploaded image, newest first, with a thumbnail, a Copy button and Clear.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digitPng, digitShown, drawWithMouse, file, openPage, STROKES, useBrowser } from './helpers.mjs';

const web = useBrowser();

const entries = (page) =>
  page.$$eval('#history-list li', (lis) =>
    lis.map((li) => ({
      text: li.querySelector('.history-text').textContent,
      detail: li.querySelector('.history-detail').textContent,
      thumb: li.querySelector('canvas').width,
    })),
  );

test('history: drawings and uploads, newest first, one entry per drawing, Copy each, Clear', async () => {
  const { context, page, errors } = await openPage(web.browser, web.server.url, { viewport: { width: 1280, height: 900 } });
  assert.equal(await page.isVisible('#history'), false, 'no list before anything was read');

  await drawWithMouse(page, STROKES.one, { at: 0.3 });
  await digitShown(page, 1);
  await page.waitForFunction(() => document.querySelectorAll('#history-list li').length === 1);
  // a 7 beside the 1: the same drawing, now 17, stays one entry
  await drawWithMouse(page, STROKES.seven, { at: 0.7 });
  await page.waitForFunction(() => document.querySelector('#history-list .history-text')?.textContent === '17', null, { timeout: 10000 });
  assert.equal((await entries(page)).length, 1);

  await page.click('#clear');
  await page.setInputFiles('#file-input', [file('zero.png', digitPng(STROKES.zero))]);
  await digitShown(page, 0);
  await page.waitForFunction(() => document.querySelectorAll('#history-list li').length === 2);
  const list = await entries(page);
  assert.deepEqual(
    list.map((e) => e.text),
    ['0', '17'],
  );
  assert.match(list[0].detail, /^zero\.png · \d+%/);
  assert.match(list[1].detail, /^Your drawing · \d+%/);
  await page.waitForFunction(() => [...document.querySelectorAll('#history-list canvas')].every((c) => c.width > 1));

  await page.evaluate(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', { value: async (t) => (window.copied = t), configurable: true });
  });
  await page.getByRole('button', { name: 'Copy 17' }).click();
  await page.waitForFunction(() => window.copied === '17');

  await page.click('#history-clear');
  assert.equal(await page.isVisible('#history'), false);
  assert.equal((await entries(page)).length, 0);
  assert.deepEqual(errors, []);
  await context.close();
});
