// The reading module (dist/scrawl.wasm) links nothing of training: no backward pass, no
// initial values, no optimizer, no augmentation, none of the native tools' code. The build
// writes the name of every function in the module beside it (--emit-symbol-map in
// wasm/CMakeLists.txt: build/wasm/wasm/scrawl-core.mjs.symbols, never shipped); this reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './helpers.mjs';

export const symbolsFile = path.join(root, 'build/wasm/wasm/scrawl-core.mjs.symbols');

// Names in the map are escaped as \XX (hex): "scrawl::Conv2D::forward\28float\20const*...".
export function functionNames(text) {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(line.indexOf(':') + 1).replace(/\\([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))));
}

// What only training (or the native tools) needs, as it appears in a function's name.
// prettier-ignore
export const trainingOnly = [
  /::backward\(/, /::init_params\(/, /::param_roles\(/, /::update_state\(/, /::cache_floats\(/,
  /::col2im\(/, /::batch_statistics\(/, /\bfold_batchnorm\b/, /ParamRole/,
  /Trainer/, /\bTrainConfig\b/, /\btrain\(/, /Adam/, /augment/i,
  /\bscrawl::(synth|real)::/, /\bstbi_write/,
];

test('the reading module names no training code', () => {
  assert.ok(existsSync(symbolsFile), `${symbolsFile} missing: build the wasm (bash scripts/build.sh wasm)`);
  const names = functionNames(readFileSync(symbolsFile, 'utf8'));
  // The map is whole: it names the layers' forward passes and the reader, so an empty or
  // stripped map cannot pass for a clean one.
  for (const wanted of [/scrawl::Conv2D::forward\(/, /scrawl::Dense::forward\(/, /scrawl::Recognizer::read\(/])
    assert.ok(
      names.some((n) => wanted.test(n)),
      `no function matching ${wanted} in ${symbolsFile}`,
    );
  const found = names.filter((n) => trainingOnly.some((bad) => bad.test(n)));
  assert.deepEqual(found, [], `training code linked into the reading module:\n  ${found.join('\n  ')}`);
});
