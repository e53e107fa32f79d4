// The page's sentences about a digit: "an 8", never "a 8".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aDigit, spokenResult } from '../../web/result-view.js';

test('every digit gets the article it is said with', () => {
  const said = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(aDigit);
  assert.deepEqual(said, ['a 0', 'a 1', 'a 2', 'a 3', 'a 4', 'a 5', 'a 6', 'a 7', 'an 8', 'a 9']);
});

test('an unsure digit is said as maybe, with how sure', () => {
  assert.equal(spokenResult({ digit: 8, confidence: 0.614, unsure: true }), 'maybe eight, 61 percent sure');
});
