// The installable, offline app: service worker precache, reload with the network off, a new
// deployment replacing the old cache, the manifest, and the Content-Security-Policy.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CSP } from '../../scripts/serve.mjs';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  DIST,
  digitPng,
  digitShown,
  drawWithMouse,
  ensureBuilt,
  file,
  launch,
  openPage,
  startServer,
  STROKES,
  waitReady,
} from './helpers.mjs';

let browser;
let server;
let tmp;

before(async () => {
  ensureBuilt();
  // A copy of dist/, so the "new deployment" test can change it.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrawl-web-'));
  fs.cpSync(DIST, tmp, { recursive: true });
  server = await startServer(tmp);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The files dist/sw.js precaches (as URLs relative to the site). */
function precacheList(root) {
  const sw = fs.readFileSync(path.join(root, 'sw.js'), 'utf8');
  return JSON.parse(sw.match(/^const ASSETS = (\[[^\]]*\]);$/m)[1]);
}

async function waitControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
}

test('every precached file has a content-hashed name and exists', () => {
  const list = precacheList(tmp);
  assert.equal(list[0], './');
  for (const url of list.slice(1)) {
    assert.match(url, /^\.\/assets\/[\w-]+\.[0-9a-f]{10}\.\w+$/, url);
    assert.ok(fs.existsSync(path.join(tmp, url)), url);
  }
  for (const ext of ['.js', '.mjs', '.wasm', '.css', '.webmanifest', '.png', '.svg'])
    assert.ok(
      list.some((u) => u.endsWith(ext)),
      `a ${ext} file is precached`,
    );
  // the npm package keeps its plain names
  for (const f of ['scrawl.mjs', 'scrawl-core.mjs', 'scrawl.wasm', 'scrawl-worker.mjs']) assert.ok(fs.existsSync(path.join(DIST, f)), f);
});

test('after the first visit the app loads and recognises with the network off', async () => {
  const { context, page, errors, requests } = await openPage(browser, server.url);
  await waitControlled(page);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const keys = await (await caches.open(names[0])).keys();
    return { names, urls: keys.map((r) => new URL(r.url).pathname) };
  });
  assert.equal(cached.names.length, 1);
  assert.match(cached.names[0], /^scrawl-[0-9a-f]{12}$/);
  assert.deepEqual(
    cached.urls.sort(),
    precacheList(tmp)
      .map((u) => u.slice(1))
      .sort(),
  );

  // Once loaded, using the app sends nothing anywhere.
  await page.waitForLoadState('networkidle');
  const before = server.stats.requests;
  await drawWithMouse(page, STROKES.one);
  await digitShown(page, 1);
  await page.setInputFiles('#file-input', [file('seven.png', digitPng(STROKES.seven))]);
  await digitShown(page, 7);
  await page.setInputFiles('#file-input', [file('a.png', digitPng(STROKES.one)), file('b.png', digitPng(STROKES.zero))]);
  await page.waitForFunction(
    () => document.querySelectorAll('#batch-rows tr').length === 2 && document.getElementById('batch-progress').hidden,
  );
  assert.equal(
    server.stats.requests,
    before,
    `no request while drawing and reading images, one or a batch; asked for: ${server.stats.paths.slice(before - server.stats.requests).join(', ')}`,
  );

  await context.setOffline(true);
  const served = server.stats.requests;
  await page.reload();
  await waitReady(page);
  assert.equal(server.stats.requests, served, 'the offline reload did not reach the server');
  assert.match(await page.textContent('#engine-state-text'), /works offline/);
  await drawWithMouse(page, STROKES.seven);
  await digitShown(page, 7);
  await page.click('#clear');
  await page.setInputFiles('#file-input', [file('one.png', digitPng(STROKES.one))]);
  await digitShown(page, 1);

  // another page of the site, never visited, also opens offline (the app shell)
  await page.goto(`${server.url}?from=home-screen`);
  await waitReady(page);
  await context.setOffline(false);

  const origin = new URL(server.url).origin;
  assert.deepEqual(
    requests.filter((u) => new URL(u).origin !== origin),
    [],
  );
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Deploys version `n` into the served folder: a changed page, so a changed service worker,
 * precaching all files but `dropped` (a file the new version no longer has, deleted).
 */
function deploy(n, dropped) {
  const index = path.join(tmp, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</body>', `<!-- deployment ${n} -->\n</body>`));
  const swFile = path.join(tmp, 'sw.js');
  let sw = fs.readFileSync(swFile, 'utf8').replace(/^const VERSION = '.*';$/m, `const VERSION = 'deployment${n}';`);
  if (dropped) {
    sw = sw.replace(`\n "./${dropped}",`, '');
    fs.rmSync(path.join(tmp, dropped));
  }
  fs.writeFileSync(swFile, sw);
}

// Asks for the new service worker and waits until it has taken over (its activation, which
// deletes caches, is over) and the caches are `names`.
async function updated(page, names) {
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForFunction(
    async (want) => {
      const reg = await navigator.serviceWorker.getRegistration();
      const settled = !reg.installing && !reg.waiting && reg.active?.state === 'activated';
      return settled && JSON.stringify(await caches.keys()) === JSON.stringify(want);
    },
    names,
    { timeout: 20000 },
  );
}

test('a browser without WebAssembly SIMD loads the engine built without it and keeps it for offline use', async () => {
  const list = precacheList(tmp);
  assert.ok(!list.some((u) => u.includes('nosimd')), 'not precached: every other browser would download it for nothing');
  const api = list.find((u) => /\/scrawl\.[0-9a-f]{10}\.mjs$/.test(u));
  const { context, page } = await openPage(browser, server.url);
  await waitControlled(page);
  // The page's own API module, asked for the engine a browser without SIMD gets.
  const read = () =>
    page.evaluate(async (url) => {
      const { createScrawl } = await import(url);
      const engine = await createScrawl({ simd: false });
      const canvas = new OffscreenCanvas(200, 200);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 200, 200);
      ctx.lineWidth = 14;
      ctx.lineCap = 'round';
      ctx.beginPath();
      ctx.moveTo(50, 40);
      ctx.lineTo(150, 40);
      ctx.lineTo(80, 170);
      ctx.stroke();
      const digit = engine.recognizePixels(ctx.getImageData(0, 0, 200, 200)).digit;
      const names = await caches.keys();
      const kept = (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname).filter((p) => p.includes('nosimd'));
      return { digit, kept: kept.sort() };
    }, api);
  const online = await read();
  assert.equal(online.digit, 7);
  assert.equal(online.kept.length, 2, `its loader and its .wasm are kept once fetched: ${online.kept}`);
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  const offline = await read();
  assert.equal(offline.digit, 7, 'and it reads with the network off');
  await context.close();
});

test('a new deployment replaces the old cache and offers a reload; a page open from the old one still finds its files', async () => {
  const { context, page } = await openPage(browser, server.url);
  await waitControlled(page);
  const [firstCache] = await page.evaluate(() => caches.keys());
  const icon = precacheList(tmp)
    .find((u) => /apple-touch-icon\.[0-9a-f]{10}\.png$/.test(u))
    .slice(2);

  // Version 2 no longer has the icon. The page open from version 1 can still fetch it, offline too.
  deploy(2, icon);
  assert.ok(!precacheList(tmp).includes(`./${icon}`));
  await updated(page, [firstCache, 'scrawl-deployment2']);
  await context.setOffline(true);
  const status = (url) =>
    fetch(url, { cache: 'no-store' }).then(
      (r) => r.status,
      () => 'failed',
    ); // not from the HTTP cache
  assert.equal(await page.evaluate(status, icon), 200);
  await context.setOffline(false);
  // the running page is told, and still works
  await page.waitForSelector('#update-toast:not([hidden])');
  assert.match(await page.textContent('#update-toast'), /new version/i);
  await drawWithMouse(page, STROKES.one);
  await digitShown(page, 1);
  // after reloading, the new version is what is served, also offline
  await context.setOffline(true);
  await page.click('#reload');
  await waitReady(page);
  assert.match(await page.content(), /deployment 2/);

  // Version 3: the cache of version 1 goes, that of version 2 stays for pages open from it.
  await context.setOffline(false);
  deploy(3);
  await updated(page, ['scrawl-deployment2', 'scrawl-deployment3']);
  await context.close();
});

test('installable: a manifest with our icons, and no installability errors', async () => {
  // A real profile: Chromium never offers to install from an incognito context.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'scrawl-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await waitReady(page);
  await waitControlled(page);
  const href = await page.getAttribute('link[rel=manifest]', 'href');
  const manifestUrl = new URL(href, server.url);
  const res = await fetch(manifestUrl);
  assert.match(res.headers.get('content-type'), /^application\/manifest\+json/);
  const manifest = await res.json();
  assert.equal(manifest.short_name, 'Scrawl');
  assert.equal(manifest.display, 'standalone');
  assert.equal(new URL(manifest.start_url, manifestUrl).href, server.url);
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
    assert.ok(icon, `a ${size} PNG icon`);
    const r = await fetch(new URL(icon.src, manifestUrl));
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'image/png');
  }
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);

  // When the browser offers installing (beforeinstallprompt; stood in for here, so that the
  // test knows when it was taken), the page shows a button that takes the offer.
  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    offer.prompt = async () => (window.prompted = true);
    window.dispatchEvent(offer);
  });
  await page.click('#install');
  assert.equal(await page.evaluate(() => window.prompted), true);
  assert.equal(await page.isVisible('#install'), false);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

test('Content-Security-Policy: own origin and wasm only, as a header and in the page', async () => {
  const res = await fetch(server.url);
  const header = res.headers.get('content-security-policy');
  assert.equal(header, CSP);
  assert.match(header, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(header, /'unsafe-inline'|'unsafe-eval'|\*|https?:|data:|blob:/);
  const html = await res.text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  assert.equal(meta, header.replace("; frame-ancestors 'none'", ''));

  const { context, page, errors } = await openPage(browser, server.url);
  const blocked = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.head.append(s);
    let fetched = true;
    try {
      await fetch('http://127.0.0.2:9/elsewhere');
    } catch {
      fetched = false;
    }
    await new Promise((r) => setTimeout(r, 100));
    return { inlineRan: window.inlineRan === true, fetched, violations };
  });
  assert.equal(blocked.inlineRan, false, 'inline script is refused');
  assert.equal(blocked.fetched, false, 'another origin cannot be reached');
  assert.ok(blocked.violations.includes('script-src-elem'), JSON.stringify(blocked.violations));
  assert.ok(blocked.violations.includes('connect-src'), JSON.stringify(blocked.violations));
  // the two refusals above are the only errors
  assert.ok(
    errors.every((e) => /Content Security Policy|Failed to fetch|ERR_/.test(e)),
    errors.join('\n'),
  );
  await context.close();
});

test('the server sends the right MIME types, gzip, and caches hashed assets for good', async () => {
  const list = precacheList(tmp);
  const wasm = list.find((u) => u.endsWith('.wasm'));
  const res = await fetch(new URL(wasm, server.url), { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  assert.equal(res.headers.get('content-encoding'), 'gzip');
  assert.match(res.headers.get('cache-control'), /immutable/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 4)], [0, 0x61, 0x73, 0x6d]); // fetch undid the gzip
  const types = {
    '.mjs': 'text/javascript; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
  };
  for (const [ext, type] of Object.entries(types)) {
    const url = list.find((u) => u.endsWith(ext));
    assert.equal((await fetch(new URL(url, server.url), { method: 'HEAD' })).headers.get('content-type'), type, ext);
  }
  const sw = await fetch(new URL('sw.js', server.url));
  assert.equal(sw.headers.get('cache-control'), 'no-cache');
  assert.equal((await fetch(new URL('nope.txt', server.url))).status, 404);
  assert.equal((await fetch(new URL('/%2e%2e/%2e%2e/etc/passwd', server.url))).status, 404);
});
