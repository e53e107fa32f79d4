// Learning a person's handwriting in the page: a correction under a result keeps a sample; the
// panel lists, imports, exports and deletes samples, teaches the model (in its own worker, with
// progress), shows before and after, and the personal model reads, survives a reload, and
// gives way to the original on request. The MNIST panel reads IDX files made here. Nothing is
// sent anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { digitPng, digitShown, drawWithMouse, file, openPage, ROOT, STROKES, useBrowser, waitReady } from './helpers.mjs';

const web = useBrowser();
const tmp = mkdtempSync(path.join(tmpdir(), 'scrawl-learn-web-'));

// A writer whose digits are all turned far to the side, as the page's samples file.
function sidewaysSamples() {
  execFileSync(path.join(ROOT, 'build/native/scrawl'), ['samples', '--drawn', '30', '--hand', 'sideways', '--out', tmp]);
  return path.join(tmp, 'drawn_sideways.json');
}

const count = (page) => page.$$eval('#sample-list li', (l) => l.length);
const status = (page) => page.textContent('#teach-status');

test('learning: correct a reading, import samples, learn, read with the personal model after a reload, export, delete, back to the original', async () => {
  const samplesFile = sidewaysSamples();
  const imported = JSON.parse(readFileSync(samplesFile, 'utf8')).samples.length;
  const { context, page, errors, requests } = await openPage(web.browser, web.server.url, { viewport: { width: 1280, height: 900 } });
  const origin = new URL(web.server.url).origin;
  assert.equal(await page.isVisible('#correct'), false);

  // A 7 read as a 7; the person says it is a 1 (as they write their 1s): a sample kept.
  await drawWithMouse(page, STROKES.seven);
  await digitShown(page, 7);
  assert.equal(await page.isVisible('#correct'), true);
  await page.click('#correct button[data-digit="1"]');
  await page.waitForFunction(() => document.getElementById('announcer').textContent.includes('Kept as a 1'));
  assert.equal(await page.isVisible('#correct'), false, 'one correction per reading');

  // The panel loads when opened, with that sample.
  await page.click('#learn-details summary');
  await page.waitForFunction(() => document.querySelectorAll('#sample-list li').length === 1);
  assert.match(await page.textContent('#samples-summary'), /^1 sample: .*1× 1.*at least 10/);
  assert.equal(await page.isDisabled('#teach'), true, 'too few samples to learn from');

  // Import a file of the sideways writer's digits.
  await page.setInputFiles('#import-samples', samplesFile);
  await page.waitForFunction((n) => document.querySelectorAll('#sample-list li').length === n, imported + 1);
  assert.match(await status(page), new RegExp(`Imported ${imported} samples`));
  // A damaged file is refused in words and changes nothing.
  await page.setInputFiles('#import-samples', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"x"}') });
  await page.waitForFunction(() => document.getElementById('teach-status').textContent.includes('broken.json was not imported'));
  assert.equal(await count(page), imported + 1);

  // Delete the corrected 7 again (the first sample): one sample fewer.
  await page.click('#sample-list li:first-child button');
  await page.waitForFunction((n) => document.querySelectorAll('#sample-list li').length === n, imported);

  // Learn: progress, then the verdict with before and after, and the personal model in use.
  const started = Date.now();
  await page.click('#teach');
  await page.waitForFunction(() => !document.getElementById('teach-progress').hidden);
  await page.waitForFunction(() => /Kept|not kept|failed/.test(document.getElementById('teach-status').textContent), null, {
    timeout: 60000,
  });
  const seconds = (Date.now() - started) / 1000;
  assert.match(await status(page), /^Kept: it reads \d+ of your \d+ held-back digits right, against \d+ before\.$/);
  console.log(`# learnt ${imported} samples in ${seconds.toFixed(1)} s in Chromium`);
  assert.equal(await page.isVisible('#teach-result'), true);
  assert.match(await page.getAttribute('#before-after', 'aria-label'), /read right: \d+ of \d+ before, \d+ after/);
  assert.equal(await page.$$eval('#teach-confusion tbody tr', (r) => r.length), 10);
  assert.match(await page.textContent('#model-in-use'), /your personal model \(learnt from \d+ samples/);
  assert.equal(await page.isVisible('#use-original'), true);

  // Export: the samples as a file.
  await page.click('details.samples-file summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-samples')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.format, 'scrawl-samples');
  assert.equal(exported.samples.length, imported);

  // A reload reads with the personal model from the start.
  await page.reload();
  await waitReady(page);
  await page.waitForFunction(() => document.getElementById('model-in-use').textContent.includes('personal model'));
  await drawWithMouse(page, STROKES.zero);
  await digitShown(page, 0);
  // And offline: the personal model is on the device, the code that loads it precached.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  await page.waitForFunction(() => document.getElementById('model-in-use').textContent.includes('personal model'));
  await drawWithMouse(page, STROKES.seven);
  await digitShown(page, 7);
  await context.setOffline(false);

  // Back to the original model, and it stays so after a reload; the samples stay.
  await page.click('#learn-details summary');
  await page.waitForFunction((n) => document.querySelectorAll('#sample-list li').length === n, imported);
  await page.click('#use-original');
  await page.waitForFunction(() => document.getElementById('model-in-use').textContent === 'Reading with the original model.');
  await page.reload();
  await waitReady(page);
  await page.waitForTimeout(300);
  assert.equal(await page.textContent('#model-in-use'), 'Reading with the original model.');

  // Delete all, after saying yes.
  await page.click('#learn-details summary');
  await page.waitForFunction((n) => document.querySelectorAll('#sample-list li').length === n, imported);
  await page.click('details.samples-file summary');
  page.once('dialog', (d) => d.accept());
  await page.click('#delete-samples');
  await page.waitForFunction(() => document.querySelectorAll('#sample-list li').length === 0);
  assert.equal(await page.textContent('#samples-summary'), 'No samples yet.');

  assert.deepEqual(
    requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')),
    [],
    'nothing left the device',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('practice: Scrawl asks for each digit in turn and keeps what was drawn with the digit asked for', async () => {
  const { context, page, errors } = await openPage(web.browser, web.server.url, { viewport: { width: 1280, height: 900 } });
  await page.click('#learn-details summary');
  await page.waitForSelector('#learn-details[data-loaded]');
  await page.click('#practice-start');
  const asked = Number((await page.textContent('#practice-prompt')).match(/Write an? (\d)/)[1]);
  assert.match(await page.textContent('#practice-prompt'), /30 to go/);
  assert.equal(await page.isDisabled('#practice-keep'), true, 'nothing drawn yet');
  await drawWithMouse(page, STROKES.one);
  await page.waitForFunction(() => !document.getElementById('practice-keep').disabled);
  await page.click('#practice-keep');
  await page.waitForFunction(() => document.querySelectorAll('#sample-list li').length === 1);
  assert.equal(await page.textContent('#sample-list li span'), String(asked));
  assert.match(await page.textContent('#practice-prompt'), /29 to go/);
  await page.click('#practice-skip');
  assert.match(await page.textContent('#practice-prompt'), /28 to go/);
  await page.click('#practice-end');
  assert.equal(await page.isVisible('#practice'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

// IDX files of `n` made-up digits: a bar (1) or a ring (0), white on black as MNIST stores them.
function idx(n) {
  const images = Buffer.alloc(16 + n * 784);
  const labels = Buffer.alloc(8 + n);
  images.writeUInt32BE(0x803, 0);
  images.writeUInt32BE(n, 4);
  images.writeUInt32BE(28, 8);
  images.writeUInt32BE(28, 12);
  labels.writeUInt32BE(0x801, 0);
  labels.writeUInt32BE(n, 4);
  for (let i = 0; i < n; i++) {
    const one = i % 2 === 1;
    labels[8 + i] = one ? 1 : 0;
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++) {
        const ring = Math.abs(Math.hypot((x - 14) / 6, (y - 14) / 8) - 1) < 0.22;
        const bar = Math.abs(x - 14) <= 1 && y >= 5 && y <= 23;
        images[16 + i * 784 + y * 28 + x] = (one ? bar : ring) ? 255 : 0;
      }
  }
  return { images, labels };
}

test('MNIST: the page opens IDX files, reads them and shows accuracy, confusion, calibration and the misread digits', async () => {
  const { context, page, errors } = await openPage(web.browser, web.server.url, { viewport: { width: 1280, height: 900 } });
  const { images, labels } = idx(20);
  await page.click('#mnist-details summary');
  await page.waitForSelector('#mnist-details[data-loaded]');
  await page.setInputFiles('#mnist-files', [
    { name: 't10k-images-idx3-ubyte', mimeType: 'application/octet-stream', buffer: images },
    { name: 't10k-labels-idx1-ubyte', mimeType: 'application/octet-stream', buffer: labels },
  ]);
  await page.waitForFunction(() => /right: \d+ of 20 digits/.test(document.getElementById('mnist-status').textContent), null, {
    timeout: 30000,
  });
  assert.match(await page.textContent('#mnist-status'), /read by the original model/);
  assert.equal(await page.$$eval('#mnist-confusion tbody tr', (r) => r.length), 10);
  assert.equal(await page.$$eval('#mnist-calibration tbody tr', (r) => r.length), 5);
  // Images of single digits labelled by their names or a CSV, read by the page's own reader.
  await page.setInputFiles('#labelled-files', [
    file('7_0001.png', digitPng(STROKES.seven)),
    file('1.png', digitPng(STROKES.one)),
    file('ring.png', digitPng(STROKES.zero)),
    file('unnamed.png', digitPng(STROKES.one)),
    file('labels.csv', Buffer.from('file,label\nring.png,0\n'), 'text/csv'),
  ]);
  await page.waitForFunction(() => /right: \d of 3 digits/.test(document.getElementById('mnist-status').textContent), null, {
    timeout: 30000,
  });
  assert.match(await page.textContent('#mnist-status'), /^100\.00% right: 3 of 3 digits.* 1 file had no label and was left out\.$/);
  // Only one of the two files: said in words.
  await page.setInputFiles('#mnist-files', [{ name: 'labels', mimeType: 'application/octet-stream', buffer: labels }]);
  await page.waitForFunction(() => document.getElementById('mnist-status').textContent.includes('choose both files'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a number: the person picks the digit that is wrong, then the right one, and that digit is kept', async () => {
  const { context, page, errors } = await openPage(web.browser, web.server.url, { viewport: { width: 1280, height: 900 } });
  await drawWithMouse(page, STROKES.one, { at: 0.3 });
  await digitShown(page, 1);
  await drawWithMouse(page, STROKES.seven, { at: 0.7 });
  await page.waitForFunction(() => document.getElementById('digit').textContent === '17', null, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelectorAll('#correct-which button').length === 2);
  assert.equal(await page.isDisabled('#correct-digits button[data-digit="4"]'), true, 'first, which digit');
  await page.getByRole('button', { name: 'digit 2 of 2, read as 7' }).click();
  await page.click('#correct-digits button[data-digit="4"]');
  await page.waitForFunction(() => document.getElementById('announcer').textContent.includes('Kept as a 4'));
  await page.click('#learn-details summary');
  await page.waitForFunction(() => document.querySelectorAll('#sample-list li').length === 1);
  assert.equal(await page.textContent('#sample-list li span'), '4');
  assert.deepEqual(errors, []);
  await context.close();
});
