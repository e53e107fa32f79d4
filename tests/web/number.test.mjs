// A photo of a whole number on the page: the number as text, a box and label per digit, Copy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PNG } from 'pngjs';
import { createScrawl } from '../../dist/scrawl.mjs';
import { ensureBuilt, file, launch, openPage, photoShown, resultShown, startServer, STROKES } from './helpers.mjs';

let server, browser, page, errors, engine;

before(async () => {
  ensureBuilt();
  engine = await createScrawl();
  server = await startServer();
  browser = await launch();
  ({ page, errors } = await openPage(browser, server.url));
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Digits drawn side by side (STROKES, 0..1 coordinates) on one light page, dark ink. */
function numberPng(names, cell = 120, gap = 30) {
  const width = gap + names.length * (cell + gap);
  const height = cell + 2 * gap;
  const png = new PNG({ width, height });
  png.data.fill(245);
  const r = cell * 0.045;
  const dot = (cx, cy) => {
    for (let y = Math.floor(cy - r); y <= cy + r; y++)
      for (let x = Math.floor(cx - r); x <= cx + r; x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
        const i = (y * width + x) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 25;
      }
  };
  names.forEach((name, k) => {
    const ox = gap + k * (cell + gap);
    const oy = gap;
    for (const stroke of STROKES[name])
      for (let s = 0; s < stroke.length - 1; s++) {
        const [a, b] = [stroke[s], stroke[s + 1]];
        const steps = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) * cell) + 1;
        for (let t = 0; t <= steps; t++)
          dot(ox + (a[0] + ((b[0] - a[0]) * t) / steps) * cell, oy + (a[1] + ((b[1] - a[1]) * t) / steps) * cell);
      }
  });
  return PNG.sync.write(png);
}

test('a photo of a number shows the number, a labelled box per digit, and copies the number', async () => {
  const png = numberPng(['one', 'seven', 'zero']);
  const want = engine.read(png);
  assert.equal(want.text, '170', 'the engine reads the drawn number');
  await page.setInputFiles('#file-input', [file('number.png', png)]);
  const shown = await resultShown(page, { state: 'reading' });
  assert.equal(shown.digit, '170');
  assert.match(shown.text, /170/);
  assert.match(shown.detail, /3 digits/);
  await photoShown(page, /number\.png/);

  // One box per digit, drawn over the photo in the box colour.
  const boxColumns = await page.$eval('#photo', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const cols = new Set();
    for (let i = 0; i < d.length; i += 4) {
      const reddish = d[i] > 180 && d[i + 1] < 140 && d[i + 2] < 170;
      const amber = d[i] > 180 && d[i + 1] > 90 && d[i + 1] < 200 && d[i + 2] < 80;
      if (reddish || amber) cols.add(Math.floor(((i / 4) % c.width) / (c.width / 3)));
    }
    return [...cols].sort();
  });
  assert.deepEqual(boxColumns, [0, 1, 2], 'a box over each third of the image');
  assert.equal(await page.getAttribute('#photo', 'aria-label'), 'Your image, with a box around each of the 3 digits found');

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
  assert.equal(await page.evaluate(() => window.__copied), '170');
  assert.equal(await page.textContent('#copy-number'), 'Copied');
  assert.deepEqual(errors, []);
});

test('a blank page reads as no digits, and there is nothing to copy', async () => {
  const blank = numberPng([]);
  assert.equal(engine.read(blank).message, 'no digits found');
  await page.setInputFiles('#file-input', [file('blank-page.png', blank)]);
  const shown = await resultShown(page, { state: 'nodigit' });
  assert.equal(shown.text, 'No digit found');
  assert.equal(await page.isVisible('#copy-number'), false);
  await photoShown(page, /blank-page\.png/);
  assert.equal(await page.getAttribute('#photo', 'aria-label'), 'Your image; no digit was found in it');
});

/** The JPEG with an EXIF block saying how it is to be turned, as a phone writes it. */
function withOrientation(jpeg, orientation) {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const body = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from(app1), jpeg.subarray(2)]);
}

test('a phone photo stored sideways is read and shown the way up its EXIF says', async () => {
  const upright = numberPng(['one', 'seven', 'zero']);
  // Stored a quarter turn anticlockwise, to be turned clockwise (EXIF orientation 6).
  const stored = await page.evaluate(
    async (bytes) => {
      const img = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const c = new OffscreenCanvas(img.height, img.width);
      const ctx = c.getContext('2d');
      ctx.translate(0, img.width);
      ctx.rotate(-Math.PI / 2);
      ctx.drawImage(img, 0, 0);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    },
    [...upright],
  );
  const sideways = Buffer.from(stored);
  assert.notEqual(engine.read(sideways).text, '170', 'without its EXIF the photo is sideways');
  const photo = withOrientation(sideways, 6);
  assert.equal(engine.read(photo).text, '170');

  await page.setInputFiles('#file-input', [file('sideways.jpg', photo)]);
  const shown = await resultShown(page, { state: 'reading' });
  assert.equal(shown.digit, '170');
  await photoShown(page, /sideways\.jpg/);
  const size = await page.$eval('#photo', (c) => [c.width, c.height]);
  assert.ok(size[0] > size[1], `shown upright (wide), not as stored: ${size}`);
  assert.deepEqual(errors, []);
});
