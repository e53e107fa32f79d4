// Asks the engine to read an uploaded image or the pad, and hands back the answer in the shape
// the page shows: several digits stay a reading; one digit becomes a single digit with its ten
// bars and 28×28 input; none is a 'no_digit' ScrawlError, as recognize() throws.
import { ScrawlError } from './scrawl-worker.mjs';

export class Reader {
  #engine;

  constructor(engine) {
    this.#engine = engine;
  }

  /**
   * Reads one uploaded image, once (with recognize() on an engine that has no read()). A
   * format the engine does not decode (WebP, AVIF; HEIC in Safari) is decoded by the browser,
   * when it can, and its pixels read.
   */
  async image(file) {
    if (!this.#engine.supports('read')) return this.#engine.recognize(file);
    try {
      return digitOrReading(await this.#engine.read(file), 'the image');
    } catch (e) {
      if (e.code !== 'unsupported_format') throw e;
      const pixels = await decodedByBrowser(file);
      if (!pixels) throw e; // the engine's message names the format and says what to do
      return digitOrReading(await this.#engine.readPixels(pixels, { transfer: true }), 'the image');
    }
  }

  /**
   * Reads what is on the pad. `size` is the pad's backing size when it was read: the
   * reading's boxes are in those pixels.
   */
  async drawing(pad) {
    const pixels = pad.imageData();
    const size = { width: pixels.width, height: pixels.height };
    const reading = await this.#engine.readPixels(pixels, { transfer: true });
    return { r: digitOrReading(reading, 'the drawing'), size };
  }
}

/** The file's pixels as the browser decodes them, turned as its EXIF says; null if it cannot. */
async function decodedByBrowser(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

function digitOrReading(reading, where) {
  if (reading.digits.length === 0) throw new ScrawlError(`no digit found in ${where}`, 'no_digit');
  if (reading.digits.length > 1) return reading;
  const [d] = reading.digits;
  return { digit: d.digit, confidence: d.confidence, unsure: d.unsure, box: d.box, probs: reading.probs, input: reading.input };
}
