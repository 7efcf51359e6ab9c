// The page's side of the offline copy: registers the service worker (built games only), fills the
// media tier in the background (tiers.ts) and says how far it got, and holds a new version until
// the player agrees to it. No DOM of its own: src/game/offline/notice.ts shows what it reports.
import { Workbox } from 'workbox-window';
import { FILL_HEADER, MEDIA_CACHE, MEDIA_LIST_MESSAGE, mediaOrder } from './tiers';

export type OfflineState =
  /** No service worker here (a dev server, an old browser, a private window that refuses it). */
  | { readonly kind: 'unavailable' }
  /** The core tier is being cached (the worker is installing). */
  | { readonly kind: 'installing' }
  /** The media tier is being fetched: `done` of `total` files, `bytes` fetched this visit. */
  | { readonly kind: 'filling'; readonly done: number; readonly total: number; readonly bytes: number }
  /** Everything is cached: the game works with the network off. */
  | { readonly kind: 'ready'; readonly total: number }
  /** Some media files could not be fetched (offline mid-fill); they are tried again next visit. */
  | { readonly kind: 'partial'; readonly done: number; readonly total: number };

export interface OfflineCopy {
  readonly state: OfflineState;
  /** A newer version is installed and waits for `applyUpdate()`. */
  readonly updateWaiting: boolean;
  /** Calls `listener` now and on every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Activates the waiting version and reloads the page into it. */
  applyUpdate(): void;
}

const PARALLEL_FETCHES = 4;

class ServiceWorkerCopy implements OfflineCopy {
  state: OfflineState = { kind: 'installing' };
  updateWaiting = false;
  private readonly listeners = new Set<() => void>();
  private readonly wb: Workbox;
  private filling = false;

  constructor(url: string) {
    this.wb = new Workbox(url, { scope: './', type: 'classic' });
    this.wb.addEventListener('waiting', () => {
      this.updateWaiting = true;
      this.changed();
    });
    // Reload only after the player's consent (applyUpdate), never because another tab updated.
    this.wb.addEventListener('controlling', () => {
      if (this.applying) window.location.reload();
    });
    this.wb.addEventListener('activated', () => void this.fillMedia());
  }

  private applying = false;

  async start(): Promise<void> {
    try {
      const registration = await this.wb.register();
      if (!registration) throw new Error('not registered');
      if (registration.active) void this.fillMedia();
    } catch {
      this.state = { kind: 'unavailable' };
      this.changed();
    }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    listener();
    return () => this.listeners.delete(listener);
  }

  applyUpdate(): void {
    if (!this.updateWaiting) return;
    this.applying = true;
    this.wb.messageSkipWaiting();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Fetches the media files not cached yet, a few at a time, reporting each. */
  private async fillMedia(): Promise<void> {
    if (this.filling) return;
    this.filling = true;
    try {
      const listed = (await this.wb.messageSW({ type: MEDIA_LIST_MESSAGE })) as unknown;
      const urls = Array.isArray(listed) ? listed.filter((u): u is string => typeof u === 'string') : [];
      const cache = await caches.open(MEDIA_CACHE);
      const cached = new Set((await cache.keys()).map((request) => request.url));
      const missing = mediaOrder(
        urls.filter((url) => !cached.has(url)),
        preferredAudio(),
      );
      const total = urls.length;
      let done = total - missing.length;
      let bytes = 0;
      let failed = 0;
      const report = () => {
        this.state =
          done + failed < total
            ? { kind: 'filling', done, total, bytes }
            : failed > 0
              ? { kind: 'partial', done, total }
              : { kind: 'ready', total };
        this.changed();
      };
      report();
      if (missing.length > 0) void navigator.storage?.persist?.().catch(() => false);
      let next = 0;
      const lane = async () => {
        while (next < missing.length) {
          const url = missing[next++] as string;
          try {
            const response = await fetch(url, { headers: { [FILL_HEADER]: '1' } });
            if (!response.ok) throw new Error(`${response.status}`);
            bytes += Number(response.headers.get('content-length') ?? 0);
            await cache.put(url, response);
            done++;
          } catch {
            failed++;
          }
          report();
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_FETCHES }, lane));
    } catch {
      this.state = { kind: 'partial', done: 0, total: 0 };
      this.changed();
    } finally {
      this.filling = false;
    }
  }
}

/** The reading's audio format this browser plays (backend.ts tries Opus, then MP3). */
function preferredAudio(): 'opus' | 'mp3' {
  const probe = document.createElement('audio');
  return probe.canPlayType('audio/ogg; codecs="opus"') ? 'opus' : 'mp3';
}

const UNAVAILABLE: OfflineCopy = {
  state: { kind: 'unavailable' },
  updateWaiting: false,
  subscribe(listener) {
    listener();
    return () => undefined;
  },
  applyUpdate: () => undefined,
};

let copy: OfflineCopy | undefined;

/** Starts the offline copy once (a built game in a browser with service workers). */
export function offlineCopy(): OfflineCopy {
  if (copy) return copy;
  if (import.meta.env.MODE !== 'production' || !('serviceWorker' in navigator) || !('caches' in window)) {
    copy = UNAVAILABLE;
    return copy;
  }
  const worker = new ServiceWorkerCopy('./sw.js');
  copy = worker;
  void worker.start();
  return copy;
}
