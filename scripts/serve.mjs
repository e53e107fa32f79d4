#!/usr/bin/env node
// A tiny static server for dist/ on 127.0.0.1 (PORT, default 8080): the right MIME types
// (application/wasm included), gzip when the browser takes it, the page's
// Content-Security-Policy as a header, long caching for content-hashed assets.
//   node scripts/serve.mjs            or, in code: const server = await serve({ port: 0 })
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Same as the page's <meta http-equiv>, plus what only a header can say. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "worker-src 'self'; manifest-src 'self'; font-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.mts': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.svg', '.txt', '.csv', '.ts', '.mts']);

/**
 * Creates the server (not yet listening). options.root: the folder served (default dist/).
 * server.stats counts what was sent: { requests, bytes, paths } (bytes: bodies as sent,
 * compressed; paths: the last 50 requested, to say which one came).
 */
export function createServer({ root = path.join(ROOT, 'dist'), log = false } = {}) {
  root = path.resolve(root);
  const gzCache = new Map(); // file -> { key, body }
  const stats = { requests: 0, bytes: 0, paths: [] };

  const server = http.createServer((req, res) => {
    stats.requests++;
    stats.paths.push(req.url);
    if (stats.paths.length > 50) stats.paths.shift();
    const send = (status, headers, body) => {
      res.writeHead(status, {
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Opener-Policy': 'same-origin',
        ...headers,
      });
      if (body && req.method !== 'HEAD') {
        stats.bytes += body.length;
        res.end(body);
      } else {
        res.end();
      }
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    const fail = (status, text) =>
      send(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, Buffer.from(text));

    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'only GET and HEAD');
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return fail(400, 'bad path');
    }
    let file = path.join(root, path.normalize(urlPath));
    if (file !== root && !file.startsWith(root + path.sep)) return fail(403, 'outside the served folder');
    let stat;
    try {
      stat = fs.statSync(file);
      if (stat.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = fs.statSync(file);
      }
    } catch {
      return fail(404, 'not found');
    }
    if (!stat.isFile() || path.basename(file).startsWith('.')) return fail(404, 'not found');

    const ext = path.extname(file).toLowerCase();
    const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
    const hashed = /\/assets\/[^/]+\.[0-9a-f]{10}\.[a-z0-9]+$/.test(urlPath);
    const headers = {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
    };
    if (req.headers['if-none-match'] === etag) return send(304, headers);

    let body = fs.readFileSync(file);
    if (COMPRESSIBLE.has(ext)) {
      headers.Vary = 'Accept-Encoding';
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        let cached = gzCache.get(file);
        if (!cached || cached.key !== etag) {
          cached = { key: etag, body: zlib.gzipSync(body, { level: 9 }) };
          gzCache.set(file, cached);
        }
        body = cached.body;
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = String(body.length);
    send(200, headers, body);
  });
  server.stats = stats;
  return server;
}

/** Starts serving on 127.0.0.1; port 0 picks a free one. Resolves with the server; server.url is its address. */
export function serve({ port = 8080, ...options } = {}) {
  const server = createServer(options);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.url = `http://127.0.0.1:${server.address().port}/`;
      resolve(server);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const root = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(root, 'index.html')))
    console.warn(`warning: ${path.join(root, 'index.html')} does not exist yet: run npm run build`);
  serve({ port, root, log: !!process.env.LOG }).then(
    (server) => console.log(`Scrawl at ${server.url} (serving ${path.relative(process.cwd(), root) || '.'}; Ctrl+C stops)`),
    (err) => {
      console.error(`serve: ${err.message}`);
      process.exit(1);
    },
  );
}
