#!/usr/bin/env node
// npm run bench:web: how heavy and how fast the page is. Serves dist/ on 127.0.0.1 (gzip, as
// scripts/serve.mjs does) and loads it in headless Chromium with an empty cache, several times:
//   - download: the bytes the server sent (gzipped) until the page could recognise, and until
//     the service worker had everything for offline use;
//   - cold time: from navigation start to "ready to recognise" (the engine loaded in its worker);
//   - warm time: the same, reloading with the service worker in charge.
// A measurement, not a test: it prints and exits 0. RUNS=n sets the number of cold loads (5).
// LATENCY=ms (and BYTES_PER_S=n) make Chromium hold each request that long (and that slow), as a
// phone's network does: the cold time then shows what the page's order of loading costs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ensureBuilt, launch, DIST, waitReady } from '../tests/web/helpers.mjs';
import { serve } from './serve.mjs';

const RUNS = Math.max(1, Number(process.env.RUNS ?? 5));
const LATENCY = Math.max(0, Number(process.env.LATENCY ?? 0));
const BYTES_PER_S = Number(process.env.BYTES_PER_S ?? -1);
const BUDGET_KB = 300;

ensureBuilt();
const server = await serve({ port: 0, root: DIST });
const browser = await launch();
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cold = [];
const warm = [];
let readyBytes = 0;
let offlineBytes = 0;
let readyRequests = 0;
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (LATENCY > 0 || BYTES_PER_S > 0) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: LATENCY,
        downloadThroughput: BYTES_PER_S,
        uploadThroughput: -1,
      });
    }
    const bytes0 = server.stats.bytes;
    const requests0 = server.stats.requests;
    await page.goto(server.url);
    await waitReady(page);
    readyBytes = server.stats.bytes - bytes0;
    readyRequests = server.stats.requests - requests0;
    cold.push(await page.evaluate(() => performance.getEntriesByName('scrawl-ready')[0].startTime));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    await page.waitForLoadState('networkidle');
    offlineBytes = server.stats.bytes - bytes0;
    await page.reload();
    await waitReady(page);
    warm.push(await page.evaluate(() => performance.getEntriesByName('scrawl-ready')[0].startTime));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

// What each kind of file weighs, gzipped, in the precache list.
const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
const files = JSON.parse(sw.match(/^const ASSETS = (\[[^\]]*\]);$/m)[1]).map((u) => (u === './' ? 'index.html' : u.slice(2)));
files.push('sw.js');
const byKind = {};
let staticTotal = 0;
for (const f of files) {
  const z = zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length;
  const kind = f.endsWith('.wasm') ? 'wasm' : /\.(m?js)$/.test(f) ? 'js' : /\.(png|svg)$/.test(f) ? 'icons' : path.extname(f).slice(1);
  byKind[kind] = (byKind[kind] ?? 0) + z;
  staticTotal += z;
}

const version = browser.version?.() ?? '';
const network =
  LATENCY > 0 || BYTES_PER_S > 0
    ? `, each request held ${LATENCY} ms${BYTES_PER_S > 0 ? ` at ${(BYTES_PER_S / 1000).toFixed(0)} KB/s` : ''}`
    : '';
console.log(`Scrawl page: dist/ served gzipped on 127.0.0.1${network}, headless Chromium ${version}, ${RUNS} cold loads`);
console.log(`total gzipped download:  ${kb(offlineBytes)} (everything, precached for offline use)`);
console.log(`  to ready to recognise: ${kb(readyBytes)} in ${readyRequests} requests`);
console.log(
  `  by kind: ${Object.entries(byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(', ')}`,
);
const over = offlineBytes / 1024 - BUDGET_KB;
console.log(`  budget ${BUDGET_KB} KB: ${over > 0 ? `over by ${over.toFixed(1)} KB` : `${(-over).toFixed(1)} KB to spare`}`);
console.log(
  `cold load to ready:      median ${median(cold).toFixed(0)} ms (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)})`,
);
console.log(
  `warm load (offline app): median ${median(warm).toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)})`,
);
if (Math.abs(staticTotal - offlineBytes) > 4096)
  console.log(`note: the precache files gzip to ${kb(staticTotal)}; the server sent ${kb(offlineBytes)}`);
