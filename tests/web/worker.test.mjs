// scrawl-worker.mjs on its own (as the npm package ships it, from dist/ under plain names),
// the page's read() seam (with a stand-in read() added to the engine), and an engine that
// cannot load.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  digitPng,
  digitShown,
  drawWithMouse,
  file,
  openPage,
  photoShown,
  resultShown,
  useBrowser,
  STROKES,
  waitReady,
} from './helpers.mjs';

const web = useBrowser();

test('ScrawlWorker: promises for recognize and recognizePixels, ScrawlError on failure, terminate', async () => {
  const { context, page, errors } = await openPage(web.browser, web.server.url);
  const seven = [...digitPng(STROKES.seven)];
  const out = await page.evaluate(async (pngBytes) => {
    const { ScrawlWorker, ScrawlError } = await import('/scrawl-worker.mjs');
    const w = new ScrawlWorker();
    const { methods } = await w.ready;
    const bytes = new Uint8Array(pngBytes);
    const fromBlob = await w.recognize(new Blob([bytes], { type: 'image/png' }));
    const copy = await w.recognize(bytes); // copied: still usable afterwards
    const stillThere = bytes.length;
    const moved = new Uint8Array(pngBytes);
    await w.recognize(moved.buffer, { transfer: true }); // moved: detached afterwards
    const detached = moved.byteLength === 0;
    // pixels: a white 100×100 image with a black vertical bar
    const px = new Uint8ClampedArray(100 * 100 * 4).fill(255);
    for (let y = 15; y < 85; y++) for (let x = 46; x < 54; x++) px.fill(0, (y * 100 + x) * 4, (y * 100 + x) * 4 + 3);
    const fromPixels = await w.recognizePixels(new ImageData(px, 100, 100));
    const fromRgba = await w.recognizePixels(px, 100, 100);
    const failures = [];
    for (const bad of [new TextEncoder().encode('hello'), new Uint8Array(100 * 100 * 4).fill(255)]) {
      try {
        await (bad.length === 5 ? w.recognize(bad) : w.recognizePixels(bad, 100, 100));
      } catch (e) {
        failures.push({ isScrawlError: e instanceof ScrawlError, code: e.code, message: e.message });
      }
    }
    try {
      await w.recognizePixels(px, 10, 10);
    } catch (e) {
      failures.push({ isScrawlError: e instanceof ScrawlError, code: e.code, message: e.message });
    }
    // many calls at once are answered in order
    const many = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        w.recognize(i % 2 ? bytes : new TextEncoder().encode('x')).then(
          (r) => r.digit,
          (e) => e.code,
        ),
      ),
    );
    const pending = w.recognize(bytes);
    w.terminate();
    const afterTerminate = await pending.then(
      () => 'resolved',
      (e) => e.code,
    );
    return {
      methods,
      fromBlob: {
        digit: fromBlob.digit,
        inputLength: fromBlob.input.length,
        isFloat32: fromBlob.input instanceof Float32Array,
        probs: fromBlob.probs.length,
      },
      copy: copy.digit,
      stillThere,
      detached,
      fromPixels: fromPixels.digit,
      fromRgba: fromRgba.digit,
      failures,
      many,
      afterTerminate,
    };
  }, seven);
  assert.ok(out.methods.includes('recognize') && out.methods.includes('recognizePixels'));
  assert.deepEqual(out.fromBlob, { digit: 7, inputLength: 784, isFloat32: true, probs: 10 });
  assert.equal(out.copy, 7);
  assert.equal(out.stillThere, seven.length);
  assert.equal(out.detached, true);
  assert.equal(out.fromPixels, 1);
  assert.equal(out.fromRgba, 1);
  assert.deepEqual(
    out.failures.map((f) => [f.isScrawlError, f.code]),
    [
      [true, 'not_an_image'],
      [true, 'no_digit'],
      [true, 'bad_argument'],
    ],
  );
  assert.ok(out.failures.every((f) => f.message.length > 5));
  assert.deepEqual(out.many, ['not_an_image', 7, 'not_an_image', 7, 'not_an_image', 7, 'not_an_image', 7]);
  assert.equal(out.afterTerminate, 'terminated');
  assert.deepEqual(errors, []);
  await context.close();
});

// A stand-in read(): "77" for a 7 (two boxes, side by side), the single digit otherwise, with
// its bars and input as the real read() gives them for one digit.
const FAKE_READ = `
Scrawl.prototype.read = function (bytes) {
  const r = this.recognize(bytes);
  const [x, y, w, h] = r.box;
  const one = { digit: r.digit, confidence: r.confidence, unsure: r.unsure };
  const digits = r.digit === 7
    ? [{ ...one, box: [x, y, Math.ceil(w / 2), h] }, { ...one, box: [x + Math.ceil(w / 2), y, Math.floor(w / 2), h] }]
    : [{ ...one, box: r.box }];
  const single = digits.length === 1 ? { probs: r.probs, input: r.input } : {};
  return { text: digits.map((d) => d.digit).join(''), digits, lines: 1, ...single };
};
`;

test('the page uses read() once the engine has it: several digits read as text, one digit as before', async () => {
  const context = await web.browser.newContext({ serviceWorkers: 'block' });
  await context.route(/\/assets\/scrawl\.[0-9a-f]{10}\.mjs$/, async (route) => {
    const res = await route.fetch();
    route.fulfill({ status: 200, contentType: 'text/javascript', body: (await res.text()) + FAKE_READ });
  });
  const page = await context.newPage();
  await page.goto(web.server.url);
  await waitReady(page);

  await page.setInputFiles('#file-input', [file('two-sevens.png', digitPng(STROKES.seven))]);
  const shown = await resultShown(page, { state: 'reading' });
  assert.equal(shown.digit, '77');
  assert.equal(shown.text, 'It reads 77');
  assert.match(shown.detail, /^2 digits, at least \d+% sure of each/);
  await photoShown(page, /two-sevens\.png/);
  assert.equal(await page.isVisible('#probs'), false, 'no single-digit bars for a reading');

  await page.setInputFiles('#file-input', [file('one.png', digitPng(STROKES.one))]);
  await digitShown(page, 1);
  assert.equal(await page.isVisible('#probs'), true);

  await page.setInputFiles('#file-input', [file('a.png', digitPng(STROKES.seven)), file('b.png', digitPng(STROKES.zero))]);
  await page.waitForFunction(
    () => document.querySelectorAll('#batch-rows tr').length === 2 && document.getElementById('batch-progress').hidden,
  );
  const values = await page.$$eval('#batch-rows tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(values, ['77', '0']);
  await context.close();
});

test('if the engine cannot load, the page says so and drawing does not hang', async () => {
  const context = await web.browser.newContext({ serviceWorkers: 'block' });
  await context.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await context.newPage();
  await page.goto(web.server.url);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'failed', null, { timeout: 20000 });
  assert.match(await page.textContent('#engine-state-text'), /failed/i);
  const shown = await resultShown(page, { state: 'error' });
  assert.equal(shown.text, 'The recognizer did not start');
  assert.ok(shown.detail.length > 0);
  await drawWithMouse(page, STROKES.one);
  const drawn = await resultShown(page, { state: 'error' });
  assert.equal(drawn.text, 'The recognizer did not start');
  await page.setInputFiles('#file-input', [file('one.png', digitPng(STROKES.one))]);
  const uploaded = await resultShown(page, { state: 'error' });
  assert.equal(uploaded.text, 'Could not read one.png');
  await context.close();
});

test('an image chosen while the recognizer loads is read once it is ready', async () => {
  const context = await web.browser.newContext({ serviceWorkers: 'block' });
  // The engine's wasm arrives late, so that the image is chosen first.
  await context.route(/\.wasm$/, async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ response });
  });
  const page = await context.newPage();
  await page.goto(web.server.url, { waitUntil: 'domcontentloaded' });
  await page.setInputFiles('#file-input', [file('early-seven.png', digitPng(STROKES.seven))]);
  assert.notEqual(
    await page.evaluate(() => document.documentElement.dataset.engine),
    'ready',
    'the image was chosen before the engine was ready',
  );
  await waitReady(page);
  const shown = await digitShown(page, 7);
  assert.equal(shown.source, 'From early-seven.png');
  await photoShown(page, /early-seven\.png/);
  await context.close();
});
