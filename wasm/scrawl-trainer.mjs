// Scrawl's trainer: learns one person's handwriting from their own digits, and measures a
// model on MNIST files, on the device. A separate module from the reader (scrawl.mjs), loaded
// only when asked for; it fetches scrawl-trainer.wasm from beside this file.
//
//   import { createTrainer, splitForTeaching } from './scrawl-trainer.mjs';
//   const trainer = await createTrainer();
//   const { teach, check } = splitForTeaching(samples);   // samples: [{ label, input }], input 784 values
//   const r = await trainer.teach(teach, check, { onProgress: (done, total) => ..., signal });
//   // r.verdict: { checked, rightBefore, rightAfter, rehearsalBefore, rehearsalAfter, keep, why,
//   //              confusionBefore, confusionAfter };  r.model: the personal model's weights file
//   //              (Uint8Array) when it is kept, else null. Give it to Scrawl.useModel().
//   const m = await trainer.classifyMnist(images, { model, onProgress, signal });  // MNIST bytes, 784 a digit
//
// Errors are ScrawlErrors (from scrawl.mjs) with a message meant for people.
import createTrainerCore from './scrawl-trainer-core.mjs';
import { ScrawlError } from './scrawl.mjs';

const SIDE = 784;
const isNode =
  typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined' && typeof WorkerGlobalScope === 'undefined';

/** Loads the trainer. options.wasmBinary / options.wasmUrl override where scrawl-trainer.wasm comes from. */
export async function createTrainer(options = {}) {
  const args = {};
  if (options.wasmBinary) args.wasmBinary = options.wasmBinary;
  else if (isNode) {
    const { readFile } = await import('node:fs/promises');
    args.wasmBinary = await readFile(new URL('./scrawl-trainer.wasm', import.meta.url));
  } else {
    const url = options.wasmUrl ?? new URL('./scrawl-trainer.wasm', import.meta.url).href;
    args.locateFile = () => url;
  }
  return new Trainer(await createTrainerCore(args));
}

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

function stopped(signal) {
  if (signal?.aborted) throw new ScrawlError('learning was stopped; nothing was changed', 'cancelled');
}

export class Trainer {
  /** @internal use createTrainer() */
  constructor(core) {
    this._core = core;
  }

  /**
   * Teaches the shipped model `teach` and judges it on `check` (each [{ label, input }], input:
   * 784 numbers, 0-1 floats or 0-255 bytes). options: allLayers, onProgress(done, total, loss),
   * signal (an AbortSignal: stops between batches), taught (words for the model's record).
   */
  async teach(teach, check, options = {}) {
    const core = this._core;
    const a = this._samples(teach);
    const b = this._samples(check);
    try {
      const err = core._trainer_begin(a.pixels, a.labels, teach.length, b.pixels, b.labels, check.length, options.allLayers ? 1 : 0);
      if (err) throwJson(core, err);
    } finally {
      this._free(a, b);
    }
    const total = core._trainer_steps();
    let done = 0;
    const started = Date.now();
    while (done < total) {
      stopped(options.signal);
      done = core._trainer_step(4);
      options.onProgress?.(done, total, core._trainer_loss(), (Date.now() - started) / 1000);
      await nextTurn();
    }
    stopped(options.signal);
    const verdict = JSON.parse(core.UTF8ToString(core._trainer_verdict()));
    if (verdict.error) throw new ScrawlError(verdict.error, verdict.code);
    let model = null;
    if (verdict.keep) {
      const words = this._cString(options.taught ?? `${teach.length} samples`);
      try {
        const ptr = core._trainer_model(words);
        model = core.HEAPU8.slice(ptr, ptr + core._trainer_model_size());
      } finally {
        core._free(words);
      }
    }
    return { verdict, model, steps: total, seconds: (Date.now() - started) / 1000 };
  }

  /**
   * Reads MNIST digits (n × 784 bytes, white on black as MNIST stores them) with the shipped
   * model or options.model (a weights file). Resolves with { digits, confidence }.
   */
  async classifyMnist(images, options = {}) {
    const core = this._core;
    const bytes = images instanceof Uint8Array ? images : new Uint8Array(images);
    if (bytes.length % SIDE) throw new ScrawlError('MNIST images are 28×28 bytes each; this data is not', 'bad_argument');
    this._useModel(options.model ?? null);
    const n = bytes.length / SIDE;
    const digits = new Uint8Array(n);
    const confidence = new Float32Array(n);
    const chunk = 500;
    const inPtr = core._malloc(chunk * SIDE);
    const outPtr = core._malloc(chunk * 5);
    try {
      for (let at = 0; at < n; at += chunk) {
        stopped(options.signal);
        const k = Math.min(chunk, n - at);
        core.HEAPU8.set(bytes.subarray(at * SIDE, (at + k) * SIDE), inPtr);
        const confPtr = outPtr + chunk; // chunk bytes of digits, then the floats (4-aligned: chunk is)
        core._trainer_classify_mnist(inPtr, k, outPtr, confPtr);
        digits.set(core.HEAPU8.subarray(outPtr, outPtr + k), at);
        confidence.set(core.HEAPF32.subarray(confPtr / 4, confPtr / 4 + k), at);
        options.onProgress?.(at + k, n);
        await nextTurn();
      }
    } finally {
      core._free(inPtr);
      core._free(outPtr);
      this._useModel(null);
    }
    return { digits, confidence };
  }

  /** The digit each sample's input ([{ input }], as for teach()) is read as, by the shipped model or options.model. */
  classifyInputs(samples, options = {}) {
    const core = this._core;
    const withLabels = samples.map((s) => ({ label: 0, input: s.input }));
    const set = this._samples(withLabels);
    this._useModel(options.model ?? null);
    try {
      core._trainer_classify_inputs(set.pixels, samples.length, set.labels);
      return core.HEAPU8.slice(set.labels, set.labels + samples.length);
    } finally {
      this._free(set);
      this._useModel(null);
    }
  }

  _useModel(model) {
    const core = this._core;
    if (!model) return void core._trainer_use_model(0, 0);
    const ptr = core._malloc(model.length);
    try {
      core.HEAPU8.set(model, ptr);
      const err = core._trainer_use_model(ptr, model.length);
      if (err) throwJson(core, err);
    } finally {
      core._free(ptr);
    }
  }

  // The samples in the engine's memory: 784 floats and a label byte each.
  _samples(list) {
    if (!Array.isArray(list)) throw new ScrawlError('expected a list of samples', 'bad_argument');
    const core = this._core;
    const n = list.length;
    const pixels = core._malloc(Math.max(1, n * SIDE * 4));
    const labels = core._malloc(Math.max(1, n));
    for (let i = 0; i < n; i++) {
      const { label, input } = list[i] ?? {};
      if (!Number.isInteger(label) || label < 0 || label > 9 || !input || input.length !== SIDE) {
        core._free(pixels);
        core._free(labels);
        throw new ScrawlError(`sample ${i + 1} is not a digit from 0 to 9 with its 28×28 input`, 'bad_argument');
      }
      const scale = input instanceof Uint8Array || input instanceof Uint8ClampedArray ? 1 / 255 : 1;
      const at = pixels / 4 + i * SIDE;
      for (let k = 0; k < SIDE; k++) core.HEAPF32[at + k] = input[k] * scale;
      core.HEAPU8[labels + i] = label;
    }
    return { pixels, labels };
  }

  _free(...sets) {
    for (const s of sets) {
      this._core._free(s.pixels);
      this._core._free(s.labels);
    }
  }

  _cString(text) {
    const utf8 = new TextEncoder().encode(text);
    const ptr = this._core._malloc(utf8.length + 1);
    this._core.HEAPU8.set(utf8, ptr);
    this._core.HEAPU8[ptr + utf8.length] = 0;
    return ptr;
  }
}

function throwJson(core, ptr) {
  const e = JSON.parse(core.UTF8ToString(ptr));
  throw new ScrawlError(e.error, e.code);
}

/**
 * The page's rule for judging fairly: a quarter of each digit's samples (every fourth) is held
 * back to judge the personal model by, the rest are learnt from.
 */
export function splitForTeaching(samples) {
  const seen = new Array(10).fill(0);
  const teach = [];
  const check = [];
  for (const s of samples) (seen[s.label]++ % 4 === 3 ? check : teach).push(s);
  return { teach, check };
}
