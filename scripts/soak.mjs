#!/usr/bin/env node
// npm run soak [-- --readings N]: many readings through the page as people use it, to show that
// memory stays flat. Serves dist/ on 127.0.0.1 and, in headless Chromium, uploads batches of
// files (small scans as PNG, BMP and GIF, bad files, 12-megapixel phone photos as JPEG) and
// draws digits on the pad, until the page's worker has answered N readings (default 10,000).
// Between rounds it asks the worker's engine for its memory (wasm heap, bytes in use) and the
// page for its JS heap after a garbage collection. After the warm-up (the first tenth of the
// readings) wasm memory must stay within 1 MB and the page's JS heap within 2 MB; it prints
// the figures and exits 1 if either grew.
import {
  drawWithMouse,
  ensureBuilt,
  launch,
  digitPng,
  DIST,
  file,
  pngClaiming,
  STROKES,
  toBmp,
  toGif,
  waitReady,
} from '../tests/web/helpers.mjs';
import { serve } from './serve.mjs';

const MB = 1 << 20;
const WASM_SPREAD = 1 * MB;
const JS_SPREAD = 2 * MB;

function readingsWanted(argv) {
  const i = argv.indexOf('--readings');
  const n = i < 0 ? 10000 : Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 100) {
    console.error('soak: --readings takes a whole number of at least 100, e.g. --readings 10000');
    process.exit(2);
  }
  return n;
}

/** A 4000×3000 phone photo of a number on paper with a lighting gradient, as JPEG bytes. */
async function twelveMegapixelJpeg(page) {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const ctx = canvas.getContext('2d');
    const light = ctx.createLinearGradient(0, 0, 4000, 3000);
    light.addColorStop(0, '#f4f1ea');
    light.addColorStop(1, '#a9a59c');
    ctx.fillStyle = light;
    ctx.fillRect(0, 0, 4000, 3000);
    ctx.fillStyle = '#1d2a55';
    ctx.font = 'italic 360px serif';
    ctx.fillText('40172', 1100, 1700);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  return Buffer.from(base64, 'base64');
}

/** One batch's files: 40 small scans in three formats, 8 bad files and 2 photos. */
function batchFiles(photo) {
  const scans = [];
  for (const size of [100, 140, 200, 280])
    for (const [name, strokes] of Object.entries(STROKES)) {
      const png = digitPng(strokes, { size });
      scans.push(file(`${name}-${size}.png`, png), file(`${name}-${size}.bmp`, toBmp(png), 'image/bmp'));
      if (size <= 140) scans.push(file(`${name}-${size}.gif`, toGif(png), 'image/gif'));
    }
  const png = digitPng(STROKES.seven);
  const bad = [
    file('half.png', png.subarray(0, png.length >> 1)),
    file('notes.txt', Buffer.from('not an image at all'), 'text/plain'),
    file('noise.jpg', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)), 'image/jpeg'),
    file('huge.png', pngClaiming(100000, 100000)),
  ];
  const files = [];
  for (let i = 0; files.length < 40; i++) files.push(scans[i % scans.length]);
  files.push(...bad, ...bad);
  files.push(file('photo-1.jpg', photo, 'image/jpeg'), file('photo-2.jpg', photo, 'image/jpeg'));
  return files.map((f, i) => ({ ...f, name: `${String(i).padStart(2, '0')}-${f.name}` }));
}

// In the page's worker: counts the answers it sends, and asks its own queue for the engine's
// memory (as a call of the page would, after the readings already queued).
function countAnswers() {
  const send = self.postMessage.bind(self);
  self.answers = 0;
  self.postMessage = (msg, transfer) => {
    if (msg?.id === -1) return self.memoryAnswer?.(msg);
    if (msg?.id) self.answers++;
    return send(msg, transfer);
  };
}
function engineMemory() {
  return new Promise((resolve) => {
    self.memoryAnswer = (msg) => resolve({ ...msg.result, answers: self.answers });
    self.onmessage({ data: { id: -1, method: 'memory', args: [] } });
  });
}

async function pageHeap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

// Done when the worker has answered one reading per file and the table is full (the table of
// the batch before is full too, so the table alone cannot tell).
async function readBatch(page, worker, files) {
  const before = await worker.evaluate(() => self.answers);
  await page.setInputFiles('#file-input', files);
  while ((await worker.evaluate(() => self.answers)) < before + files.length) await new Promise((r) => setTimeout(r, 100));
  await page.waitForFunction(
    (n) => document.querySelectorAll('#batch-rows tr').length === n && document.getElementById('batch-progress').hidden,
    files.length,
    { timeout: 120000 },
  );
}

async function drawAndClear(page, strokes) {
  await drawWithMouse(page, strokes);
  await page.waitForFunction(() => document.documentElement.dataset.result !== 'busy', null, { timeout: 30000 });
  await page.click('#clear');
}

const spread = (xs) => Math.max(...xs) - Math.min(...xs);
const mb = (bytes) => (bytes / MB).toFixed(2);

const wanted = readingsWanted(process.argv);
ensureBuilt();
const server = await serve({ port: 0, root: DIST });
const browser = await launch();
let flat = false;
try {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await waitReady(page);
  const worker = page.workers().find((w) => w.url().includes('scrawl-worker'));
  if (!worker) throw new Error('the page has no scrawl-worker');
  await worker.evaluate(countAnswers);
  const cdp = await context.newCDPSession(page);
  const files = batchFiles(await twelveMegapixelJpeg(page));

  const started = Date.now();
  const samples = [];
  let answers = 0;
  console.log('readings  wasm heap MB  in use MB  page JS heap MB  elapsed s');
  while (answers < wanted) {
    await readBatch(page, worker, files);
    for (const strokes of Object.values(STROKES)) await drawAndClear(page, strokes);
    const memory = await worker.evaluate(engineMemory);
    answers = memory.answers;
    const sample = { answers, heap: memory.heapBytes, inUse: memory.inUseBytes, js: await pageHeap(cdp) };
    samples.push(sample);
    if (samples.length % 10 === 1 || answers >= wanted) {
      const s = Math.round((Date.now() - started) / 1000);
      console.log(
        `${String(answers).padStart(8)}  ${mb(sample.heap).padStart(12)}  ${mb(sample.inUse).padStart(9)}  ${mb(sample.js).padStart(15)}  ${String(s).padStart(9)}`,
      );
    }
  }
  const settled = samples.filter((s) => s.answers >= wanted / 10);
  const wasm = settled.map((s) => s.heap);
  const inUse = settled.map((s) => s.inUse);
  const js = settled.map((s) => s.js);
  console.log(
    `\n${answers} readings in ${Math.round((Date.now() - started) / 1000)} s; after the first ${Math.round(wanted / 10)} (${settled.length} samples):`,
  );
  console.log(
    `  wasm heap: ${mb(Math.min(...wasm))} to ${mb(Math.max(...wasm))} MB; in use: ${mb(Math.min(...inUse))} to ${mb(Math.max(...inUse))} MB`,
  );
  console.log(`  page JS heap: ${mb(Math.min(...js))} to ${mb(Math.max(...js))} MB`);
  if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
  flat = spread(wasm) <= WASM_SPREAD && spread(inUse) <= WASM_SPREAD && spread(js) <= JS_SPREAD && errors.length === 0;
  console.log(flat ? 'memory stayed flat' : `memory grew (allowed: wasm ${mb(WASM_SPREAD)} MB, page JS ${mb(JS_SPREAD)} MB)`);
} finally {
  await browser.close();
  server.close();
}
process.exit(flat ? 0 : 1);
