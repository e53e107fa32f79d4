// Drawing on the pad with a mouse: the guess and the bars follow the drawing; Undo and Clear.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { digitShown, drawWithMouse, ensureBuilt, launch, openPage, resultShown, startServer, STROKES, line } from './helpers.mjs';

let server;
let browser;
let page;
let errors;
let requests;

before(async () => {
  ensureBuilt();
  server = await startServer();
  browser = await launch();
  ({ page, errors, requests } = await openPage(browser, server.url));
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function clear() {
  await page.click('#clear');
  await resultShown(page, { state: 'empty' });
}

test('an empty pad invites drawing and shows no guess', async () => {
  const shown = await resultShown(page);
  assert.equal(shown.state, 'empty');
  assert.equal(shown.digit, '?');
  assert.match(shown.text, /draw a digit/i);
  assert.equal(await page.isDisabled('#undo'), true);
  assert.equal(await page.isDisabled('#clear'), true);
  // no bar is raised
  const heights = await page.$$eval('#probs .fill', (els) => els.map((e) => e.getBoundingClientRect().height));
  assert.deepEqual(heights, Array(10).fill(0));
});

test('a vertical stroke reads as 1, with its bar the tallest', async () => {
  await drawWithMouse(page, STROKES.one);
  const shown = await digitShown(page, 1);
  assert.match(shown.text, /1/);
  assert.match(shown.detail, /\d+% sure/);
  assert.equal(shown.source, 'From your drawing');
  const top = await page.$$eval('#probs li', (lis) => lis.findIndex((li) => li.classList.contains('top')));
  assert.equal(top, 1);
  // once the bars' transition is over, the bar for 1 is the tallest, by far
  const heights = await page.$$eval('#probs .fill', async (els) => {
    await Promise.all(els.flatMap((e) => e.getAnimations().map((a) => a.finished)));
    return els.map((e) => e.getBoundingClientRect().height);
  });
  assert.equal(heights.indexOf(Math.max(...heights)), 1);
  assert.ok(heights[1] > 40, `bar for 1 is ${heights[1]} px tall`);
  // the 28×28 view shows ink
  const ink = await page.$eval('#model-input', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, 28, 28).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] > 128) n++;
    return n;
  });
  assert.ok(ink > 15, `the model's view has ${ink} ink pixels`);
  // the live region tells screen readers
  await page.waitForFunction(() => /one, \d+ percent sure/.test(document.getElementById('announcer').textContent));
});

test('Clear resets the pad and the result', async () => {
  await clear();
  const shown = await resultShown(page);
  assert.equal(shown.digit, '?');
  const inkLeft = await page.$eval('#pad', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 128) n++;
    return n;
  });
  assert.equal(inkLeft, 0);
  assert.equal(await page.isDisabled('#clear'), true);
});

test('an ellipse reads as 0', async () => {
  await drawWithMouse(page, STROKES.zero);
  await digitShown(page, 0);
  await clear();
});

test('a 7 in two strokes reads as 7; Undo takes the last stroke back', async () => {
  await drawWithMouse(page, STROKES.seven);
  await digitShown(page, 7);
  await page.click('#undo');
  // only the top bar is left: whatever it is, it is no longer the 7 with its diagonal
  const afterUndo = await resultShown(page, { notDigit: '7' });
  assert.notEqual(afterUndo.digit, '7');
  await page.click('#undo');
  const empty = await resultShown(page, { state: 'empty' });
  assert.equal(empty.digit, '?');
});

test('keyboard: Ctrl+Z undoes, Escape clears, buttons are reachable with Tab', async () => {
  await drawWithMouse(page, STROKES.one);
  await digitShown(page, 1);
  await page.keyboard.press('Control+z');
  await resultShown(page, { state: 'empty' });
  await drawWithMouse(page, STROKES.one);
  await digitShown(page, 1);
  await page.keyboard.press('Escape');
  await resultShown(page, { state: 'empty' });
  // With something drawn, Tab goes from Undo to Clear and on to the upload button.
  await drawWithMouse(page, STROKES.one);
  await digitShown(page, 1);
  await page.focus('#undo');
  const order = [];
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id));
  }
  assert.deepEqual(order, ['clear', 'file-input']);
  // back to Clear with Shift+Tab: it shows a focus ring, and Enter presses it
  await page.keyboard.press('Shift+Tab');
  const ring = await page.$eval('#clear', (el) => document.activeElement === el && getComputedStyle(el).boxShadow);
  assert.ok(ring && ring !== 'none', `focus ring: ${ring}`);
  await page.keyboard.press('Enter');
  await resultShown(page, { state: 'empty' });
});

test('a tiny dot shows either a guess or "No digit found", never a failure', async () => {
  await drawWithMouse(page, [line([0.5, 0.5], [0.505, 0.5], 1)]);
  const shown = await resultShown(page, { notState: 'empty' });
  if (shown.state === 'nodigit') {
    assert.equal(shown.text, 'No digit found');
    assert.equal(shown.digit, '–');
  } else {
    // the engine may still read a tiny dot; then it must at least be marked as a result
    assert.equal(shown.state, 'result');
  }
  await clear();
});

test('no console errors and no request off the page’s origin', async () => {
  assert.deepEqual(errors, []);
  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== origin), []);
});
