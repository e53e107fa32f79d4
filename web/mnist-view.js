// "Test on MNIST": the person opens MNIST's IDX files (raw or .gz) and sees how the model in use
// (theirs or the original) reads them: accuracy, the confusion matrix, how often it is right at
// each level of confidence, and the digits it reads wrongly. Read in the trainer's worker;
// nothing leaves the device.
import { gunzipped, parseIdx } from './scrawl-mnist.mjs';
import { digitCanvas, fillConfusion } from './digit-pictures.js';

const $ = (id) => document.getElementById(id);

export class MnistView {
  #worker = null;
  #model;

  /** model(): the personal model's weights in use, or null for the original. */
  constructor({ model, tell }) {
    this.#model = model;
    this.tell = tell;
    $('mnist-files').addEventListener('change', (e) => this.#open(e.target));
    $('mnist-stop').addEventListener('click', () => this.#worker?.postMessage({ cancel: true }));
  }

  #status(text) {
    $('mnist-status').textContent = text;
    this.tell(text);
  }

  async #open(input) {
    const files = [...(input.files ?? [])];
    input.value = '';
    let images;
    let labels;
    try {
      for (const f of files) {
        const idx = parseIdx(await gunzipped(new Uint8Array(await f.arrayBuffer())));
        if (idx.dims.length === 3) images = idx;
        else labels = idx;
      }
      if (!images || !labels) throw new Error('choose both files: the images (…idx3…) and the labels (…idx1…)');
      if (images.dims[0] !== labels.dims[0]) throw new Error(`the files do not match: ${images.dims[0]} images, ${labels.dims[0]} labels`);
      if (labels.data.some((l) => l > 9)) throw new Error('the labels file holds labels other than 0-9');
    } catch (e) {
      return this.#status(`These files cannot be read: ${e.message}.`);
    }
    await this.#run(images.data, labels.data);
  }

  async #run(images, labels) {
    const worker = (this.#worker ??= new Worker(new URL('./learn-worker.js', import.meta.url), { type: 'module', name: 'scrawl-mnist' }));
    const bar = $('mnist-bar');
    bar.hidden = false;
    bar.value = 0;
    $('mnist-stop').hidden = false;
    $('mnist-report').hidden = true;
    this.#status(`Reading ${labels.length.toLocaleString('en')} digits…`);
    const model = this.#model();
    try {
      const report = await new Promise((resolve, reject) => {
        worker.onmessage = ({ data }) => {
          if (data.progress) bar.value = data.progress.done / data.progress.total;
          else if (data.error) reject(Object.assign(new Error(data.error.message), { code: data.error.code }));
          else resolve(data.result);
        };
        worker.onerror = (e) => reject(new Error(`the reader stopped (${e.message || 'it could not load'})`));
        worker.postMessage({ mnist: { images, labels, model } });
      });
      this.#show(report, model);
    } catch (e) {
      if (e.code !== 'cancelled') {
        worker.terminate();
        this.#worker = null;
      }
      this.#status(e.code === 'cancelled' ? 'Stopped.' : `The digits could not be read: ${e.message}.`);
    } finally {
      bar.hidden = true;
      $('mnist-stop').hidden = true;
    }
  }

  #show(report, model) {
    const pct = (v) => `${(100 * v).toFixed(2)}%`;
    this.#status(
      `${pct(report.accuracy)} right: ${report.right.toLocaleString('en')} of ${report.count.toLocaleString('en')} digits, read by ${model ? 'your personal model' : 'the original model'}.`,
    );
    fillConfusion($('mnist-confusion'), report.confusion, 'Digits written (rows) and read (columns)');
    const cal = $('mnist-calibration');
    cal.replaceChildren();
    cal.createCaption().textContent = 'How often it is right at each level of confidence';
    const head = cal.createTHead().insertRow();
    for (const h of ['confidence', 'digits', 'right']) head.appendChild(document.createElement('th')).textContent = h;
    const body = cal.createTBody();
    for (const b of report.calibration) {
      const row = body.insertRow();
      row.insertCell().textContent = `${Math.round(b.from * 1000) / 10}–${Math.round(b.to * 1000) / 10}%`;
      row.insertCell().textContent = b.count.toLocaleString('en');
      row.insertCell().textContent = b.accuracy === null ? '–' : pct(b.accuracy);
    }
    $('mnist-wrong').replaceChildren(
      ...report.wrong.map((w) => {
        const li = document.createElement('li');
        const words = document.createElement('span');
        words.textContent = `${w.label} → ${w.read}`;
        li.append(digitCanvas(w.pixels, `a ${w.label} read as ${w.read}, ${Math.floor(w.confidence * 100)}% sure`), words);
        return li;
      }),
    );
    $('mnist-report').hidden = false;
  }
}
