// The page's sentences about a digit: "an 8", never "a 8".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aDigit, spokenReading, spokenResult } from '../../web/result-view.js';

test('every digit gets the article it is said with', () => {
  const said = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(aDigit);
  assert.deepEqual(said, ['a 0', 'a 1', 'a 2', 'a 3', 'a 4', 'a 5', 'a 6', 'a 7', 'an 8', 'a 9']);
});

test('an unsure digit is said as maybe, with how sure', () => {
  assert.equal(spokenResult({ digit: 8, confidence: 0.614, unsure: true }), 'maybe eight, 61 percent sure');
});

test('a number is said digit by digit, its point, comma and dash in words', () => {
  const digits = (text) => [...text].filter((c) => c >= '0' && c <= '9').map((c) => ({ digit: +c, unsure: false }));
  assert.equal(spokenReading({ text: '3.975,00-', digits: digits('397500') }), 'three point nine seven five comma zero zero dash');
  assert.equal(
    spokenReading({ text: '8558=', digits: [...digits('855'), { digit: 8, unsure: true }] }),
    'maybe eight five five eight equals',
  );
});
