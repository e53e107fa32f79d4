// The result panel: the guessed digit, how sure the model is, the ten probability bars, the
// 28×28 image the model saw and, for an uploaded image or a number drawn on the pad, the image
// with a box over each digit.
import { fieldNote } from './readings.js';

export const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Percent for people: 0.998 → 99 (never "100 % sure" unless it is), 0.004 → 0. */
export function percent(p) {
  return p >= 1 ? 100 : Math.floor(p * 100);
}

/** A digit with its article as it is said: "an 8", "a 3". */
export function aDigit(d) {
  return `${d === 8 ? 'an' : 'a'} ${d}`;
}

/** The sentence read aloud and announced to screen readers. */
export function spokenResult(r) {
  return `${r.unsure ? 'maybe ' : ''}${WORDS[r.digit]}, ${percent(r.confidence)} percent sure`;
}

// The marks a number's text keeps among its digits, as a screen reader should say them.
const MARK_WORDS = { '.': 'point', ',': 'comma', '-': 'dash', '=': 'equals', '\n': ', new line,' };

/** A multi-digit reading (read()) as a sentence. */
export function spokenReading(reading) {
  const said = [...reading.text].map((c) => (c >= '0' && c <= '9' ? WORDS[+c] : (MARK_WORDS[c] ?? c))).join(' ');
  return reading.digits.some((d) => d.unsure) ? `maybe ${said}` : said;
}

const $ = (id) => document.getElementById(id);

export class ResultView {
  /** onShown(r, source): called with each single digit or reading of several shown (with their 28×28 inputs), and with null when something else is. */
  onShown = null;

  constructor() {
    this.card = $('result-card');
    this.digit = $('digit');
    this.text = $('verdict-text');
    this.detail = $('verdict-detail');
    this.badge = $('unsure-badge');
    this.source = $('result-source');
    this.bars = [...$('probs').children];
    this.modelCanvas = $('model-input');
    this.photoView = $('photo-view');
    this.photoCanvas = $('photo');
    this.photoCaption = $('photo-caption');
    this.cancelButton = $('cancel-reading');
    this.cancelButton.addEventListener('click', () => this._onCancel?.());
    this._clearModel();
  }

  _set(state, { digit = '?', text = '', detail = '', source = '', unsure = false } = {}) {
    this.card.dataset.state = state;
    this.digit.textContent = digit;
    this.digit.classList.toggle('long', digit.length > 1);
    this.text.textContent = text;
    this.detail.textContent = detail;
    this.source.textContent = source;
    this.badge.hidden = !unsure;
    this.cancelButton.hidden = true;
    this._onCancel = null;
    this.onShown?.(null);
    if (state !== 'result') {
      for (const li of this.bars) {
        li.classList.remove('top');
        li.querySelector('.fill').style.setProperty('--p', '0');
        li.querySelector('.pct').textContent = '';
      }
    }
  }

  empty() {
    this._set('empty', { text: 'Draw a digit or a number to start', detail: 'Or choose, drop or paste an image. The guess shows here.' });
    this._clearModel();
    this.hidePhoto();
  }

  loading() {
    this._set('busy', { digit: '…', text: 'Loading the recognizer…', detail: 'This takes a moment the first time.' });
  }

  busy(source) {
    this._set('busy', { digit: '…', text: 'Reading…', detail: source, source });
  }

  /** A reading that takes long: says so and offers to stop it (`cancel()`). */
  slow(source, cancel) {
    this._set('busy', { digit: '…', text: 'Reading…', detail: `${source} is large; this can take a few seconds.`, source });
    this._onCancel = cancel;
    this.cancelButton.hidden = false;
  }

  stopped(source) {
    this._set('empty', { digit: '–', text: 'Reading stopped', detail: 'Choose another image, or draw.', source: sourceLabel(source) });
    this._clearModel();
    this.hidePhoto();
  }

  noDigit(source, message) {
    this._set('nodigit', {
      digit: '–',
      text: 'No digit found',
      detail: source === 'drawing' ? 'Draw the digit bigger, filling more of the pad.' : capitalize(message),
      source: sourceLabel(source),
    });
    this._clearModel();
  }

  error(source, message) {
    this._set('error', { digit: '!', text: `Could not read ${source}`, detail: capitalize(message), source: sourceLabel(source) });
    this._clearModel();
    this.hidePhoto();
  }

  failed(message) {
    this._set('error', { digit: '!', text: 'The recognizer did not start', detail: capitalize(message) });
  }

  /** Shows a recognize() / recognizePixels() result. */
  result(r, source) {
    const second = r.probs
      .map((p, d) => [p, d])
      .filter(([, d]) => d !== r.digit)
      .sort((a, b) => b[0] - a[0])[0];
    const pct = percent(r.confidence);
    this._set('result', {
      digit: String(r.digit),
      text: r.unsure ? `Probably ${aDigit(r.digit)}, not sure` : `It’s ${aDigit(r.digit)}`,
      detail: withNote(
        r.unsure ? `${pct}% sure; it could also be ${aDigit(second[1])} (${percent(second[0])}%).` : `${pct}% sure`,
        notes(r),
      ),
      source: sourceLabel(source),
      unsure: r.unsure,
    });
    this.bars.forEach((li, d) => {
      const p = r.probs[d];
      li.classList.toggle('top', d === r.digit);
      li.querySelector('.fill').style.setProperty('--p', String(p));
      li.querySelector('.pct').textContent = `: ${p >= 0.01 ? percent(p) : '<1'}%`;
    });
    this.drawModelInput(r.input);
    this.onShown?.(r, source);
  }

  /** Shows a read() / readPixels() result: several digits. */
  reading(reading, source) {
    const unsure = reading.digits.some((d) => d.unsure);
    const n = reading.digits.length;
    const least = reading.digits.reduce((m, d) => Math.min(m, d.confidence), 1);
    this._set('reading', {
      digit: reading.text.split('\n')[0],
      text: `It reads ${reading.text.replace(/\n/g, ' / ')}`,
      detail: withNote(`${n} digits, at least ${percent(least)}% sure of each${unsure ? '; some are unsure' : ''}.`, notes(reading)),
      source: sourceLabel(source),
      unsure,
    });
    this._clearModel();
    this.onShown?.(reading, source);
  }

  drawModelInput(input) {
    const ctx = this.modelCanvas.getContext('2d');
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = Math.round(Math.min(1, Math.max(0, input[i])) * 255);
      img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = v;
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }

  _clearModel() {
    const ctx = this.modelCanvas.getContext('2d');
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, 28, 28);
  }

  /** Draws an image (an upload's bitmap, or the pad's canvas) scaled down, with the box of each digit found. */
  photo(bitmap, boxes, caption) {
    const maxW = 480;
    const maxH = 320;
    // A small image (a 138×36 crop of a cheque) is enlarged, up to 4 times, so that its digits
    // and their labels do not sit on top of each other.
    const scale = Math.min(4, maxW / bitmap.width, maxH / bitmap.height);
    const cssW = Math.max(1, Math.round(bitmap.width * scale));
    const cssH = Math.max(1, Math.round(bitmap.height * scale));
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const c = this.photoCanvas;
    c.width = Math.round(cssW * dpr);
    c.height = Math.round(cssH * dpr);
    c.style.width = `${cssW}px`;
    c.style.aspectRatio = `${cssW} / ${cssH}`;
    const ctx = c.getContext('2d');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, c.width, c.height);
    const k = c.width / bitmap.width;
    const sureColor = getComputedStyle(this.card).getPropertyValue('--box').trim() || '#e11d48';
    ctx.lineWidth = Math.max(2, 2.5 * dpr);
    const unsureColor = getComputedStyle(this.card).getPropertyValue('--unsure-box').trim() || '#d97706';
    for (const { box, label, unsure } of boxes) {
      const [x, y, w, h] = box;
      const pad = 3 * dpr;
      // Unsure digits: amber and dashed, so a person checks those first.
      const color = unsure ? unsureColor : sureColor;
      ctx.strokeStyle = color;
      ctx.setLineDash(unsure ? [6 * dpr, 4 * dpr] : []);
      ctx.strokeRect(x * k - pad, y * k - pad, w * k + 2 * pad, h * k + 2 * pad);
      ctx.setLineDash([]);
      if (label !== undefined) {
        const size = Math.round(14 * dpr);
        ctx.font = `700 ${size}px system-ui, sans-serif`;
        const tw = ctx.measureText(label).width + 8 * dpr;
        const ty = Math.max(0, y * k - pad - size - 6 * dpr);
        ctx.fillStyle = color;
        ctx.fillRect(x * k - pad, ty, tw, size + 6 * dpr);
        ctx.fillStyle = '#fff';
        ctx.fillText(label, x * k - pad + 4 * dpr, ty + size);
      }
    }
    this.photoCaption.textContent = caption;
    c.setAttribute('aria-label', photoLabel(boxes.length));
    this.photoView.hidden = false;
  }

  hidePhoto() {
    this.photoView.hidden = true;
  }
}

function sourceLabel(source) {
  return source === 'drawing' ? 'From your drawing' : `From ${source}`;
}

/** What the photo shows, for a screen reader: how many boxes are on it. */
export function photoLabel(boxes) {
  if (boxes === 0) return 'Your image; no digit was found in it';
  return boxes === 1 ? 'Your image, with a box around the digit found' : `Your image, with a box around each of the ${boxes} digits found`;
}

/** A result's detail with a note after it (how a huge photo was read). */
// The reading's own note (a photo read reduced) and its field's, when a format was asked for.
function notes(r) {
  return [fieldNote(r.field), r.note].filter(Boolean).join(' ');
}

function withNote(detail, note) {
  return note ? `${detail}${/[.!?]$/.test(detail) ? '' : '.'} ${note}` : detail;
}

function capitalize(s) {
  return s ? s[0].toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.') : '';
}
