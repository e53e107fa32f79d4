// Type declarations for Scrawl's JavaScript API (scrawl.mjs) and its Web Worker wrapper
// (scrawl-worker.mjs). dist/scrawl.d.mts and dist/scrawl-worker.d.mts re-export from here.

/** A rectangle in the image's pixels: [x, y, width, height]. */
export type Box = [x: number, y: number, width: number, height: number];

/** What went wrong; `ScrawlError.message` says it in words for people. */
export type ScrawlErrorCode =
  | 'not_an_image'
  /** An image in a format the engine does not decode (HEIC, AVIF, WebP, TIFF, SVG, PDF): the message names it. */
  | 'unsupported_format'
  | 'image_too_large'
  | 'empty_image'
  | 'no_digit'
  /** More separate marks than any page of handwritten numbers (noise, texture, printed text). */
  | 'too_many_marks'
  | 'bad_argument'
  | 'bad_weights'
  /** ScrawlWorker only: the worker could not start or stopped. */
  | 'worker_failed'
  /** ScrawlWorker only: terminate() was called while the call waited. */
  | 'terminated'
  /** ScrawlWorker only: cancel() stopped this call. */
  | 'cancelled'
  /** ScrawlWorker only: the worker died, trapped or hung on this call; a fresh one reads the calls after it. */
  | 'worker_restarted'
  /** ScrawlWorker only: a File could not be opened (moved, changed or deleted since it was chosen). */
  | 'unreadable_file'
  /** ScrawlWorker only: the loaded engine lacks the method (e.g. read()). */
  | 'unsupported'
  | (string & {});

/** What memory() says. */
export interface EngineMemory {
  /** Bytes of WebAssembly memory the engine has. */
  heapBytes: number;
  /** Bytes of it allocated now. */
  inUseBytes: number;
}

/** The answer for one digit. */
export interface Recognition {
  /** The digit read, 0 to 9. */
  digit: number;
  /** The model's probability for `digit`, 0 to 1. */
  confidence: number;
  /** True when the model is not confident enough: worth a human look. */
  unsure: boolean;
  /** Probability of each digit 0 to 9; they add up to 1. */
  probs: number[];
  /** Where the digit is, in the pixels of the image given. */
  box: Box;
  /** The 28×28 image the model saw, row by row: 0 = paper, 1 = ink. */
  input: Float32Array;
}

/** One digit of a multi-digit reading. */
export interface ReadDigit {
  digit: number;
  confidence: number;
  unsure: boolean;
  /** Which line it is on, 0 = the top one. */
  line: number;
  box: Box;
  /** The 28×28 image the model saw for this digit (0 = paper, 1 = ink); with several digits (with one, on the reading). */
  input?: Float32Array;
}

/** The answer of read(): every digit found, in reading order. */
export interface Reading {
  /** The digits in reading order (lines top to bottom, each left to right), a space between lines. */
  text: string;
  /** How many lines of digits. */
  lines: number;
  digits: ReadDigit[];
  /** "no digits found" when there are none (a blank page is not an error). */
  message?: string;
  /** With exactly one digit: that digit, its confidence, unsure and box (as in `digits[0]`) and
   * its ten probabilities, as recognize() gives them (the CLI's `--json` line has the same members). */
  digit?: number;
  confidence?: number;
  unsure?: boolean;
  box?: Box;
  probs?: number[];
  /** With exactly one digit: the 28×28 image the model saw (0 = paper, 1 = ink). */
  input?: Float32Array;
  /** With `options.format`: the image taken as one field of a form. */
  field?: FieldValue;
}

export interface ReadOptions {
  /** 'digits': every digit, lines run together; 'zip': 5 digits, or 9 written as "02139-4307". */
  format?: 'digits' | 'zip';
}

/** A reading as one field: what a clerk types in, and whether to check it by hand. */
export interface FieldValue {
  format: 'digits' | 'zip';
  /** Normalised; "" when no digit was read. */
  value: string;
  /** That every digit is right: the product of the digits' confidences. */
  confidence: number;
  /** Check it by hand: less sure than the model's threshold, a digit unsure, or a problem. */
  unsure: boolean;
  /** Why the reading does not fit the format, in words ("a zip code has 5 or 9 digits; ..."). */
  problem?: string;
}

export class ScrawlError extends Error {
  constructor(message: string, code: ScrawlErrorCode);
  readonly name: 'ScrawlError';
  code: ScrawlErrorCode;
}

export interface CreateScrawlOptions {
  /** Where scrawl.wasm is (browsers); default: beside scrawl.mjs. */
  wasmUrl?: string | URL;
  /** The bytes of scrawl.wasm, when they are already at hand. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /**
   * false: the engine built without WebAssembly SIMD (scrawl-nosimd.wasm), as browsers without
   * SIMD get by themselves; wasmUrl and wasmBinary then mean that file. Default: hasWasmSimd().
   */
  simd?: boolean;
}

/** Whether this JavaScript engine runs WebAssembly SIMD (every current browser; Safari from 16.4). */
export function hasWasmSimd(): boolean;

/** The engine, synchronous: every call blocks until it has an answer. Make one with createScrawl(). */
export class Scrawl {
  private constructor();
  /** Reads the digit in an image file's bytes: PNG, JPG, BMP, GIF (first frame). Throws ScrawlError. */
  /** Reads with a personal model (a weights file from scrawl-trainer.mjs), or null for the built-in one. Throws ScrawlError (bad_weights) and keeps the model in use if it is not a digit model. */
  useModel(weights: Uint8Array | ArrayBuffer | null): void;
  recognize(fileBytes: Uint8Array | ArrayBuffer | ArrayBufferView): Recognition;
  /** Reads the digit in RGBA pixels (width × height × 4 bytes). Throws ScrawlError. */
  recognizePixels(rgba: Uint8Array | Uint8ClampedArray | ArrayBuffer | ArrayBufferView, width: number, height: number): Recognition;
  /** Reads the digit in an ImageData, e.g. from a canvas. Throws ScrawlError. */
  recognizePixels(image: { data: Uint8ClampedArray | Uint8Array; width: number; height: number }): Recognition;
  /** Every digit in an image file's bytes: a whole number, several lines. Throws ScrawlError for bad input. */
  read(fileBytes: Uint8Array | ArrayBuffer | ArrayBufferView, options?: ReadOptions): Reading;
  /** Every digit in RGBA pixels (width × height × 4 bytes). */
  readPixels(rgba: Uint8Array | Uint8ClampedArray | ArrayBuffer | ArrayBufferView, width: number, height: number,
             options?: ReadOptions): Reading;
  /** Every digit in an ImageData, e.g. from a canvas. */
  readPixels(image: { data: Uint8ClampedArray | Uint8Array; width: number; height: number }, options?: ReadOptions): Reading;
  /**
   * Reads a small built-in page once (returns its text, "10") so that the browser has optimised
   * the engine's hot code before the first real photo. ScrawlWorker does this by itself.
   */
  warmUp(): string;
  /** The engine's memory: the WebAssembly memory's size (it grows for a large image, never shrinks) and what the engine holds of it now. */
  memory(): EngineMemory;
}

/** Loads the engine (in a browser window or worker, or Node >= 20). Rejects with ScrawlError. */
export function createScrawl(options?: CreateScrawlOptions): Promise<Scrawl>;

// ---- scrawl-worker.mjs ----

export interface ScrawlWorkerOptions {
  /** Where scrawl-worker.mjs is; default: its own URL. */
  workerUrl?: string | URL;
  /** Where scrawl.wasm is; default: beside scrawl.mjs. */
  wasmUrl?: string | URL;
  /**
   * A call not answered this long after the worker started on it (default 60000 ms) means the
   * worker hung or died: it is stopped, that call rejects with 'worker_restarted', and a fresh
   * worker reads the calls after it. Infinity turns this off.
   */
  stallMs?: number;
  /** false: a worker that dies or traps fails every call ('worker_failed') instead of being restarted (default true). */
  restart?: boolean;
}

export interface TransferOptions {
  /** Move the bytes to the worker instead of copying them: the buffer given becomes unusable. */
  transfer?: boolean;
}

type ImageInput = Blob | ArrayBuffer | ArrayBufferView;

/**
 * The engine in a module Web Worker: the same calls as Scrawl, answered by promises, in order.
 * Browser only. Failures reject with ScrawlError.
 */
/**
 * Events: 'restart' (a CustomEvent whose detail says why, in words) when a worker that died,
 * trapped or hung was replaced; 'failed' (detail: the ScrawlError) when it could not be, after
 * three restarts in a row with no call answered.
 */
export class ScrawlWorker extends EventTarget {
  constructor(options?: ScrawlWorkerOptions);
  /** Resolves once the engine is loaded, with the methods it has; rejects if it cannot load. */
  readonly ready: Promise<{ methods: string[] }>;
  /** Reads the digit in an image file: a File or Blob, or its bytes. */
  recognize(image: ImageInput, options?: TransferOptions): Promise<Recognition>;
  recognizePixels(
    rgba: Uint8Array | Uint8ClampedArray | ArrayBuffer | ArrayBufferView,
    width: number,
    height: number,
    options?: TransferOptions,
  ): Promise<Recognition>;
  recognizePixels(
    image: { data: Uint8ClampedArray | Uint8Array; width: number; height: number },
    options?: TransferOptions,
  ): Promise<Recognition>;
  /** Several digits, where the engine has read(): check supports('read'). Otherwise rejects with code 'unsupported'. */
  read(image: ImageInput, options?: TransferOptions & ReadOptions): Promise<Reading>;
  /** Every digit in RGBA pixels, as read() does for a file. */
  readPixels(
    rgba: Uint8Array | Uint8ClampedArray | ArrayBuffer | ArrayBufferView,
    width: number,
    height: number,
    options?: TransferOptions & ReadOptions,
  ): Promise<Reading>;
  readPixels(
    image: { data: Uint8ClampedArray | Uint8Array; width: number; height: number },
    options?: TransferOptions & ReadOptions,
  ): Promise<Reading>;
  /** Whether the loaded engine has this method; false until `ready` resolves. */
  supports(method: 'recognize' | 'recognizePixels' | 'read' | 'readPixels' | 'memory' | (string & {})): boolean;
  /** Reads with a personal model (a weights file from scrawl-trainer.mjs), or null for the built-in one; kept across restarts. */
  useModel(weights: Uint8Array | ArrayBuffer | null): Promise<void>;
  /** The engine's memory in the worker, as Scrawl.memory() gives it. */
  memory(): Promise<EngineMemory>;
  /** Stops the worker; waiting calls reject with code 'terminated'. */
  terminate(): void;
  /** Stops the call the worker is on (it rejects with code 'cancelled'); a fresh worker reads the calls after it. Returns whether there was one. */
  cancel(): boolean;
}
