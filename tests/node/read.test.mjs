// read() / readPixels(): every digit on a page, as the JS API gives it (dist/, built by
// `bash scripts/build.sh wasm`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScrawl, ScrawlError } from '../../dist/scrawl.mjs';
import { amountPng, drawStrokes, grayToRgba, mnistTest, noMnist, pngFromGray, ringSegments } from './helpers.mjs';

const scrawl = await createScrawl();

/** MNIST test digits (white on black, 28×28) written dark on a white page, 2× their size, side by side. */
function pageOfMnist(mnist, indices, width, height) {
  const gray = new Uint8Array(width * height).fill(255);
  indices.forEach((index, k) => {
    const left = 40 + k * 64;
    const top = (height - 56) / 2;
    for (let y = 0; y < 56; y++)
      for (let x = 0; x < 56; x++) {
        const v = mnist.images[index * 784 + (y >> 1) * 28 + (x >> 1)];
        gray[(top + y) * width + left + x] = 255 - v;
      }
  });
  return gray;
}

test('read() finds every digit of a number, in order, with boxes', (t) => {
  const mnist = mnistTest();
  if (!mnist) return t.skip(noMnist);
  // The first four MNIST test digits (7 2 1 0): any model worth shipping reads them right.
  const labels = [0, 1, 2, 3].map((i) => mnist.labels[i]).join('');
  const gray = pageOfMnist(mnist, [0, 1, 2, 3], 340, 140);
  const r = scrawl.read(pngFromGray(gray, 340, 140));
  assert.equal(r.text, labels);
  assert.equal(r.lines, 1);
  assert.equal(r.digits.length, 4);
  assert.equal(r.message, undefined);
  for (let i = 0; i < 4; i++) {
    const d = r.digits[i];
    assert.equal(d.digit, Number(labels[i]));
    assert.equal(d.line, 0);
    assert.ok(d.confidence > 0 && d.confidence <= 1);
    assert.equal(typeof d.unsure, 'boolean');
    const [x, y, w, h] = d.box;
    // Inside its own 56-pixel cell, left to right.
    assert.ok(x >= 40 + i * 64 - 2 && x + w <= 40 + i * 64 + 58, `box ${d.box} of digit ${i}`);
    assert.ok(y >= 40 && y + h <= 100 && w > 0 && h > 0);
  }
});

test('read() orders lines top to bottom, a space between them', () => {
  // Strokes: "1 1" on the first line, "1" below.
  const gray = drawStrokes(
    300,
    300,
    [
      [80, 30, 80, 110],
      [180, 30, 180, 110],
      [130, 180, 130, 260],
    ],
    10,
  );
  const r = scrawl.read(pngFromGray(gray, 300, 300));
  assert.equal(r.text, '11 1');
  assert.equal(r.lines, 2);
  assert.deepEqual(
    r.digits.map((d) => d.line),
    [0, 0, 1],
  );
});

test('a blank page gives no digits and says so, without an error', () => {
  const gray = new Uint8Array(400 * 300).fill(236);
  for (let i = 0; i < gray.length; i++) gray[i] -= (i * 7919) % 9; // a little paper grain
  const r = scrawl.read(pngFromGray(gray, 400, 300));
  assert.equal(r.text, '');
  assert.deepEqual(r.digits, []);
  assert.equal(r.lines, 0);
  assert.equal(r.message, 'no digits found');
});

test('read() keeps a point and a dash as written, and format "amount" reads the sum', () => {
  const r = scrawl.read(amountPng(), { format: 'amount' });
  assert.equal(r.text, '10.70-');
  assert.deepEqual(
    r.digits.map((d) => d.digit),
    [1, 0, 7, 0],
  );
  assert.deepEqual(
    r.marks.map((m) => m.mark),
    ['.', '-'],
  );
  assert.equal(r.marks[0].line, 0);
  assert.equal(r.field.format, 'amount');
  assert.equal(r.field.value, '10.70');
});

test('read() cuts off a 1 written into its neighbour, and leaves whole 0s whole', () => {
  // "0100": the 1 touches the second 0, one piece of ink a digit model alone reads as a 0.
  const segments = [
    ...ringSegments(110, 130, 44, 58),
    [236, 70, 236, 190],
    ...ringSegments(294, 130, 48, 58),
    ...ringSegments(440, 130, 44, 58),
  ];
  const r = scrawl.read(pngFromGray(drawStrokes(620, 260, segments, 9), 620, 260));
  assert.equal(r.text, '0100');
  assert.ok(r.digits[1].box[0] + r.digits[1].box[2] <= r.digits[2].box[0] + 12, 'the 1 and the 0 get boxes of their own');
});

test('readPixels() gives what read() gives, from RGBA or an ImageData', () => {
  const gray = drawStrokes(
    240,
    120,
    [
      [60, 20, 60, 100],
      [160, 20, 160, 100],
    ],
    9,
  );
  const fromFile = scrawl.read(pngFromGray(gray, 240, 120));
  const rgba = grayToRgba(gray);
  assert.deepEqual(scrawl.readPixels(rgba, 240, 120), fromFile);
  assert.deepEqual(scrawl.readPixels({ data: new Uint8ClampedArray(rgba), width: 240, height: 120 }), fromFile);
  assert.equal(fromFile.text, '11');
});

test('read() rejects what is not an image, like recognize()', () => {
  assert.throws(
    () => scrawl.read(new TextEncoder().encode('not a picture')),
    (e) => e instanceof ScrawlError && e.code === 'not_an_image',
  );
  assert.throws(
    () => scrawl.readPixels(new Uint8Array(10), 2, 2),
    (e) => e instanceof ScrawlError && e.code === 'bad_argument',
  );
});

test('one reader: a single digit read() carries the bars and input that recognize() gives, for the same digit', () => {
  // A 7 drawn large on a canvas.
  const seven = drawStrokes(
    280,
    280,
    [
      [60, 50, 220, 50],
      [220, 50, 110, 240],
    ],
    20,
  );
  const png = pngFromGray(seven, 280, 280);
  const reading = scrawl.read(png);
  const one = scrawl.recognize(png);
  assert.equal(reading.digits.length, 1);
  assert.equal(reading.text, '7');
  assert.equal(one.digit, 7);
  assert.equal(reading.probs.length, 10);
  assert.deepEqual(reading.probs, one.probs);
  // The same members as recognize() gives, written by the same code.
  for (const key of ['digit', 'confidence', 'unsure', 'box']) assert.deepEqual(reading[key], one[key], key);
  assert.equal(reading.input.length, 784);
  assert.deepEqual(Array.from(reading.input), Array.from(one.input));
  assert.deepEqual(reading.digits[0].box, one.box);
  // Several digits: no single-digit bars.
  const pair = drawStrokes(
    400,
    200,
    [
      [80, 30, 80, 170],
      [200, 40, 330, 40],
      [330, 40, 250, 170],
    ],
    14,
  );
  const two = scrawl.read(pngFromGray(pair, 400, 200));
  assert.equal(two.text, '17');
  assert.equal(two.probs, undefined);
  assert.equal(two.digit, undefined);
});

test('read(…, { format }) gives the field normalised, how sure of all of it, and what does not fit', (t) => {
  const mnist = mnistTest();
  if (!mnist) return t.skip(noMnist);
  const indices = [0, 1, 2, 3, 4];
  const labels = indices.map((i) => mnist.labels[i]).join('');
  const png = pngFromGray(pageOfMnist(mnist, indices, 400, 140), 400, 140);
  const plain = scrawl.read(png);
  assert.equal(plain.field, undefined, 'no field without a format');
  const zip = scrawl.read(png, { format: 'zip' });
  assert.equal(zip.text, labels);
  assert.equal(zip.field.format, 'zip');
  assert.equal(zip.field.value, labels);
  assert.equal(zip.field.problem, undefined);
  const product = zip.digits.reduce((p, d) => p * d.confidence, 1);
  assert.ok(Math.abs(zip.field.confidence - product) < 1e-4, `${zip.field.confidence} vs ${product}`);
  // Four digits are no zip code: flagged, in words.
  const four = scrawl.read(pngFromGray(pageOfMnist(mnist, [0, 1, 2, 3], 340, 140), 340, 140), { format: 'zip' });
  assert.equal(four.field.unsure, true);
  assert.match(four.field.problem, /a zip code has 5 or 9 digits; 4 digits were read/);
  const digits = scrawl.read(
    pngFromGray(
      drawStrokes(
        300,
        300,
        [
          [80, 30, 80, 110],
          [180, 30, 180, 110],
          [130, 180, 130, 260],
        ],
        10,
      ),
      300,
      300,
    ),
    { format: 'digits' },
  );
  assert.equal(digits.text, '11 1');
  assert.equal(digits.field.value, '111', 'lines run together');
  // The same from pixels, and bad formats refused in words.
  const rgba = grayToRgba(pageOfMnist(mnist, indices, 400, 140));
  assert.equal(scrawl.readPixels(rgba, 400, 140, { format: 'zip' }).field.value, labels);
  assert.equal(scrawl.readPixels({ data: rgba, width: 400, height: 140 }, { format: 'zip' }).field.value, labels);
  assert.throws(
    () => scrawl.read(png, { format: 'iban' }),
    (e) => e instanceof ScrawlError && e.code === 'bad_argument' && /'digits', 'zip' or 'amount', not 'iban'/.test(e.message),
  );
  assert.throws(
    () => scrawl.read(png, { format: 5 }),
    (e) => e instanceof ScrawlError && e.code === 'bad_argument',
  );
  assert.throws(
    () => scrawl.read(png, 'zip'),
    (e) => e instanceof ScrawlError && e.code === 'bad_argument',
  );
});
