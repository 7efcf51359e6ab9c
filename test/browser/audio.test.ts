// The reader in the built game (listening practice panel): the recorded voice really plays in
// Chromium, the text follows it mora by mora, and without the clips the reading goes on on
// screen at the same rhythm after one notice.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, type GamePage } from './harness';
import { createRng } from '../../src/data/random';
import { POEMS } from '../../src/data/poems';
import { toMorae } from '../../src/data/mora';

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
interface ListenHooks {
  state: string;
  events: { type: string; text: string; atMs: number; lagMs: number }[];
  notices: string[];
  peakLevel: number;
}
interface Timings {
  clips: Record<string, { morae: { mora: string; startMs: number }[] }>;
}

const SEED = 7;
const FIRST = createRng(SEED).shuffle(Array.from({ length: 100 }, (_, i) => i + 1))[0]!;
const TIMINGS = JSON.parse(readFileSync('assets/audio/timings.json', 'utf8')) as Timings;
const FIRST_CLIP = TIMINGS.clips[`${String(FIRST).padStart(3, '0')}-kami`]!;

const hooks = (page: Page) => page.evaluate(() => window.__utakaruta?.listen as ListenHooks | undefined);

/** Opens the panel from the title menu and reads up to the end of the first upper half. */
async function startReading(game: GamePage): Promise<void> {
  const { page } = game;
  await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 30_000 });
  const menu = await page.evaluate(() => (window.__utakaruta?.title as { menu: () => Box[] }).menu());
  const entry = menu.find((m) => m.id === 'listen');
  expect(entry).toBeDefined();
  await page.mouse.click(entry!.x + entry!.width / 2, entry!.y + entry!.height / 2);
  await page.waitForSelector('[data-panel="listen"]');
  await page.uncheck('[data-testid="joka"]');
  await page.click('[data-testid="start"]');
  await page.waitForFunction(
    () => (window.__utakaruta?.listen as ListenHooks | undefined)?.state === 'awaitingSettle',
    null,
    { timeout: 30_000 },
  );
}

/** Each mora's time after the first one, as heard in the page and as written in timings.json. */
function rhythm(h: ListenHooks): { heard: number[]; recorded: number[] } {
  const morae = h.events.filter((e) => e.type === 'mora');
  const t0 = morae[0]!.atMs;
  const r0 = FIRST_CLIP.morae[0]!.startMs;
  // The page learns of each mora a little after it is heard (timers, a busy main thread: on a
  // loaded 2-core machine with software WebGL this reached 1.5 s). The bound catches a reader
  // that emits at the wrong moment (a whole half late), not a slow machine.
  const lags = morae.map((e) => e.lagMs).sort((a, b) => a - b);
  console.log(
    `mora event lag: median ${lags[lags.length >> 1]!.toFixed(1)} ms, max ${lags.at(-1)!.toFixed(1)} ms`,
  );
  for (const lag of lags) expect(lag).toBeLessThan(2500);
  return {
    heard: morae.map((e) => e.atMs - t0),
    recorded: FIRST_CLIP.morae.map((m) => m.startMs - r0),
  };
}

describe('the reader in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('plays the recorded upper half aloud and shows it mora by mora in time with the voice', async () => {
    const game = await openGame(browser, { path: `?seed=${SEED}` });
    await startReading(game);
    const h = (await hooks(game.page))!;
    await game.screenshot('audio-listen-upper-half');

    const expected = toMorae(POEMS[FIRST - 1]!.kami.reading);
    expect(h.events.filter((e) => e.type === 'mora').map((e) => e.text)).toEqual(expected);
    // On screen, phrases are spaced as the poem is written.
    const phrases = POEMS[FIRST - 1]!.kami.reading.split(' ');
    expect(await game.page.textContent('[data-testid="line"]')).toBe(phrases.join('\u3000'));
    expect(h.notices).toEqual([]);
    // Real sound went through Howler's output: the analyser saw the voice.
    expect(h.peakLevel).toBeGreaterThan(0.01);
    const { heard, recorded } = rhythm(h);
    heard.forEach((t, i) => expect(Math.abs(t - recorded[i]!)).toBeLessThan(25));

    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('without the audio files, says so once and still reads on screen at the same rhythm', async () => {
    const game = await openGame(browser, { path: `?seed=${SEED}` });
    await game.page.route(/\.(opus|mp3)(\?.*)?$/, (route) => route.abort());
    await startReading(game);
    const h = (await hooks(game.page))!;
    await game.screenshot('audio-listen-missing');

    expect(h.notices).toEqual(['missing']);
    expect(await game.page.isVisible('.notice')).toBe(true);
    expect(h.peakLevel).toBe(0);
    const { heard, recorded } = rhythm(h);
    expect(heard).toHaveLength(recorded.length);
    heard.forEach((t, i) => expect(Math.abs(t - recorded[i]!)).toBeLessThan(25));

    // The next unit (lower half, 余韻, pause, next upper half) reads on without a second notice.
    await game.page.click('[data-testid="next"]');
    await game.page.waitForFunction(
      () =>
        (window.__utakaruta?.listen as ListenHooks).events.filter((e) => e.type === 'awaitingSettle')
          .length === 2,
      null,
      { timeout: 40_000 },
    );
    expect((await hooks(game.page))!.notices).toEqual(['missing']);
    // Aborted clip requests are the only console errors.
    expect(game.errors.every((e) => /Failed to load resource|ERR_FAILED/.test(e))).toBe(true);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('with autoplay blocked, gives one notice and reads on screen at the same rhythm', async () => {
    // Headless Chromium grants every page a user activation, so the autoplay policy cannot be
    // met for real here; this stands in for it: every AudioContext starts suspended and
    // resume() does nothing, which is what a browser that blocks autoplay shows the page.
    const game = await openGame(browser, { path: `?seed=${SEED}` });
    await game.page.addInitScript(() => {
      const Real = window.AudioContext;
      window.AudioContext = class extends Real {
        constructor(options?: AudioContextOptions) {
          super(options);
          void this.suspend();
        }
        override resume(): Promise<void> {
          return Promise.resolve();
        }
      };
    });
    await game.page.reload();
    await startReading(game);
    const h = (await hooks(game.page))!;
    await game.screenshot('audio-listen-blocked');
    expect(h.notices).toEqual(['blocked']);
    expect(h.peakLevel).toBe(0);
    const { heard, recorded } = rhythm(h);
    heard.forEach((t, i) => expect(Math.abs(t - recorded[i]!)).toBeLessThan(25));
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('at ?testSpeed=20 keeps the order of the morae and their relative timing', async () => {
    const game = await openGame(browser, { path: `?seed=${SEED}&testSpeed=20` });
    await startReading(game);
    const h = (await hooks(game.page))!;
    const { heard, recorded } = rhythm(h);
    expect(h.events.filter((e) => e.type === 'mora').map((e) => e.text)).toEqual(
      FIRST_CLIP.morae.map((m) => m.mora),
    );
    heard.forEach((t, i) => expect(Math.abs(t - recorded[i]! / 20)).toBeLessThan(5));
    expect(h.notices).toEqual([]);
    expect(game.errors).toEqual([]);
    await game.context.close();
  });
});
