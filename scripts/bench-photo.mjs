#!/usr/bin/env node
// npm run bench:photo: how long the browser takes to read a 12-megapixel phone photo of a
// number. Serves dist/ on 127.0.0.1 and, in headless Chromium, draws a 4000×3000 page (paper
// with a lighting gradient, a handwritten-looking number), then times the engine on it the two
// ways an app hands it over: the JPEG file's bytes (read) and canvas pixels (readPixels).
// The first call of each is shown apart, as a person's first photo after the page loads: once as
// the page does it (the worker runs warmUp() when the engine has loaded) and once without it,
// each in a fresh browser. A measurement, not a test: it prints and exits 0. RUNS=n sets the
// timed calls after the first (5).
import { ensureBuilt, launch, DIST } from '../tests/web/helpers.mjs';
import { serve } from './serve.mjs';

const RUNS = Math.max(1, Number(process.env.RUNS ?? 5));
ensureBuilt();
const server = await serve({ port: 0, root: DIST });

async function measure(warm) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    return await page.evaluate(measureInPage, { runs: RUNS, warm });
  } finally {
    await browser.close();
  }
}

async function measureInPage({ runs, warm }) {
  const { createScrawl } = await import('./scrawl.mjs');
  const engine = await createScrawl();
  const t0 = performance.now();
  const warmText = warm ? engine.warmUp() : '';
  const warmMs = performance.now() - t0;
  const W = 4000;
  const H = 3000;
  const canvas = new OffscreenCanvas(W, H);
  const ctx = canvas.getContext('2d');
  const light = ctx.createLinearGradient(0, 0, W, H);
  light.addColorStop(0, '#f4f1ea');
  light.addColorStop(1, '#a9a59c');
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#1d2a55';
  ctx.font = 'italic 360px serif';
  ctx.fillText('40172', 1100, 1700);
  const pixels = ctx.getImageData(0, 0, W, H).data;
  const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
  const time = (f) => {
    const t0 = performance.now();
    const r = f();
    return { ms: performance.now() - t0, text: r.text };
  };
  const out = { jpegBytes: jpeg.length, warmMs, warmText, file: [], pixels: [] };
  for (let i = 0; i <= runs; i++) out.file.push(time(() => engine.read(jpeg)));
  for (let i = 0; i <= runs; i++) out.pixels.push(time(() => engine.readPixels(pixels, W, H)));
  return out;
}

try {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const show = (name, calls) => {
    const [first, ...rest] = calls;
    const ms = rest.map((c) => c.ms);
    console.log(
      `${name}: first call ${first.ms.toFixed(0)} ms, then median ${median(ms).toFixed(0)} ms ` +
        `(min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}), read '${first.text}' (written '40172')`,
    );
  };
  console.log(`12-megapixel photo (4000×3000) in headless Chromium, ${RUNS} timed calls after the first`);
  for (const warm of [true, false]) {
    const result = await measure(warm);
    console.log(
      warm ? `after warmUp() (${result.warmMs.toFixed(0)} ms, read '${result.warmText}'), as the page's worker does:` : 'without warmUp():',
    );
    show(`  JPEG file (${(result.jpegBytes / 1024).toFixed(0)} KB), read()`, result.file);
    show('  canvas pixels, readPixels()', result.pixels);
  }
} finally {
  server.close();
}
