// The wasm SIMD kernels against their scalar references, run where they run: in wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './helpers.mjs';

const dir = path.join(root, 'build/wasm/wasm/bench');

test('the float SIMD kernel computes what its scalar reference computes', async (t) => {
  if (!existsSync(path.join(dir, 'scrawl-bench.wasm'))) return t.skip('wasm bench module not built (scripts/build.sh wasm)');
  const factory = (await import(path.join(dir, 'scrawl-bench.mjs'))).default;
  const M = await factory({ wasmBinary: readFileSync(path.join(dir, 'scrawl-bench.wasm')) });
  const worst = M._bench_kernel_max_diff(60); // 60 random shapes up to 40×300 · 300×900
  assert.ok(worst <= 1e-5, `largest relative difference ${worst}`);
});

test('the integer convolution kernel gives what its scalar reference gives, bit for bit', async (t) => {
  if (!existsSync(path.join(dir, 'scrawl-bench.wasm'))) return t.skip('wasm bench module not built (scripts/build.sh wasm)');
  const factory = (await import(path.join(dir, 'scrawl-bench.mjs'))).default;
  const M = await factory({ wasmBinary: readFileSync(path.join(dir, 'scrawl-bench.wasm')) });
  // 60 random shapes up to 40×600 · 600×900, odd K included, a third of the values at ±limit
  assert.equal(M._bench_q16_mismatches(60), 0);
});

test('the luma kernel turns RGBA into the grey its scalar reference gives', async (t) => {
  if (!existsSync(path.join(dir, 'scrawl-bench.wasm'))) return t.skip('wasm bench module not built (scripts/build.sh wasm)');
  const factory = (await import(path.join(dir, 'scrawl-bench.mjs'))).default;
  const M = await factory({ wasmBinary: readFileSync(path.join(dir, 'scrawl-bench.wasm')) });
  // 200 random images of up to 700 pixels, every channel value, half of them not all opaque
  assert.equal(M._bench_luma_mismatches(200), 0);
});

test('a convolution layer as the browser runs it computes the float convolution, to its integers', async (t) => {
  if (!existsSync(path.join(dir, 'scrawl-bench.wasm'))) return t.skip('wasm bench module not built (scripts/build.sh wasm)');
  const factory = (await import(path.join(dir, 'scrawl-bench.mjs'))).default;
  const M = await factory({ wasmBinary: readFileSync(path.join(dir, 'scrawl-bench.wasm')) });
  // 80 random layers up to 12 channels of 20×40 into 20 filters, 3×3 and 1×3
  const worst = M._bench_conv_quantised_worst(80);
  assert.ok(worst < 0.005, `largest difference ${worst} of the layer's largest output`);
});
