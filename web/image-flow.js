// One image in the result panel (uploaded, dropped, pasted, or opened from the batch table):
// "Reading…", then its digit or number, said aloud, and the image with a box over each digit
// once the browser has decoded it. A newer image, or drawing, takes the panel over: the
// answer for this one is then dropped.
import { percent, spokenReading, spokenResult } from './result-view.js';
import { digitBoxes, summarize } from './readings.js';

const SLOW_MS = 500;

/**
 * read(file): the engine's answer; engine: { ready, settled }; cancel(): stops the reading
 * the engine is on; panel: the PanelOwner; view: the ResultView; copy: the CopyNumber;
 * tell(text): says it; card: the result card; remember(summary, { label, picture }): keeps
 * a reading in the session's history. Returns show(file).
 */
export function createImageFlow({ read, engine, cancel, panel, view, copy, tell, root, card, remember = () => {} }) {
  /** The image and its boxes, unless another image or the pad has taken the panel meanwhile. */
  async function showPhoto(file, boxes, name, claim) {
    let bitmap;
    try {
      // Turned by its EXIF orientation, as the engine turns it, so the boxes land on the digits.
      bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      view.hidePhoto(); // the browser cannot show this one, though the engine read it
      return;
    }
    if (!claim.aborted) view.photo(bitmap, boxes, `${name}, ${bitmap.width}×${bitmap.height}`);
    bitmap.close();
  }

  return async function show(file) {
    const claim = panel.claim();
    const name = file.name || 'the pasted image';
    view.busy(name);
    view.hidePhoto(); // the last file's image must not sit beside this file's result
    copy.offer('');
    root.dataset.result = 'busy';
    card.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    if (!engine.ready) await engine.settled;
    let r;
    // A reading that takes over half a second (a huge photo) can be stopped.
    const slow = setTimeout(() => claim.aborted || view.slow(name, cancel), SLOW_MS);
    try {
      r = await read(file);
    } catch (e) {
      if (claim.aborted) return;
      if (e.code === 'cancelled') {
        view.stopped(name);
        root.dataset.result = 'stopped';
        tell(`Stopped reading ${name}`);
      } else if (e.code === 'no_digit') {
        view.noDigit(name, e.message);
        root.dataset.result = 'none';
        tell(`No digit found in ${name}`);
        await showPhoto(file, [], name, claim);
      } else {
        view.error(name, e.message);
        root.dataset.result = 'error';
        tell(`Could not read ${name}: ${e.message}`);
      }
      return;
    } finally {
      clearTimeout(slow);
    }
    if (claim.aborted) return;
    remember(summarize(r), { label: name, picture: file });
    if (r.digits) {
      view.reading(r, name);
      root.dataset.result = r.text;
      tell(spokenReading(r));
      copy.offer(r.text);
      await showPhoto(file, digitBoxes(r), name, claim);
    } else {
      view.result(r, name);
      root.dataset.result = String(r.digit);
      tell(spokenResult(r));
      copy.offer(String(r.digit));
      const label = `${r.digit} · ${percent(r.confidence)}%`;
      await showPhoto(file, [{ box: r.box, label, unsure: r.unsure }], name, claim);
    }
  };
}
