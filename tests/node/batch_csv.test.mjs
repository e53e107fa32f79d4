// The batch's CSV as a spreadsheet opens it: text kept as written, no formula run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchCsv, csvText } from '../../web/batch.js';

test('a cell a spreadsheet would run as a formula is kept as text', () => {
  assert.equal(csvText('=cmd|"/c calc"!A1.png'), `"'=cmd|""/c calc""!A1.png"`);
  for (const lead of ['+', '-', '@', '\t', '\r']) assert.ok(csvText(`${lead}1`).startsWith(`"'${lead}`), JSON.stringify(lead));
  assert.equal(csvText('scan-7.png'), '"scan-7.png"');
});

test('a zip code keeps its leading zero, and each row says how many digits were read', () => {
  const csv = batchCsv([
    { name: 'zip.jpg', value: '02139', confidence: 0.97123, unsure: false, error: '' },
    { name: 'two lines.png', value: '12\n34', confidence: 0.5, unsure: true, error: '' },
    { name: 'notes.txt', value: '', confidence: null, unsure: false, error: 'Not an image', code: 'bad_image' },
  ]);
  assert.ok(csv.startsWith('\uFEFF'));
  assert.deepEqual(csv.slice(1).split('\r\n'), [
    'file,text,digits,confidence,unsure,error,value',
    '"zip.jpg","02139",5,0.9712,false,"","02139"',
    '"two lines.png","12\n34",4,0.5000,true,"","12\n34"',
    '"notes.txt","",,,,"Not an image",""',
    '',
  ]);
});

test('read as an amount: the text as written, and the value normalised', () => {
  const csv = batchCsv([
    { name: 'cheque.png', value: '3975.00', written: '3.975,00', confidence: 0.9, unsure: false, error: '' },
    {
      name: 'odd.png',
      value: '25441',
      written: '2.5441',
      confidence: 0.9,
      unsure: true,
      problem: 'the points or commas do not group the digits in threes',
      error: '',
    },
  ]);
  assert.deepEqual(csv.slice(1).split('\r\n').slice(1, 3), [
    '"cheque.png","3.975,00",6,0.9000,false,"","3975.00"',
    '"odd.png","2.5441",5,0.9000,true,"","25441"',
  ]);
});
