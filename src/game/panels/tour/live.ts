// Small helpers for tour scripts: a caption made from the lab's state when its step comes up
// (and again on a language change), and a wait for a condition of the lab that a stop ends.
import type { Bilingual } from '../../i18n';
import { abortableWait } from './runner';

/** A caption whose words are made from the lab's real values each time it is shown. */
export function liveCaption(make: () => Bilingual): Bilingual {
  return {
    get ja() {
      return make().ja;
    },
    get en() {
      return make().en;
    },
  };
}

/** Resolves once `condition()` holds, looking every `pollMs`; rejects when `signal` aborts. */
export async function waitUntil(condition: () => boolean, signal: AbortSignal, pollMs = 50): Promise<void> {
  while (!condition()) await abortableWait(pollMs, signal);
}
