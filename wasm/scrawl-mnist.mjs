// MNIST's IDX files as a browser or Node opens them (raw or gzipped), and what a model's
// readings of them tell: accuracy, the confusion matrix, calibration and the digits it got wrong.
import { ScrawlError } from './scrawl.mjs';

/** The bytes, gunzipped if they are gzip (DecompressionStream: every current browser and Node). */
export async function gunzipped(bytes) {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new ScrawlError('this .gz file is damaged or cut short', 'bad_mnist');
  }
}

/** An IDX file: { dims: [n, 28, 28] or [n], data: Uint8Array }, or a ScrawlError in words. */
export function parseIdx(bytes) {
  const bad = (why) => new ScrawlError(`this is not an MNIST (IDX) file: ${why}`, 'bad_mnist');
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0) throw bad('it does not start as one');
  if (bytes[2] !== 0x08) throw bad('its numbers are not bytes');
  const rank = bytes[3];
  if (rank !== 1 && rank !== 3) throw bad('it holds neither labels nor images');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i));
  const head = 4 + 4 * rank;
  const size = dims.reduce((a, b) => a * b, 1);
  if (rank === 3 && (dims[1] !== 28 || dims[2] !== 28)) throw bad(`its images are ${dims[1]}×${dims[2]}, not 28×28`);
  if (bytes.length < head + size) throw bad('it is cut short');
  return { dims, data: bytes.subarray(head, head + size) };
}

/**
 * What the readings tell: { count, right, accuracy, confusion (10×10, [true][read]),
 * calibration: [{ from, to, count, accuracy }] by confidence, wrong: [indices, surest first] }.
 */
export function mnistReport(labels, digits, confidence) {
  const n = labels.length;
  const confusion = Array.from({ length: 10 }, () => new Array(10).fill(0));
  const edges = [0, 0.5, 0.9, 0.99, 0.999, 1.0001];
  const bins = edges.slice(0, -1).map((from, i) => ({ from, to: Math.min(1, edges[i + 1]), count: 0, right: 0 }));
  const wrong = [];
  let right = 0;
  for (let i = 0; i < n; i++) {
    const ok = labels[i] === digits[i];
    confusion[labels[i]][digits[i]]++;
    if (ok) right++;
    else wrong.push(i);
    const bin = bins.find((b, k) => confidence[i] < edges[k + 1]) ?? bins[bins.length - 1];
    bin.count++;
    if (ok) bin.right++;
  }
  wrong.sort((a, b) => confidence[b] - confidence[a]);
  return {
    count: n,
    right,
    accuracy: n ? right / n : 0,
    confusion,
    calibration: bins.map((b) => ({ from: b.from, to: b.to, count: b.count, accuracy: b.count ? b.right / b.count : null })),
    wrong,
  };
}
