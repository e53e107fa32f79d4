// "Read each image as": a number as written, an amount, a zip code or digits only. The choice
// is the format every upload is read with (read(…, { format })), and it is kept for the next visit.
const KEY = 'scrawl-read-as';
const FORMATS = new Set(['amount', 'zip', 'digits']);

export class ReadAs {
  #select;

  constructor(select) {
    this.#select = select;
    const kept = localStorage.getItem(KEY);
    if (FORMATS.has(kept)) select.value = kept;
    select.addEventListener('change', () => localStorage.setItem(KEY, select.value));
  }

  /** The format to read with, or undefined for the number as written. */
  get format() {
    return FORMATS.has(this.#select.value) ? this.#select.value : undefined;
  }
}
