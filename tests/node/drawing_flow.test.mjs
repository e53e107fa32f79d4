// When the page reads the drawing (web/drawing-flow.js), with a stand-in pad, engine and page:
// one read at a time, changes made meanwhile read next in one go, and answers that come back
// after an upload took the panel, or after the pad was cleared, dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as settle } from 'node:timers/promises';
import { DrawingFlow } from '../../web/drawing-flow.js';
import { holds, PanelOwner } from '../../web/panel-owner.js';

class StandInPad extends EventTarget {
  strokes = 0;
  isDrawing = false;
  get isEmpty() {
    return this.strokes === 0;
  }
  /** A stroke under way: one 'stroke' event per frame. */
  move() {
    if (!this.isDrawing) this.strokes++;
    this.isDrawing = true;
    this.dispatchEvent(new Event('stroke'));
  }
  lift() {
    this.isDrawing = false;
    this.dispatchEvent(new Event('strokeend'));
  }
  clear() {
    this.strokes = 0;
    this.dispatchEvent(new Event('change'));
  }
}

/** A drawing flow whose reads wait until the test answers them; `shown` records what the page was told. */
function setUp({ ready = true, failure = null } = {}) {
  const pad = new StandInPad();
  const reads = []; // { resolve, reject } of each read the engine was asked for
  const engine = { ready, failure };
  const panel = new PanelOwner();
  const shown = [];
  let busy = false;
  const show = new Proxy(
    {},
    {
      get: (_, name) =>
        name === 'busy'
          ? (b) => {
              busy = b;
            }
          : (...args) => shown.push([name, ...args]),
    },
  );
  const read = () => new Promise((resolve, reject) => reads.push({ resolve, reject }));
  const flow = new DrawingFlow({ pad, read, engine, panel, show });
  return { pad, reads, engine, panel, shown, flow, isBusy: () => busy };
}

const answer = (digit) => ({ r: { digit }, size: { width: 100, height: 100 } });

test('strokes drawn while a read is out are read next, in one go; only the last is said', async () => {
  const { pad, reads, shown, isBusy } = setUp();
  pad.move();
  assert.equal(reads.length, 1);
  pad.move();
  pad.move();
  pad.lift();
  assert.equal(reads.length, 1, 'no second read while the first is out');
  assert.equal(isBusy(), true);
  reads[0].resolve(answer(1));
  await settle();
  assert.equal(reads.length, 2, 'the three changes are read together');
  assert.deepEqual(shown, [['answer', { digit: 1 }, { width: 100, height: 100 }, false]]);
  assert.equal(isBusy(), true, 'busy until the drawing as it is now is read');
  reads[1].resolve(answer(7));
  await settle();
  assert.deepEqual(shown.at(-1), ['answer', { digit: 7 }, { width: 100, height: 100 }, true]);
  assert.equal(reads.length, 2);
  assert.equal(isBusy(), false);
});

test('an answer that comes back after an upload took the panel is dropped', async () => {
  const { pad, reads, panel, shown } = setUp();
  pad.move();
  pad.lift();
  const upload = panel.claim();
  reads[0].resolve(answer(1));
  await settle();
  assert.equal(reads.length, 2);
  reads[1].resolve(answer(1));
  await settle();
  assert.deepEqual(shown, [], 'the upload keeps the panel');
  assert.equal(holds(upload), true);
  // drawing again takes the panel back
  pad.move();
  pad.lift();
  assert.equal(holds(upload), false);
  reads[2].resolve(answer(4));
  await settle();
  reads[3].resolve(answer(4));
  await settle();
  assert.deepEqual(shown, [
    ['answer', { digit: 4 }, { width: 100, height: 100 }, false],
    ['answer', { digit: 4 }, { width: 100, height: 100 }, true],
  ]);
});

test('clearing the pad drops the answer being read and says the pad is empty', async () => {
  const { pad, reads, shown, isBusy } = setUp();
  pad.move();
  pad.lift();
  pad.clear();
  assert.deepEqual(shown, [['empty', { announce: true }]]);
  reads[0].resolve(answer(1));
  await settle();
  assert.equal(reads.length, 1, 'nothing is left to read');
  assert.deepEqual(shown, [['empty', { announce: true }]]);
  assert.equal(isBusy(), false);
});

test('a drawing made while the engine loads is read once it is ready', async () => {
  const { pad, reads, engine, flow, shown, isBusy } = setUp({ ready: false });
  pad.move();
  pad.lift();
  assert.equal(reads.length, 0);
  assert.deepEqual(shown.at(-1), ['loading']);
  assert.equal(isBusy(), true);
  engine.ready = true;
  flow.engineReady();
  assert.equal(reads.length, 1);
  reads[0].resolve(answer(3));
  await settle();
  assert.deepEqual(shown.at(-1), ['answer', { digit: 3 }, { width: 100, height: 100 }, true]);
  assert.equal(isBusy(), false);
});

test('the engine getting ready takes nothing from an image chosen while it loaded', () => {
  const { pad, reads, engine, panel, flow, shown, isBusy } = setUp({ ready: false });
  engine.ready = true;
  flow.engineReady();
  assert.deepEqual(shown, [], 'an empty pad has nothing to read or show');
  engine.ready = false;
  pad.move();
  pad.lift();
  const upload = panel.claim();
  engine.ready = true;
  flow.engineReady();
  assert.equal(reads.length, 0, 'the drawing made before the image is not read');
  assert.equal(holds(upload), true);
  assert.equal(isBusy(), false, 'the result panel waits for the image alone');
});

test('an engine that failed to load is said to have failed, and nothing is read', () => {
  const failure = new Error('the recognizer could not load');
  const { pad, reads, shown, isBusy } = setUp({ ready: false, failure });
  pad.move();
  pad.lift();
  assert.equal(reads.length, 0);
  assert.deepEqual(shown.at(-1), ['failed', failure]);
  assert.equal(isBusy(), false);
});

test('no digit on the pad is its own answer, said once the stroke ends; other errors are shown', async () => {
  const { pad, reads, shown } = setUp();
  pad.move();
  pad.lift();
  const noDigit = Object.assign(new Error('no digit found in the drawing'), { code: 'no_digit' });
  reads[0].reject(noDigit);
  await settle();
  assert.deepEqual(shown, [['noDigit', noDigit, false]]);
  reads[1].reject(noDigit);
  await settle();
  assert.deepEqual(shown.at(-1), ['noDigit', noDigit, true]);
  pad.move();
  const broken = Object.assign(new Error('the recognizer stopped'), { code: 'worker_failed' });
  reads[2].reject(broken);
  await settle();
  assert.deepEqual(shown.at(-1), ['error', broken]);
});
