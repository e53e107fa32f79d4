// Scrawl's service worker: keeps every file of the page in one versioned cache so the app
// starts and recognises offline. scripts/build-web.mjs fills in VERSION and ASSETS (the
// content-hashed file names); a new build has a new VERSION, so the browser installs this
// worker again, which fills a new cache and deletes the old ones once it takes over.
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
      for (const name of await caches.keys()) if (name.startsWith('scrawl-') && name !== CACHE) await caches.delete(name);
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
      return cached ?? fetch(request);
    })(),
  );
});
