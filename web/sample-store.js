// What the page keeps of a person's handwriting, on this device only (IndexedDB): their
// samples (each the 28×28 input of a digit they corrected or practised, and its label) and
// their personal model. Nothing here is ever sent anywhere.
const DB = 'scrawl-learning';
const SAMPLES = 'samples';
const MODELS = 'models';

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Keeps a sample of the 28×28 input (floats 0-1 or bytes) labelled `label`; resolves with the sample kept (with its id). */
export async function keepSample(store, label, input, source) {
  const bytes = new Uint8Array(784);
  for (let i = 0; i < 784; i++) bytes[i] = input instanceof Uint8Array ? input[i] : Math.round(Math.min(1, Math.max(0, input[i])) * 255);
  const sample = { label, input: bytes, source, added: Date.now() };
  sample.id = await store.add(sample);
  return sample;
}

export class SampleStore {
  #db;

  /** Opens the store; rejects with an Error in words where the browser keeps nothing (private windows of some browsers). */
  static async open() {
    if (typeof indexedDB === 'undefined') throw new Error('this browser keeps no data for pages, so samples cannot be kept');
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore(SAMPLES, { keyPath: 'id', autoIncrement: true });
      open.result.createObjectStore(MODELS);
    };
    try {
      return new SampleStore(await request(open));
    } catch (e) {
      throw new Error(`this browser would not keep the samples (${e?.message ?? e})`);
    }
  }

  constructor(db) {
    this.#db = db;
  }

  #store(name, mode = 'readonly') {
    return this.#db.transaction(name, mode).objectStore(name);
  }

  /** Keeps a sample { label, input: Uint8Array(784), source, added }; resolves with its id. */
  add(sample) {
    return request(this.#store(SAMPLES, 'readwrite').add(sample));
  }

  /** Keeps many samples at once (an import), in one transaction: all or none. */
  addAll(samples) {
    const tx = this.#db.transaction(SAMPLES, 'readwrite');
    for (const s of samples) tx.objectStore(SAMPLES).add(s);
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(samples.length);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('the samples were not kept'));
    });
  }

  /** Every sample, oldest first. */
  all() {
    return request(this.#store(SAMPLES).getAll());
  }

  remove(id) {
    return request(this.#store(SAMPLES, 'readwrite').delete(id));
  }

  clear() {
    return request(this.#store(SAMPLES, 'readwrite').clear());
  }

  /** The personal model { weights: Uint8Array, taught, at, verdict }, or undefined. */
  personalModel() {
    return request(this.#store(MODELS).get('personal'));
  }

  setPersonalModel(model) {
    return request(this.#store(MODELS, 'readwrite').put(model, 'personal'));
  }

  forgetPersonalModel() {
    return request(this.#store(MODELS, 'readwrite').delete('personal'));
  }
}
