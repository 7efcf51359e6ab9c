// The opponent's levels in a real match: the weakest (a listener that learnt 49 poems and commits
// on a split belief) faults, the strongest (all 100, commits when sure) does not; the level
// played is named in the match and on the results; the belief view is drawn in both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { OPPONENT_LEVELS, type LevelName } from '../../src/game/opponents/levels';
import { launchBrowser } from './harness';
import { openMode, openWithSettings, playToResults, type MatchView } from './matchHelpers';

interface Hooks {
  opponent: string;
  state: MatchView;
  belief: () => { shown: boolean; heard: number };
}

/** Plays one match passively at `level` (the opponent takes what it can); returns its faults. */
async function matchAt(browser: Browser, level: LevelName, seed: number) {
  const game = await openWithSettings(browser, `?testSpeed=20&seed=${seed}`, {
    difficulty: level,
    memorizationSeconds: 0,
  });
  const { page } = game;
  await openMode(game, 'match');
  const name = await page.evaluate(() => (window.__utakaruta?.match as Hooks).opponent);
  await page.waitForFunction(
    () => (window.__utakaruta?.match as { state: { phase: string } }).state.phase !== 'memorization',
  );
  console.log(level, 'plays', name);
  await page.keyboard.press('b');
  expect(await page.evaluate(() => (window.__utakaruta?.match as Hooks).belief().shown)).toBe(true);
  // Once, mid-reading of a card on the field with two sounds or more heard, a screenshot of the
  // belief drawn over the field (paused, so it holds still).
  let shot = false;
  await playToResults(
    game,
    () => false,
    () => 1,
    async () => {
      if (shot) return;
      const caught = await page
        .waitForFunction(
          () => {
            const hooks = window.__utakaruta?.match as Hooks;
            const { phase, poem, onField } = hooks.state;
            return phase === 'reading' && onField.includes(poem ?? -1) && hooks.belief().heard >= 2;
          },
          null,
          { timeout: 5_000, polling: 5 },
        )
        .then(() => true)
        .catch(() => false);
      if (!caught) return;
      await page.keyboard.press('p');
      await game.screenshot(`level-${level}-belief`);
      await page.keyboard.press('p');
      shot = true;
    },
  );
  expect(shot).toBe(true);
  await page.waitForSelector('.results-verdict');
  await game.screenshot(`level-${level}-results`);
  const summaries = await page.$$eval('.results-summary', (els) => els.map((e) => e.textContent ?? ''));
  const page2 = await page.content();
  const faults = Number(/お手つき (\d+)/.exec(summaries[1] ?? '')?.[1] ?? NaN);
  expect(game.errors).toEqual([]);
  expect(game.outsideRequests).toEqual([]);
  await game.context.close();
  return { name, faults, summaries, shownOnResults: page2.includes(OPPONENT_LEVELS[level].label.ja) };
}

describe('the opponent at its weakest and strongest level', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('faults at the weakest level, from what its listener does not know, and names the level', async () => {
    const weakest = await matchAt(browser, 'beginner', 11);
    console.log('beginner:', weakest.summaries);
    expect(weakest.name).toContain(OPPONENT_LEVELS.beginner.label.ja);
    expect(weakest.shownOnResults).toBe(true);
    expect(weakest.faults).toBeGreaterThan(0);
  }, 400_000);

  it('never faults at the strongest level', async () => {
    const strongest = await matchAt(browser, 'master', 11);
    console.log('master:', strongest.summaries);
    expect(strongest.name).toContain(OPPONENT_LEVELS.master.label.ja);
    expect(strongest.shownOnResults).toBe(true);
    expect(strongest.faults).toBe(0);
  }, 400_000);
});
