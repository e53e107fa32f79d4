// "Your handwriting": the samples a person has kept (thumbnails, each deletable), practice
// (Scrawl asks for each digit in turn), "Learn my handwriting" (the trainer in its own worker,
// with progress and Stop), the verdict (before and after on the held-back samples, and where
// the digits went), the personal model in use (kept on the device, back to the original at any
// time), and the samples file (export, import, delete all).
import { parseSamplesFile, samplesFileText } from './scrawl-samples.mjs';
import { digitCanvas, fillConfusion } from './digit-pictures.js';
import { showModelInUse } from './personal-model.js';
import { keepSample } from './sample-store.js';

const $ = (id) => document.getElementById(id);
const PRACTICE_ROUNDS = 3; // times each digit is asked for
const MIN_SAMPLES = 10; // fewer teaches nothing worth a model

export class LearnPanel {
  #store = null;
  #engine;
  #tell;
  #clearPad;
  #samples = [];
  #worker = null;
  #practice = [];
  #currentInput = () => null;
  #personal = null;

  /** engine: the ScrawlWorker (useModel); tell(text): said aloud / announced; clearPad(): empties the pad for the next practice digit. */
  constructor({ engine, tell, clearPad, currentInput }) {
    this.#engine = engine;
    this.#tell = tell;
    this.#clearPad = clearPad;
    this.#currentInput = currentInput;
    $('teach').addEventListener('click', () => this.#teach());
    $('teach-stop').addEventListener('click', () => this.#worker?.postMessage({ cancel: true }));
    $('use-original').addEventListener('click', () => this.#useOriginal());
    $('export-samples').addEventListener('click', () => this.#export());
    $('import-samples').addEventListener('change', (e) => this.#import(e.target));
    $('delete-samples').addEventListener('click', () => this.#deleteAll());
    $('practice-start').addEventListener('click', () => this.#startPractice());
    $('practice-keep').addEventListener('click', () => this.#keepPractice());
    $('practice-skip').addEventListener('click', () => this.#nextPractice(true));
    $('practice-end').addEventListener('click', () => this.#endPractice());
  }

  /** Opens the device's store (a promise of a SampleStore) and lists the samples; `personal`: the personal model already in use, or null. Failures are shown, not thrown. */
  async start(store, personal) {
    try {
      this.#store = await store;
      this.#samples = await this.#store.all();
      this.#showModel(personal);
    } catch (e) {
      this.#status(`Your samples cannot be kept here: ${e.message}.`);
      for (const id of ['teach', 'practice-start', 'import-samples']) $(id).disabled = true;
    }
    this.#render();
  }

  /** A single digit's result is on show (or gone): practice may keep it. */
  resultShown() {
    $('practice-keep').disabled = !this.#practice.length || !this.#currentInput();
  }

  /** A sample kept by a correction under the result. */
  added(sample) {
    this.#samples.push(sample);
    this.#render();
  }

  #render() {
    const n = this.#samples.length;
    const perDigit = new Array(10).fill(0);
    for (const s of this.#samples) perDigit[s.label]++;
    $('samples-summary').textContent = n
      ? `${n} sample${n === 1 ? '' : 's'}: ${perDigit.map((c, d) => `${c}× ${d}`).join(', ')}.${n < MIN_SAMPLES ? ` Learning needs at least ${MIN_SAMPLES}.` : ''}`
      : 'No samples yet.';
    const list = $('sample-list');
    list.replaceChildren(
      ...this.#samples.map((s) => {
        const li = document.createElement('li');
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'btn btn-small';
        remove.textContent = 'Delete';
        remove.setAttribute('aria-label', `Delete this sample of a ${s.label}`);
        remove.addEventListener('click', () => this.#remove(s));
        const label = document.createElement('span');
        label.textContent = String(s.label);
        li.append(digitCanvas(s.input, `a sample of a ${s.label}`), label, remove);
        return li;
      }),
    );
    $('teach').disabled = !this.#store || n < MIN_SAMPLES || !!this.#worker?.busy;
    $('export-samples').disabled = !n;
    $('delete-samples').disabled = !n;
  }

  async #remove(sample) {
    await this.#store.remove(sample.id);
    this.#samples = this.#samples.filter((s) => s !== sample);
    this.#render();
    this.#tell(`Deleted a sample of a ${sample.label}.`);
  }

  async #deleteAll() {
    if (
      !confirm(
        `Delete all ${this.#samples.length} samples from this device? Your personal model, if any, stays until you go back to the original.`,
      )
    )
      return;
    await this.#store.clear();
    this.#samples = [];
    this.#render();
    this.#tell('All samples deleted.');
  }

  #export() {
    const rows = this.#samples.map(({ id: _id, ...rest }) => rest);
    const blob = new Blob([samplesFileText(rows, 'me')], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'scrawl-samples.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    this.#tell(`Exported ${rows.length} samples.`);
  }

  async #import(input) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const { samples } = parseSamplesFile(await file.text());
      const fresh = samples.map(({ id: _id, ...s }) => ({ ...s, source: s.source ?? 'import', added: s.added ?? Date.now() }));
      await this.#store.addAll(fresh);
      this.#samples = await this.#store.all();
      this.#render();
      this.#status(`Imported ${fresh.length} samples from ${file.name}.`);
    } catch (e) {
      this.#status(`${file.name} was not imported: ${e.message}.`);
    }
  }

  #status(text) {
    $('teach-status').textContent = text;
    this.#tell(text);
  }

  #startWorker() {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./learn-worker.js', import.meta.url), { type: 'module', name: 'scrawl-learn' });
    this.#worker = worker;
    return worker;
  }

  async #teach() {
    const worker = this.#startWorker();
    worker.busy = true;
    this.#render();
    $('teach-progress').hidden = false;
    $('teach-result').hidden = true;
    $('teach-bar').value = 0;
    this.#status('Learning your handwriting…');
    const samples = this.#samples.map(({ label, input }) => ({ label, input }));
    const taught = `${samples.length} samples`;
    try {
      const r = await new Promise((resolve, reject) => {
        worker.onmessage = ({ data }) => {
          if (data.progress) $('teach-bar').value = data.progress.done / data.progress.total;
          else if (data.error) reject(Object.assign(new Error(data.error.message), { code: data.error.code }));
          else resolve(data.result);
        };
        worker.onerror = (e) => reject(new Error(`the trainer stopped (${e.message || 'it could not load'})`));
        worker.postMessage({ teach: { samples, taught, allLayers: $('all-layers').checked } });
      });
      this.#showVerdict(r.verdict);
      if (r.model) {
        const personal = { weights: r.model, taught, at: Date.now(), verdict: r.verdict };
        await this.#engine.useModel(personal.weights);
        await this.#store.setPersonalModel(personal);
        this.#showModel(personal);
      }
      this.#status(r.verdict.why);
    } catch (e) {
      this.#status(
        e.code === 'cancelled'
          ? 'Stopped: the model in use was not changed.'
          : `Learning failed: ${e.message}. The model in use was not changed.`,
      );
      if (e.code !== 'cancelled') {
        worker.terminate();
        this.#worker = null;
      }
    } finally {
      if (this.#worker) this.#worker.busy = false;
      $('teach-progress').hidden = true;
      this.#render();
    }
  }

  #showVerdict(v) {
    const rows = [
      ['Before', v.rightBefore],
      ['After', v.rightAfter],
    ];
    const chart = $('before-after');
    chart.setAttribute('aria-label', `Held-back samples read right: ${v.rightBefore} of ${v.checked} before, ${v.rightAfter} after`);
    chart.replaceChildren(
      ...rows.map(([name, right]) => {
        const row = document.createElement('div');
        row.className = 'row';
        const bar = document.createElement('span');
        bar.className = 'bar';
        const fill = document.createElement('span');
        fill.className = 'fill';
        fill.style.setProperty('--p', String(v.checked ? right / v.checked : 0));
        bar.append(fill);
        const words = document.createElement('span');
        words.textContent = `${right} of ${v.checked}`;
        const head = document.createElement('span');
        head.textContent = name;
        row.append(head, bar, words);
        return row;
      }),
    );
    fillConfusion($('teach-confusion'), v.confusionAfter, 'Your held-back samples, read by the new model');
    $('teach-result').hidden = v.checked === 0;
  }

  /** The personal model's weights file in use, or null (the original model). */
  get personalWeights() {
    return this.#personal?.weights ?? null;
  }

  #showModel(personal) {
    this.#personal = personal;
    showModelInUse(personal);
    $('use-original').hidden = !personal;
  }

  async #useOriginal() {
    await this.#engine.useModel(null);
    await this.#store?.forgetPersonalModel();
    this.#showModel(null);
    this.#status('Back to the original model. Your samples are still here.');
  }

  #startPractice() {
    const order = [];
    for (let r = 0; r < PRACTICE_ROUNDS; r++) for (let d = 0; d < 10; d++) order.push(d);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    this.#practice = order;
    $('practice').hidden = false;
    $('practice-start').hidden = true;
    this.#nextPractice(false);
  }

  #nextPractice(skip) {
    if (skip) this.#practice.shift();
    if (!this.#practice.length) return this.#endPractice();
    this.#clearPad();
    const d = this.#practice[0];
    $('practice-prompt').textContent =
      `Write ${d === 8 ? 'an' : 'a'} ${d} on the pad, then press “Keep it”. ${this.#practice.length} to go.`;
    this.resultShown();
  }

  async #keepPractice() {
    const input = this.#currentInput();
    if (!input || !this.#practice.length) return;
    const label = this.#practice.shift();
    try {
      this.added(await keepSample(this.#store, label, input, 'practice'));
      this.#tell(`Kept as ${label === 8 ? 'an' : 'a'} ${label}.`);
    } catch (e) {
      this.#status(`The sample was not kept: ${e.message}.`);
    }
    this.#nextPractice(false);
  }

  #endPractice() {
    this.#practice = [];
    $('practice').hidden = true;
    $('practice-start').hidden = false;
  }
}
