// The installable offline copy in a real browser: after one visit with the service worker on,
// the network goes off (context.setOffline), the page reloads, and the whole game still works —
// a match to the results screen with the voice and the listening model, and every lab (settings
// and training, listening practice, tongue twisters, the Dell model, progress). No request may
// fail while offline: whatever the game fetched had to come from the offline copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, serializeSettings } from '../../src/game/settings/settings';
import { SETTINGS_STORAGE_KEY } from '../../src/game/settings/store';
import { MEDIA_CACHE } from '../../src/pwa/tiers';
import { launchBrowser, openFromMenu, openGame, type GamePage } from './harness';
import { openMode, playToResults } from './matchHelpers';

interface OfflineHooks {
  state: { kind: string; done?: number; total?: number };
  updateWaiting: boolean;
  shown: boolean;
  line: string;
}

const offline = (page: Page) => page.evaluate(() => window.__utakaruta?.offline as OfflineHooks | undefined);

async function toTitle(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForSelector('.panel', { state: 'detached', timeout: 10_000 });
  await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 30_000 });
}

describe('the offline copy', () => {
  let browser: Browser;
  let game: GamePage;
  const failed: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    game = await openGame(browser, { path: '?testSpeed=16&seed=7', serviceWorkers: 'allow' });
    game.page.on('requestfailed', (request) => failed.push(request.url()));
    await game.page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      SETTINGS_STORAGE_KEY,
      serializeSettings({ ...DEFAULT_SETTINGS, memorizationSeconds: 0 }),
    ] as const);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('installs, saves the voice and the font in the background with progress, and says when it is ready', async () => {
    const { page } = game;
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
    await page
      .waitForFunction(
        () => (window.__utakaruta?.offline as OfflineHooks | undefined)?.state.kind === 'filling',
        null,
        { timeout: 60_000, polling: 20 },
      )
      .catch(async (e: unknown) => {
        console.log('DEBUG', JSON.stringify(await offline(page)), game.errors);
        throw e;
      });
    const filling = await offline(page);
    expect(filling?.shown).toBe(true);
    expect(filling?.line).toMatch(/保存中 \d+ %/);
    await game.screenshot('offline-filling');
    await page.waitForFunction(
      () => (window.__utakaruta?.offline as OfflineHooks | undefined)?.state.kind === 'ready',
      null,
      { timeout: 150_000 },
    );
    expect((await offline(page))?.line).toBe('ネットなしでも遊べます');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // Both audio formats and every font subset are in the media cache.
    const media = await page.evaluate(async (name) => {
      const keys = await (await caches.open(name)).keys();
      const count = (ext: string) => keys.filter((k) => k.url.endsWith(ext)).length;
      return { opus: count('.opus'), mp3: count('.mp3'), woff2: count('.woff2') };
    }, MEDIA_CACHE);
    expect(media.opus).toBe(202);
    expect(media.mp3).toBe(202);
    expect(media.woff2).toBeGreaterThan(100);
    await game.screenshot('offline-ready');
  });

  it('reloads with the network off and plays a match to the results with the voice and the model', async () => {
    const { page, context } = game;
    await context.setOffline(true);
    failed.length = 0;
    await page.reload();
    await openMode(game, 'match');
    // Decodes one clip of each format from the offline copy, as the reader would.
    const decoded = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      const keys = (await cache.keys()).map((k) => k.url);
      const ctx = new AudioContext();
      const out: Record<string, number> = {};
      for (const ext of ['.opus', '.mp3']) {
        const url = keys.find((k) => k.endsWith(ext))!;
        const buffer = await ctx.decodeAudioData(await (await fetch(url)).arrayBuffer());
        out[ext] = buffer.duration;
      }
      await ctx.close();
      return out;
    }, MEDIA_CACHE);
    expect(decoded['.opus']).toBeGreaterThan(0.5);
    expect(decoded['.mp3']).toBeGreaterThan(0.5);
    let rolls = 0;
    let voice = { clips: 0, notice: '' };
    await playToResults(
      game,
      (view) => view.own.includes(view.poem ?? -1) || rolls++ % 3 === 0,
      () => 1,
      async (readings) => {
        if (readings !== 4) return;
        voice = await page.evaluate(() => {
          const match = window.__utakaruta?.match as { clips: () => string[]; notice: () => string };
          return { clips: match.clips().length, notice: match.notice() };
        });
      },
    );
    await page.waitForSelector('.results-verdict');
    await game.screenshot('offline-results');
    // The reader started the joka and the first poems' clips, with no "audio could not be loaded".
    expect(voice.clips).toBeGreaterThanOrEqual(4);
    expect(voice.notice).toBe('');
    expect([...new Set(failed.map((u) => u.replace(/^.*\//, '')))].slice(0, 12)).toEqual([]);
    expect(game.errors).toEqual([]);
  }, 300_000);

  it('opens every lab offline: training runs an epoch on WASM, the speaker talks, the Dell model runs', async () => {
    const { page } = game;
    failed.length = 0;
    await page.reload();
    // Settings, and one epoch of training in its worker on WASM.
    await openFromMenu(page, 'settings');
    await page.waitForFunction(() => window.__utakaruta?.settingsReady === true, null, { timeout: 30_000 });
    await page.click('[data-tab=training]');
    await page.selectOption('select[name=preset]', 'talk');
    await page.selectOption('select[name=backend]', 'wasm');
    await page.fill('input[name=epochs]', '1');
    await page.click('[data-testid=start]');
    await page.waitForFunction(
      () => ['done', 'failed'].includes(String(window.__utakaruta?.trainingState)),
      null,
      { timeout: 240_000 },
    );
    expect(await page.evaluate(() => window.__utakaruta?.trainingState)).toBe('done');
    await game.screenshot('offline-training');
    await toTitle(page);
    // Listening practice.
    await openFromMenu(page, 'listen');
    await toTitle(page);
    // Tongue twisters: the speaker checkpoints load on WASM.
    await openFromMenu(page, 'speech');
    await page.waitForFunction(
      () => (window.__utakaruta?.speech as { ready?: boolean } | undefined)?.ready === true,
      null,
      { timeout: 120_000 },
    );
    await toTitle(page);
    // The Dell lab opens on a run made in its worker.
    await openFromMenu(page, 'dell');
    await page.waitForFunction(
      () => (window.__utakaruta?.dell as { lastRun?: unknown } | undefined)?.lastRun !== undefined,
      null,
      { timeout: 120_000 },
    );
    await game.screenshot('offline-dell');
    await toTitle(page);
    // Progress: the match played offline is in the history.
    await openMode(game, 'stats', 'stats');
    await page.waitForFunction(
      () => (window.__utakaruta?.stats as { ready?: boolean } | undefined)?.ready === true,
      null,
      { timeout: 60_000 },
    );
    expect(await page.evaluate(() => (window.__utakaruta?.stats as { matches: number }).matches)).toBe(1);
    expect([...new Set(failed.map((u) => u.replace(/^.*\//, '')))].slice(0, 12)).toEqual([]);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
  }, 420_000);
});
