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
  async image(file, format) {
    if (!this.#engine.supports('read')) return this.#engine.recognize(file);
    const options = format ? { format } : {};
    try {
      return digitOrReading(await this.#engine.read(file, options), 'the image');
    } catch (e) {
      if (e.code === 'unsupported_format') {
        const pixels = await decodedByBrowser(file);
        if (!pixels) throw e; // the engine's message names the format and says what to do
        return digitOrReading(await this.#engine.readPixels(pixels, { ...options, transfer: true }), 'the image');
      }
      if (e.code === 'image_too_large') return this.#reduced(file, e, options);
      throw e;
    }
  }

  // A photo over the engine's limit (50 megapixels, 16,384 pixels a side) is decoded by the
  // browser once, reduced to the size reading needs, read, and its boxes given in the photo's
  // own pixels.
  async #reduced(file, refusal, options) {
    let photo;
    try {
      photo = await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      throw refusal;
    }
    const size = { width: photo.width, height: photo.height };
    const scale = Math.min(1, Math.sqrt(READ_PIXELS / (size.width * size.height)), 8192 / Math.max(size.width, size.height));
    const width = Math.max(1, Math.round(size.width * scale));
    const height = Math.max(1, Math.round(size.height * scale));
    const pixels = await decodedByBrowser(photo, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
    photo.close();
    if (!pixels) throw refusal;
    const r = digitOrReading(await this.#engine.readPixels(pixels, { ...options, transfer: true }), 'the image');
    const up = (box) => box.map((v) => Math.round(v / scale));
    if (r.box) r.box = up(r.box);
    for (const d of r.digits ?? []) d.box = up(d.box);
    const n = (v) => v.toLocaleString('en');
    r.note = `Read at ${n(width)}×${n(height)} pixels, reduced from ${n(size.width)}×${n(size.height)}.`;
    return r;
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

// A photo over the engine's limit is read at about this many pixels (a 12-megapixel photo is
// read whole).
const READ_PIXELS = 16e6;

/**
 * The pixels of a file (or of a bitmap already decoded) as the browser decodes them, turned as
 * its EXIF says, at the size `resize` asks for (createImageBitmap's resizeWidth, resizeHeight,
 * resizeQuality); null if it cannot.
 */
async function decodedByBrowser(source, resize = {}) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(source, { imageOrientation: 'from-image', ...resize });
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
  const digit = { digit: d.digit, confidence: d.confidence, unsure: d.unsure, box: d.box, probs: reading.probs, input: reading.input };
  return reading.field ? { ...digit, field: reading.field } : digit;
}
