// The page's small pure modules: who holds the result panel (web/panel-owner.js) and what the
// page makes of the engine's answers (web/readings.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holds, PanelOwner } from '../../web/panel-owner.js';
import { digitBoxes, scaleBoxes, summarize } from '../../web/readings.js';

test('taking the result panel aborts the previous holder, whoever it was', () => {
  const panel = new PanelOwner();
  assert.equal(holds(null), false, 'never claimed');
  const pad = panel.claim();
  assert.equal(holds(pad), true);
  const upload = panel.claim();
  assert.equal(pad.aborted, true);
  assert.equal(holds(upload), true);
  const again = panel.claim();
  assert.equal(upload.aborted, true);
  assert.equal(holds(again), true);
});

const reading = {
  text: '17',
  lines: 1,
  digits: [
    { digit: 1, confidence: 0.99, unsure: false, box: [10, 20, 30, 40] },
    { digit: 7, confidence: 0.62, unsure: true, box: [50, 20, 30, 40] },
  ],
};

test('a reading is summed up by its text and its least sure digit; one digit by itself', () => {
  assert.deepEqual(summarize(reading), { value: '17', confidence: 0.62, unsure: true });
  assert.deepEqual(summarize({ digit: 0, confidence: 0.97, unsure: false, probs: [], input: [] }), {
    value: '0',
    confidence: 0.97,
    unsure: false,
  });
});

test('each digit of a reading gets a box, labelled with a "?" when unsure, scaled with its image', () => {
  const boxes = digitBoxes(reading);
  assert.deepEqual(boxes, [
    { box: [10, 20, 30, 40], label: '1', unsure: false },
    { box: [50, 20, 30, 40], label: '7?', unsure: true },
  ]);
  assert.deepEqual(
    scaleBoxes(boxes, 2, 0.5).map((b) => b.box),
    [
      [20, 10, 60, 20],
      [100, 10, 60, 20],
    ],
  );
  assert.deepEqual(boxes[0].box, [10, 20, 30, 40], 'the boxes scaled are copies');
});
