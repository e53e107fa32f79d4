// Scrawl's service worker: keeps every file of the page in one versioned cache so the app
// starts and recognises offline. scripts/build-web.mjs fills in VERSION and ASSETS (the
// content-hashed file names); a new build has a new VERSION, so the browser installs this
// worker again, which fills a new cache once it takes over and keeps the one before it only:
// a page still open from the last version may need its own files again (a recognizer it
// restarts loads them anew), and their hashed names cannot be mixed up with this version's.
const VERSION = 'dev';
const ASSETS = ['./'];

const CACHE = `scrawl-${VERSION}`;
const SHELL = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // 'no-cache' so a stale copy in the HTTP cache is never taken for the new version of the page.
      await cache.addAll(ASSETS.map((url) => new Request(url, { cache: url.endsWith('/') ? 'no-cache' : 'default' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // caches.keys() lists the caches in the order they were made: the last old one stays.
      const old = (await caches.keys()).filter((name) => name.startsWith('scrawl-') && name !== CACHE);
      for (const name of old.slice(0, -1)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      let cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      // Any page in scope (/, /index.html, /?q) is the app shell; files are only themselves.
      if (!cached && request.mode === 'navigate' && /(\/|\.html|\/[^./]*)$/.test(new URL(request.url).pathname))
        cached = await cache.match(SHELL);
      // A file of the version before, for a page still open from it (never the app shell).
      if (!cached && request.mode !== 'navigate') cached = await caches.match(request);
      if (cached) return cached;
      const response = await fetch(request);
      // A file of this version's that is not precached (the engine for browsers without
      // WebAssembly SIMD): kept once fetched, so that such a browser reads offline too. Files
      // under assets/ are named by their content, so a kept one is never stale.
      if (response.ok && new URL(request.url).pathname.includes('/assets/')) await cache.put(request, response.clone());
      return response;
    })(),
  );
});
