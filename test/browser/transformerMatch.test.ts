// Whole competitive matches against the default opponent, the listening Transformer, with the
// reading sped up: it loads the shipped checkpoint in the page, plays to the results screen, lets
// a visitor watch its belief, and leaves no tensor behind from one match to the next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { kimariji } from '../../src/data/kimariji';
import { OPPONENT_LEVELS } from '../../src/game/opponents/levels';
import { OPPONENT_NOTICES } from '../../src/game/opponents/registry';
import { ALL_CARDS, createMatch } from '../../src/game/rules';
import { launchBrowser } from './harness';
import { clickBox, openMode, openWithSettings, playToResults, type Box } from './matchHelpers';

interface MatchHooks {
  opponent: string;
  belief: () => {
    shown: boolean;
    heard: number;
    candidates: { poem: number; p: number; karafuda: boolean }[];
  };
  buttons: () => { belief: Box };
}

async function tensorCount(page: Page): Promise<number> {
  return page.evaluate(() => (window.__utakaruta?.tensorCount as () => number)());
}

describe('playing against the listening Transformer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows its belief over the field while a poem is read, from the panel button or B', async () => {
    // A slow reading (2×), so a screenshot lands between the first sound and the kimariji.
    // The strongest level never faults, so no send is owed to it while the test waits for a reading.
    const game = await openWithSettings(browser, '?testSpeed=2&seed=5', {
      memorizationSeconds: 0,
      difficulty: 'master',
    });
    const { page } = game;
    await openMode(game, 'match');
    await page.waitForFunction(() => (window.__utakaruta?.match as MatchHooks).buttons().belief.width > 0);
    await page.waitForFunction(
      () => (window.__utakaruta?.match as { state: { phase: string } }).state.phase !== 'memorization',
    );
    await clickBox(
      page,
      await page.evaluate(() => (window.__utakaruta?.match as MatchHooks).buttons().belief),
    );
    expect(await page.evaluate(() => (window.__utakaruta?.match as MatchHooks).belief().shown)).toBe(true);
    // Mid-reading, early: one sound or two heard of a poem whose card is on the field, so the
    // belief is still spread over the cards that fit those sounds (a karafuda draws nothing).
    await page.waitForFunction(
      () => {
        const hooks = window.__utakaruta?.match as MatchHooks & {
          state: { phase: string; poem?: number; onField: number[] };
        };
        const { phase, poem, onField } = hooks.state;
        const heard = hooks.belief().heard;
        return phase === 'reading' && onField.includes(poem ?? -1) && heard >= 1 && heard <= 2;
      },
      null,
      { timeout: 120_000, polling: 10 },
    );
    await page.keyboard.press('p');
    await game.screenshot('transformer-belief');
    await page.keyboard.press('p');
    await page.keyboard.press('b');
    expect(await page.evaluate(() => (window.__utakaruta?.match as MatchHooks).belief().shown)).toBe(false);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  }, 150_000);

  it('lists its top candidates with percentages, a karafuda marked as such', async () => {
    // A seed whose first poem is a karafuda: the wash has no card to light, the list still shows it.
    let seed = 1;
    const deal = (n: number) => createMatch({ mode: 'competitive', seed: n });
    while (deal(seed).dealt.includes(deal(seed).queue[0] ?? 0)) seed++;
    const poem = deal(seed).queue[0] as number;
    const length = kimariji(poem, ALL_CARDS).length;
    const game = await openWithSettings(browser, `?testSpeed=2&seed=${seed}`, { memorizationSeconds: 0 });
    const { page } = game;
    await openMode(game, 'match');
    await page.waitForFunction(
      () => (window.__utakaruta?.match as { state: { phase: string } }).state.phase !== 'memorization',
    );
    await page.waitForFunction(() => (window.__utakaruta?.match as MatchHooks).buttons().belief.width > 0);
    await page.keyboard.press('b');
    await page.waitForFunction(
      (n) => (window.__utakaruta?.match as MatchHooks).belief().heard >= n,
      length + 1,
      { timeout: 120_000, polling: 10 },
    );
    await page.keyboard.press('p');
    const belief = await page.evaluate(() => (window.__utakaruta?.match as MatchHooks).belief());
    console.log(`karafuda ${poem}, kimariji ${length} sounds:`, JSON.stringify(belief.candidates));
    expect(belief.candidates[0]).toMatchObject({ poem, karafuda: true });
    expect(belief.candidates[0]?.p ?? 0).toBeGreaterThan(0.5);
    await game.screenshot('transformer-belief-karafuda');
    expect(game.errors).toEqual([]);
    await game.context.close();
  }, 150_000);

  it('plays the shipped model, and says so, when the saved model in the settings is gone', async () => {
    const game = await openWithSettings(browser, '?testSpeed=2&seed=5', { opponentModel: 'deleted-model' });
    const { page } = game;
    await openMode(game, 'match');
    const match = await page.evaluate(() => {
      const hooks = window.__utakaruta?.match as MatchHooks & { notice: () => string };
      return { opponent: hooks.opponent, notice: hooks.notice() };
    });
    expect(match).toEqual({
      opponent: `聴く Transformer・${OPPONENT_LEVELS.intermediate.label.ja}`,
      notice: OPPONENT_NOTICES.savedModelFailed.ja,
    });
    await game.screenshot('transformer-saved-model-missing');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('plays two competitive matches to the end and keeps no tensors between them', async () => {
    const game = await openWithSettings(browser, '?testSpeed=30&seed=11', { difficulty: 'beginner' });
    const { page } = game;
    await openMode(game, 'match');
    expect(await page.evaluate(() => (window.__utakaruta?.match as MatchHooks).opponent)).toBe(
      `聴く Transformer・${OPPONENT_LEVELS.beginner.label.ja}`,
    );
    let rolls = 0;
    let tensorsMidMatch = 0;
    await playToResults(
      game,
      // Defend its own cards at once, attack every third card on the other side.
      (view) => view.own.includes(view.poem ?? -1) || rolls++ % 3 === 0,
      (view) => (view.own.includes(view.poem ?? -1) ? 0 : 1),
      async (readings) => {
        if (readings === 3) tensorsMidMatch = await tensorCount(page);
      },
    );
    await page.waitForSelector('.results-verdict');
    await game.screenshot('transformer-results');
    // The count sees the model's weights while it plays, so "no growth" below means something.
    expect(tensorsMidMatch).toBeGreaterThan(0);
    const takers = await page.$$eval('.results-table tbody tr', (trs) =>
      trs.map((tr) => tr.querySelectorAll('td')[3]?.textContent ?? ''),
    );
    expect(takers.length).toBeGreaterThanOrEqual(25);
    expect(takers).toContain('相手');
    const afterFirst = await tensorCount(page);

    // A second match, played passively: the Transformer takes every card.
    await page.click('.results-buttons button:first-child');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'match', null, { timeout: 30_000 });
    await playToResults(
      game,
      () => false,
      () => 1,
    );
    await page.waitForSelector('.results-verdict');
    const afterSecond = await tensorCount(page);
    console.log('tensors after each match:', afterFirst, afterSecond);
    expect(afterSecond).toBeLessThanOrEqual(afterFirst);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  }, 180_000);
});
