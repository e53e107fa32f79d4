// What the page shows for the drawing: the result panel (one digit with its bars, or a
// number with a box over each digit on a copy of the pad), the small guess in the pad's
// corner on narrow screens, and what is said once the drawing settles.
import { percent, spokenReading, spokenResult } from './result-view.js';
import { digitBoxes, scaleBoxes, summarize } from './readings.js';

// What is said waits this long after a stroke ends; a stroke begun meanwhile puts it off, so
// that a digit of several strokes is said once, not once a stroke.
const SETTLE_MS = 900;

export class DrawingResult {
  #settle = 0;
  #drawing = 0; // which drawing this is: a new one each time the pad is emptied
  #remember;
  #view;
  #pad;
  #copy;
  #speech;
  #root;
  #card;
  #badge;

  /**
   * speech: { announce, tell }; card: the result card; badge: the guess in the pad's corner;
   * remember(summary, { label, picture, key }): keeps a settled reading in the session's history.
   */
  constructor({ view, pad, copy, speech, root, card, badge, remember = () => {} }) {
    this.#remember = remember;
    this.#view = view;
    this.#pad = pad;
    this.#copy = copy;
    this.#speech = speech;
    this.#root = root;
    this.#card = card;
    this.#badge = badge;
    pad.addEventListener('stroke', () => clearTimeout(this.#settle));
  }

  // Once the drawing settles: said aloud, and a reading kept in the history (one entry per
  // drawing, brought up to date as it grows).
  #onceSettled(text, r) {
    clearTimeout(this.#settle);
    this.#settle = setTimeout(() => {
      this.#speech.tell(text);
      if (r) this.#remember(summarize(r), { label: 'Your drawing', picture: this.#pad.canvas, key: `drawing-${this.#drawing}` });
    }, SETTLE_MS);
  }

  /** aria-busy while the drawing is still being read: screen readers wait for the final answer (and so do the tests). */
  busy(busy) {
    this.#card.setAttribute('aria-busy', String(busy));
  }

  /** The pad is empty; `announce` says so when someone has just emptied it. */
  empty({ announce = false } = {}) {
    clearTimeout(this.#settle);
    this.#drawing++;
    this.#showBadge(null);
    this.#view.empty();
    this.#copy.offer('');
    this.#root.dataset.result = 'empty';
    if (announce) this.#speech.announce('The pad is empty');
  }

  loading() {
    this.#view.loading();
  }

  failed(error) {
    this.#view.failed(error.message);
  }

  /** A digit or a reading of the pad as it was at `size`; `final` says it aloud too. */
  answer(r, size, final) {
    if (r.digits) this.#number(r, size);
    else this.#digit(r);
    this.#showBadge(r);
    if (final) this.#onceSettled(r.digits ? spokenReading(r) : spokenResult(r), r);
  }

  noDigit(error, final) {
    // The first stroke of a digit is often no digit yet: "No digit found" waits for the pen to lift.
    if (!final) return this.#view.busy('Your drawing');
    this.#copy.offer('');
    this.#view.hidePhoto();
    this.#view.noDigit('drawing', error.message);
    this.#showBadge(null);
    this.#root.dataset.result = 'none';
    this.#onceSettled('No digit found', null);
  }

  error(error) {
    this.#copy.offer('');
    this.#view.error('the drawing', error.message);
    this.#root.dataset.result = 'error';
  }

  #digit(r) {
    this.#view.hidePhoto();
    this.#view.result(r, 'drawing');
    this.#copy.offer('');
    this.#root.dataset.result = String(r.digit);
  }

  /** Several digits: the number as text, Copy, and the drawing with a labelled box over each digit. */
  #number(reading, size) {
    this.#view.reading(reading, 'drawing');
    this.#copy.offer(reading.text);
    this.#root.dataset.result = reading.text;
    // The pad as it is now, which is what people see; it may have been resized since it was read.
    const { canvas } = this.#pad;
    const boxes = scaleBoxes(digitBoxes(reading), canvas.width / size.width, canvas.height / size.height);
    this.#view.photo(canvas, boxes, 'Your drawing');
  }

  /** The small guess in the pad's corner (narrow screens): r = a digit or a reading, or null to hide it. */
  #showBadge(r) {
    const badge = this.#badge;
    badge.hidden = !r;
    if (!r) return;
    const { value, confidence, unsure } = summarize(r);
    badge.classList.toggle('unsure', unsure);
    const small = document.createElement('small');
    small.textContent = `${percent(confidence)}%`;
    badge.replaceChildren(value, small);
  }
}
