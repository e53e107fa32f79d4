#!/usr/bin/env node
// Assembles the page from web/ and the engine into dist/:
//   dist/index.html, dist/sw.js           plain names (the page's address, the service worker's)
//   dist/assets/<name>.<hash>.<ext>        everything else, named by content, for the precache
//   dist/scrawl.mjs, scrawl-core.mjs, scrawl.wasm, scrawl-worker.mjs, scrawl.d.ts
//                                          the npm package, under plain names, left as they are
// References between files ('./draw-pad.js', "icons/icon.svg", url(x.png)) are rewritten to
// the hashed names, leaves first, so a file's hash covers the names of what it loads. Only
// files reachable from index.html are emitted. Needs dist/scrawl-core.mjs and dist/scrawl.wasm
// (scripts/build.sh wasm). Usage: node scripts/build-web.mjs [--quiet]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { minify } from 'terser';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const DIST = path.join(ROOT, 'dist');
const ASSETS_DIR = 'assets';
const TEXT = new Set(['.html', '.css', '.js', '.mjs', '.webmanifest', '.json', '.svg']);
const quiet = process.argv.includes('--quiet');

function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else out.push(full);
  }
  return out;
}

function need(file, hint) {
  if (!fs.existsSync(file)) {
    console.error(`build-web: ${path.relative(ROOT, file)} is missing: ${hint}`);
    process.exit(1);
  }
  return file;
}

// Every file the page may load, by base name (references are matched by base name).
const sources = new Map();
function addSource(file) {
  const name = path.basename(file);
  if (sources.has(name)) throw new Error(`two files named ${name}: ${sources.get(name)} and ${file}`);
  sources.set(name, file);
}
for (const file of listFiles(WEB)) addSource(file);
const buildHint = 'run `bash scripts/build.sh wasm` first';
addSource(need(path.join(ROOT, 'wasm', 'scrawl.mjs'), 'the JS API'));
addSource(need(path.join(ROOT, 'wasm', 'scrawl-worker.mjs'), 'the worker wrapper'));
addSource(need(path.join(DIST, 'scrawl-core.mjs'), buildHint));
addSource(need(path.join(DIST, 'scrawl.wasm'), buildHint));
addSource(need(path.join(DIST, 'scrawl-core-nosimd.mjs'), buildHint));
addSource(need(path.join(DIST, 'scrawl-nosimd.wasm'), buildHint));
addSource(need(path.join(DIST, 'scrawl-trainer-core.mjs'), buildHint));
addSource(need(path.join(DIST, 'scrawl-trainer.wasm'), buildHint));
for (const f of ['scrawl-trainer.mjs', 'scrawl-samples.mjs', 'scrawl-mnist.mjs']) addSource(need(path.join(ROOT, 'wasm', f), 'the JS API'));
// Only browsers without WebAssembly SIMD load the first two, and only a person who asks Scrawl
// to learn their handwriting or to read MNIST files the rest: they are not precached (the
// reading page does not grow by them); the service worker keeps them when first fetched.
const NOT_PRECACHED = new Set([
  'scrawl-core-nosimd.mjs',
  'scrawl-nosimd.wasm',
  'learn-worker.js',
  'learn-panel.js',
  'mnist-view.js',
  'digit-pictures.js',
  'scrawl-samples.mjs',
  'scrawl-mnist.mjs',
  'scrawl-trainer.mjs',
  'scrawl-trainer-core.mjs',
  'scrawl-trainer.wasm',
]);

const ENTRIES = ['index.html', 'sw.js']; // emitted at dist/ under their own names
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hashOf = (buf) => createHash('sha256').update(buf).digest('hex');

const built = new Map(); // name -> { out (path under dist), content: Buffer }
const visiting = new Set();

function hashedName(name, content) {
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}.${hashOf(content).slice(0, 10)}${ext}`;
}

// The page's scripts are minified (terser): a third of their download. The npm package's
// files under plain names stay as written.
// Top-level names are kept, so that a module's own names (Scrawl, ScrawlWorker) stay what
// they are in the source.
const MINIFIED = new Set(['.js', '.mjs']);
const MINIFY = { module: true, ecma: 2022, mangle: { toplevel: false }, compress: { toplevel: false }, format: { comments: false } };

/** Builds one file (and, first, what it references); returns its path under dist/. */
async function build(name) {
  if (built.has(name)) return built.get(name).out;
  if (visiting.has(name)) throw new Error(`files reference each other in a circle through ${name}`);
  visiting.add(name);
  const file = sources.get(name);
  const ext = path.extname(name);
  const isEntry = ENTRIES.includes(name);
  let content = fs.readFileSync(file);
  if (TEXT.has(ext)) {
    let text = content.toString('utf8');
    if (ext === '.webmanifest') {
      // The manifest lives in assets/: its own URLs are relative to it.
      const m = JSON.parse(text);
      for (const key of ['id', 'start_url', 'scope']) if (m[key] === './') m[key] = '../';
      text = JSON.stringify(m, null, 1);
    }
    for (const other of sources.keys()) {
      if (other === name || ENTRIES.includes(other) || !text.includes(other)) continue;
      const re = new RegExp(`(["'\`(])((?:\\.{1,2}/)*(?:[\\w-]+/)*)${escape(other)}(?=["'\`)?#])`, 'g');
      if (!re.test(text)) continue;
      const target = await build(other); // e.g. assets/app.0123456789.js
      const href = isEntry ? target : `./${path.basename(target)}`;
      text = text.replace(re, (_, open) => `${open}${href}`);
    }
    if (MINIFIED.has(ext) && !isEntry) text = (await minify(text, MINIFY)).code;
    content = Buffer.from(text, 'utf8');
  }
  const out = isEntry ? name : `${ASSETS_DIR}/${hashedName(name, content)}`;
  built.set(name, { out, content });
  visiting.delete(name);
  return out;
}

await build('index.html');
const assets = [...built.entries()]
  .filter(([name]) => !NOT_PRECACHED.has(name))
  .map(([, b]) => b.out)
  .filter((o) => o.startsWith(`${ASSETS_DIR}/`))
  .sort();
const version = hashOf(Buffer.concat([built.get('index.html').content, Buffer.from(assets.join('\n'))])).slice(0, 12);

// The service worker: the version and the list of files to precache.
let sw = fs.readFileSync(sources.get('sw.js'), 'utf8');
const swBefore = sw;
sw = sw.replace(/^const VERSION = .*;$/m, `const VERSION = '${version}';`);
sw = sw.replace(/^const ASSETS = .*;$/m, `const ASSETS = ${JSON.stringify(['./', ...assets.map((a) => `./${a}`)], null, 1)};`);
if (sw === swBefore || !sw.includes(version)) throw new Error('web/sw.js must have lines `const VERSION = ...;` and `const ASSETS = ...;`');
built.set('sw.js', { out: 'sw.js', content: Buffer.from(sw, 'utf8') });

// Write: assets into a fresh folder swapped in at the end, then the plain-named files.
fs.mkdirSync(DIST, { recursive: true });
const tmpAssets = path.join(DIST, `.assets-${process.pid}`);
fs.rmSync(tmpAssets, { recursive: true, force: true });
fs.mkdirSync(tmpAssets);
for (const { out, content } of built.values())
  if (out.startsWith(`${ASSETS_DIR}/`)) fs.writeFileSync(path.join(tmpAssets, path.basename(out)), content);
const oldAssets = path.join(DIST, `.old-assets-${process.pid}`);
if (fs.existsSync(path.join(DIST, ASSETS_DIR))) fs.renameSync(path.join(DIST, ASSETS_DIR), oldAssets);
fs.renameSync(tmpAssets, path.join(DIST, ASSETS_DIR));
fs.rmSync(oldAssets, { recursive: true, force: true });

function writeAtomic(file, content) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}
writeAtomic(path.join(DIST, 'index.html'), built.get('index.html').content);
writeAtomic(path.join(DIST, 'sw.js'), built.get('sw.js').content);

// The npm package's files under plain names (build.sh copies some of these too).
for (const f of ['scrawl.mjs', 'scrawl-worker.mjs', 'scrawl.d.ts', 'scrawl-trainer.mjs', 'scrawl-samples.mjs', 'scrawl-mnist.mjs']) {
  const src = path.join(ROOT, 'wasm', f);
  if (fs.existsSync(src)) writeAtomic(path.join(DIST, f), fs.readFileSync(src));
}
// TypeScript looks for <module>.d.mts beside an .mjs file: point both modules at scrawl.d.ts.
if (fs.existsSync(path.join(ROOT, 'wasm', 'scrawl.d.ts'))) {
  writeAtomic(
    path.join(DIST, 'scrawl.d.mts'),
    "export { createScrawl, hasWasmSimd, Scrawl, ScrawlError } from './scrawl.js';\n" +
      "export type { CreateScrawlOptions, Recognition, Reading, ReadDigit, ScrawlErrorCode, Box } from './scrawl.js';\n",
  );
  writeAtomic(
    path.join(DIST, 'scrawl-worker.d.mts'),
    "export { ScrawlWorker, ScrawlError } from './scrawl.js';\n" +
      "export type { ScrawlWorkerOptions, TransferOptions, Recognition, Reading, ReadDigit, ScrawlErrorCode, Box } from './scrawl.js';\n",
  );
}

if (!quiet) {
  const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
  const rows = [...built.entries()].map(([name, { out, content }]) => [out, content.length, gz(content), NOT_PRECACHED.has(name)]);
  const w = Math.max(...rows.map((r) => r[0].length));
  let raw = 0;
  let zipped = 0;
  for (const [out, size, z, onlyWithoutSimd] of rows) {
    if (!onlyWithoutSimd) ((raw += size), (zipped += z));
    const note = onlyWithoutSimd ? '  (loaded only when needed, not precached)' : '';
    console.log(`  ${out.padEnd(w)}  ${(size / 1024).toFixed(1).padStart(7)} KB  ${(z / 1024).toFixed(1).padStart(7)} KB gzip${note}`);
  }
  console.log(`  ${'total'.padEnd(w)}  ${(raw / 1024).toFixed(1).padStart(7)} KB  ${(zipped / 1024).toFixed(1).padStart(7)} KB gzip`);
  const unused = [...sources.keys()].filter((n) => !built.has(n) && sources.get(n).startsWith(WEB));
  if (unused.length) console.log(`  not referenced from the page, left out: ${unused.join(', ')}`);
  console.log(`build-web: dist/ ready, cache version ${version}`);
}
