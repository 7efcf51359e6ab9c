// The statistics panel end to end: two short matches against the listening Transformer are
// recorded, then seen in the history, in a card's statistics and in the coach's timeline; the
// history exports, erases and imports back; a damaged record is listed, not fatal; each drill
// is played. Screenshots at three window sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportHistory } from '../../src/game/storage/history';
import { simulateMatch } from '../../src/game/stats/synthetic';
import { launchBrowser, type GamePage } from './harness';
import { clickBox, openMode, openWithSettings, playToResults, setupChoice } from './matchHelpers';

interface Hooks {
  ready: boolean;
  tab?: string;
  matches?: number;
  damaged?: number;
  renderMs?: number;
  weakDeal?: number[];
  drill?: { kind: string; index: number; total: number; answer?: number; done?: boolean; right?: number };
}
const stats = (page: Page) => page.evaluate(() => window.__utakaruta?.stats as Hooks | undefined);

async function openStats(game: GamePage): Promise<void> {
  await openMode(game, 'stats', 'stats');
  await game.page
    .waitForFunction(() => (window.__utakaruta?.stats as Hooks | undefined)?.ready === true)
    .catch((error: unknown) => {
      throw new Error(`the statistics panel never got ready (${game.errors.join(' | ')})`, { cause: error });
    });
}

async function playShortMatch(game: GamePage, saved: number): Promise<void> {
  const { page } = game;
  await openMode(game, 'casual', 'match-setup');
  await clickBox(page, await setupChoice(page, 'chirashi-桃'));
  await page.waitForFunction(() => window.__utakaruta?.screen === 'match', null, { timeout: 60_000 });
  // Go for every other card as soon as its reading starts: the player takes some, the model the rest.
  let rolls = 0;
  await playToResults(
    game,
    () => rolls++ % 2 === 0,
    () => 0,
  );
  await page.waitForFunction((n) => Number(window.__utakaruta?.historySaved ?? 0) >= n, saved);
  await page.click('.results-buttons button:nth-child(2)');
}

describe('history, statistics, coach and drills', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('records two matches and shows them in the history, the card page and the coach', async () => {
    const game = await openWithSettings(browser, '?testSpeed=12&seed=21', { difficulty: 'beginner' });
    const { page } = game;
    await playShortMatch(game, 1);
    await playShortMatch(game, 2);

    await openStats(game);
    expect((await stats(page))?.matches).toBe(2);
    // A chart of the player's takes, or the line saying there are none yet.
    await page.waitForSelector('[data-testid=chart-matches] :is(canvas, p)');
    await game.screenshot('stats-cards');
    // Every card of the pink group was read in both matches.
    const first = await page.$eval('[data-testid=card-table] tbody tr', (tr) =>
      Number((tr as HTMLElement).dataset.poem),
    );
    await page.click(`[data-testid=card-table] button[data-card="${first}"]`);
    await page.waitForSelector('[data-testid=card-history]');
    expect(await page.$$eval('[data-testid=card-history] tbody tr', (rows) => rows.length)).toBe(2);
    expect(await page.textContent('[data-testid=card-title]')).toContain(String(first));
    await game.screenshot('stats-card');

    await page.click('[data-testid=card-history] tbody tr button');
    await page.waitForSelector('[data-testid=timeline]');
    const tracks = await page.$$eval('[data-testid=timeline] .stats-track', (t) => t.length);
    expect(tracks).toBeGreaterThanOrEqual(20);
    // The model's sure time and the deciding sound are on the tracks; the player's touches too.
    expect(await page.$$eval('.stats-track .mark.decide', (m) => m.length)).toBe(tracks);
    expect(await page.$$eval('.stats-track .mark.model', (m) => m.length)).toBeGreaterThan(10);
    expect(await page.$$eval('.stats-track .mark.you', (m) => m.length)).toBeGreaterThan(0);
    await game.screenshot('stats-coach');

    await page.click('[data-tab=history]');
    expect(await page.$$eval('[data-testid=history-table] tbody tr', (rows) => rows.length)).toBe(2);
    await game.screenshot('stats-history');

    // Export, erase, import back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    const file = await download.path();
    await page.click('[data-testid=erase]');
    await page.click('[data-testid=erase-yes]');
    await page.waitForFunction(() => (window.__utakaruta?.stats as Hooks).matches === 0);
    await page.setInputFiles('[data-testid=import-file]', file);
    await page.waitForFunction(() => (window.__utakaruta?.stats as Hooks).matches === 2);
    expect(await page.textContent('[data-testid=history-message]')).toMatch(/2/);

    // A damaged record is listed; the others still load.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('utakaruta-history');
          open.onsuccess = () => {
            const tx = open.result.transaction('matches', 'readwrite');
            tx.objectStore('matches').put({ id: 'broken', version: 1, playedAt: 'yesterday' });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.click('[data-testid=close]');
    await openStats(game);
    expect(await stats(page)).toMatchObject({ matches: 2, damaged: 1 });
    await page.click('[data-tab=history]');
    expect(await page.textContent('[data-testid=damaged]')).toContain('broken');
    await game.screenshot('stats-damaged');
    await page.click('[data-testid=delete-damaged]');
    await page.waitForFunction(() => (window.__utakaruta?.stats as Hooks).damaged === 0);

    // Drills. 札流し: answer all but the first card right.
    await page.click('[data-tab=drills]');
    await page.click('[data-testid=nagashi-start]');
    for (let i = 0; i < 20; i++) {
      const drill = (await stats(page))?.drill;
      expect(drill).toMatchObject({ kind: 'nagashi', index: i });
      const pick = i === 0 ? ((drill?.answer ?? 0) + 1) % 4 : (drill?.answer ?? 0);
      if (i === 3) await game.screenshot('stats-nagashi');
      await page.click(`[data-testid=nagashi-stage] [data-choice="${pick}"]`);
      await page.waitForFunction((n) => (window.__utakaruta?.stats as Hooks).drill?.index === n + 1, i);
    }
    expect((await stats(page))?.drill).toMatchObject({ done: true, right: 19 });
    expect(await page.textContent('[data-testid=drill-result]')).toMatch(/19 \/ 20/);

    // 聞き分け: hear, then pick the right card each time.
    await page.click('[data-testid=kikiwake-start]');
    for (let i = 0; i < 10; i++) {
      const drill = (await stats(page))?.drill;
      expect(drill).toMatchObject({ kind: 'kikiwake', index: i });
      await page.waitForFunction(
        () => (document.querySelector('[data-testid=heard]')?.textContent ?? '').length > 0,
      );
      if (i === 1) await game.screenshot('stats-kikiwake');
      await page.click(`[data-testid=kikiwake-stage] button[data-poem="${drill?.answer}"]`);
      await page.waitForFunction((n) => (window.__utakaruta?.stats as Hooks).drill?.index === n + 1, i);
    }
    expect((await stats(page))?.drill).toMatchObject({ done: true, right: 10 });
    // The clicks stayed in the panel: nothing under it (the title menu) was opened.
    expect(await page.evaluate(() => window.__utakaruta?.screen)).toBe('stats');
    await game.screenshot('stats-drills');

    // The weak-cards game: a chirashi on the dealt cards.
    const deal = (await stats(page))?.weakDeal ?? [];
    expect(deal).toHaveLength(12);
    await page.click('[data-testid=weak-start]');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'match', null, { timeout: 60_000 });
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 12);
    const onField = await page.evaluate(() =>
      window.__utakaruta?.cards?.map((c) => c.no).sort((a, b) => a - b),
    );
    expect(onField).toEqual(deal);
    await game.screenshot('stats-weak-game');
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
  }, 420_000);

  it('draws a long history: charts, habits and timelines at three window sizes', async () => {
    // Forty seeded synthetic matches of a player slow on 1-sound cards and on cards 8, 44, 77.
    const dir = mkdtempSync(join(tmpdir(), 'utakaruta-stats-'));
    const file = join(dir, 'history.json');
    const records = Array.from({ length: 40 }, (_, i) =>
      simulateMatch(i + 1, { lateMorae: 1.5 - i / 40, faultRate: 0.15, slowOn: [8, 44, 77] }),
    );
    writeFileSync(file, exportHistory(records));
    const game = await openWithSettings(browser, '?seed=3', { lang: 'en' });
    const { page } = game;
    await openStats(game);
    await page.click('[data-tab=history]');
    await page.setInputFiles('[data-testid=import-file]', file);
    await page
      .waitForFunction(() => (window.__utakaruta?.stats as Hooks).matches === 40, null, { timeout: 120_000 })
      .catch(async (error: unknown) => {
        const said = await page.textContent('[data-testid=history-message]');
        throw new Error(`the import did not end with 40 matches: ${said} ${game.errors.join(' | ')}`, {
          cause: error,
        });
      });
    rmSync(dir, { recursive: true, force: true });
    for (const [w, h] of [
      [1280, 720],
      [800, 600],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.click('[data-tab=cards]');
      await page.waitForSelector('[data-testid=chart-matches] canvas');
      await game.screenshot(w === 1280 ? 'stats-long-cards' : `stats-long-cards-${w}x${h}`);
      await page.click('[data-tab=coach]');
      await page.waitForSelector('[data-testid=timeline]');
      await game.screenshot(w === 1280 ? 'stats-long-coach' : `stats-long-coach-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    const habits = await page.$$eval('[data-habit]', (items) =>
      items.map((i) => (i as HTMLElement).dataset.habit),
    );
    expect(habits).toContain('waitOnShort');
    expect(habits.length).toBeLessThanOrEqual(3);
    // The weakest cards are the ones the simulated player was slow on.
    await page.click('[data-tab=cards]');
    const weakest = await page.$$eval('[data-testid=card-table] tbody tr', (rows) =>
      rows.slice(0, 8).map((r) => Number((r as HTMLElement).dataset.poem)),
    );
    expect(weakest.filter((no) => [8, 44, 77].includes(no)).length).toBeGreaterThanOrEqual(2);
    // A slow card the player still takes: its page charts every take.
    const slow = [8, 44, 77].find((no) => weakest.includes(no)) ?? 8;
    await page.click(`[data-testid=card-table] button[data-card="${slow}"]`);
    await page.waitForSelector('[data-testid=chart-card] canvas');
    expect(await page.$$eval('[data-testid=card-history] tbody tr', (rows) => rows.length)).toBeGreaterThan(
      5,
    );
    await game.screenshot('stats-long-card');
    expect(game.errors).toEqual([]);
  }, 300_000);
});
