// Scrawl's JavaScript API: handwritten digit recognition in WebAssembly, the same in
// browsers (window or worker) and in Node >= 20. Nothing is fetched but scrawl.wasm,
// from beside this file (scrawl-nosimd.wasm and its loader, scrawl-core-nosimd.mjs, in a
// browser without WebAssembly SIMD); images never leave the device.
//
//   import { createScrawl } from './scrawl.mjs';
//   const scrawl = await createScrawl();
//   const r = scrawl.recognize(fileBytes);                    // PNG, JPG, BMP, GIF, TGA bytes
//   const s = scrawl.recognizePixels(rgba, width, height);     // e.g. a canvas's ImageData.data
//   // -> { digit: 7, confidence: 0.998, unsure: false, probs: [10 numbers], box: [x, y, w, h],
//   //      input: Float32Array(784) (the 28×28 image the model saw, 0 = paper, 1 = ink) }
//
//   const n = scrawl.read(fileBytes);                          // every digit: a whole number, lines
//   const m = scrawl.readPixels(rgba, width, height);           // or an ImageData
//   // -> { text: '2024 17', lines: 2, digits: [{ digit: 2, confidence: 0.99, unsure: false,
//   //      line: 0, box: [x, y, w, h], input }, ...] }   (text: reading order, a space between lines)
//   // A page without digits is no error: { text: '', lines: 0, digits: [], message: 'no digits found' }
//   // With exactly one digit, also that digit's digit, confidence, unsure, box, probs and input.
//   // Numbers come to six significant digits.
//
// Bad input throws a ScrawlError whose message is meant for people and whose `code` is one of
// not_an_image, unsupported_format, image_too_large, empty_image, no_digit, too_many_marks,
// bad_argument.

// The SIMD engine's loader is part of the module graph, fetched beside this file; the other
// one only by a browser without SIMD.
import createScrawlCoreSimd from './scrawl-core.mjs';

export class ScrawlError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'ScrawlError';
    this.code = code;
  }
}

const isNode =
  typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined' && typeof WorkerGlobalScope === 'undefined';

// The smallest module with a SIMD instruction (v128.const, i8x16.popcnt... as in
// wasm-feature-detect): it validates only where the browser has WebAssembly SIMD.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

/** Whether this JavaScript engine runs WebAssembly SIMD (every current browser; Safari from 16.4). */
export function hasWasmSimd() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

async function loadCore(options) {
  // The SIMD engine where it runs; the same engine without SIMD (slower, same readings) where not.
  const simd = options.simd ?? hasWasmSimd();
  const createScrawlCore = simd ? createScrawlCoreSimd : (await import('./scrawl-core-nosimd.mjs')).default;
  const args = {};
  if (options.wasmBinary) {
    args.wasmBinary = options.wasmBinary;
  } else if (isNode) {
    const { readFile } = await import('node:fs/promises');
    args.wasmBinary = await readFile(new URL(simd ? './scrawl.wasm' : './scrawl-nosimd.wasm', import.meta.url));
  } else {
    const wasmUrl =
      options.wasmUrl ?? (simd ? new URL('./scrawl.wasm', import.meta.url) : new URL('./scrawl-nosimd.wasm', import.meta.url)).href;
    args.locateFile = () => wasmUrl;
  }
  return createScrawlCore(args);
}

function toBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new ScrawlError('expected the bytes of an image (Uint8Array or ArrayBuffer)', 'bad_argument');
}

// (rgba, width, height) or (imageData) -> [bytes, width, height], checked.
function pixelsArgs(rgba, width, height) {
  if (rgba && typeof rgba === 'object' && 'data' in rgba && width === undefined) {
    ({ width, height } = rgba);
    rgba = rgba.data;
  }
  const bytes = toBytes(rgba);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0)
    throw new ScrawlError('width and height must be positive whole numbers', 'bad_argument');
  if (bytes.length !== width * height * 4)
    throw new ScrawlError(`expected ${width}×${height}×4 = ${width * height * 4} bytes of RGBA, got ${bytes.length}`, 'bad_argument');
  return [bytes, width, height];
}

export class Scrawl {
  /** @internal use createScrawl() */
  constructor(core) {
    this._core = core;
    const err = core._scrawl_init();
    if (err) {
      const e = JSON.parse(core.UTF8ToString(err));
      throw new ScrawlError(e.error, e.code);
    }
  }

  /** Reads the digit in an image file's bytes (PNG, JPG, BMP, GIF first frame, TGA). */
  recognize(fileBytes) {
    const bytes = toBytes(fileBytes);
    return this._call(bytes, (ptr) => this._core._scrawl_recognize_file(ptr, bytes.length));
  }

  /** Reads the digit in RGBA pixels (width × height × 4 bytes), e.g. ImageData.data; also accepts an ImageData. */
  recognizePixels(rgba, width, height) {
    const [bytes, w, h] = pixelsArgs(rgba, width, height);
    return this._call(bytes, (ptr) => this._core._scrawl_recognize_rgba(ptr, w, h));
  }

  /**
   * Reads every digit in an image file's bytes: a whole number, several lines, a photo of a page.
   * options.format ('digits', 'zip' or 'amount') also takes the image as one field of a form: the reading
   * then has `field`: { format, value (normalised), confidence (of all of it), unsure, problem? }.
   */
  read(fileBytes, options = {}) {
    const bytes = toBytes(fileBytes);
    return this._withFormat(options, (format) =>
      this._call(bytes, (ptr) => this._core._scrawl_read_file(ptr, bytes.length, format), false),
    );
  }

  /** Reads every digit in RGBA pixels (width × height × 4 bytes) or an ImageData; options as for read(). */
  readPixels(rgba, width, height, options) {
    if (rgba && typeof rgba === 'object' && 'data' in rgba && typeof width !== 'number') [options, width] = [width, undefined];
    const [bytes, w, h] = pixelsArgs(rgba, width, height);
    return this._withFormat(options ?? {}, (format) => this._call(bytes, (ptr) => this._core._scrawl_read_rgba(ptr, w, h, format), false));
  }

  // Runs fn with options.format as a C string in the engine's memory (0 when there is none).
  _withFormat(options, fn) {
    if (options === null || typeof options !== 'object')
      throw new ScrawlError('options must be an object, e.g. { format: "zip" }', 'bad_argument');
    if (options.format === undefined) return fn(0);
    if (typeof options.format !== 'string')
      throw new ScrawlError('options.format must be a string: "digits", "zip" or "amount"', 'bad_argument');
    const utf8 = new TextEncoder().encode(options.format);
    const core = this._core;
    const ptr = core._malloc(utf8.length + 1);
    if (!ptr) throw new ScrawlError('not enough memory', 'image_too_large');
    try {
      core.HEAPU8.set(utf8, ptr);
      core.HEAPU8[ptr + utf8.length] = 0;
      return fn(ptr);
    } finally {
      core._free(ptr);
    }
  }

  /**
   * Reads with a personal model from now on: the weights file scrawl-trainer.mjs made
   * (Uint8Array), or null for the built-in model again. A file that is not a digit model is
   * refused with a ScrawlError (code bad_weights) and the model in use stays.
   */
  useModel(weights) {
    const core = this._core;
    if (weights === null || weights === undefined) return void this._check(core._scrawl_use_model(0, 0));
    const bytes = toBytes(weights);
    const ptr = core._malloc(Math.max(1, bytes.length));
    try {
      core.HEAPU8.set(bytes, ptr);
      this._check(core._scrawl_use_model(ptr, bytes.length));
    } finally {
      core._free(ptr);
    }
  }

  _check(err) {
    if (!err) return;
    const e = JSON.parse(this._core.UTF8ToString(err));
    throw new ScrawlError(e.error, e.code);
  }

  /**
   * Runs the engine once on a small built-in page ("10") and returns what it read. The browser
   * first runs WebAssembly with a quick compiler and recompiles the code that runs hot with its
   * optimising one; without this the first photo a person reads pays for that (about 200 ms
   * instead of 100 ms for 12 megapixels). The worker calls it by itself once loaded.
   */
  warmUp() {
    const { rgba, width, height } = warmUpPage();
    this.recognizePixels(rgba, width, height);
    return this.readPixels(rgba, width, height).text;
  }

  /**
   * The engine's memory: `heapBytes`, the WebAssembly memory's size (it grows for a large image
   * and never shrinks), and `inUseBytes`, what the engine holds of it now.
   */
  memory() {
    return { heapBytes: this._core.HEAPU8.length, inUseBytes: this._core._scrawl_memory_in_use() };
  }

  _call(bytes, run, withInput = true) {
    const core = this._core;
    const ptr = core._malloc(Math.max(1, bytes.length));
    if (!ptr) throw new ScrawlError('not enough memory for this image', 'image_too_large');
    let json;
    try {
      core.HEAPU8.set(bytes, ptr);
      json = JSON.parse(core.UTF8ToString(run(ptr)));
    } finally {
      core._free(ptr);
    }
    if (json.error) throw new ScrawlError(json.error, json.code);
    // A reading of one digit: that digit's probabilities and input, as recognize() gives them.
    if (!withInput && json.digits?.length === 1) withInput = true;
    if (!withInput) {
      // Several digits: each with the 28×28 input the model saw (for a correction of one of them).
      const at = core._scrawl_last_inputs() / 4;
      json.digits?.forEach((d, i) => (d.input = core.HEAPF32.slice(at + i * 784, at + (i + 1) * 784)));
      return json;
    }
    const at = core._scrawl_last_input() / 4;
    json.input = core.HEAPF32.slice(at, at + 784);
    return json;
  }
}

// A 480×360 page with a lighting gradient and "10" in thick strokes: enough work at every stage
// (background, thresholding, components, the splitter, both models) to make it hot.
function warmUpPage() {
  const width = 480;
  const height = 360;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const one = x >= 150 && x < 166 && y >= 100 && y < 260;
      const ring = ((x - 300) / 60) ** 2 + ((y - 180) / 82) ** 2;
      const zero = ring <= 1 && ((x - 300) / 44) ** 2 + ((y - 180) / 66) ** 2 > 1;
      const paper = 240 - Math.round((x + y) / 24);
      const i = (y * width + x) * 4;
      rgba[i] = one || zero ? 30 : paper;
      rgba[i + 1] = one || zero ? 40 : paper;
      rgba[i + 2] = one || zero ? 90 : paper - 6;
      rgba[i + 3] = 255;
    }
  }
  return { rgba, width, height };
}

/** Loads the engine. options.wasmUrl / options.wasmBinary override where scrawl.wasm comes from;
 * options.simd: false loads the engine built without SIMD (chosen by itself where SIMD is missing). */
export async function createScrawl(options = {}) {
  return new Scrawl(await loadCore(options));
}
