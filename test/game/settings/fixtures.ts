// What the settings tests share: an in-memory stand-in for localStorage, and the record an
// older build wrote (ten keys, before the display and kiosk settings) — frozen as data, since it
// is what a returning player's browser holds.
import type { KeyValueStorage } from '../../../src/game/settings';

export function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

/** What the build before this change stored: these ten keys and no others. */
export const OLD_BUILD_RECORD = {
  version: 1,
  settings: {
    difficulty: 'master',
    protocol: 'beginner',
    readingRate: 1.25,
    yoinSeconds: 2,
    pauseSeconds: 1.1,
    memorizationSeconds: 300,
    lang: 'en',
    volume: 0.3,
    muted: true,
    opponentModel: 'model-42',
  },
} as const;
