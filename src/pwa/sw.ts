// The service worker (built by vite-plugin-pwa's injectManifest; its own tsconfig.sw.json gives
// it the WebWorker types). Workbox precaches the core tier at install and serves it; the media
// tier (audio, fonts) is served from a cache the page fills in the background (tiers.ts), and
// from the network until then. A new version waits until the page says so (never mid-match).
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { FILL_HEADER, MEDIA_CACHE, MEDIA_LIST_MESSAGE, splitTiers, type TierEntry } from './tiers';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

const entries: TierEntry[] = self.__WB_MANIFEST.map((e) =>
  typeof e === 'string' ? { url: e, revision: null } : { url: e.url, revision: e.revision },
);
const tiers = splitTiers(entries);
const mediaUrls = new Set(tiers.media.map((e) => new URL(e.url, self.registration.scope).href));

cleanupOutdatedCaches();
precacheAndRoute(tiers.core);
// Every navigation (?kiosk=90, ?lang=en…) is the one page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
// The page's own background fill (FILL_HEADER) goes to the network and puts the file in the cache
// itself, so it works before this worker controls the page and writes each file once.
registerRoute(
  ({ url, request }) => mediaUrls.has(url.href) && !request.headers.has(FILL_HEADER),
  new CacheFirst({
    cacheName: MEDIA_CACHE,
    // The fill's plain fetch and the font's CORS-mode request differ in Origin, and servers send
    // `Vary: Origin` or `Accept-Encoding`; the files are immutable (hashed names), so any copy fits.
    matchOptions: { ignoreVary: true },
    plugins: [new CacheableResponsePlugin({ statuses: [200] })],
  }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === MEDIA_LIST_MESSAGE) event.ports[0]?.postMessage([...mediaUrls]);
  // workbox-window's messageSkipWaiting(), sent only when the player agreed to update.
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Media files of older versions (their names carry a content hash) leave with the new version.
self.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(MEDIA_CACHE);
      for (const request of await cache.keys()) {
        if (!mediaUrls.has(request.url)) await cache.delete(request);
      }
      await self.clients.claim();
    })(),
  );
});
