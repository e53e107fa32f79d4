// Scrawl's page: puts the drawing pad, the uploads, the result panel, read-aloud and the
// service worker together around the engine, which runs in a Web Worker.
import { ScrawlWorker } from './scrawl-worker.mjs';
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
import { Reader } from './reader.js';
import { summarize } from './readings.js';
import { ResultView } from './result-view.js';
import { createSpeech } from './speech.js';
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

const engine = new ScrawlWorker();
const reader = new Reader(engine);
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
  read: (file) => reader.image(file),
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
const batch = new Batch({ read: async (file) => summarize(await reader.image(file)), show: showImage, announce: speech.tell });
receiveUploads({ inputs: [$('file-input'), $('camera-input')], one: showImage, several: (files) => batch.run(files) });

offerInstall($('install'));
startOffline({ settled: status.settled, onChange: () => status.refresh(), toast: $('update-toast'), reload: $('reload') });
