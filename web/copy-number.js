// The "Copy the number" button: offers the text last read (a number, or one digit of an
// upload) for the clipboard, and is hidden when there is nothing to copy.

const LABEL = 'Copy the number';

export class CopyNumber {
  #button;
  #text = '';

  /** tell(text) says that the number was copied. */
  constructor(button, tell) {
    this.#button = button;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(this.#text);
        button.textContent = 'Copied';
        tell(`Copied ${this.#text}`);
      } catch {
        button.textContent = 'Copying is not allowed here';
      }
    });
  }

  /** Offers `text` for copying; '' hides the button. */
  offer(text) {
    this.#text = text;
    this.#button.hidden = !text;
    this.#button.textContent = LABEL;
  }
}
