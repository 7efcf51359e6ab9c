// What the guided-tour tests share: the tour's hooks (src/game/panels/tour/tourView.ts), a wait
// for a given step of a given pass, and the end of a tour when its lab closes.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { GamePage } from './harness';
import type { TourHooks } from '../../src/game/panels/tour/tourView';

export type { TourHooks };

export const tourHooks = (page: Page) =>
  page.evaluate(() => window.__utakaruta?.tour as TourHooks | undefined);

/** Waits until the tour shows (pass, step) or later, and returns its hooks then: still playing. */
export async function waitForStep(
  page: Page,
  pass: number,
  step: number,
  timeout = 60_000,
): Promise<TourHooks> {
  await page.waitForFunction(
    ([p, s]) => {
      const t = window.__utakaruta?.tour as TourHooks | undefined;
      return t !== undefined && (t.state !== 'playing' || t.pass > p! || (t.pass === p && t.step >= s!));
    },
    [pass, step],
    { timeout },
  );
  const hooks = (await tourHooks(page))!;
  expect(hooks.error).toBeUndefined();
  expect(hooks.state).toBe('playing');
  return hooks;
}

/**
 * Esc closes the lab `panel` while its tour plays: the key is the visitor's (the tour hands over),
 * then the panel goes, and nothing plays on — the tour's state holds still and its bar is gone.
 */
export async function expectTourEndsOnEsc(game: GamePage, panel: string): Promise<void> {
  const { page } = game;
  await page.keyboard.press('Escape');
  await page.waitForSelector(`[data-panel="${panel}"]`, { state: 'detached' });
  const after = (await tourHooks(page))!;
  expect(['handed-over', 'stopped']).toContain(after.state);
  await page.waitForTimeout(1500);
  expect(await tourHooks(page)).toEqual(after);
  expect(await page.locator('.tour-bar').count()).toBe(0);
}
