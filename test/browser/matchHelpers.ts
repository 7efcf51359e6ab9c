// Playing a match through the UI in a browser test: opening the game with stored settings,
// choosing a menu entry, and playing the local player until the results screen. The player reads
// the judge's side from the test hooks (which poem is being read) and clicks like a player would.
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, serializeSettings, type Settings } from '../../src/game/settings/settings';
import { SETTINGS_STORAGE_KEY } from '../../src/game/settings/store';
import { clickBox, menuEntry, openGame, type Box, type GamePage } from './harness';

export { clickBox, type Box };
export interface MatchView {
  phase: string;
  mode: string;
  poem?: number;
  onField: number[];
  own: number[];
  pendingSend: { from: number; count: number } | null;
  readings: number;
  /** Poems still to be read. */
  toRead: number;
  heard: number;
  paused: boolean;
}

/** Opens the game with stored settings: the defaults with `overrides`, as the settings store writes them. */
export async function openWithSettings(
  browser: Browser,
  path: string,
  overrides: Partial<Settings> = {},
  viewport: { width?: number; height?: number; hasTouch?: boolean } = {},
): Promise<GamePage> {
  const game = await openGame(browser, { path, ...viewport });
  const record = serializeSettings({ ...DEFAULT_SETTINGS, ...overrides });
  await game.page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    SETTINGS_STORAGE_KEY,
    record,
  ] as const);
  await game.page.reload();
  return game;
}

export async function matchView(page: Page): Promise<MatchView | undefined> {
  return page.evaluate(() => (window.__utakaruta?.match as { state: MatchView } | undefined)?.state);
}

/** Clicks title-menu entry `id` and waits for the screen it opens (a match by default). */
export async function openMode(game: GamePage, id: string, screen = 'match'): Promise<void> {
  const { page } = game;
  await clickBox(page, await menuEntry(page, id, 30_000));
  await page.waitForFunction((wanted) => window.__utakaruta?.screen === wanted, screen, { timeout: 30_000 });
}

/** The page box of one game on the casual-game setup screen. */
export async function setupChoice(page: Page, id: string): Promise<Box> {
  const choice = await page.evaluate(
    (wanted) =>
      (window.__utakaruta?.matchSetup as { choices: () => ({ id: string } & Box)[] })
        .choices()
        .find((c) => c.id === wanted),
    id,
  );
  if (!choice) throw new Error(`no casual game ${id}`);
  return choice;
}

/**
 * Plays until the results screen. `takeChance(view)` says whether to go for the read card this
 * reading; the player always sends its first card when it owes one.
 */
export async function playToResults(
  game: GamePage,
  takeChance: (view: MatchView) => boolean,
  minHeard: (view: MatchView) => number,
  onReading: (readings: number) => Promise<void> = async () => {},
  onSendChoice: () => Promise<void> = async () => {},
): Promise<void> {
  const { page } = game;
  let sendSeen = false;
  const skip = await page.evaluate(
    () => (window.__utakaruta?.match as { buttons: () => { skip: Box } }).buttons().skip,
  );
  await clickBox(page, skip);
  let tried = -1;
  let seenReadings = 0;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('the match did not end');
    // One round trip per look: this page renders slowly, and every trip costs reading time.
    const look = await page.evaluate(() => {
      const hooks = window.__utakaruta;
      const view = (hooks?.match as { state: MatchView } | undefined)?.state;
      const box = (no: number | undefined) => hooks?.cards?.find((c) => c.no === no);
      return { screen: hooks?.screen, view, poemBox: box(view?.poem), ownBox: box(view?.own[0]) };
    });
    if (look.screen === 'results') return;
    const view = look.view;
    if (view && view.readings !== seenReadings) {
      seenReadings = view.readings;
      await onReading(seenReadings);
    }
    if (
      view?.phase === 'reading' &&
      view.poem !== undefined &&
      tried !== view.readings &&
      view.heard >= minHeard(view)
    ) {
      tried = view.readings;
      if (view.onField.includes(view.poem) && takeChance(view) && look.poemBox)
        await clickBox(page, look.poemBox);
    } else if (view?.phase === 'sending' && view.pendingSend?.from === 0 && look.ownBox) {
      if (!sendSeen) {
        sendSeen = true;
        await onSendChoice();
      }
      await clickBox(page, look.ownBox);
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(5);
  }
}
