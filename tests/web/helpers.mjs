import { after, before } from 'node:test';
// Shared by the web tests: builds the page if web/ changed, serves dist/ on 127.0.0.1 with
// scripts/serve.mjs, launches Debian's Chromium headless, and draws on the pad.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

function newestMtime(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Runs scripts/build-web.mjs when dist/index.html is missing or older than its sources. Test
 * files may run side by side: a lock folder lets one of them build while the others wait.
 */
export function ensureBuilt() {
  if (!fs.existsSync(path.join(DIST, 'scrawl.wasm')))
    throw new Error('dist/scrawl.wasm is missing: run `bash scripts/build.sh wasm` (or npm run build) first');
  if (!isStale()) return;
  const lock = path.join(DIST, '.build-web-lock');
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (Date.now() > deadline) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed run
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    if (isStale()) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-web.mjs'), '--quiet'], { stdio: 'inherit' });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function isStale() {
  const index = path.join(DIST, 'index.html');
  const sources = [
    newestMtime(path.join(ROOT, 'web')),
    ...[
      'wasm/scrawl.mjs',
      'wasm/scrawl-worker.mjs',
      'wasm/scrawl-trainer.mjs',
      'wasm/scrawl-samples.mjs',
      'wasm/scrawl-mnist.mjs',
      'dist/scrawl.wasm',
      'dist/scrawl-core.mjs',
      'dist/scrawl-trainer.wasm',
      'scripts/build-web.mjs',
    ].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs),
  ];
  return !fs.existsSync(index) || fs.statSync(index).mtimeMs < Math.max(...sources);
}

/** Serves a folder (default dist/) on a free port; resolves with the server (server.url). */
/**
 * For a test file: builds the page if needed, serves dist/ and starts Chromium before its
 * tests, and stops both after them. Returns { server, browser }, filled in by then.
 */
export function useBrowser() {
  const web = {};
  before(async () => {
    ensureBuilt();
    web.server = await startServer();
    web.browser = await launch();
  });
  after(async () => {
    await web.browser?.close();
    web.server?.close();
  });
  return web;
}

export async function startServer(root = DIST) {
  return serve({ port: 0, root });
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A new browser context and page that record console errors, page errors and every request
 * (page, workers and service worker). Returns { context, page, errors, requests }.
 */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const errors = [];
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('weberror', (e) => errors.push(`page error: ${e.error().message}`));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && errors.push(`worker console: ${m.text()}`)));
  if (url) {
    await page.goto(url);
    await waitReady(page);
  }
  return { context, page, errors, requests };
}

/** Waits until the page says its recognizer is loaded. */
export async function waitReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', null, { timeout: 30000 });
}

/** The pad's box on the page. */
export async function padBox(page) {
  await page.locator('#pad').scrollIntoViewIfNeeded();
  const box = await page.locator('#pad').boundingBox();
  if (!box) throw new Error('the drawing pad is not visible');
  return box;
}

/**
 * Where a point of a stroke lands on the page. Strokes are drawn in a square's 0..1 coordinates
 * (a digit in STROKES fills it); the square is as tall as the pad (as wide, if the pad is
 * narrower than tall) and centred at `at` of the pad's width: 0.5 is the middle, 0.3 and 0.7
 * put two digits side by side on a wide pad.
 */
function padPoint(box, at = 0.5) {
  const side = Math.min(box.width, box.height);
  const left = box.x + at * box.width - side / 2;
  const top = box.y + (box.height - side) / 2;
  return ([x, y]) => [left + x * side, top + y * side];
}

/** Draws strokes with the mouse; each stroke is a list of [x, y] in 0..1 of a square on the pad (see padPoint). */
export async function drawWithMouse(page, strokes, { at: centre } = {}) {
  const box = await padBox(page);
  const at = padPoint(box, centre);
  for (const stroke of strokes) {
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const p of stroke.slice(1)) await page.mouse.move(...at(p), { steps: 2 });
    await page.mouse.up();
  }
}

/** Draws strokes with touch (real touch events through the DevTools protocol, which the browser turns into pointer events). */
export async function drawWithTouch(page, strokes, { at: centre } = {}) {
  const box = await padBox(page);
  const at = padPoint(box, centre);
  const cdp = await page.context().newCDPSession(page);
  const pt = (p) => {
    const [x, y] = at(p);
    return { x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 };
  };
  for (const stroke of strokes) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [pt(stroke[0])] });
    for (const p of stroke.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [pt(p)] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
  await cdp.detach();
}

/** Points along a line from a to b (inclusive), n segments. */
export function line(a, b, n = 12) {
  return Array.from({ length: n + 1 }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n]);
}

/** Points around an ellipse centred at (cx, cy). */
export function ellipse(cx, cy, rx, ry, n = 36) {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + rx * Math.cos(t), cy + ry * Math.sin(t)];
  });
}

export const STROKES = {
  one: [line([0.5, 0.15], [0.5, 0.85])],
  zero: [ellipse(0.5, 0.5, 0.22, 0.33)],
  seven: [line([0.28, 0.2], [0.72, 0.2], 8), line([0.72, 0.2], [0.42, 0.85], 12)],
};

/**
 * Waits until the result panel has settled (not busy, no drawing still being read) and
 * matches `want` ({ state, notState, digit, notDigit }); returns what it shows.
 */
export async function resultShown(page, want = {}) {
  await page
    .waitForFunction(
      (w) => {
        const card = document.getElementById('result-card');
        const digit = document.getElementById('digit').textContent;
        const state = card.dataset.state;
        return (
          card.getAttribute('aria-busy') !== 'true' &&
          state !== 'busy' &&
          (w.state === undefined || state === w.state) &&
          (w.notState === undefined || state !== w.notState) &&
          (w.digit === undefined || digit === w.digit) &&
          (w.notDigit === undefined || digit !== w.notDigit)
        );
      },
      want,
      { timeout: 20000 },
    )
    .catch(async (e) => {
      const now = await page.evaluate(() => ({
        busy: document.getElementById('result-card').getAttribute('aria-busy'),
        state: document.getElementById('result-card').dataset.state,
        digit: document.getElementById('digit').textContent,
        text: document.getElementById('verdict-text').textContent,
      }));
      throw new Error(`the result panel never showed ${JSON.stringify(want)}; it shows ${JSON.stringify(now)} (${e.message})`);
    });
  return page.evaluate(() => ({
    state: document.getElementById('result-card').dataset.state,
    digit: document.getElementById('digit').textContent,
    text: document.getElementById('verdict-text').textContent,
    detail: document.getElementById('verdict-detail').textContent,
    unsure: !document.getElementById('unsure-badge').hidden,
    source: document.getElementById('result-source').textContent,
  }));
}

/**
 * Waits until the uploaded image is drawn with a caption matching `caption`: the image is
 * decoded for display after the result is shown, so it can come a moment later.
 */
export async function photoShown(page, caption) {
  await page
    .waitForFunction(
      (source) => {
        const photo = document.getElementById('photo');
        const text = document.getElementById('photo-caption').textContent;
        return photo.closest('[hidden]') === null && new RegExp(source).test(text);
      },
      caption.source,
      { timeout: 20000 },
    )
    .catch(async (e) => {
      const now = await page.evaluate(() => document.getElementById('photo-caption').textContent);
      throw new Error(`the image was never shown with a caption matching ${caption}; the caption is ${JSON.stringify(now)} (${e.message})`);
    });
}

/** Clicks the batch's CSV button; returns the download's rows (byte-order mark and final newline left out). */
export async function downloadedCsvRows(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  return fs
    .readFileSync(await download.path(), 'utf8')
    .slice(1)
    .trim()
    .split('\r\n');
}

/** Waits for the result panel to settle on `digit`; returns what it shows. */
export function digitShown(page, digit) {
  return resultShown(page, { state: 'result', digit: String(digit) });
}

// ---- images made in the tests ----

/** A PNG of a digit drawn with thick strokes (0..1 coordinates), dark on light by default. */
export function digitPng(strokes, { size = 140, ink = 20, paper = 250, width = 0.09 } = {}) {
  const png = new PNG({ width: size, height: size });
  png.data.fill(paper);
  for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255;
  const r = (width * size) / 2;
  const dot = (cx, cy) => {
    for (let y = Math.floor(cy - r); y <= cy + r; y++)
      for (let x = Math.floor(cx - r); x <= cx + r; x++) {
        if (x < 0 || y < 0 || x >= size || y >= size || (x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
        const i = (y * size + x) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = ink;
      }
  };
  for (const stroke of strokes)
    for (let k = 0; k < stroke.length - 1; k++) {
      const [a, b] = [stroke[k], stroke[k + 1]];
      const steps = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) * size) + 1;
      for (let s = 0; s <= steps; s++) dot((a[0] + ((b[0] - a[0]) * s) / steps) * size, (a[1] + ((b[1] - a[1]) * s) / steps) * size);
    }
  return PNG.sync.write(png);
}

/** An MNIST test digit as a black-on-white PNG, or null when ../shared/data/mnist is absent. */
export function mnistPng(index) {
  const dir = path.join(ROOT, '..', 'shared', 'data', 'mnist');
  const images = path.join(dir, 't10k-images-idx3-ubyte.gz');
  const labels = path.join(dir, 't10k-labels-idx1-ubyte.gz');
  if (!fs.existsSync(images) || !fs.existsSync(labels)) return null;
  const img = zlib.gunzipSync(fs.readFileSync(images));
  const lab = zlib.gunzipSync(fs.readFileSync(labels));
  const scale = 4;
  const png = new PNG({ width: 28 * scale, height: 28 * scale });
  for (let y = 0; y < 28 * scale; y++)
    for (let x = 0; x < 28 * scale; x++) {
      const v = 255 - img[16 + index * 784 + Math.floor(y / scale) * 28 + Math.floor(x / scale)];
      const i = (y * 28 * scale + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  return { png: PNG.sync.write(png), label: lab[8 + index] };
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(bytes) {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A small, valid grayscale PNG whose header claims width × height (with a correct CRC). */
export function pngClaiming(width, height) {
  const png = new PNG({ width: 4, height: 4, colorType: 0 });
  png.data.fill(255);
  const buf = PNG.sync.write(png, { colorType: 0 });
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  buf.writeUInt32BE(crc32(buf.subarray(12, 29)), 29);
  return buf;
}

/** Files for page.setInputFiles. */
export const file = (name, buffer, mimeType = 'image/png') => ({ name, mimeType, buffer });

/** Gray pixels (0..255, row by row) of a PNG made by digitPng, to re-encode in other formats. */
function grayOf(pngBytes) {
  const png = PNG.sync.read(pngBytes);
  const gray = new Uint8Array(png.width * png.height);
  for (let i = 0; i < gray.length; i++) gray[i] = png.data[i * 4];
  return { gray, width: png.width, height: png.height };
}

/** The same image as a 24-bit BMP. */
export function toBmp(pngBytes) {
  const { gray, width, height } = grayOf(pngBytes);
  const stride = Math.ceil((width * 3) / 4) * 4;
  const buf = Buffer.alloc(54 + stride * height);
  buf.write('BM', 0);
  buf.writeUInt32LE(buf.length, 2);
  buf.writeUInt32LE(54, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(width, 18);
  buf.writeInt32LE(height, 22); // positive: rows bottom-up
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(24, 28);
  buf.writeUInt32LE(stride * height, 34);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = gray[(height - 1 - y) * width + x];
      buf.fill(v, 54 + y * stride + x * 3, 54 + y * stride + x * 3 + 3);
    }
  return buf;
}

/** The same image as a two-colour GIF (black where darker than 128), LZW without compression. */
export function toGif(pngBytes) {
  const { gray, width, height } = grayOf(pngBytes);
  // Code size 2: codes 0..3 colours, 4 clear, 5 end; 3-bit codes. A clear code every two
  // pixels keeps the table from growing, so every code stays 3 bits wide.
  const codes = [];
  for (let i = 0; i < gray.length; i++) {
    if (i % 2 === 0) codes.push(4);
    codes.push(gray[i] < 128 ? 0 : 1);
  }
  codes.push(5);
  const bytes = [];
  let acc = 0;
  let bits = 0;
  for (const c of codes) {
    acc |= c << bits;
    bits += 3;
    while (bits >= 8) {
      bytes.push(acc & 255);
      acc >>= 8;
      bits -= 8;
    }
  }
  if (bits) bytes.push(acc & 255);
  const blocks = [];
  for (let i = 0; i < bytes.length; i += 255) {
    const chunk = bytes.slice(i, i + 255);
    blocks.push(chunk.length, ...chunk);
  }
  const u16 = (v) => [v & 255, v >> 8];
  // prettier-ignore
  return Buffer.from([
    ...Buffer.from('GIF89a'), ...u16(width), ...u16(height), 0xf1, 0, 0, // global table of 4 colours
    0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    0x2c, ...u16(0), ...u16(0), ...u16(width), ...u16(height), 0,
    2, ...blocks, 0,
    0x3b,
  ]);
}
