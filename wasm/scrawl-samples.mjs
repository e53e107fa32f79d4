// The samples file: a person's own digits as the page exports and imports them (and as
// `scrawl samples` writes the writers of `npm run eval:learning`). JSON:
//   { "format": "scrawl-samples", "version": 1, "writer": "...", "split": "report" (a real writer of the data: their part of the writer split),
//     "samples": [{ "label": 7, "input": "<base64 of 784 bytes: the 28×28 input, 0 = paper, 255 = ink>" }, ...] }
// The page keeps more per sample (when, from where); a file may carry those and they are kept.
import { ScrawlError } from './scrawl.mjs';

const SIDE = 784;

function base64(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function unbase64(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** A 28×28 input (784 floats 0-1 or bytes 0-255) as the bytes a sample keeps. */
export function inputBytes(input) {
  if (input instanceof Uint8Array) return input;
  const bytes = new Uint8Array(SIDE);
  for (let i = 0; i < SIDE; i++) bytes[i] = Math.round(Math.min(1, Math.max(0, input[i])) * 255);
  return bytes;
}

/** The file's text for samples [{ label, input (784 bytes or floats), ...more }]. */
export function samplesFileText(samples, writer = '') {
  const rows = samples.map(({ input, ...rest }) => JSON.stringify({ ...rest, input: base64(inputBytes(input)) }));
  return `{"format":"scrawl-samples","version":1,"writer":${JSON.stringify(writer)},"samples":[\n${rows.join(',\n')}\n]}\n`;
}

/** Reads a samples file: { writer, split, samples: [{ label, input: Uint8Array(784), ...more }] }, or throws a ScrawlError in words. */
export function parseSamplesFile(text) {
  const bad = (why) => new ScrawlError(`this is not a file of Scrawl samples: ${why}`, 'bad_samples');
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad('it is not JSON');
  }
  if (!json || json.format !== 'scrawl-samples') throw bad('it does not say it is one');
  if (json.version !== 1) throw bad('it was written by a newer Scrawl');
  if (!Array.isArray(json.samples)) throw bad('it has no list of samples');
  const samples = json.samples.map((s, i) => {
    if (!s || !Number.isInteger(s.label) || s.label < 0 || s.label > 9)
      throw bad(`sample ${i + 1} is not labelled with a digit from 0 to 9`);
    let input;
    try {
      input = unbase64(String(s.input));
    } catch {
      input = null;
    }
    if (!input || input.length !== SIDE) throw bad(`sample ${i + 1} does not hold a 28×28 image`);
    return { ...s, input };
  });
  return { writer: typeof json.writer === 'string' ? json.writer : '', split: typeof json.split === 'string' ? json.split : '', samples };
}
