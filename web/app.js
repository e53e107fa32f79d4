// Scrawl's page: puts the drawing pad, the uploads, the result panel, read-aloud and the
// service worker together around the engine, which runs in a Web Worker.
import { engine } from './start-engine.js';
import { Batch } from './batch.js';
import { CopyNumber } from './copy-number.js';
import { DrawPad } from './draw-pad.js';
import { DrawingFlow } from './drawing-flow.js';
import { DrawingResult } from './drawing-result.js';
import { EngineStatus } from './engine-status.js';
import { createImageFlow } from './image-flow.js';
import { History } from './history.js';
import { offerInstall } from './install.js';
import { startOffline, worksOffline } from './offline.js';
import { connectPadControls } from './pad-controls.js';
import { PanelOwner } from './panel-owner.js';
import { ReadAs } from './read-as.js';
import { Reader } from './reader.js';
import { summarize } from './readings.js';
import { ResultView } from './result-view.js';
import { createSpeech } from './speech.js';
import { Corrections } from './corrections.js';
import { usePersonalModel } from './personal-model.js';
import { SampleStore, keepSample } from './sample-store.js';
import { receiveUploads } from './uploads.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const card = $('result-card');

const speech = createSpeech({ announcer: $('announcer'), toggle: $('speak-toggle') });
const view = new ResultView();
const copy = new CopyNumber($('copy-number'), speech.tell);
const panel = new PanelOwner(); // the pad and each uploaded image take the result panel in turn
const history = new History({ card: $('history'), list: $('history-list'), clear: $('history-clear'), tell: speech.tell });
const remember = (summary, entry) => history.add(summary, entry);

const reader = new Reader(engine);
const readAs = new ReadAs($('read-as'));
const status = new EngineStatus(engine, { root, indicator: $('engine-state'), label: $('engine-state-text'), worksOffline });
view.empty();

const pad = new DrawPad($('pad'));
connectPadControls(pad, { undo: $('undo'), clear: $('clear'), placeholder: $('pad-placeholder') });
const drawing = new DrawingFlow({
  pad,
  read: () => reader.drawing(pad),
  engine: status,
  panel,
  show: new DrawingResult({ view, pad, copy, speech, root, card, badge: $('pad-badge'), remember }),
});
// What was drawn while the recognizer loaded is read as soon as it is ready.
status.loaded.then(
  () => {
    speech.announce('Ready: draw a digit or choose an image');
    drawing.engineReady();
  },
  (e) => view.failed(e.message),
);

const showImage = createImageFlow({
  read: (file) => reader.image(file, readAs.format),
  engine: status,
  cancel: () => engine.cancel(),
  panel,
  view,
  copy,
  tell: speech.tell,
  root,
  card,
  remember,
});
// A batch's summary is said aloud too, when read-aloud is on.
const batch = new Batch({
  read: async (file) => summarize(await reader.image(file, readAs.format)),
  show: showImage,
  announce: speech.tell,
});
receiveUploads({ inputs: [$('file-input'), $('camera-input')], one: showImage, several: (files) => batch.run(files) });

// Corrections and practice keep samples of the person's handwriting on this device; the
// learning panel (loaded when opened) teaches the model them. A personal model reads from the
// start, also after a reload and offline.
const store = SampleStore.open();
store.catch(() => {});
let personal = null;
let learn = null;
const corrections = new Corrections($('correct'), async (label, input, source) => {
  try {
    const kept = await keepSample(await store, label, input, source);
    learn?.added(kept);
    speech.tell(`Kept as ${label === 8 ? 'an' : 'a'} ${label}. Open “Your handwriting” to teach Scrawl.`);
  } catch (e) {
    speech.tell(`The sample was not kept: ${e.message}.`);
  }
});
view.onShown = (r, source) => {
  corrections.offer(r, source);
  learn?.resultShown();
};
status.loaded.then(
  async () => (personal = await usePersonalModel(store, engine)),
  () => {},
);

// The panels that teach and test load the first time they are opened.
whenOpened($('learn-details'), $('learn-state'), async () => {
  const { LearnPanel } = await import('./learn-panel.js');
  learn = new LearnPanel({ engine, tell: speech.tell, clearPad: () => pad.clear(), currentInput: () => corrections.currentInput });
  await learn.start(store, personal);
});
whenOpened($('mnist-details'), $('mnist-state'), async () => {
  const { MnistView } = await import('./mnist-view.js');
  new MnistView({
    model: () => (learn ? learn.personalWeights : (personal?.weights ?? null)),
    recognize: (file) => engine.recognize(file),
    tell: speech.tell,
  });
});

/** Runs load() the first time `details` opens; says so in `state` while it loads and if it fails. */
function whenOpened(details, state, load) {
  details.addEventListener('toggle', async function once() {
    if (!details.open) return;
    details.removeEventListener('toggle', once);
    state.textContent = 'Loading…';
    try {
      await load();
      state.textContent = '';
      details.dataset.loaded = 'true';
    } catch {
      state.textContent = 'This part could not load. It needs to be opened once while online; try again then.';
      details.addEventListener('toggle', once);
    }
  });
}

offerInstall($('install'));
startOffline({ settled: status.settled, onChange: () => status.refresh(), toast: $('update-toast'), reload: $('reload') });
