#!/usr/bin/env node
// npm run bench: every speed and size figure in one run, each part with the command that
// gives it alone, then the targets side by side. The parts:
//   kernels   the wasm-SIMD ceiling and the convolution kernels' GFLOP/s on the digit model's
//             layers (Node, the bench module)
//   reading   the whole reading path in Chromium (scripts/bench-reading.mjs)
//   page      the page's download and load times (scripts/bench-web.mjs)
//   anchors   the network beside ONNX Runtime Web and TF.js (scripts/bench-anchors.sh)
//   native    scrawl eval over the MNIST test digits (needs ../shared/data/mnist or SCRAWL_MNIST)
// `npm run bench -- kernels reading` runs only those parts. A measurement, not a test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawStrokes, pngFromGray } from '../tests/node/helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const parts = process.argv.slice(2).length ? process.argv.slice(2) : ['kernels', 'reading', 'page', 'anchors', 'native'];
const summary = [];

function run(title, command, args, env = {}) {
  console.log(`\n## ${title}\n\n$ ${[command, ...args].join(' ')}\n`);
  const r = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(r.stdout ?? '');
  if (r.status !== 0) console.log(`(exit status ${r.status})`);
  return r.stdout ?? '';
}

async function kernels() {
  console.log('\n## Kernels (Node, wasm SIMD, one thread)\n\n$ npm run bench -- kernels\n');
  const dir = path.join(root, 'build/wasm/wasm/bench/');
  const factory = (await import(path.join(dir, 'scrawl-bench.mjs'))).default;
  const M = await factory({ wasmBinary: readFileSync(path.join(dir, 'scrawl-bench.wasm')) });
  const best = (f) => Math.max(...Array.from({ length: 7 }, f));
  M._bench_peak_gflops(2e6);
  const peak = best(() => M._bench_peak_gflops(5e6));
  console.log(`wasm-SIMD ceiling (f32x4 multiplies and adds, nothing loaded): ${peak.toFixed(1)} GFLOP/s`);
  console.log('digit model layer (M×K·K×N)   float kernel   integer kernel (i32x4.dot_i16x8_s)');
  for (const [m, k, n] of [
    [16, 9, 784],
    [32, 144, 784],
    [48, 288, 196],
    [64, 432, 196],
    [80, 576, 49],
  ]) {
    const reps = Math.ceil(6e7 / (m * k * n));
    (M._bench_kernel_gflops(m, k, n, reps, 0), M._bench_kernel_gflops(m, k, n, reps, 1));
    const f = best(() => M._bench_kernel_gflops(m, k, n, reps, 0));
    const q = best(() => M._bench_kernel_gflops(m, k, n, reps, 1));
    console.log(
      `${`${m}×${k}·${k}×${n}`.padEnd(30)} ${f.toFixed(1).padStart(6)} GFLOP/s ${q.toFixed(1).padStart(8)} GFLOP/s (${(q / peak).toFixed(2)}× the float ceiling)`,
    );
  }
  console.log('(best of 7; a multiply-add counts as 2 flops in both kernels)');
}

function anchors() {
  run('Beside ONNX Runtime Web and TF.js (anchors harness, model B)', 'bash', ['scripts/bench-anchors.sh']);
  const file = path.join(root, 'build/anchors/anchors.json');
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const get = (env, rt) => j[env]?.[rt]?.models?.find((m) => m.model === 'B');
  for (const env of ['node', 'browser']) {
    const s = get(env, 'scrawl');
    if (!s) continue;
    for (const other of ['ort-wasm', 'tfjs-wasm']) {
      const o = get(env, other);
      if (!o) continue;
      const lat = s.latency.median_us / o.latency.median_us;
      const tp = s.throughput.images_per_s / o.throughput.images_per_s;
      summary.push([`${env} batch 1 latency ÷ ${other}`, lat.toFixed(2) + '×', '≤ 0.5×', lat <= 0.5]);
      summary.push([`${env} batch 64 throughput ÷ ${other}`, tp.toFixed(2) + '×', '≥ 2×', tp >= 2]);
    }
  }
}

// 2,000 small scans (80–112 px, a digit of 1 to 3 strokes, grey paper), made here.
function smallScans(dir, count) {
  const shapes = [
    [[0.5, 0.1, 0.5, 0.9]],
    [
      [0.2, 0.15, 0.8, 0.15],
      [0.8, 0.15, 0.4, 0.9],
    ],
    [
      [0.25, 0.1, 0.25, 0.5],
      [0.25, 0.5, 0.8, 0.5],
      [0.65, 0.1, 0.65, 0.9],
    ],
  ];
  for (let i = 0; i < count; i++) {
    const side = 80 + (i % 33);
    const gray = drawStrokes(
      side,
      side,
      shapes[i % 3].map((seg) => seg.map((v) => Math.round(v * side))),
      Math.max(4, side / 12),
    );
    for (let p = 0; p < gray.length; p++) gray[p] = Math.min(gray[p], 235);
    writeFileSync(path.join(dir, `scan-${String(i).padStart(5, '0')}.png`), pngFromGray(gray, side, side));
  }
}

function native() {
  console.log('\n## Native\n');
  const dir = mkdtempSync(path.join(tmpdir(), 'scrawl-bench-'));
  smallScans(dir, 2000);
  const t0 = performance.now();
  const r = spawnSync(path.join(root, 'build/native/scrawl'), ['recognize', '--csv', dir], { encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  const rows = r.stdout.trim().split('\n').length - 1;
  console.log(`$ build/native/scrawl recognize --csv DIR   (DIR: 2,000 small PNG scans made by the bench)`);
  console.log(`${rows} images in ${s.toFixed(2)} s: ${(rows / s).toFixed(0)} images/s on ${os.cpus().length} cores`);
  summary.push(['native recognize, small scans', `${(rows / s).toFixed(0)}/s`, '≥ 2,000/s', rows / s >= 2000]);
  rmSync(dir, { recursive: true, force: true });
  const mnist = process.env.SCRAWL_MNIST ?? path.join(root, '../shared/data/mnist');
  if (!existsSync(mnist)) return console.log(`MNIST eval skipped: no MNIST at ${mnist} (set SCRAWL_MNIST)`);
  const out = run('Native: scrawl eval over the 10,000 MNIST test digits', 'build/native/scrawl', ['eval', '--mnist', mnist]);
  const t = out.match(/time: ([\d.]+) s/);
  if (t) summary.push(['native eval, 10,000 MNIST digits', `${t[1]} s`, '≤ 1 s', Number(t[1]) <= 1]);
}

for (const part of parts) {
  if (part === 'kernels') await kernels();
  else if (part === 'reading') run('The reading path in Chromium', 'node', ['scripts/bench-reading.mjs'], { RUNS: '200' });
  else if (part === 'page') run('The page', 'node', ['scripts/bench-web.mjs'], { RUNS: '5' });
  else if (part === 'anchors') anchors();
  else if (part === 'native') native();
  else console.log(`unknown part '${part}': kernels, reading, page, anchors or native`);
}
if (summary.length) {
  console.log('\n## Ratio targets (this run)\n');
  for (const [what, got, target, met] of summary)
    console.log(`${what.padEnd(42)} ${got.padStart(7)}  target ${target}  ${met ? 'met' : 'not met'}`);
}
