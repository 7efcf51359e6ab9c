// A small read-only window into the running game for the browser tests (Playwright), so they can
// find where a card is drawn and what screen is showing without reading pixels. Modules write
// their part; nothing in the game reads it back.
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

export function testHooks(): TestHooks {
  window.__utakaruta ??= {};
  return window.__utakaruta;
}
