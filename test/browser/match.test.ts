// Whole games through the UI against the listening baseline, with the reading sped up
// (?testSpeed=N, read once at start). The test plays the local player: it reads the judge's side
// from the test hooks (which poem is being read) and clicks cards like a player would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openGame } from './harness';
import {
  clickBox,
  matchView,
  openMode,
  openWithSettings,
  playToResults,
  setupChoice,
  type Box,
  type MatchView,
} from './matchHelpers';

describe('playing against the listening baseline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('plays a whole competitive match through the UI to the results screen', async () => {
    // A beginner-strength baseline and a 12× reading: the test's clicks, slowed by a software-GL
    // page, then win some cards and lose others.
    const game = await openWithSettings(browser, '?testSpeed=12&seed=11', { difficulty: 'beginner' });
    const { page } = game;
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    await game.screenshot('match-memorization');
    await page.keyboard.press('p');
    expect((await matchView(page))?.paused).toBe(true);
    await game.screenshot('match-paused');
    await page.keyboard.press('p');
    expect((await matchView(page))?.paused).toBe(false);
    let rolls = 0;
    await playToResults(
      game,
      // Always defend its own cards, at once (this page renders at ~10 fps, so a click lands
      // seconds of reading late); attack every third card on the other side after a sound.
      (view) => view.own.includes(view.poem ?? -1) || rolls++ % 3 === 0,
      (view) => (view.own.includes(view.poem ?? -1) ? 0 : 1),
      async (readings) => {
        if (readings === 12) await game.screenshot('match-midgame');
      },
      () => game.screenshot('match-send-choice').then(() => {}),
    );
    await page.waitForSelector('.results-verdict');
    await page.waitForTimeout(300);
    await game.screenshot('match-results');
    const verdict = await page.textContent('.results-verdict');
    expect(['あなたの勝ち', '相手の勝ち', '引き分け']).toContain(verdict);
    // Every card on the field that was read has a row; a territory empties after 25+ of them.
    const rows = await page.$$eval('.results-table tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    expect(rows.length).toBeGreaterThanOrEqual(25);
    // The margin and the cards left, the opponent and the level, and per card side, ms and sends.
    expect(await page.textContent('.results-margin')).toMatch(
      /^\d+ 枚差\u3000残り札\u3000あなた \d+ 枚・相手 \d+ 枚$/,
    );
    expect(await page.textContent('.results-level')).toBe('相手：聴く相手（基準）・初級');
    const headers = await page.$$eval('.results-table th', (ths) => ths.map((th) => th.textContent));
    expect(headers).toEqual(['札', '決まり字', '陣', '取り', '時間', '決まり字から', 'お手つき', '送り札']);
    expect(rows.some((cells) => /^\d+ ms$/.test(cells[4] ?? ''))).toBe(true);
    expect(rows.some((cells) => /^(あなた|相手)→(あなた|相手)：\d+/.test(cells[7] ?? ''))).toBe(true);
    const takers = rows.map((cells) => cells[3]);
    expect(takers).toContain('あなた');
    expect(takers).toContain('相手');
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('plays a chirashi game of 100 scattered cards to the end', async () => {
    const game = await openGame(browser, { path: '?testSpeed=40&seed=5' });
    const { page } = game;
    await openMode(game, 'chirashi');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 100);
    await game.screenshot('chirashi-start');
    let n = 0;
    await playToResults(
      game,
      () => n++ % 2 === 0,
      () => 1,
      async (readings) => {
        if (readings === 30) await game.screenshot('chirashi-midgame');
      },
    );
    await page.waitForSelector('.results-verdict');
    await game.screenshot('chirashi-results');
    const rows = await page.$$eval('.results-table tbody tr', (trs) => trs.length);
    expect(rows).toBe(100);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('plays a five-colour genpei game chosen on the setup screen, in English', async () => {
    const game = await openWithSettings(browser, '?testSpeed=12&seed=3', {
      lang: 'en',
      difficulty: 'beginner',
    });
    const { page } = game;
    await openMode(game, 'casual', 'match-setup');
    await game.screenshot('match-setup-en');
    await clickBox(page, await setupChoice(page, 'genpei-青'));
    await page.waitForFunction(() => window.__utakaruta?.screen === 'match');
    // Ten a side in two rows of five; without the karafuda switch only these 20 are read.
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 20);
    expect((await matchView(page))?.toRead).toBe(20);
    // Keyboard: the first arrow focuses the bottom-left card, the next moves along its row.
    await page.keyboard.press('ArrowUp');
    const first = await page.evaluate(() =>
      (window.__utakaruta?.match as { focus: () => number | null }).focus(),
    );
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() =>
      (window.__utakaruta?.match as { focus: () => number | null }).focus(),
    );
    expect(first).not.toBeNull();
    expect(second).not.toBe(first);
    await game.screenshot('genpei-goshiki-en');
    await playToResults(
      game,
      (view) => view.own.includes(view.poem ?? -1),
      (view) => (view.own.includes(view.poem ?? -1) ? 0 : 1),
    );
    await page.waitForSelector('.results-verdict');
    await game.screenshot('genpei-results-en');
    expect(['You win', 'The opponent wins', 'Draw']).toContain(await page.textContent('.results-verdict'));
    const rows = await page.$$eval('.results-table tbody tr', (trs) => trs.length);
    expect(rows).toBeGreaterThanOrEqual(10);
    expect(rows).toBeLessThanOrEqual(20);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('reads the other 80 poems as karafuda in a five-colour game when the switch is on', async () => {
    const game = await openGame(browser, { path: '?testSpeed=12&seed=4' });
    const { page } = game;
    await openMode(game, 'casual', 'match-setup');
    type Setup = { karafuda: () => { on: boolean } & Box };
    const karafuda = () => page.evaluate(() => (window.__utakaruta?.matchSetup as Setup).karafuda());
    expect((await karafuda()).on).toBe(false);
    await clickBox(page, await karafuda());
    expect((await karafuda()).on).toBe(true);
    await page.keyboard.press('k');
    expect((await karafuda()).on).toBe(false);
    await page.keyboard.press('K');
    expect((await karafuda()).on).toBe(true);
    await page.waitForTimeout(200);
    await game.screenshot('match-setup-karafuda');
    await clickBox(page, await setupChoice(page, 'chirashi-桃'));
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 20);
    // Twenty cards on the table, a hundred poems to read.
    expect((await matchView(page))?.toRead).toBe(100);
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('fits a tablet screen and takes a card by touch', async () => {
    // Seed 5 reads one of the player's own cards first; a 3× reading leaves time to tap it.
    const game = await openWithSettings(
      browser,
      '?testSpeed=3&seed=5',
      { difficulty: 'beginner' },
      {
        width: 1024,
        height: 768,
        hasTouch: true,
      },
    );
    const { page } = game;
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    const skip = await page.evaluate(
      () => (window.__utakaruta?.match as { buttons: () => { skip: Box } }).buttons().skip,
    );
    await page.touchscreen.tap(skip.x + skip.width / 2, skip.y + skip.height / 2);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error('no card of the player was read');
      const look = await page.evaluate(() => {
        const hooks = window.__utakaruta;
        const view = (hooks?.match as { state: MatchView }).state;
        return { view, box: hooks?.cards?.find((c) => c.no === view.poem) };
      });
      if (look.view.phase === 'reading' && look.box && look.view.own.includes(look.view.poem ?? -1)) {
        await page.touchscreen.tap(look.box.x + look.box.width / 2, look.box.y + look.box.height / 2);
        await page.waitForFunction(
          (n) =>
            (window.__utakaruta?.match as { state: MatchView }).state.readings > n ||
            (window.__utakaruta?.match as { state: MatchView }).state.phase !== 'reading',
          look.view.readings,
        );
        break;
      }
      await page.waitForTimeout(5);
    }
    await page.waitForTimeout(300);
    await game.screenshot('match-tablet');
    // The tap reached the rules as the player's touch of the read card (who won it depends on
    // how fast this slow page delivered it).
    const view = (await matchView(page)) as MatchView & {
      last: { poem: number; touches: { player: number; card: number }[] };
    };
    expect(view.last.touches).toContainEqual(expect.objectContaining({ player: 0, card: view.last.poem }));
    // Esc quits to the title.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('says once, on screen, when the voice cannot be heard, and keeps reading', async () => {
    // Muted at normal speed: the reader says why and goes on as on-screen text.
    const game = await openWithSettings(browser, '?seed=8', { muted: true, memorizationSeconds: 0 });
    const { page } = game;
    await openMode(game, 'match-baseline');
    const notice = () =>
      page.evaluate(
        () => (window.__utakaruta?.match as { notice: () => string } | undefined)?.notice() ?? '',
      );
    await page.waitForFunction(
      () => ((window.__utakaruta?.match as { notice: () => string } | undefined)?.notice() ?? '') !== '',
      null,
      { timeout: 30_000 },
    );
    expect(await notice()).toMatch(/音/);
    await page.waitForFunction(
      () => (window.__utakaruta?.match as { state: MatchView }).state.heard > 3,
      null,
      {
        timeout: 60_000,
      },
    );
    await game.screenshot('match-muted-notice');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('does not grow the JS heap across three matches', async () => {
    const game = await openGame(browser, { path: '?testSpeed=80&seed=21' });
    const { page } = game;
    const cdp = await game.context.newCDPSession(page);
    const heapAfterGc = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    };
    const heaps: number[] = [];
    for (let match = 0; match < 3; match++) {
      await openMode(game, 'match-baseline');
      // A passive player: the baseline takes everything and sends back; no send is ever owed.
      await playToResults(
        game,
        () => false,
        () => 1,
      );
      await page.waitForSelector('.results-verdict');
      heaps.push(await heapAfterGc());
      await page.click('.results-buttons button:last-child');
    }
    console.log('heap after each match (MB):', heaps.map((h) => (h / 2 ** 20).toFixed(1)).join(', '));
    expect(heaps[2]).toBeLessThan((heaps[0] ?? 0) * 1.15 + 2 * 2 ** 20);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  }, 400_000);
});
