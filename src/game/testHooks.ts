// A small read-only window into the running game for the browser tests (Playwright), so they can
// find where a card is drawn and what screen is showing without reading pixels. Modules write
// their part; nothing in the game reads it back.
//
// Only the test build has it: `npm start` and `npm run build` compile it out (the `__TEST_HOOKS__`
// build flag, set by test/browser/global-setup.ts), so nobody reads the poem being read, the
// opponent's belief or the cards' places from devtools. There `testHooks()` hands out a fresh
// object that nothing keeps, so the modules writing to it need no flag of their own.
export interface DrawnCard {
  readonly no: number;
  /** Bounding box in page (CSS) pixels, ready for page.mouse.click. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface TestHooks {
  /** Key of the active Phaser scene or DOM panel. */
  screen?: string;
  /** Cards currently drawn on the canvas. */
  cards?: readonly DrawnCard[];
  /** Anything else a module wants the tests to see. */
  [key: string]: unknown;
}

declare global {
  interface Window {
    __utakaruta?: TestHooks;
  }
}

/** True in the browser tests' build (and in vitest); false in every build a player gets. */
export const TEST_BUILD: boolean = typeof __TEST_HOOKS__ !== 'undefined' && __TEST_HOOKS__;

export function testHooks(): TestHooks {
  if (!TEST_BUILD) return {};
  window.__utakaruta ??= {};
  return window.__utakaruta;
}

/** The ?testSpeed=N factor of the page URL; 1 when absent or not a positive number, and always
 * 1 outside the test build. */
export function testSpeedFromUrl(search: string = globalThis.location?.search ?? ''): number {
  if (!TEST_BUILD) return 1;
  const value = Number(new URLSearchParams(search).get('testSpeed'));
  return Number.isFinite(value) && value > 0 ? value : 1;
}
