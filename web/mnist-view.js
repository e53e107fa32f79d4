// "Test on MNIST": the person opens MNIST's IDX files (raw or .gz) and sees how the model in use
// (theirs or the original) reads them: accuracy, the confusion matrix, how often it is right at
// each level of confidence, and the digits it reads wrongly. Read in the trainer's worker;
// nothing leaves the device.
import { gunzipped, mnistReport, parseIdx } from './scrawl-mnist.mjs';
import { digitCanvas, fillConfusion } from './digit-pictures.js';

const $ = (id) => document.getElementById(id);

export class MnistView {
  #worker = null;
  #model;

  #recognize;
  #stopImages = false;

  /** model(): the personal model's weights in use, or null for the original; recognize(file): the page's reader on one image. */
  constructor({ model, recognize, tell }) {
    this.#model = model;
    this.#recognize = recognize;
    this.tell = tell;
    $('mnist-files').addEventListener('change', (e) => this.#open(e.target));
    for (const id of ['labelled-files', 'labelled-folder']) $(id).addEventListener('change', (e) => this.#openImages(e.target));
    $('mnist-stop').addEventListener('click', () => {
      this.#stopImages = true;
      this.#worker?.postMessage({ cancel: true });
    });
  }

  // Images of single digits, read one by one by the page's own reader (the model in use).
  async #openImages(input) {
    const files = [...(input.files ?? [])];
    input.value = '';
    const { labelled, unlabelled } = await labelledImages(files);
    const skipped = unlabelled
      ? ` ${unlabelled} file${unlabelled === 1 ? ' had' : 's had'} no label and ${unlabelled === 1 ? 'was' : 'were'} left out.`
      : '';
    if (!labelled.length)
      return this.#status(
        `No labelled images among these files.${skipped} Name them 7.png, 7_0042.jpg, put them in folders named 0 to 9, or add a CSV of file,label.`,
      );
    const bar = $('mnist-bar');
    bar.hidden = false;
    $('mnist-stop').hidden = false;
    $('mnist-report').hidden = true;
    this.#stopImages = false;
    const labels = [];
    const digits = [];
    const confidence = [];
    const inputs = [];
    let failed = 0;
    for (const [i, { file, label }] of labelled.entries()) {
      if (this.#stopImages) break;
      try {
        const r = await this.#recognize(file);
        labels.push(label);
        digits.push(r.digit);
        confidence.push(r.confidence);
        inputs.push(r.input);
      } catch {
        failed++; // not an image, or no digit in it: counted apart
      }
      bar.value = (i + 1) / labelled.length;
    }
    bar.hidden = true;
    $('mnist-stop').hidden = true;
    const report = mnistReport(labels, digits, confidence);
    report.wrong = report.wrong
      .slice(0, 60)
      .map((i) => ({ label: labels[i], read: digits[i], confidence: confidence[i], pixels: inputs[i] }));
    const unread = failed ? ` ${failed} could not be read (no digit found, or not an image).` : '';
    this.#show(report, this.#model(), `${this.#stopImages ? 'Stopped. ' : ''}${unread}${skipped}`);
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

  #show(report, model, more = '') {
    const pct = (v) => `${(100 * v).toFixed(2)}%`;
    this.#status(
      `${pct(report.accuracy)} right: ${report.right.toLocaleString('en')} of ${report.count.toLocaleString('en')} digits, read by ${model ? 'your personal model' : 'the original model'}.${more}`,
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

/**
 * The label of each image among `files` (File objects, from a picker or a folder): from a CSV
 * among them (`file,label` rows), else from the file's name (`7.png`, `7_0042.jpg`, `7-a.png`)
 * or its folder (`7/…`). Returns { labelled: [{ file, label }], unlabelled: count }.
 */
export async function labelledImages(files) {
  const csv = files.find((f) => /\.csv$/i.test(f.name));
  const fromCsv = new Map();
  if (csv)
    for (const line of (await csv.text()).split(/\r?\n/)) {
      const [name, label] = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
      if (/^\d$/.test(label ?? '')) fromCsv.set(name, Number(label));
    }
  const labelled = [];
  let unlabelled = 0;
  for (const file of files) {
    if (file === csv) continue;
    const path = file.webkitRelativePath || file.name;
    const folder = path.split('/').slice(-2, -1)[0] ?? '';
    const own = file.name.match(/^(\d)(?:[^0-9]|$)/);
    const label = fromCsv.get(file.name) ?? fromCsv.get(path) ?? (own ? Number(own[1]) : /^\d$/.test(folder) ? Number(folder) : null);
    if (label === null) unlabelled++;
    else labelled.push({ file, label });
  }
  return { labelled, unlabelled };
}
