// "Wrong? Tap the right digit": under a single digit's result, ten buttons that keep its 28×28
// input with the digit the person says it is, as a sample of their handwriting.
export class Corrections {
  #row;
  #current = null;
  #keep;

  /** row: the buttons' container (each button has data-digit); keep(label, input, source) keeps a sample. */
  constructor(row, keep) {
    this.#row = row;
    this.#keep = keep;
    row.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-digit]');
      if (!button || !this.#current) return;
      const { input, source } = this.#current;
      this.#keep(Number(button.dataset.digit), input, source);
      this.offer(null);
    });
  }

  /** The result now shown ({ digit, input }, with its source), or null: nothing to correct. */
  offer(r, source = '') {
    this.#current = r?.input ? { input: r.input, source } : null;
    this.#row.hidden = !this.#current;
  }

  /** The input of the single digit now shown, or null. */
  get currentInput() {
    return this.#current?.input ?? null;
  }
}
