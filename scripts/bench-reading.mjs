#!/usr/bin/env node
// npm run bench:reading: the whole reading path in headless Chromium, as an app calls it (the
// engine on the page's thread, no worker hop): one small scanned digit (recognize() of a
// 100 px PNG), a 280×280 canvas drawing (recognizePixels()), and a 12-megapixel photo of a
// 10-digit number (readPixels()); median of RUNS calls (default 200, 10 for the photo) after
// as many warm-up calls, then the engine's memory. A measurement, not a test: prints, exits 0.
import { ensureBuilt, launch, DIST } from '../tests/web/helpers.mjs';
import { serve } from './serve.mjs';

const RUNS = Math.max(1, Number(process.env.RUNS ?? 200));
ensureBuilt();
const server = await serve({ port: 0, root: DIST });
const browser = await launch();

async function measureInPage({ runs }) {
  const { createScrawl } = await import('./scrawl.mjs');
  const engine = await createScrawl();
  engine.warmUp();
  // A handwriting-like digit: a thick stroke path, as a pen or a finger leaves it.
  const drawDigit = (ctx, side, x, y, scale) => {
    ctx.lineWidth = 0.12 * scale;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(x + 0.2 * scale, y + 0.15 * scale);
    ctx.lineTo(x + 0.8 * scale, y + 0.15 * scale);
    ctx.lineTo(x + 0.4 * scale, y + 0.9 * scale);
    ctx.stroke();
  };
  const page = (w, h, paper) => {
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = paper;
    ctx.fillRect(0, 0, w, h);
    ctx.strokeStyle = '#1d2a55';
    return { canvas, ctx };
  };
  const median = (f, n) => {
    for (let i = 0; i < n; i++) f();
    const ms = [];
    let out;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      out = f();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    return { ms: ms[Math.floor(n / 2)], min: ms[0], text: out.text ?? String(out.digit) };
  };

  const scan = page(100, 100, '#f2f0ea');
  drawDigit(scan.ctx, 100, 12, 8, 80);
  const png = new Uint8Array(await (await scan.canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  const pad = page(280, 280, '#ffffff');
  drawDigit(pad.ctx, 280, 40, 30, 200);
  const padPixels = pad.ctx.getImageData(0, 0, 280, 280).data;
  const photo = page(4000, 3000, '#e9e5dc');
  photo.ctx.font = 'italic 300px serif';
  photo.ctx.fillStyle = '#1d2a55';
  photo.ctx.fillText('4017238596', 700, 1600);
  const photoPixels = photo.ctx.getImageData(0, 0, 4000, 3000).data;
  return {
    png: { bytes: png.length, ...median(() => engine.recognize(png), runs) },
    canvas: median(() => engine.recognizePixels(padPixels, 280, 280), runs),
    photo: median(() => engine.readPixels(photoPixels, 4000, 3000), Math.max(3, Math.round(runs / 20))),
    memory: engine.memory(),
  };
}

try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const r = await page.evaluate(measureInPage, { runs: RUNS });
  const line = (name, m, target) =>
    console.log(`${name}: median ${m.ms.toFixed(2)} ms (min ${m.min.toFixed(2)}), read '${m.text}'; target ≤ ${target} ms`);
  console.log(`The reading path in headless Chromium ${browser.version()}, the engine on the page's thread, ${RUNS} calls each`);
  line(`  100 px PNG scan (${r.png.bytes} bytes), recognize()`, r.png, 0.5);
  line('  280×280 canvas, recognizePixels()', r.canvas, 0.5);
  line('  12-megapixel photo of 10 digits, readPixels()', r.photo, 100);
  const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;
  console.log(`  engine memory after: ${mb(r.memory.inUseBytes)} in use of ${mb(r.memory.heapBytes)} (target ≤ 32 MB in use)`);
} finally {
  await browser.close();
  server.close();
}
