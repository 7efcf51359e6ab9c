// What the guided-tour tests share: the tour's hooks (src/game/panels/tour/tourView.ts) and a
// wait for a given step of a given pass.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
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
