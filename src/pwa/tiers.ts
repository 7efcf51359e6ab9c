// What the offline copy holds, in two tiers, shared by the service worker and the page.
// - core: the page, every script and style (lazy chunks and workers too), the tfjs wasm binaries,
//   the checkpoints and data. The service worker installs only once all of it is cached, so a
//   match can start offline as soon as it is installed. About 5 MB.
// - media: the reading's audio, the font's subsets and the kanji dictionary of the tongue-twister
//   lab (src/speech/kanjiBrowser.ts). About 38 MB, fetched by the page in the background after
//   the install, with progress shown; until then they come from the network. Audio first (what a
//   match needs), the format this browser plays before the other, the dictionary last.

/** Cache Storage name of the media tier (the core tier lives in Workbox's precache). */
export const MEDIA_CACHE = 'utakaruta-media-v1';

/** Message from the page asking the service worker for the media tier's URLs. */
export const MEDIA_LIST_MESSAGE = 'utakaruta:media-list';

/** Marks the page's background fetches of the media tier (the worker lets them through). */
export const FILL_HEADER = 'x-utakaruta-fill';

export interface TierEntry {
  readonly url: string;
  readonly revision: string | null;
}

export type Tier = 'core' | 'media';

export function tierOf(url: string): Tier {
  return /\.(?:mp3|opus|woff2|gz)(?:$|[?#])/.test(url) ? 'media' : 'core';
}

export function splitTiers(entries: readonly TierEntry[]): Record<Tier, TierEntry[]> {
  const tiers: Record<Tier, TierEntry[]> = { core: [], media: [] };
  for (const entry of entries) tiers[tierOf(entry.url)].push(entry);
  return tiers;
}

/**
 * The order the page fetches the media tier in: audio this browser decodes first (a match reads
 * every poem), then the font, then the other audio format (kept so the copy works whichever
 * format a browser ends up decoding), and the kanji dictionary last (only typed kanji need it).
 */
export function mediaOrder(urls: readonly string[], preferred: 'opus' | 'mp3'): string[] {
  const rank = (url: string): number => {
    if (url.endsWith(`.${preferred}`)) return 0;
    if (url.endsWith('.woff2')) return 1;
    if (url.endsWith('.gz')) return 3;
    return 2;
  };
  return [...urls].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
