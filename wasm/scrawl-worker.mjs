// Scrawl in a Web Worker: the same engine as scrawl.mjs, but every call runs off the main
// thread and returns a promise, so a page never freezes while a photo is being read.
//
//   import { ScrawlWorker } from './scrawl-worker.mjs';
//   const scrawl = new ScrawlWorker();
//   await scrawl.ready;                                   // the engine is loaded
//   const r = await scrawl.recognize(file);               // a File/Blob, ArrayBuffer or Uint8Array
//   const s = await scrawl.recognizePixels(imageData);    // or (rgba, width, height)
//   // -> { digit, confidence, unsure, probs[10], box: [x, y, w, h], input: Float32Array(784) }
//   // Failures reject with a ScrawlError { message, code }, exactly as scrawl.mjs throws them.
//
// Calls are answered in order. This one file is both the class (on the page) and the worker's
// body (it is started as a module worker from its own URL), so copying scrawl-worker.mjs,
// scrawl.mjs, scrawl-core.mjs and scrawl.wasm side by side is all it takes.
import { createScrawl, ScrawlError } from './scrawl.mjs';

export { ScrawlError };

const WORKER_NAME = 'scrawl-engine';

/** Copies or moves (when `transfer`) bytes for postMessage; returns [value, transferList]. */
// What read() and readPixels() pass on to the engine besides the image: its format, if any.
function readOptions(method, options) {
  return (method === 'read' || method === 'readPixels') && options?.format !== undefined ? [{ format: options.format }] : [];
}

function bytesMessage(data, transfer) {
  if (typeof Blob !== 'undefined' && data instanceof Blob) return [data, []];
  let buffer;
  let offset = 0;
  let length;
  if (data instanceof ArrayBuffer) {
    buffer = data;
    length = data.byteLength;
  } else if (ArrayBuffer.isView(data)) {
    ({ buffer, byteOffset: offset, byteLength: length } = data);
  } else {
    throw new ScrawlError('expected an image: a File or Blob, an ArrayBuffer or a Uint8Array', 'bad_argument');
  }
  if (transfer && offset === 0 && length === buffer.byteLength && !(buffer instanceof SharedArrayBuffer_))
    return [new Uint8Array(buffer), [buffer]];
  return [new Uint8Array(buffer, offset, length).slice(), []];
}
const SharedArrayBuffer_ = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : class {};

// A recognizer that stops answering (killed, trapped, hung) is restarted this many times in a
// row, with no call answered in between, before ScrawlWorker gives up.
const MAX_RESTARTS = 3;

export class ScrawlWorker extends EventTarget {
  /**
   * Starts the worker and loads the engine in it.
   * options.workerUrl: where this file is (default: its own URL);
   * options.wasmUrl: where scrawl.wasm is (default: beside scrawl.mjs);
   * options.stallMs: a call the worker has not answered after this long (default 60 s) means
   * the worker is hung or gone: it is stopped and restarted (Infinity: never);
   * options.restart: false to fail every call instead of restarting a worker that stopped.
   * Events: 'restart' (detail: the reason, in words) and 'failed' (detail: the ScrawlError).
   */
  constructor(options = {}) {
    super();
    if (typeof Worker !== 'function') throw new ScrawlError('this environment has no Web Workers', 'bad_argument');
    this._options = options;
    this._stallMs = options.stallMs ?? 60_000;
    this._pending = new Map(); // id -> the call: its promise's ends and its message, answered in id order
    this._nextId = 1;
    this._methods = [];
    this._loaded = false; // whether the running worker has loaded the engine
    this._restarts = 0; // restarts since the last answer
    this._timer = null;
    /** Resolves with { methods } once the engine is loaded; rejects with a ScrawlError if it cannot load. */
    this.ready = new Promise((resolve, reject) => {
      this._readyResolve = resolve;
      this._readyReject = reject;
    });
    this.ready.catch(() => {});
    this._start();
  }

  /** Reads the digit in an image file (PNG, JPG, BMP, GIF first frame). options.transfer moves an ArrayBuffer instead of copying it. */
  recognize(image, options = {}) {
    return this._send('recognize', image, options);
  }

  /** Reads the digit in RGBA pixels: an ImageData, or (rgba bytes, width, height). options.transfer moves the pixels instead of copying them. */
  recognizePixels(rgba, width, height, options) {
    return this._sendPixels('recognizePixels', rgba, width, height, options);
  }

  /** Reads every digit in RGBA pixels, as read() does for a file; the same arguments as recognizePixels(). */
  readPixels(rgba, width, height, options) {
    return this._sendPixels('readPixels', rgba, width, height, options);
  }

  _sendPixels(method, rgba, width, height, options) {
    if (rgba && typeof rgba === 'object' && 'data' in rgba && typeof width !== 'number') {
      options = width;
      ({ width, height } = rgba);
      rgba = rgba.data;
    }
    const transfer = !!options?.transfer;
    try {
      const [bytes, list] = bytesMessage(rgba, transfer);
      return this._post(method, [bytes, width, height, ...readOptions(method, options)], list);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Reads every digit in an image (several digits, several lines), when the engine has it:
   * resolves with { text, digits: [{ digit, confidence, unsure, box }], lines }, and `field`
   * with options.format ('digits', 'zip' or 'amount'), as Scrawl.read() gives it. Check
   * supports('read') after `ready`; without it this rejects with code 'unsupported'.
   */
  read(image, options = {}) {
    return this._send('read', image, options);
  }

  /**
   * Reads with a personal model (the weights file scrawl-trainer.mjs made), or null for the
   * built-in one; a worker restarted later loads the same model. Resolves once it is in use.
   */
  useModel(weights) {
    let bytes = null;
    try {
      if (weights !== null && weights !== undefined) [bytes] = bytesMessage(weights, false);
    } catch (e) {
      return Promise.reject(e);
    }
    return this._post('useModel', [bytes]).then(() => {
      this._model = bytes;
    });
  }

  /** The engine's memory, as Scrawl.memory() gives it: { heapBytes, inUseBytes }. */
  memory() {
    return this._post('memory', []);
  }

  /** Whether the loaded engine has this method (e.g. 'read'); false until `ready` resolves. */
  supports(method) {
    return this._methods.includes(method);
  }

  /** Stops the worker; calls still waiting reject with code 'terminated'. */
  terminate() {
    this._worker.terminate();
    this._fail(new ScrawlError('the recognizer was stopped', 'terminated'));
  }

  _start() {
    const worker = new Worker(this._options.workerUrl ?? import.meta.url, { type: 'module', name: WORKER_NAME });
    worker.onmessage = (e) => this._onMessage(e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      this._lost(`the recognizer stopped (${e.message || 'its worker could not start'})`);
    };
    worker.postMessage({
      init: { wasmUrl: this._options.wasmUrl ? String(this._options.wasmUrl) : undefined, model: this._model ?? null },
    });
    this._worker = worker;
    this._loaded = false;
  }

  _send(method, image, options) {
    try {
      const [bytes, list] = bytesMessage(image, !!options.transfer);
      return this._post(method, [bytes, ...readOptions(method, options)], list);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  _post(method, args, transferList = []) {
    if (this._failed) return Promise.reject(this._failed);
    const id = this._nextId++;
    return new Promise((resolve, reject) => {
      // A moved buffer cannot be sent again to a restarted worker; a copy or a Blob can.
      this._pending.set(id, { resolve, reject, method, args, moved: transferList.length > 0 });
      this._worker.postMessage({ id, method, args }, transferList);
      if (this._pending.size === 1) this._watch();
    });
  }

  _onMessage(msg) {
    if (msg.ready !== undefined) {
      if (!msg.ready) return this._fail(new ScrawlError(msg.error.message, msg.error.code));
      this._loaded = true;
      this._methods = msg.methods;
      this._readyResolve({ methods: msg.methods });
      return this._watch();
    }
    const job = this._pending.get(msg.id);
    if (!job) return;
    if (msg.fatal) return this._lost(msg.error.message); // the call is the oldest: the one the worker was on
    this._pending.delete(msg.id);
    if (msg.error) job.reject(new ScrawlError(msg.error.message, msg.error.code));
    else job.resolve(msg.result);
    this._restarts = 0;
    this._watch();
  }

  // The oldest call is the one the worker is on: it gets stallMs from now (from the engine's
  // loading, for the first) to be answered.
  _watch() {
    clearTimeout(this._timer);
    if (!this._loaded || this._pending.size === 0 || !Number.isFinite(this._stallMs)) return;
    this._timer = setTimeout(() => this._lost(`the recognizer did not answer within ${Math.round(this._stallMs / 1000)} s`), this._stallMs);
  }

  // The worker died, trapped or hung while on the oldest call: that call fails, and the calls
  // after it go to a fresh worker.
  _lost(reason) {
    clearTimeout(this._timer);
    this._worker.terminate();
    const hadLoaded = this._loaded || this._methods.length > 0;
    if (!hadLoaded || this._options.restart === false || this._restarts >= MAX_RESTARTS)
      return this._fail(new ScrawlError(`${reason}; reload the page to try again`, 'worker_failed'));
    this._restarts++;
    this._replace(new ScrawlError(`${reason} while reading this image; it was restarted`, 'worker_restarted'));
    this.dispatchEvent(new CustomEvent('restart', { detail: reason }));
  }

  /**
   * Stops the call the worker is on, if it is on one: that call rejects with code 'cancelled',
   * and a fresh worker reads the calls after it. Returns whether there was one to stop.
   */
  cancel() {
    if (this._failed || !this._loaded || this._pending.size === 0) return false;
    this._replace(new ScrawlError('the reading was stopped', 'cancelled'));
    return true;
  }

  // A fresh worker in place of this one: the call this one was on rejects with `error`, the
  // calls after it are sent again (those whose bytes were moved to the old worker fail).
  _replace(error) {
    clearTimeout(this._timer);
    this._worker.terminate();
    const [oldest] = this._pending;
    if (oldest && this._loaded) {
      this._pending.delete(oldest[0]);
      oldest[1].reject(error);
    }
    this._start();
    for (const [id, job] of this._pending) {
      if (job.moved) {
        this._pending.delete(id);
        job.reject(
          new ScrawlError(
            'the recognizer restarted before it read this image, which had been moved to it; send it again',
            'worker_restarted',
          ),
        );
      } else {
        this._worker.postMessage({ id, method: job.method, args: job.args });
      }
    }
  }

  _fail(error) {
    clearTimeout(this._timer);
    const first = !this._failed;
    if (first) this._failed = error;
    this._readyReject(error);
    for (const job of this._pending.values()) job.reject(error);
    this._pending.clear();
    if (first && error.code !== 'terminated') this.dispatchEvent(new CustomEvent('failed', { detail: error }));
  }
}

// ---- The worker's side: runs when this file is started by ScrawlWorker. ----

function serveInWorker() {
  const METHODS = ['recognize', 'recognizePixels', 'read', 'readPixels', 'memory', 'useModel'];
  let scrawl = null;
  let loading = null;
  // Calls are handled one at a time, in the order they came.
  let queue = Promise.resolve();

  const errorOf = (e) => ({
    message: e instanceof ScrawlError ? e.message : `the recognizer failed (${e?.message ?? e})`,
    code: e instanceof ScrawlError ? e.code : 'internal',
  });

  async function handle({ id, method, args }) {
    try {
      await loading;
      if (!scrawl) throw new ScrawlError('the recognizer did not load', 'worker_failed');
      if (!METHODS.includes(method) || typeof scrawl[method] !== 'function')
        throw new ScrawlError(`this version of Scrawl cannot ${method}()`, 'unsupported');
      const [image, ...rest] = args;
      const input = typeof Blob !== 'undefined' && image instanceof Blob ? await blobBytes(image) : image;
      const result = scrawl[method](input, ...rest);
      const inputs = [result?.input, ...(result?.digits ?? []).map((d) => d.input)];
      const transfer = inputs.filter((i) => i?.buffer).map((i) => i.buffer);
      self.postMessage({ id, result }, transfer);
    } catch (e) {
      // Anything but a ScrawlError is the engine itself failing (a trap, out of memory): its
      // state cannot be trusted, so the page is told to start a fresh worker.
      self.postMessage({ id, error: errorOf(e), fatal: !(e instanceof ScrawlError) });
    }
  }

  async function blobBytes(blob) {
    try {
      return new Uint8Array(await blob.arrayBuffer());
    } catch {
      throw new ScrawlError('the file could not be opened (it may have been moved, changed or deleted)', 'unreadable_file');
    }
  }

  self.onmessage = (e) => {
    const msg = e.data;
    if (msg.init) {
      loading = createScrawl(msg.init.wasmUrl ? { wasmUrl: msg.init.wasmUrl } : {}).then(
        (s) => {
          scrawl = s;
          // A restarted worker reads with the personal model its predecessor had been given.
          if (msg.init.model) s.useModel(msg.init.model);
          self.postMessage({ ready: true, methods: METHODS.filter((m) => typeof s[m] === 'function') });
          // Before any request that is not already waiting: a person's first photo then runs optimised code.
          queue = queue.then(() => {
            try {
              s.warmUp?.();
            } catch {
              // a warm-up that fails changes nothing for real requests
            }
          });
        },
        (err) => self.postMessage({ ready: false, error: errorOf(err) }),
      );
      return;
    }
    queue = queue.then(() => handle(msg));
  };
}

if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope && globalThis.name === WORKER_NAME) serveInWorker();
