// "Wrong? Tap the right digit": under a result, buttons that keep a digit's 28×28 input with
// the digit the person says it is, as a sample of their handwriting. For a reading of several
// digits, the person first picks which digit is wrong.
const $ = (id) => document.getElementById(id);

export class Corrections {
  #row;
  #current = null; // { input, source } of the digit to correct
  #keep;

  /** row: the correction panel (#correct); keep(label, input, source) keeps a sample. */
  constructor(row, keep) {
    this.#row = row;
    this.#keep = keep;
    $('correct-digits').addEventListener('click', (e) => {
      const button = e.target.closest('button[data-digit]');
      if (!button || !this.#current) return;
      const { input, source } = this.#current;
      this.#keep(Number(button.dataset.digit), input, source);
      this.offer(null);
    });
  }

  /** What is now shown: a single digit ({ digit, input }), a reading of several ({ digits: [{ digit, input }] }), or null. */
  offer(r, source = '') {
    const which = $('correct-which');
    const several = r?.digits?.length > 1 && r.digits.every((d) => d.input);
    this.#current = !several && r?.input ? { input: r.input, source } : null;
    which.hidden = !several;
    which.replaceChildren();
    if (several) {
      $('correct-label').textContent = 'Wrong? Choose the digit that is wrong, then tap the right one:';
      r.digits.forEach((d, i) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'btn btn-small';
        b.textContent = String(d.digit);
        b.setAttribute('aria-pressed', 'false');
        b.setAttribute('aria-label', `digit ${i + 1} of ${r.digits.length}, read as ${d.digit}`);
        b.addEventListener('click', () => {
          for (const other of which.children) other.setAttribute('aria-pressed', String(other === b));
          this.#current = { input: d.input, source };
          this.#enableDigits(true);
        });
        which.append(b);
      });
    } else {
      $('correct-label').textContent = 'Wrong? Tap the right digit to teach Scrawl your handwriting:';
    }
    this.#enableDigits(!!this.#current);
    this.#row.hidden = !this.#current && !several;
  }

  #enableDigits(on) {
    for (const b of $('correct-digits').children) b.disabled = !on;
  }

  /** The input of the single digit now shown, or null. */
  get currentInput() {
    return this.#current && $('correct-which').hidden ? this.#current.input : null;
  }
}
