// The wasm module through its public JS API (dist/scrawl.mjs), in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScrawl, hasWasmSimd, ScrawlError } from '../../dist/scrawl.mjs';
import { drawStrokes, grayToRgba, mnistDir, mnistTest, nativeCli, noMnist, pngFromGray } from './helpers.mjs';

const scrawl = await createScrawl();
const seven = drawStrokes(
  200,
  200,
  [
    [50, 40, 150, 40],
    [150, 40, 80, 170],
  ],
  14,
);

test('reads a drawn digit from PNG bytes and from RGBA pixels alike', () => {
  const fromFile = scrawl.recognize(pngFromGray(seven, 200, 200));
  assert.equal(fromFile.digit, 7);
  assert.equal(fromFile.probs.length, 10);
  assert.ok(Math.abs(fromFile.probs.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  assert.equal(fromFile.confidence, fromFile.probs[7]);
  assert.equal(typeof fromFile.unsure, 'boolean');
  assert.ok(fromFile.input instanceof Float32Array && fromFile.input.length === 784);
  assert.ok(Math.max(...fromFile.input) > 0.9, 'the model saw ink');
  const [x, y, w, h] = fromFile.box;
  assert.ok(x >= 35 && x <= 50 && y >= 28 && y <= 40 && w > 90 && h > 120, `box ${fromFile.box}`);

  const fromPixels = scrawl.recognizePixels(grayToRgba(seven), 200, 200);
  assert.deepEqual(fromPixels.probs, fromFile.probs);
  const imageDataLike = { data: new Uint8ClampedArray(grayToRgba(seven)), width: 200, height: 200 };
  assert.equal(scrawl.recognizePixels(imageDataLike).digit, 7);
});

test('bad input throws a ScrawlError with words a person understands, and the engine keeps working', () => {
  const expectError = (fn, code, words) =>
    assert.throws(fn, (e) => e instanceof ScrawlError && e.code === code && e.message.includes(words));
  expectError(
    () => scrawl.recognize(new TextEncoder().encode('hello, this is text')),
    'not_an_image',
    'not an image: PNG, JPG, GIF, BMP or TGA expected',
  );
  expectError(() => scrawl.recognize(new Uint8Array()), 'not_an_image', 'empty');
  const png = pngFromGray(seven, 200, 200);
  const corrupt = Uint8Array.from(png);
  for (let i = 60; i < corrupt.length - 20; i++) corrupt[i] ^= 0x5a;
  expectError(() => scrawl.recognize(corrupt), 'not_an_image', 'damaged');
  const huge = Uint8Array.from(png);
  new DataView(huge.buffer).setUint32(16, 20000);
  new DataView(huge.buffer).setUint32(20, 20000);
  expectError(() => scrawl.recognize(huge), 'image_too_large', 'image is 20000×20000');
  expectError(() => scrawl.recognize(pngFromGray(new Uint8Array(100 * 80).fill(255), 100, 80)), 'no_digit', 'no digit found');
  expectError(() => scrawl.recognizePixels(new Uint8Array(10), 2, 2), 'bad_argument', 'expected 2×2×4');
  expectError(() => scrawl.recognize('a string'), 'bad_argument', 'bytes of an image');
  // A JPEG whose Huffman table holds more codes than a table can (stb_image 2.27 would index past it).
  expectError(() => scrawl.recognize(Uint8Array.of(0xff, 0xd8, 0xff, 0xc4, 0x00, 0x19, 0x00, 0xd9, 0xff)), 'not_an_image', 'Huffman table');
  // Thousands of small bars: refused in words, not read as thousands of 1s.
  const bars = new Uint8Array(1200 * 1000).fill(255);
  for (let gy = 0; gy < 50; gy++)
    for (let gx = 0; gx < 70; gx++)
      for (let y = gy * 20 + 2; y < gy * 20 + 18; y++) for (let x = gx * 17 + 4; x < gx * 17 + 7; x++) bars[y * 1200 + x] = 0;
  expectError(() => scrawl.read(pngFromGray(bars, 1200, 1000)), 'too_many_marks', 'more than any page of handwritten numbers');
  assert.equal(scrawl.recognize(png).digit, 7);
});

test('MNIST digits saved as images are read, and the wasm engine agrees with the native one', (t) => {
  const mnist = mnistTest();
  if (!mnist) return t.skip(noMnist);
  if (!existsSync(nativeCli)) return t.skip('native CLI not built (build/native/scrawl)');
  const dir = mkdtempSync(path.join(tmpdir(), 'scrawl-'));
  const files = [];
  const labels = [];
  for (let i = 0; i < 60; i++) {
    const digit = mnist.images.subarray(i * 784, (i + 1) * 784);
    const variant = i % 3; // white on black; black on white; black on white, 4× on a bigger canvas off-centre
    let gray = variant === 0 ? digit : digit.map((v) => 255 - v);
    let w = 28;
    let h = 28;
    if (variant === 2) {
      w = 300;
      h = 200;
      const canvas = new Uint8Array(w * h).fill(255);
      const ox = 20 + ((i * 7) % 150);
      const oy = 10 + ((i * 5) % 70);
      for (let y = 0; y < 112; y++) for (let x = 0; x < 112; x++) canvas[(oy + y) * w + ox + x] = gray[(y >> 2) * 28 + (x >> 2)];
      gray = canvas;
    }
    const file = path.join(dir, `${i}.png`);
    writeFileSync(file, pngFromGray(gray, w, h));
    files.push(file);
    labels.push(mnist.labels[i]);
  }
  const native = execFileSync(nativeCli, ['recognize', '--json', ...files], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  let correct = 0;
  let largest = 0;
  files.forEach((file, i) => {
    assert.equal(native[i].file, file);
    // A digit the reader doubts too much to keep is "no digit" to both engines, and a miss.
    if (native[i].digits.length === 0) {
      assert.throws(
        () => scrawl.recognize(readFileSync(file)),
        (e) => e instanceof ScrawlError && e.code === 'no_digit',
      );
      return;
    }
    const r = scrawl.recognize(readFileSync(file));
    correct += r.digit === labels[i];
    assert.equal(native[i].digit, r.digit);
    assert.deepEqual(native[i].box, r.box);
    for (let k = 0; k < 10; k++) largest = Math.max(largest, Math.abs(native[i].probs[k] - r.probs[k]));
  });
  // The browser's convolutions multiply integers (engine/nn/quantize.h), the native ones
  // floats: the same digits and boxes, probabilities apart by under 5e-4 (4.8e-5 measured).
  assert.ok(largest < 5e-4, `probabilities differ by up to ${largest}`);
  assert.ok(correct >= 57, `${correct} of 60 correct`);
});

test('phone photos saved as JPEG are read by the wasm engine as by the native one', (t) => {
  if (!mnistTest()) return t.skip(noMnist);
  if (!existsSync(nativeCli)) return t.skip('native CLI not built (build/native/scrawl)');
  // The string test's pages, written as the native CLI makes them: most are JPEG photos. The
  // browser decodes a JPEG with stb_image's SSE2 paths turned into wasm SIMD, natively x86 SSE2.
  const dir = mkdtempSync(path.join(tmpdir(), 'scrawl-'));
  execFileSync(nativeCli, ['eval', '--strings', '--mnist', mnistDir, '--pages', '16', '--blank', '0', '--save', dir], {
    encoding: 'utf8',
  });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jpg'))
    .map((f) => path.join(dir, f));
  assert.ok(files.length >= 8, `${files.length} JPEG pages`);
  const native = execFileSync(nativeCli, ['recognize', '--json', ...files], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  let largest = 0;
  files.forEach((file, i) => {
    const r = scrawl.read(readFileSync(file));
    assert.equal(r.text, native[i].text, file);
    r.digits.forEach((d, k) => {
      assert.deepEqual(d.box, native[i].digits[k].box, `${file} digit ${k}`);
      largest = Math.max(largest, Math.abs(d.confidence - native[i].digits[k].confidence));
    });
  });
  assert.ok(largest < 5e-4, `confidences differ by up to ${largest}`);
});

test('warmUp() runs the whole pipeline on its built-in page and leaves later results unchanged', async () => {
  const fresh = await createScrawl();
  const before = fresh.recognizePixels(grayToRgba(seven), 200, 200);
  assert.equal(fresh.warmUp(), '10', 'both models ran on the built-in page and read it');
  const after = fresh.recognizePixels(grayToRgba(seven), 200, 200);
  assert.deepEqual(after.probs, before.probs);
});

test('memory(): the engine holds no more after 300 readings, bad files among them, than after the first round', () => {
  const png = pngFromGray(seven, 200, 200);
  const rgba = grayToRgba(seven);
  const round = () => {
    scrawl.read(png);
    scrawl.readPixels(rgba, 200, 200);
    scrawl.recognize(png);
    assert.throws(() => scrawl.read(png.subarray(0, png.length >> 1)), ScrawlError); // a truncated file
  };
  round();
  const first = scrawl.memory();
  assert.ok(Number.isInteger(first.heapBytes) && first.heapBytes >= 16 << 20, `heap ${first.heapBytes}`);
  assert.ok(first.inUseBytes > 0 && first.inUseBytes < first.heapBytes, `in use ${first.inUseBytes}`);
  for (let i = 0; i < 75; i++) round();
  const after = scrawl.memory();
  assert.equal(after.heapBytes, first.heapBytes, 'the heap did not grow');
  assert.ok(Math.abs(after.inUseBytes - first.inUseBytes) <= 64 << 10, `in use ${first.inUseBytes} → ${after.inUseBytes}`);
});

// The bad-input corpus (tests/cpp/support/bad_inputs.cpp, written by the native build's
// scrawl_bad_inputs) through the wasm module: the same answers as natively, and the largest
// accepted image (a blank 49-megapixel PNG) within a stated share of the module's memory.
const badInputsWriter = path.join(path.dirname(nativeCli), 'tests/cpp/scrawl_bad_inputs');
const WASM_MEMORY_FOR_49_MP = 192 << 20;

test('every bad input is read or answered in words, and 49 megapixels fit in 192 MB of wasm memory', (t) => {
  if (!existsSync(badInputsWriter)) return t.skip('the bad-input writer is not built (build/native/tests/cpp/scrawl_bad_inputs)');
  const dir = mkdtempSync(path.join(tmpdir(), 'scrawl-bad-'));
  execFileSync(badInputsWriter, [dir]);
  const rows = readFileSync(path.join(dir, 'expected.tsv'), 'utf8').trim().split('\n');
  assert.ok(rows.length >= 28, `${rows.length} files`);
  for (const row of rows) {
    const [name, expect, why] = row.split('\t');
    let got;
    try {
      const r = scrawl.read(readFileSync(path.join(dir, name)));
      got = r.digits.length === 0 ? 'nothing' : r.text;
    } catch (e) {
      assert.ok(e instanceof ScrawlError, `${name}: ${e}`);
      assert.doesNotMatch(e.message, /Corrupt|corrupt|bad |outofmem|unknown|stb/, `${name}: ${e.message}`);
      got = `error:${e.code}`;
    }
    if (expect === 'answer') continue;
    if (expect === 'nothing') assert.ok(['nothing', 'error:no_digit', 'error:too_many_marks'].includes(got), `${name} (${why}): ${got}`);
    else assert.equal(got, expect, `${name} (${why})`);
  }
  assert.ok(scrawl.memory().heapBytes <= WASM_MEMORY_FOR_49_MP, `wasm memory ${scrawl.memory().heapBytes} bytes`);
  assert.equal(scrawl.read(pngFromGray(seven, 200, 200)).text, '7');
});

test('a browser without WebAssembly SIMD gets the engine built without it, and it reads the same', async () => {
  assert.equal(hasWasmSimd(), true, 'Node 20 has WebAssembly SIMD');
  const plain = await createScrawl({ simd: false });
  const one = drawStrokes(120, 160, [[60, 20, 60, 140]], 12);
  const page = drawStrokes(
    420,
    160,
    [
      [40, 30, 40, 130],
      [150, 30, 230, 30],
      [230, 30, 170, 130],
      [300, 30, 300, 80],
      [300, 80, 370, 80],
      [350, 30, 350, 130],
    ],
    12,
  );
  for (const [gray, w, h] of [
    [seven, 200, 200],
    [one, 120, 160],
    [page, 420, 160],
  ]) {
    const png = pngFromGray(gray, w, h);
    const a = scrawl.read(png);
    const b = plain.read(png);
    assert.equal(b.text, a.text);
    assert.deepEqual(
      b.digits.map((d) => d.box),
      a.digits.map((d) => d.box),
    );
    // Float convolutions there, integer ones here (engine/nn/quantize.h): confidences a hair apart.
    a.digits.forEach((d, i) => assert.ok(Math.abs(d.confidence - b.digits[i].confidence) < 5e-4, `${a.text} digit ${i}`));
  }
  assert.equal(scrawl.read(pngFromGray(page, 420, 160)).text, '174');
});
