// Drawing on the pad with a mouse: the guess and the bars follow the drawing; a number drawn
// on the pad reads as text with a box per digit; Undo and Clear.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  digitPng,
  digitShown,
  drawWithMouse,
  file,
  ensureBuilt,
  launch,
  openPage,
  photoShown,
  resultShown,
  startServer,
  STROKES,
  line,
} from './helpers.mjs';

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
  await page.evaluate(() => {
    window.states = [];
    const card = document.getElementById('result-card');
    new MutationObserver(() => window.states.push(card.dataset.state)).observe(card, { attributeFilter: ['data-state'] });
  });
  await drawWithMouse(page, STROKES.one);
  const shown = await digitShown(page, 1);
  assert.ok(!(await page.evaluate(() => window.states)).includes('nodigit'), 'no "No digit found" while the stroke is drawn');
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

/** Columns (0 = left half, 1 = right half) of the #photo canvas where a digit's box is drawn (the box colours). */
function boxHalves(page) {
  return page.$eval('#photo', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const halves = new Set();
    for (let i = 0; i < d.length; i += 4) {
      const reddish = d[i] > 180 && d[i + 1] < 140 && d[i + 2] < 170;
      const amber = d[i] > 180 && d[i + 1] > 90 && d[i + 1] < 200 && d[i + 2] < 80;
      if (reddish || amber) halves.add((i / 4) % c.width < c.width / 2 ? 0 : 1);
    }
    return [...halves].sort();
  });
}

test('a 1 and a 7 side by side read as the number 17: text, a box per digit, Copy, no bars', async () => {
  const pad = await page.locator('#pad').boundingBox();
  assert.ok(pad.width >= 1.9 * pad.height, `on a wide screen the pad is wider than tall: ${pad.width}×${pad.height}`);
  await drawWithMouse(page, STROKES.one, { at: 0.3 });
  await digitShown(page, 1);
  // Every state the panel passes through while the 7 is drawn beside the 1.
  await page.evaluate(() => {
    const card = document.getElementById('result-card');
    window.__states = [];
    new MutationObserver(() => window.__states.push(card.dataset.state)).observe(card, { attributeFilter: ['data-state'] });
  });
  await drawWithMouse(page, STROKES.seven, { at: 0.7 });
  const shown = await resultShown(page, { state: 'reading' });
  assert.equal(shown.digit, '17');
  assert.equal(shown.text, 'It reads 17');
  assert.match(shown.detail, /^2 digits, at least \d+% sure of each/);
  assert.equal(shown.source, 'From your drawing');
  const states = await page.evaluate(() => window.__states);
  assert.ok(states.includes('reading'), `states while drawing: ${states}`);
  assert.deepEqual(
    states.filter((st) => st !== 'result' && st !== 'reading'),
    [],
    'no blank, busy or "no digit" panel while drawing',
  );

  assert.equal(await page.isVisible('#probs'), false, 'no single-digit bars for a number');
  assert.equal(await page.isVisible('#model-input'), false);
  assert.match(await page.textContent('#pad-badge'), /^17\d+%$/);
  await photoShown(page, /^Your drawing$/);
  assert.deepEqual(await boxHalves(page), [0, 1], 'a box over the 1 on the left and over the 7 on the right');
  await page.waitForFunction(() => /^(maybe )?one seven$/.test(document.getElementById('announcer').textContent));

  await page.evaluate(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: async (t) => {
        window.__copied = t;
      },
      configurable: true,
    });
  });
  assert.equal(await page.isVisible('#copy-number'), true);
  await page.click('#copy-number');
  await page.waitForFunction(() => window.__copied !== undefined);
  assert.equal(await page.evaluate(() => window.__copied), '17');

  // Undo both strokes of the 7: the 1 alone is a single digit again, with its bars, and nothing to copy.
  await page.click('#undo');
  await page.click('#undo');
  await digitShown(page, 1);
  assert.equal(await page.isVisible('#probs'), true);
  assert.equal(await page.isVisible('#photo-view'), false);
  assert.equal(await page.isVisible('#copy-number'), false);
  await clear();
});

test('a 7 and a 0 side by side read as 70; Clear leaves nothing to copy', async () => {
  await drawWithMouse(page, STROKES.seven, { at: 0.3 });
  await drawWithMouse(page, STROKES.zero, { at: 0.7 });
  const shown = await resultShown(page, { state: 'reading' });
  assert.equal(shown.digit, '70');
  assert.equal(await page.isVisible('#copy-number'), true);
  await clear();
  assert.equal(await page.isVisible('#copy-number'), false);
  assert.equal(await page.isVisible('#photo-view'), false);
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
  // The shortcuts work from the upload button too.
  await drawWithMouse(page, STROKES.one);
  await digitShown(page, 1);
  await page.focus('#file-input');
  await page.keyboard.press('Control+z');
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
    assert.equal(shown.detail, 'Draw the digit bigger, filling more of the pad.', 'advice the pad lets people follow');
  } else {
    // the engine may still read a tiny dot; then it must at least be marked as a result
    assert.equal(shown.state, 'result');
  }
  await clear();
});

test('a drawing after an upload leaves nothing of the upload to copy', async () => {
  await page.setInputFiles('#file-input', [file('seven.png', digitPng(STROKES.seven))]);
  await digitShown(page, 7);
  assert.equal(await page.isVisible('#copy-number'), true, 'the upload’s digit can be copied');
  await drawWithMouse(page, [line([0.5, 0.5], [0.505, 0.5], 1)]);
  await resultShown(page, { notState: 'empty', notDigit: '7' });
  assert.equal(await page.isVisible('#copy-number'), false, 'no Copy of the 7 beside the drawing’s result');
  await clear();
});

test('no console errors and no request off the page’s origin', async () => {
  assert.deepEqual(errors, []);
  const origin = new URL(server.url).origin;
  assert.deepEqual(
    requests.filter((u) => new URL(u).origin !== origin),
    [],
  );
});
