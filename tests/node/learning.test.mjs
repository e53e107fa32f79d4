// Learning a person's handwriting through the trainer module (dist/scrawl-trainer.mjs), as the
// page's worker runs it, and reading with the personal model it makes (dist/scrawl.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createScrawl, ScrawlError } from '../../dist/scrawl.mjs';
import { createTrainer, splitForTeaching } from '../../dist/scrawl-trainer.mjs';
import { parseSamplesFile, samplesFileText } from '../../dist/scrawl-samples.mjs';
import { gunzipped, mnistReport, parseIdx } from '../../dist/scrawl-mnist.mjs';
import { drawStrokes, grayToRgba, mnistDir, mnistTest, nativeCli, noMnist, root } from './helpers.mjs';

const trainer = await createTrainer();
const scrawl = await createScrawl();
const tmp = mkdtempSync(path.join(tmpdir(), 'scrawl-learn-'));

// A writer whose every digit is turned far to the side: digits drawn by code, written by the
// native tool in the page's samples file, so no data set is needed.
function drawnWriter(hand, perDigit) {
  const out = path.join(tmp, `drawn-${hand}`);
  execFileSync(nativeCli, ['samples', '--drawn', String(perDigit), '--hand', hand, '--out', out]);
  return parseSamplesFile(readFileSync(path.join(out, `drawn_${hand}.json`), 'utf8'));
}

// The first `n` samples of each digit, and the rest.
function givenAndUnseen(samples, n) {
  const seen = new Array(10).fill(0);
  const given = [];
  const unseen = [];
  for (const s of samples) (seen[s.label]++ < n ? given : unseen).push(s);
  return { given, unseen };
}

const share = (digits, samples) => digits.filter((d, i) => d === samples[i].label).length / samples.length;

test('teaching a sideways writer reads their unseen digits better, and the reader reads with the personal model', async () => {
  const { writer, samples } = drawnWriter('sideways', 30);
  assert.equal(writer, 'drawn:sideways');
  const { given, unseen } = givenAndUnseen(samples, 15);
  const { teach, check } = splitForTeaching(given);
  assert.ok(check.length >= 20 && teach.length >= 3 * check.length - 10, `${teach.length} / ${check.length}`);
  const progress = [];
  const r = await trainer.teach(teach, check, { onProgress: (done, total) => progress.push([done, total]) });
  assert.ok(progress.length > 10, 'progress was reported along the way');
  assert.deepEqual(progress.at(-1), [r.steps, r.steps]);
  assert.ok(
    progress.every(([d], i) => i === 0 || d > progress[i - 1][0]),
    'progress only goes forward',
  );
  const v = r.verdict;
  assert.equal(v.checked, check.length);
  assert.ok(v.keep, v.why);
  assert.ok(v.rightAfter > v.rightBefore, v.why);
  assert.equal(
    v.confusionAfter.reduce((a, b) => a + b, 0),
    check.length,
  );
  assert.ok(v.rehearsalAfter >= v.rehearsalBefore - 0.01);
  assert.ok(r.model instanceof Uint8Array && r.model.length > 50_000 && r.model.length < 200_000, `${r.model?.length} bytes`);

  const before = share(Array.from(trainer.classifyInputs(unseen)), unseen);
  const after = share(Array.from(trainer.classifyInputs(unseen, { model: r.model })), unseen);
  assert.ok(after >= before + 0.05, `unseen digits: ${before} -> ${after}`);

  // The reader takes the personal model, refuses what is not one, and goes back to its own.
  // A picture the reader finds no digit in counts as read wrongly, whichever the model.
  const digitOf = (s) => {
    try {
      return scrawl.recognizePixels(inputAsCanvas(s.input), 112, 112).digit;
    } catch (e) {
      if (e.code !== 'no_digit') throw e;
      return -1;
    }
  };
  scrawl.useModel(r.model);
  const personal = share(unseen.slice(0, 40).map(digitOf), unseen.slice(0, 40));
  assert.throws(
    () => scrawl.useModel(new Uint8Array([1, 2, 3])),
    (e) => e instanceof ScrawlError && e.code === 'bad_weights',
  );
  assert.equal(share(unseen.slice(0, 40).map(digitOf), unseen.slice(0, 40)), personal, 'a refused file leaves the model in use');
  scrawl.useModel(null);
  const original = share(unseen.slice(0, 40).map(digitOf), unseen.slice(0, 40));
  assert.ok(personal > original, `read from their pictures: original ${original}, personal ${personal}`);
});

// A 28×28 input drawn 4× as a dark-on-light 112×112 canvas, as a person's picture of it.
function inputAsCanvas(input) {
  const gray = new Uint8Array(112 * 112);
  for (let y = 0; y < 112; y++) for (let x = 0; x < 112; x++) gray[y * 112 + x] = 255 - input[(y >> 2) * 28 + (x >> 2)];
  return grayToRgba(gray);
}

test('learning stops when asked, between batches, and says nothing was changed', async () => {
  const { samples } = drawnWriter('sideways', 6);
  const abort = new AbortController();
  let calls = 0;
  await assert.rejects(
    trainer.teach(samples, [], {
      signal: abort.signal,
      onProgress: () => {
        if (++calls === 3) abort.abort();
      },
    }),
    (e) => e instanceof ScrawlError && e.code === 'cancelled' && /nothing was changed/.test(e.message),
  );
  assert.equal(calls, 3);
  // The trainer still teaches afterwards.
  const r = await trainer.teach(samples.slice(0, 12), samples.slice(12, 16));
  assert.equal(r.verdict.checked, 4);
});

test('what cannot be taught is refused in words', async () => {
  const bad = (list, pattern) =>
    assert.rejects(trainer.teach(list, []), (e) => e instanceof ScrawlError && e.code === 'bad_argument' && pattern.test(e.message));
  await bad([], /no samples/);
  await bad([{ label: 11, input: new Uint8Array(784) }], /not a digit from 0 to 9/);
  await bad([{ label: 3, input: new Uint8Array(100) }], /28×28/);
  await bad('nope', /list of samples/);
});

test('a samples file goes out and comes back the same; a damaged one is refused in words', () => {
  const samples = [
    { label: 7, input: Uint8Array.from({ length: 784 }, (_, i) => i % 256), source: 'pad', added: 1 },
    { label: 0, input: new Float32Array(784).fill(0.5) },
  ];
  const back = parseSamplesFile(samplesFileText(samples, 'me'));
  assert.equal(back.writer, 'me');
  assert.equal(back.samples.length, 2);
  assert.deepEqual(back.samples[0].input, samples[0].input);
  assert.equal(back.samples[0].source, 'pad');
  assert.equal(back.samples[1].input[5], 128);
  const refused = (text, pattern) =>
    assert.throws(
      () => parseSamplesFile(text),
      (e) => e.code === 'bad_samples' && pattern.test(e.message),
    );
  refused('{not json', /not JSON/);
  refused('{"format":"something"}', /does not say/);
  refused('{"format":"scrawl-samples","version":9,"samples":[]}', /newer Scrawl/);
  refused('{"format":"scrawl-samples","version":1,"samples":[{"label":12,"input":""}]}', /sample 1 is not labelled/);
  refused('{"format":"scrawl-samples","version":1,"samples":[{"label":1,"input":"AAAA"}]}', /28×28/);
});

// An IDX file of `n` digits made here: a vertical bar (a 1) or a ring (a 0), white on black.
function idxFiles(n) {
  const images = new Uint8Array(16 + n * 784);
  const labels = new Uint8Array(8 + n);
  new DataView(images.buffer).setUint32(0, 0x803);
  new DataView(images.buffer).setUint32(4, n);
  new DataView(images.buffer).setUint32(8, 28);
  new DataView(images.buffer).setUint32(12, 28);
  new DataView(labels.buffer).setUint32(0, 0x801);
  new DataView(labels.buffer).setUint32(4, n);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    labels[8 + i] = label;
    const segments = label ? [[14, 5, 14 + (i % 3), 23]] : ring(14, 14, 5 + (i % 2), 8);
    const gray = drawStrokes(28, 28, segments, 2.5);
    for (let k = 0; k < 784; k++) images[16 + i * 784 + k] = 255 - gray[k];
  }
  return { images, labels };
}

function ring(cx, cy, rx, ry) {
  const pts = Array.from({ length: 25 }, (_, k) => [cx + rx * Math.cos((k * Math.PI) / 12), cy + ry * Math.sin((k * Math.PI) / 12)]);
  return pts.slice(1).map((p, k) => [...pts[k], ...p]);
}

test('MNIST files made here are opened raw or gzipped and read, with a report of what was read', async () => {
  const { images, labels } = idxFiles(40);
  const img = parseIdx(await gunzipped(new Uint8Array(gzipSync(images))));
  const lab = parseIdx(await gunzipped(labels));
  assert.deepEqual(img.dims, [40, 28, 28]);
  assert.deepEqual(lab.dims, [40]);
  const seen = [];
  const { digits, confidence } = await trainer.classifyMnist(img.data, { onProgress: (done, total) => seen.push([done, total]) });
  assert.deepEqual(seen.at(-1), [40, 40]);
  const report = mnistReport(lab.data, digits, confidence);
  assert.equal(report.count, 40);
  assert.ok(report.accuracy >= 0.9, `${report.right} of 40`);
  assert.equal(
    report.confusion.flat().reduce((a, b) => a + b, 0),
    40,
  );
  assert.equal(
    report.calibration.reduce((a, b) => a + b.count, 0),
    40,
  );
  assert.equal(report.wrong.length, 40 - report.right);
  assert.throws(() => parseIdx(new Uint8Array([0, 0, 9, 3])), /not an MNIST/);
  assert.throws(() => parseIdx(images.subarray(0, 1000)), /cut short/);
  await assert.rejects(gunzipped(new Uint8Array([0x1f, 0x8b, 1, 2, 3])), /damaged/);
});

test('teaching a synthetic writer of MNIST digits raises their accuracy and costs MNIST at most 0.2 points', async (t) => {
  const mnist = mnistTest();
  if (!mnist) return t.skip(noMnist);
  const out = path.join(tmp, 'mnist-writers');
  execFileSync(nativeCli, ['samples', '--mnist', mnistDir, '--out', out], { env: { ...process.env, SCRAWL_REAL: '' } });
  const { samples } = parseSamplesFile(readFileSync(path.join(out, 'synthetic_sideways.json'), 'utf8'));
  const { given, unseen } = givenAndUnseen(samples, 20);
  const { teach, check } = splitForTeaching(given);
  const r = await trainer.teach(teach, check);
  assert.ok(r.model, r.verdict.why);
  const before = share(Array.from(trainer.classifyInputs(unseen)), unseen);
  const after = share(Array.from(trainer.classifyInputs(unseen, { model: r.model })), unseen);
  assert.ok(after >= before + 0.03, `this writer's unseen digits: ${before} -> ${after}`);
  const labels = Array.from(mnist.labels, (label) => ({ label }));
  const shipped = share(Array.from((await trainer.classifyMnist(mnist.images)).digits), labels);
  const personal = share(Array.from((await trainer.classifyMnist(mnist.images, { model: r.model })).digits), labels);
  assert.ok(personal >= shipped - 0.002, `MNIST test: ${shipped} -> ${personal}`);
});

test('scrawl teach learns a samples file from the command line and writes the personal model; a bad file is refused in words', () => {
  const { samples } = drawnWriter('sideways', 30);
  const file = path.join(tmp, 'drawn-sideways', 'drawn_sideways.json');
  const model = path.join(tmp, 'personal.bin');
  const out = execFileSync(nativeCli, ['teach', file, '--out', model], { encoding: 'utf8' });
  assert.match(out, /^drawn:sideways: taught (\d+), held back (\d+): \d+ right before, \d+ after; rehearsal/);
  const [, taught, held] = out.match(/taught (\d+), held back (\d+)/).map(Number);
  assert.equal(taught + held, samples.length);
  assert.match(out, /\nKept: /);
  assert.ok(readFileSync(model).length > 50_000);
  const read = execFileSync(nativeCli, ['recognize', '--weights', model, '--json', path.join(root, 'tests/golden/inputs/seven.png')], {
    encoding: 'utf8',
  });
  assert.match(read, /"digit":/);
  const bad = path.join(tmp, 'bad.json');
  writeFileSync(bad, '{"format":"scrawl-samples","version":1,"samples":[{"label":3,"input":"QUJD"}]}');
  assert.throws(
    () => execFileSync(nativeCli, ['teach', bad], { encoding: 'utf8', stdio: 'pipe' }),
    (e) => e.status === 2 && /not a file of Scrawl samples: a sample's input is not 784 bytes/.test(e.stderr),
  );
});
