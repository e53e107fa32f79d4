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
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

function native() {
  const mnist = process.env.SCRAWL_MNIST ?? path.join(root, '../shared/data/mnist');
  console.log('\n## Native\n');
  if (!existsSync(mnist)) return console.log(`skipped: no MNIST at ${mnist} (set SCRAWL_MNIST)`);
  const out = run('Native: scrawl eval over the 10,000 MNIST test digits', 'build/native/scrawl', ['eval', '--mnist', mnist]);
  const t = out.match(/([\d.]+) s/g);
  if (t) console.log(`(time line: ${t.join(', ')})`);
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
