// The page when its engine fails under it: the wasm module trapping on one file of a batch, the
// worker dying silently on another. The batch goes on with a fresh worker, every file keeps its
// row (in the table and the CSV), the header says what happened, and the pad still reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digitPng, digitShown, downloadedCsvRows, drawWithMouse, file, STROKES, useBrowser, waitReady } from './helpers.mjs';

const web = useBrowser();

// Added to scrawl.mjs as served: an image whose bytes end in ":TRAP" makes read() fail as a wasm
// trap does (the engine's state is then lost); one ending in ":KILL" closes the worker without a
// word, as a worker the browser kills; one ending in ":SLOW" takes 20 s, as a huge photo on a
// slow phone may.
const BREAK_ON_MARK = `
const realRead = Scrawl.prototype.read;
Scrawl.prototype.read = function (bytes, ...rest) {
  const mark = new TextDecoder().decode(bytes.subarray(bytes.length - 5));
  if (mark === ':TRAP') throw new WebAssembly.RuntimeError('unreachable');
  if (mark === ':SLOW') for (const end = Date.now() + 20000; Date.now() < end; );
  if (mark === ':KILL') {
    self.postMessage = () => {};
    self.close();
    throw new Error('closed');
  }
  return realRead.call(this, bytes, ...rest);
};
`;
const STALL_MS = 3000; // instead of the page's 60 s, so that the dead worker is noticed soon

const marked = (png, mark) => Buffer.concat([png, Buffer.from(mark)]); // PNG decoders stop at IEND

test('a batch goes on after the engine traps and after its worker dies, and the CSV keeps every row', async () => {
  const context = await web.browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  let stallPatched = false;
  await context.route(/\/assets\/scrawl-worker\.[0-9a-f]{10}\.mjs$/, async (route) => {
    const source = await (await route.fetch()).text();
    // The page's scripts are minified: 60_000 may be written 6e4.
    const patched = source.replace(/(stallMs\s*\?\?\s*)(?:60_000|6e4)/, `$1${STALL_MS}`);
    stallPatched ||= patched !== source;
    route.fulfill({ status: 200, contentType: 'text/javascript', body: patched });
  });
  await context.route(/\/assets\/scrawl\.[0-9a-f]{10}\.mjs$/, async (route) => {
    const source = await (await route.fetch()).text();
    route.fulfill({ status: 200, contentType: 'text/javascript', body: source + BREAK_ON_MARK });
  });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(web.server.url);
  await waitReady(page);
  assert.ok(stallPatched, 'the worker’s stall time was found in the served file');

  const seven = digitPng(STROKES.seven);
  const one = digitPng(STROKES.one);
  const zero = digitPng(STROKES.zero);
  const inputs = [
    file('a-seven.png', seven),
    file('b-trap.png', marked(one, ':TRAP')),
    file('c-zero.png', zero),
    file('d-kill.png', marked(seven, ':KILL')),
    file('e-one.png', one),
    file('f-seven.png', seven),
  ];
  await page.setInputFiles('#file-input', inputs);
  await page.waitForFunction(
    () => document.querySelectorAll('#batch-rows tr').length === 6 && document.getElementById('batch-progress').hidden,
    null,
    { timeout: 60000 },
  );
  const rows = await page.$$eval('#batch-rows tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(
    rows.map((r) => r[0]),
    inputs.map((f) => f.name),
  );
  assert.deepEqual(
    rows.map((r) => r[1]),
    ['7', '', '0', '', '1', '7'],
  );
  assert.equal(rows[1][3], 'the recognizer failed (unreachable) while reading this image; it was restarted');
  assert.match(rows[3][3], /^the recognizer did not answer within 3 s while reading this image; it was restarted$/);
  assert.match(await page.textContent('#batch-summary'), /^4 of 6 images read, (\d of them unsure, )?2 could not be read$/);
  assert.equal(await page.textContent('#engine-state-text'), 'Ready · restarted after an error');

  const csv = await downloadedCsvRows(page);
  assert.equal(csv.length, 7, 'a header and one row per file');
  assert.deepEqual(
    csv.slice(1).map((line) => line.split(',')[0]),
    inputs.map((f) => `"${f.name}"`),
  );
  assert.match(csv[4], /^"d-kill\.png","",,,,"the recognizer did not answer within 3 s/);

  // The fresh worker reads the pad too.
  await drawWithMouse(page, STROKES.one);
  await digitShown(page, 1);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('a reading that takes long shows Cancel, which stops it; the next image is read', async () => {
  const context = await web.browser.newContext({ serviceWorkers: 'block' });
  await context.route(/\/assets\/scrawl\.[0-9a-f]{10}\.mjs$/, async (route) => {
    const source = await (await route.fetch()).text();
    route.fulfill({ status: 200, contentType: 'text/javascript', body: source + BREAK_ON_MARK });
  });
  const page = await context.newPage();
  await page.goto(web.server.url);
  await waitReady(page);

  await page.setInputFiles('#file-input', [file('slow.png', marked(digitPng(STROKES.seven), ':SLOW'))]);
  await page.waitForSelector('#cancel-reading:not([hidden])', { timeout: 5000 });
  assert.match(await page.textContent('#verdict-detail'), /^slow\.png is large; this can take a few seconds\.$/);
  const started = Date.now();
  await page.click('#cancel-reading');
  await page.waitForFunction(() => document.documentElement.dataset.result === 'stopped', null, { timeout: 5000 });
  assert.ok(Date.now() - started < 5000, 'stopped at once, not after the 20 s');
  assert.equal(await page.textContent('#verdict-text'), 'Reading stopped');
  assert.equal(await page.isVisible('#cancel-reading'), false);
  assert.equal(await page.textContent('#engine-state-text'), 'Ready', 'a cancel is no error');

  await page.setInputFiles('#file-input', [file('one.png', digitPng(STROKES.one))]);
  await digitShown(page, 1);
  await context.close();
});
