#!/usr/bin/env node
// npm run eval:learning: teaches the model each writer's handwriting through the same wasm
// trainer the page uses, and measures what that writer then gets.
//
// The writers: every pen writer of the real-data folder with at least 30 digits of each kind
// (drawn on a canvas and cut as the page cuts a drawing), and five synthetic writers, MNIST
// test digits each bent one way (`scrawl samples` writes them). For each writer the first 20
// samples of each digit are what the person would give the page; the page holds a quarter of
// them back and keeps the personal model only if it reads those better. The rest of the
// writer's digits, never seen, measure before and after. With MNIST, each kept personal
// model is also measured on MNIST's 10,000 test digits. A real writer's line says their part
// of the writer split: the shipped models may have learnt from "train" writers' digits.
//
//   node scripts/eval-learning.mjs [--real DIR] [--mnist DIR] [--samples DIR] [--writers N]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTrainer, splitForTeaching } from '../dist/scrawl-trainer.mjs';
import { parseSamplesFile } from '../dist/scrawl-samples.mjs';
import { gunzipped, parseIdx } from '../dist/scrawl-mnist.mjs';

const TEACH_PER_DIGIT = 20;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const root = new URL('..', import.meta.url).pathname;
const real = arg('--real', process.env.SCRAWL_REAL ?? join(root, '../shared/data/real'));
const mnist = arg('--mnist', process.env.SCRAWL_MNIST ?? join(root, '../shared/data/mnist'));
const samplesDir = arg('--samples', join(root, 'build/learning-writers'));
const limit = Number(arg('--writers', '0'));

if (!existsSync(samplesDir)) {
  if (!existsSync(real)) {
    console.error(`eval:learning: no real-data folder at ${real}: pass --real DIR or set SCRAWL_REAL`);
    process.exit(2);
  }
  console.error(`writing the writers' samples to ${samplesDir} (scrawl samples)...`);
  const args = ['samples', '--real', real, '--out', samplesDir];
  if (existsSync(mnist)) args.push('--mnist', mnist);
  execFileSync(join(root, 'build/native/scrawl'), args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function mnistTest() {
  const file = (name) => [name, `${name}.gz`].map((n) => join(mnist, n)).find(existsSync);
  const images = file('t10k-images-idx3-ubyte');
  const labels = file('t10k-labels-idx1-ubyte');
  if (!images || !labels) return null;
  return {
    images: parseIdx(await gunzipped(new Uint8Array(readFileSync(images)))).data,
    labels: parseIdx(await gunzipped(new Uint8Array(readFileSync(labels)))).data,
  };
}

const share = (digits, samples) => digits.filter((d, i) => d === samples[i].label).length / samples.length;
const pct = (v) => `${(100 * v).toFixed(2)}%`;

const trainer = await createTrainer();
const test = await mnistTest();
const mnistAccuracy = async (model) => {
  const { digits } = await trainer.classifyMnist(test.images, { model });
  return share(
    Array.from(digits),
    Array.from(test.labels, (label) => ({ label })),
  );
};
const mnistBefore = test ? await mnistAccuracy(null) : null;

let files = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
if (limit) files = files.slice(0, limit);
const rows = [];
for (const f of files) {
  const { writer, split, samples } = parseSamplesFile(readFileSync(join(samplesDir, f), 'utf8'));
  const seen = new Array(10).fill(0);
  const given = [];
  const unseen = [];
  for (const s of samples) (seen[s.label]++ < TEACH_PER_DIGIT ? given : unseen).push(s);
  const { teach, check } = splitForTeaching(given);
  const r = await trainer.teach(teach, check, { taught: `${given.length} samples of ${writer}` });
  const before = share(Array.from(trainer.classifyInputs(unseen)), unseen);
  const after = r.model ? share(Array.from(trainer.classifyInputs(unseen, { model: r.model })), unseen) : before;
  const mnistAfter = test && r.model ? await mnistAccuracy(r.model) : mnistBefore;
  rows.push({ writer, before, after, kept: !!r.model, mnistAfter });
  console.log(
    `${writer}${split ? ` (${split} writer)` : ''}: ${given.length} given, ${unseen.length} unseen: ${pct(before)} -> ${pct(after)}` +
      `${r.model ? '' : ' (not kept)'}; ${r.steps} batches in ${r.seconds.toFixed(1)} s` +
      (test ? `; MNIST test ${pct(mnistAfter)}` : ''),
  );
}
if (!rows.length) {
  console.error(`eval:learning: no writers' samples in ${samplesDir}`);
  process.exit(2);
}
const mean = (key) => rows.reduce((a, r) => a + r[key], 0) / rows.length;
const worst = Math.min(...rows.map((r) => r.after - r.before));
if (test) {
  const lowest = Math.min(...rows.map((r) => r.mnistAfter));
  console.log(
    `MNIST test: shipped ${pct(mnistBefore)}, lowest personal model ${pct(lowest)} (${((lowest - mnistBefore) * 100).toFixed(2)} points)`,
  );
}
console.log(`kept ${rows.filter((r) => r.kept).length} of ${rows.length} personal models`);
console.log(
  `writers ${rows.length}: before ${pct(mean('before'))} after ${pct(mean('after'))} (worst change ${(worst * 100).toFixed(2)} points)`,
);
