// Several images at once: reads them one after another, fills the table, keeps the progress
// bar up to date and offers the results as CSV.
import { percent } from './result-view.js';

const $ = (id) => document.getElementById(id);

/**
 * One text cell of the CSV: always quoted, so that a spreadsheet keeps it as written; a cell
 * that a spreadsheet would run as a formula (a file named "=cmd|…", "+1", "@SUM") gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate.
 */
export function csvText(v) {
  const s = String(v ?? '');
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A byte-order mark first, so that spreadsheets open the UTF-8 file names right. */
export const CSV_BOM = '\uFEFF';

/**
 * The batch as CSV, one row per file: the text read as written ("02139" with its zero,
 * "3.975,00" with its point and comma; a spreadsheet may still take a quoted cell for a number
 * when it opens the file), how many digits it has, the confidence, whether it is unsure, the
 * error in words for a file that could not be read, and the value in the format the images
 * were read as ("3975.00" for an amount; the text again where none was chosen).
 */
export function batchCsv(results) {
  const lines = ['file,text,digits,confidence,unsure,error,value'];
  for (const r of results) {
    const read = !r.error;
    const text = read ? (r.written ?? r.value) : '';
    const digits = read ? [...text].filter((c) => c >= '0' && c <= '9').length : '';
    const confidence = r.confidence == null ? '' : r.confidence.toFixed(4);
    lines.push(
      [
        csvText(r.name),
        csvText(text),
        digits,
        confidence,
        read ? String(r.unsure) : '',
        csvText(r.error ?? ''),
        csvText(read ? r.value : ''),
      ].join(','),
    );
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

// A row's note: unsure, and why where its format says (an amount whose points do not group its
// digits in threes); what was written where the value was normalised from it.
function note(r) {
  const parts = [];
  if (r.unsure) parts.push(r.problem ? `Unsure: ${r.problem}` : 'Unsure');
  if (r.written !== undefined && r.written !== r.value) parts.push(`written ${r.written}`);
  return parts.join('; ');
}

export class Batch {
  /** read(file) → Promise<{ value, confidence, unsure }>, throwing a ScrawlError; show(file) opens one file in the result panel. */
  constructor({ read, show, announce }) {
    this.read = read;
    this.show = show;
    this.announce = announce;
    this.card = $('batch');
    this.rows = $('batch-rows');
    this.bar = $('batch-bar');
    this.count = $('batch-count');
    this.progress = $('batch-progress');
    this.summary = $('batch-summary');
    this.stopButton = $('batch-stop');
    this.csvButton = $('csv');
    this.results = [];
    this._run = null; // the AbortController of the batch being read
    this.stopButton.addEventListener('click', () => this.stop());
    this.csvButton.addEventListener('click', () => this.downloadCsv());
  }

  stop() {
    this._run?.abort();
  }

  async run(files) {
    this.stop();
    const run = new AbortController();
    this._run = run;
    this.results = [];
    this.rows.replaceChildren();
    this.card.hidden = false;
    this.progress.hidden = false;
    this.stopButton.disabled = false;
    this.csvButton.disabled = true;
    this.bar.max = files.length;
    this.summary.textContent = `${files.length} images`;
    this._progress(0, files.length);
    this.card.scrollIntoView({ behavior: 'smooth', block: 'nearest' });

    for (let i = 0; i < files.length && !run.signal.aborted; i++) {
      const file = files[i];
      let row;
      try {
        const r = await this.read(file);
        row = {
          file,
          name: file.name,
          value: r.value,
          written: r.written,
          problem: r.problem,
          confidence: r.confidence,
          unsure: r.unsure,
          error: '',
        };
      } catch (e) {
        row = { file, name: file.name, value: '', confidence: null, unsure: false, error: e.message, code: e.code };
      }
      if (this._run !== run) return; // a newer batch took over
      this.results.push(row);
      this.rows.append(this._row(row));
      this._progress(i + 1, files.length);
    }
    if (this._run !== run) return;
    this._run = null;
    const focused = document.activeElement === this.stopButton; // a disabled button drops the focus to the page
    this.stopButton.disabled = true;
    this.progress.hidden = true;
    this.csvButton.disabled = this.results.length === 0;
    if (focused) (this.results.length ? this.csvButton : this.card).focus();
    const failed = this.results.filter((r) => r.error).length;
    const unsure = this.results.filter((r) => r.unsure).length;
    // "3 of 5 images read, 1 of them unsure, 2 could not be read": every image counted once.
    const parts = [`${this.results.length - failed} of ${files.length} images read`];
    if (unsure) parts.push(`${unsure} of them unsure`);
    if (failed) parts.push(`${failed} could not be read`);
    if (run.signal.aborted) parts.push(`${files.length - this.results.length} not read (stopped)`);
    this.summary.textContent = parts.join(', ');
    this.announce(`${run.signal.aborted ? 'Stopped. ' : 'Done. '}${parts.join(', ')}.`);
  }

  _progress(done, total) {
    this.bar.value = done;
    this.count.textContent = `${done} of ${total}`;
  }

  _row(r) {
    const tr = document.createElement('tr');
    if (r.unsure) tr.className = 'unsure';
    if (r.error) tr.className = 'failed';
    const name = document.createElement('td');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'file-link';
    open.textContent = r.name;
    open.title = 'Show this image in the result panel';
    open.addEventListener('click', () => this.show(r.file));
    name.append(open);
    const cells = [
      name,
      td(r.error ? (r.code === 'no_digit' ? '–' : '') : r.value),
      td(r.error ? '' : `${percent(r.confidence)}%`),
      td(r.error ? (r.code === 'no_digit' ? 'No digit found' : r.error) : note(r)),
    ];
    tr.append(...cells);
    return tr;
  }

  csv() {
    return batchCsv(this.results);
  }

  downloadCsv() {
    const url = URL.createObjectURL(new Blob([this.csv()], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'scrawl-results.csv';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}

function td(text) {
  const el = document.createElement('td');
  el.textContent = text;
  return el;
}
