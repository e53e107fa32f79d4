// Scrawl's page: wires the drawing pad, uploads, the result panel, read-aloud and the
// service worker to the engine, which runs in a Web Worker (scrawl-worker.mjs).
import { ScrawlError, ScrawlWorker } from './scrawl-worker.mjs';
import { DrawPad } from './draw-pad.js';
import { ResultView, spokenResult, spokenReading, percent } from './result-view.js';
import { Batch } from './batch.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;

const view = new ResultView();
const announcer = $('announcer');
const engineState = $('engine-state');
const engineStateText = $('engine-state-text');

// ---- announcements and reading aloud ----

let announceTimer = 0;
function announce(text) {
  clearTimeout(announceTimer);
  announcer.textContent = '';
  // A fresh text node after a short pause makes screen readers repeat an identical message.
  announceTimer = setTimeout(() => (announcer.textContent = text), 60);
}

const speakToggle = $('speak-toggle');
const canSpeak = 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function';
if (!canSpeak) {
  speakToggle.disabled = true;
  speakToggle.closest('label').title = 'This browser cannot speak';
} else {
  speakToggle.checked = localStorage.getItem('scrawl.speak') === '1';
}
speakToggle.addEventListener('change', () => {
  localStorage.setItem('scrawl.speak', speakToggle.checked ? '1' : '0');
  if (!speakToggle.checked && canSpeak) speechSynthesis.cancel();
});

function speak(text) {
  if (!canSpeak || !speakToggle.checked) return;
  speechSynthesis.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'en-US';
  speechSynthesis.speak(u);
}

/** Tells people the result: the live region always, the voice when read-aloud is on. */
function tell(text) {
  announce(text);
  speak(text);
}

// ---- the engine ----

let engineReady = false;
let engineFailure = null; // the ScrawlError, if the recognizer could not load
const engine = new ScrawlWorker();
view.empty();
engine.ready.then(
  () => {
    engineReady = true;
    root.dataset.engine = 'ready';
    performance.mark('scrawl-ready');
    updateEngineState();
    scheduleDrawing(true);
  },
  (e) => {
    engineFailure = e;
    root.dataset.engine = 'failed';
    engineState.dataset.state = 'failed';
    engineStateText.textContent = 'Recognizer failed to load';
    view.failed(e.message);
  },
);

function updateEngineState() {
  if (!engineReady) return;
  engineState.dataset.state = 'ready';
  engineStateText.textContent = navigator.serviceWorker?.controller ? 'Ready · works offline' : 'Ready';
}

// Whoever last took the result panel (the pad or an upload) owns it; older answers are dropped.
let panelTurn = 0;

// ---- drawing ----

const pad = new DrawPad($('pad'));
const undoButton = $('undo');
const clearButton = $('clear');
const placeholder = $('pad-placeholder');
const padBadge = $('pad-badge');

/** The small guess in the pad's corner (narrow screens): r = a digit or a reading, or null to hide it. */
function showPadBadge(r) {
  padBadge.hidden = !r;
  if (!r) return;
  const { value, confidence, unsure } = summarize(r);
  padBadge.classList.toggle('unsure', unsure);
  const small = document.createElement('small');
  small.textContent = `${percent(confidence)}%`;
  padBadge.replaceChildren(value, small);
}

let drawTurn = -1; // panelTurn when the pad last took the panel
let inFlight = false;
let dirty = false;
let wantFinal = false;

const resultCard = $('result-card');
/** aria-busy while the drawing is still being read: screen readers wait for the final answer (and so do the tests). */
function markBusy() {
  resultCard.setAttribute('aria-busy', String(pad.isDrawing || inFlight || dirty));
}

function syncPadButtons() {
  undoButton.disabled = clearButton.disabled = pad.isEmpty;
  placeholder.hidden = !pad.isEmpty;
  if (pad.isEmpty) showPadBadge(null);
}

/** Asks for the drawing to be read; `final` (stroke end, undo) also announces the answer. */
function scheduleDrawing(final) {
  if (pad.isEmpty && !final) return;
  if (drawTurn !== panelTurn) drawTurn = ++panelTurn;
  dirty = true;
  wantFinal ||= final;
  pumpDrawing();
  markBusy();
}

async function pumpDrawing() {
  if (inFlight || !dirty) return;
  const turn = panelTurn;
  if (pad.isEmpty) {
    dirty = wantFinal = false;
    markBusy();
    if (drawTurn === turn) showEmptyPad();
    return;
  }
  if (engineFailure) {
    dirty = wantFinal = false;
    view.failed(engineFailure.message);
    markBusy();
    return;
  }
  if (!engineReady) {
    view.loading();
    markBusy();
    return; // picked up again when the engine is ready
  }
  const final = wantFinal;
  dirty = wantFinal = false;
  inFlight = true;
  try {
    const { r, size } = await readDrawing();
    if (turn === panelTurn && drawTurn === turn) {
      if (r.digits) showDrawnNumber(r, size);
      else showDrawnDigit(r);
      showPadBadge(r);
      if (final) tell(r.digits ? spokenReading(r) : spokenResult(r));
    }
  } catch (e) {
    if (turn === panelTurn && drawTurn === turn) {
      showCopy('');
      if (e.code === 'no_digit') {
        view.hidePhoto();
        view.noDigit('drawing', e.message);
        showPadBadge(null);
        root.dataset.result = 'none';
        if (final) tell('No digit found');
      } else {
        view.error('the drawing', e.message);
        root.dataset.result = 'error';
      }
    }
  } finally {
    inFlight = false;
    if (dirty) pumpDrawing();
    markBusy();
  }
}

/**
 * Reads what is on the pad: one digit (with its bars and 28×28 input) or a reading of several,
 * as readImage() does for an upload. `size` is the pad's backing size when it was read: the
 * reading's boxes are in those pixels.
 */
async function readDrawing() {
  const pixels = pad.imageData();
  const size = { width: pixels.width, height: pixels.height };
  const reading = await engine.readPixels(pixels, { transfer: true });
  return { r: digitOrReading(reading, 'the drawing'), size };
}

function showEmptyPad() {
  view.empty();
  showCopy('');
  root.dataset.result = 'empty';
}

function showDrawnDigit(r) {
  view.hidePhoto();
  view.result(r, 'drawing');
  showCopy('');
  root.dataset.result = String(r.digit);
}

/** Several digits on the pad: the number as text, Copy, and the drawing with a labelled box over each digit. */
function showDrawnNumber(reading, size) {
  view.reading(reading, 'drawing');
  showCopy(reading.text);
  root.dataset.result = reading.text;
  // The pad as it is now, which is what people see; it may have been resized since it was read.
  const kx = pad.canvas.width / size.width;
  const ky = pad.canvas.height / size.height;
  const boxes = digitBoxes(reading).map((b) => ({ ...b, box: [b.box[0] * kx, b.box[1] * ky, b.box[2] * kx, b.box[3] * ky] }));
  view.photo(pad.canvas, boxes, 'Your drawing');
}

pad.addEventListener('stroke', () => {
  syncPadButtons();
  scheduleDrawing(false);
});
pad.addEventListener('strokeend', () => {
  syncPadButtons();
  scheduleDrawing(true);
  markBusy();
});
pad.addEventListener('change', () => {
  syncPadButtons();
  if (pad.isEmpty) {
    drawTurn = ++panelTurn;
    dirty = wantFinal = false;
    markBusy();
    showEmptyPad();
    announce('The pad is empty');
  } else {
    scheduleDrawing(true);
  }
});
undoButton.addEventListener('click', () => pad.undo());
clearButton.addEventListener('click', () => pad.clear());
document.addEventListener('keydown', (e) => {
  const target = e.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
  if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    pad.undo();
  } else if (e.key === 'Escape' && !pad.isEmpty) {
    pad.clear();
  }
});
syncPadButtons();

// ---- images: one shows in the result panel, several go to the table ----

/**
 * Reads one uploaded image, once. Several digits give a reading ({ text, digits, lines }); a
 * reading of one digit carries that digit's ten bars and 28×28 input too, and is shown as a
 * single digit. summarize() turns either answer into { value, confidence, unsure } for the table.
 */
async function readImage(file) {
  if (!engine.supports('read')) return engine.recognize(file);
  return digitOrReading(await engine.read(file), 'the image');
}

/**
 * A reading as the page shows it: several digits stay a reading; one digit becomes a single
 * digit with its bars and 28×28 input; none is a 'no_digit' ScrawlError, as recognize() throws.
 */
function digitOrReading(reading, where) {
  if (reading.digits.length === 0) throw new ScrawlError(`no digit found in ${where}`, 'no_digit');
  if (reading.digits.length > 1) return reading;
  const [d] = reading.digits;
  return { digit: d.digit, confidence: d.confidence, unsure: d.unsure, box: d.box, probs: reading.probs, input: reading.input };
}

/** A box and label over each digit of a reading; unsure digits are marked with a "?". */
function digitBoxes(reading) {
  return reading.digits.map((d) => ({ box: d.box, label: d.unsure ? `${d.digit}?` : String(d.digit), unsure: d.unsure }));
}

function summarize(r) {
  if (r.digits) {
    return {
      value: r.text,
      confidence: r.digits.reduce((m, d) => Math.min(m, d.confidence), 1),
      unsure: r.digits.some((d) => d.unsure),
    };
  }
  return { value: String(r.digit), confidence: r.confidence, unsure: r.unsure };
}

async function showOne(file) {
  const turn = ++panelTurn;
  const name = file.name || 'the pasted image';
  view.busy(name);
  view.hidePhoto(); // the last file's image must not sit beside this file's result
  showCopy('');
  root.dataset.result = 'busy';
  $('result-card').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  if (!engineReady) await engine.ready.catch(() => {});
  let r;
  try {
    r = await readImage(file);
  } catch (e) {
    if (turn !== panelTurn) return;
    if (e.code === 'no_digit') {
      view.noDigit(name, e.message);
      root.dataset.result = 'none';
      tell(`No digit found in ${name}`);
      await showPhoto(file, [], name, turn);
    } else {
      view.error(name, e.message);
      root.dataset.result = 'error';
      tell(`Could not read ${name}: ${e.message}`);
    }
    return;
  }
  if (turn !== panelTurn) return;
  if (r.digits) {
    view.reading(r, name);
    root.dataset.result = r.text;
    tell(spokenReading(r));
    showCopy(r.text);
    await showPhoto(file, digitBoxes(r), name, turn);
  } else {
    view.result(r, name);
    root.dataset.result = String(r.digit);
    tell(spokenResult(r));
    showCopy(String(r.digit));
    await showPhoto(file, [{ box: r.box, label: `${r.digit} · ${percent(r.confidence)}%`, unsure: r.unsure }], name, turn);
  }
}

// ---- copying what was read: the number as text ----

const copyButton = $('copy-number');
let copyText = '';

function showCopy(text) {
  copyText = text;
  copyButton.hidden = !text;
  copyButton.textContent = 'Copy the number';
}

copyButton.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(copyText);
    copyButton.textContent = 'Copied';
    tell(`Copied ${copyText}`);
  } catch {
    copyButton.textContent = 'Copying is not allowed here';
  }
});

async function showPhoto(file, boxes, name, turn) {
  let bitmap;
  try {
    // Turned by its EXIF orientation, as the engine turns it, so the boxes land on the digits.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    view.hidePhoto(); // the browser cannot show this one, though the engine read it
    return;
  }
  if (turn === panelTurn) view.photo(bitmap, boxes, `${name}, ${bitmap.width}×${bitmap.height}`);
  bitmap.close();
}

const batch = new Batch({
  read: async (file) => summarize(await readImage(file)),
  show: (file) => showOne(file),
  announce,
});

function handleFiles(list) {
  const files = [...list].filter((f) => f instanceof Blob);
  if (files.length === 0) return;
  if (files.length === 1) showOne(files[0]);
  else batch.run(files);
}

for (const input of [$('file-input'), $('camera-input')]) {
  input.addEventListener('change', () => {
    handleFiles(input.files);
    input.value = '';
  });
}

// Drag and drop anywhere on the page.
let dragDepth = 0;
const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
window.addEventListener('dragenter', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth++;
  document.body.classList.add('dragging');
});
window.addEventListener('dragover', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
});
window.addEventListener('dragleave', () => {
  if (--dragDepth <= 0) {
    dragDepth = 0;
    document.body.classList.remove('dragging');
  }
});
window.addEventListener('drop', (e) => {
  dragDepth = 0;
  document.body.classList.remove('dragging');
  if (!hasFiles(e)) return;
  e.preventDefault();
  handleFiles(e.dataTransfer.files);
});

// Paste an image (or image files) from the clipboard.
document.addEventListener('paste', (e) => {
  const files = [...(e.clipboardData?.files ?? [])];
  if (files.length === 0) return;
  e.preventDefault();
  handleFiles(files);
});

// ---- offline: the service worker ----

const toast = $('update-toast');
$('reload').addEventListener('click', () => location.reload());

if ('serviceWorker' in navigator && window.isSecureContext) {
  // The first service worker taking over this page is no news; a later one is a new version.
  let controlled = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    updateEngineState();
    if (controlled) toast.hidden = false; // a new version took over: offer to reload
    controlled = true;
  });
  // Registered once the page is loaded and the recognizer is ready, so that the service
  // worker's precache finds the files in the HTTP cache instead of downloading them again.
  const register = () =>
    navigator.serviceWorker.register('./sw.js').then(
      (reg) => reg.active && updateEngineState(),
      () => {}, // without a service worker the page still works, only not offline
    );
  engine.ready
    .catch(() => {})
    .then(() => (document.readyState === 'complete' ? register() : addEventListener('load', register, { once: true })));
}
