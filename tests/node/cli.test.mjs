// The native CLI as a person runs it: a line of JSON per file, an error line for each bad one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drawStrokes, mnistDir, mnistTest, nativeCli, noMnist, noReal, pngFromGray, realDir } from './helpers.mjs';

const run = (...args) => spawnSync(nativeCli, args, { encoding: 'utf8' });

test('recognize --json answers every file, errors included, and exits 1 when any failed', (t) => {
  if (!existsSync(nativeCli)) return t.skip('native CLI not built (build/native/scrawl)');
  const dir = mkdtempSync(path.join(tmpdir(), 'scrawl-cli-'));
  const one = path.join(dir, 'one.png');
  writeFileSync(one, pngFromGray(drawStrokes(120, 160, [[60, 20, 60, 140]], 12), 120, 160));
  const png = pngFromGray(drawStrokes(50, 50, [[25, 5, 25, 45]], 6), 50, 50);
  const corrupt = path.join(dir, 'corrupt.png');
  writeFileSync(corrupt, Buffer.concat([png.subarray(0, 40), Buffer.alloc(60, 7)]));
  const text = path.join(dir, 'notes.txt');
  writeFileSync(text, 'call me at 555 1234\n');
  const empty = path.join(dir, 'empty.png');
  writeFileSync(empty, '');
  const huge = path.join(dir, 'huge.png');
  const hugeBytes = Buffer.from(png);
  hugeBytes.writeUInt32BE(20000, 16);
  hugeBytes.writeUInt32BE(20000, 20);
  writeFileSync(huge, hugeBytes);
  const missing = path.join(dir, 'missing.png');

  const r = run('recognize', '--json', one, corrupt, text, empty, huge, missing);
  assert.equal(r.status, 1);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 6);
  assert.equal(lines[0].file, one);
  assert.equal(lines[0].digit, 1);
  assert.equal(lines[0].probs.length, 10);
  assert.match(lines[1].error, /PNG image is damaged or truncated/);
  assert.equal(lines[2].error, 'not an image: PNG, JPG, GIF, BMP or TGA expected');
  assert.match(lines[3].error, /empty/);
  assert.match(lines[4].error, /^image is 20000×20000; the largest accepted is/);
  assert.match(lines[5].error, /cannot open/);

  const plain = run('recognize', one);
  assert.equal(plain.status, 0);
  assert.match(plain.stdout, /one\.png: 1 \(\d+\.\d%\)/);
});

test('recognize --max-side reads a photo over the limits shrunk, and the refusal says so', (t) => {
  if (!existsSync(nativeCli)) return t.skip('native CLI not built (build/native/scrawl)');
  const dir = mkdtempSync(path.join(tmpdir(), 'scrawl-cli-'));
  // 17000×1700 (over 16384 pixels a side): a 1, 1200 pixels tall, in the middle
  const wide = path.join(dir, 'wide.png');
  writeFileSync(wide, pngFromGray(drawStrokes(17000, 1700, [[8500, 250, 8500, 1450]], 120), 17000, 1700));
  const refused = run('recognize', wide);
  assert.equal(refused.status, 1);
  assert.match(refused.stdout, /error: image is 17000×1700; .*\(--max-side 4000 reads an image of up to 200 megapixels shrunk\)$/m);
  const shrunk = run('recognize', '--max-side', '4000', wide);
  assert.equal(shrunk.status, 0, shrunk.stdout + shrunk.stderr);
  assert.match(shrunk.stdout, /wide\.png: 1 \(\d+\.\d%\)/);
  const bad = run('recognize', '--max-side', '10', wide);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--max-side takes a whole number from 64 to 16384/);
});

test('recognize --format gives each file as a field: the value, how sure of it, what does not fit', (t) => {
  if (!existsSync(nativeCli)) return t.skip('native CLI not built (build/native/scrawl)');
  const dir = mkdtempSync(path.join(tmpdir(), 'scrawl-cli-'));
  const ones = path.join(dir, 'ones.png');
  writeFileSync(
    ones,
    pngFromGray(
      drawStrokes(
        300,
        300,
        [
          [80, 30, 80, 110],
          [180, 30, 180, 110],
          [130, 180, 130, 260],
        ],
        10,
      ),
      300,
      300,
    ),
  );
  const digits = run('recognize', '--format', 'digits', ones);
  assert.equal(digits.status, 0);
  assert.match(digits.stdout, /ones\.png: 111 \(digits, \d+\.\d% sure/);
  const zip = run('recognize', '--format', 'zip', '--json', ones);
  const field = JSON.parse(zip.stdout).field;
  assert.equal(field.format, 'zip');
  assert.equal(field.value, '111');
  assert.equal(field.unsure, true);
  assert.match(field.problem, /a zip code has 5 or 9 digits; 3 digits were read/);
  const bad = run('recognize', '--format', 'iban', ones);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format: the format is 'digits', 'zip' or 'amount', not 'iban'/);
});

test('recognize reads a folder in bulk on every core, as CSV, and a stopped run resumes where it stopped', (t) => {
  if (!existsSync(nativeCli)) return t.skip('native CLI not built (build/native/scrawl)');
  const dir = mkdtempSync(path.join(tmpdir(), 'scrawl-bulk-'));
  const folder = path.join(dir, 'scans');
  mkdirSync(path.join(folder, 'more'), { recursive: true });
  const one = pngFromGray(drawStrokes(60, 80, [[30, 10, 30, 70]], 7), 60, 80);
  const seven = pngFromGray(
    drawStrokes(
      80,
      80,
      [
        [15, 12, 65, 12],
        [65, 12, 30, 70],
      ],
      7,
    ),
    80,
    80,
  );
  for (let i = 0; i < 24; i++) writeFileSync(path.join(folder, `d${String(i).padStart(2, '0')}.png`), i % 2 ? seven : one);
  writeFileSync(path.join(folder, 'more', 'bad, "quoted".png'), 'not a picture');
  writeFileSync(path.join(folder, 'notes.txt'), 'not an image file: left out');
  // Two readers at once give the lines of one, in the files' order.
  const serial = run('recognize', '--csv', '--jobs', '1', folder);
  const parallel = run('recognize', '--csv', '--jobs', '2', folder);
  assert.equal(serial.status, 1, 'one file could not be read');
  assert.equal(parallel.stdout, serial.stdout);
  const rows = serial.stdout.trim().split('\n');
  assert.equal(rows[0], 'file,text,digits,confidence,unsure,error');
  assert.equal(rows.length, 1 + 25, 'a row per image file, the .txt left out');
  assert.match(rows[1], /d00\.png","1",1,0\.\d{4},0,""$/);
  assert.match(rows[2], /d01\.png","7",1,/);
  assert.match(rows[25], /more\/bad, ""quoted""\.png","",0,,0,"not an image: PNG, JPG, GIF, BMP or TGA expected"$/);
  // A run stopped partway (its last line half written) goes on with --resume: the same file in the end.
  const out = path.join(dir, 'out.csv');
  const cut = serial.stdout.slice(0, serial.stdout.indexOf('d09.png') + 10);
  writeFileSync(out, cut);
  const resumed = run('recognize', '--csv', '--out', out, '--resume', folder);
  assert.equal(resumed.status, 1);
  assert.match(resumed.stderr, /25 of 25 read/);
  assert.equal(readFileSync(out, 'utf8'), serial.stdout);
  // JSON lines resume the same way, from a list file.
  const list = path.join(dir, 'list.txt');
  writeFileSync(
    list,
    rows
      .slice(1, 6)
      .map((r) => r.slice(1, r.indexOf('",')))
      .join('\n') + '\n',
  );
  const json = path.join(dir, 'out.jsonl');
  const full = run('recognize', '--json', '--list', list);
  // A line not of ours (a bad escape, as a hand edit might leave) names no file: read again, no crash.
  writeFileSync(json, full.stdout.split('\n').slice(0, 2).join('\n') + '\n{"file":"\\uZZZZ.png"}\n{"file":"');
  assert.equal(run('recognize', '--json', '--list', list, '--out', json, '--resume').status, 0);
  const lines = readFileSync(json, 'utf8').split('\n');
  assert.equal([...lines.slice(0, 2), ...lines.slice(3)].join('\n'), full.stdout);
  assert.match(run('recognize', '--resume', folder).stderr, /--resume needs --out FILE/);
  assert.match(run('recognize', '--jobs', '0', folder).stderr, /--jobs takes a whole number from 1 to 256/);
  assert.match(run('recognize', '--list', path.join(dir, 'nothing.txt')).stderr, /cannot open the list of files/);
});

test('every command has --help, and mistakes are explained', (t) => {
  if (!existsSync(nativeCli)) return t.skip('native CLI not built (build/native/scrawl)');
  for (const cmd of ['recognize', 'train', 'eval', 'card']) {
    const r = run(cmd, '--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, new RegExp(`usage: scrawl ${cmd}`));
  }
  const bad = run('train', '--epochs', 'many');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--epochs must be a whole number/);
  const unknown = run('frobnicate');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  const noData = spawnSync(nativeCli, ['eval', '--mnist', '/nonexistent'], { encoding: 'utf8' });
  assert.equal(noData.status, 2);
  assert.match(noData.stderr, /not found in '\/nonexistent'/);
});

test('a model chosen on validation (train --no-test) gets its test figures and card from `card`', (t) => {
  if (!existsSync(nativeCli)) return t.skip('native CLI not built (build/native/scrawl)');
  if (!mnistTest()) return t.skip(noMnist);
  const dir = mkdtempSync(path.join(tmpdir(), 'scrawl-card-'));
  const weights = path.join(dir, 'tiny.bin');
  const arch = 'conv 4 3; relu; maxpool 2; gap; dense 10; softmax';
  // prettier-ignore
  const trained = run('train', '--mnist', mnistDir, '--limit', '2000', '--epochs', '1', '--settle-epochs', '1', '--arch', arch,
    '--no-test', '--out', weights);
  assert.equal(trained.status, 0, trained.stderr);
  assert.match(trained.stdout, /^validation \d+\.\d\d%\n$/);
  assert.ok(!existsSync(path.join(dir, 'MODEL.md')), 'no card before the test set is read');

  const card = run('card', weights, '--mnist', mnistDir);
  assert.equal(card.status, 0, card.stderr);
  assert.match(card.stdout, /^validation \d+\.\d\d%, MNIST test \d+\.\d\d%, ECE \d+\.\d\d%\n$/);
  const text = readFileSync(path.join(dir, 'MODEL.md'), 'utf8');
  // The command reproduces the weights: options kept (the architecture quoted), output options dropped.
  assert.ok(
    text.includes(`build/native/scrawl train --mnist ${mnistDir} --limit 2000 --epochs 1 --settle-epochs 1 --arch '${arch}'\n`),
    text,
  );
  const command = text.match(/```sh\n(.*)\n```/)[1];
  assert.doesNotMatch(command, /--no-test|--out/);
  assert.match(text, /in the last 1 epochs half of the digits are shown undistorted/);
  assert.match(text, /\| rotated 12° \| \d+\.\d\d% \|/);

  writeFileSync(path.join(dir, 'junk.bin'), 'not weights');
  const junk = run('card', path.join(dir, 'junk.bin'));
  assert.equal(junk.status, 2);
  assert.match(junk.stderr, /junk\.bin/);
});

test('eval --real reads real writers as canvases, photos and scans, and images of no digit, with a gallery', (t) => {
  if (!existsSync(nativeCli)) return t.skip('native CLI not built (build/native/scrawl)');
  if (!existsSync(path.join(realDir, 'strokes'))) return t.skip(noReal);
  const gallery = mkdtempSync(path.join(tmpdir(), 'scrawl-real-'));
  const r = run('eval', '--real', realDir, '--writers', 'develop', '--limit', '30', '--none', '30', '--gallery', gallery);
  assert.equal(r.status, 0, r.stderr);
  for (const kind of ['canvas', 'photo', 'scan']) {
    const row = r.stdout.match(new RegExp(`^${kind}\\s+(\\d+)\\s+([\\d.]+)%\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)`, 'm'));
    assert.ok(row, `no ${kind} row in:\n${r.stdout}`);
    const [, n, right, empty, split, wrong] = row.map(Number);
    assert.equal(n, 30);
    assert.equal(Math.round((right / 100) * n) + empty + split + wrong, n, `${kind}: every image counted once`);
  }
  assert.match(r.stdout, /^none\s+30\s+[\d.]+%\s+any digit on/m);
  assert.ok(existsSync(path.join(gallery, 'index.md')));
  const some = run('eval', '--real', realDir, '--writers', 'develop', '--limit', '12', '--kinds', 'scan,crop');
  assert.equal(some.status, 0, some.stderr);
  assert.match(some.stdout, /^scan\s+12\s/m);
  assert.match(some.stdout, /^crop\s+12\s/m);
  assert.doesNotMatch(some.stdout, /^(canvas|photo|none)\s/m);
  const bad = run('eval', '--real', realDir, '--writers', 'everyone');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--writers is 'report' or 'develop'/);
  const missing = run('eval', '--real', '/nonexistent');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no strokes\/ folder in \/nonexistent/);
});
