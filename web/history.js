// This session's readings, newest first: a thumbnail of what was read (the drawing or the
// image), what it reads, how sure, and a Copy button each; Clear empties the list. Kept in
// memory only: nothing of it outlives the page.
import { percent } from './result-view.js';

const THUMB = 72; // CSS pixels, the longer side

export class History {
  #card;
  #list;
  #tell;
  #lastKey = null;

  /** card: the section (hidden while empty); list: its <ol>; clear: its Clear button; tell(text) says a copy was made. */
  constructor({ card, list, clear, tell }) {
    this.#card = card;
    this.#list = list;
    this.#tell = tell;
    clear.addEventListener('click', () => this.clear());
  }

  /**
   * Adds a reading: { value, confidence, unsure } (readings.js's summary), `label` (the file's
   * name, or "Your drawing") and `picture` (a canvas or a File, for the thumbnail). An entry
   * with the same `key` as the newest replaces it: a drawing that grows stays one entry.
   */
  async add({ value, confidence, unsure }, { label, picture, key }) {
    const item = document.createElement('li');
    item.className = unsure ? 'unsure' : '';
    const thumb = document.createElement('canvas');
    thumb.setAttribute('role', 'img');
    thumb.setAttribute('aria-label', label);
    const text = document.createElement('span');
    text.className = 'history-text';
    text.textContent = value;
    const detail = document.createElement('span');
    detail.className = 'history-detail';
    detail.textContent = `${label} · ${percent(confidence)}%${unsure ? ' · unsure' : ''}`;
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'btn btn-small';
    copy.textContent = 'Copy';
    copy.setAttribute('aria-label', `Copy ${value}`);
    copy.addEventListener('click', () => this.#copy(value, copy));
    item.append(thumb, text, detail, copy);

    const replaces = key !== undefined && key === this.#lastKey ? this.#list.firstElementChild : null;
    if (replaces) replaces.replaceWith(item);
    else this.#list.prepend(item);
    this.#lastKey = key;
    this.#card.hidden = false;
    await drawThumbnail(thumb, picture);
  }

  clear() {
    this.#list.replaceChildren();
    this.#lastKey = null;
    this.#card.hidden = true;
  }

  async #copy(value, button) {
    try {
      await navigator.clipboard.writeText(value);
      button.textContent = 'Copied';
      this.#tell(`Copied ${value}`);
    } catch {
      button.textContent = 'Not allowed';
    }
  }
}

async function drawThumbnail(canvas, picture) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(picture, { imageOrientation: 'from-image' });
  } catch {
    return; // the browser cannot show it (the engine may still have read it)
  }
  const scale = Math.min(THUMB / bitmap.width, THUMB / bitmap.height);
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  canvas.width = Math.max(1, Math.round(bitmap.width * scale * dpr));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale * dpr));
  canvas.style.width = `${Math.round(bitmap.width * scale)}px`;
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
}
