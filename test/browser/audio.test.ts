// The reader in the built game (listening practice panel): the recorded voice really plays in
// Chromium, the text follows it mora by mora, and without the clips the reading goes on on
// screen at the same rhythm after one notice.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openFromMenu, openGame, type GamePage } from './harness';
import { createRng } from '../../src/data/random';
import { POEMS } from '../../src/data/poems';
import { toMorae } from '../../src/data/mora';

interface ListenHooks {
  state: string;
  events: { type: string; text: string; atMs: number; lagMs: number }[];
  notices: string[];
  peakLevel: number;
}
interface Timings {
  clips: Record<string, { durationMs: number; morae: { mora: string; startMs: number }[] }>;
}
/** What an AudioBufferSourceNode.start() call put on the AudioContext clock (see CLOCK_PROBE). */
interface Start {
  when: number;
  offset: number;
  rate: number;
  bufferMs: number;
  /** performance.now() at which context time `when` reaches the speaker. */
  heardAtMs: number;
}

const SEED = 7;
const FIRST = createRng(SEED).shuffle(Array.from({ length: 100 }, (_, i) => i + 1))[0]!;
const TIMINGS = JSON.parse(readFileSync('assets/audio/timings.json', 'utf8')) as Timings;
const FIRST_CLIP = TIMINGS.clips[`${String(FIRST).padStart(3, '0')}-kami`]!;

const hooks = (page: Page) => page.evaluate(() => window.__utakaruta?.listen as ListenHooks | undefined);

/** Opens the panel from the title menu and reads up to the end of the first upper half. */
async function startReading(game: GamePage): Promise<void> {
  const { page } = game;
  await openFromMenu(page, 'listen');
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

/**
 * Records every AudioBufferSourceNode.start(): when it was scheduled on the context clock, and
 * when that moment reaches the speaker on the page's clock (the context's output timestamp
 * pairs the two). The truth the reader's stamps are checked against.
 */
function CLOCK_PROBE(): void {
  const starts: unknown[] = [];
  (window as unknown as { __starts: unknown[] }).__starts = starts;
  const real = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (
    this: AudioBufferSourceNode,
    when = 0,
    offset = 0,
    ...rest
  ) {
    const ctx = this.context as AudioContext;
    const at = Math.max(when, ctx.currentTime);
    const stamp = ctx.getOutputTimestamp();
    starts.push({
      when: at,
      offset,
      rate: this.playbackRate.value,
      bufferMs: (this.buffer?.duration ?? 0) * 1000,
      heardAtMs: (stamp.performanceTime ?? 0) + (at - (stamp.contextTime ?? 0)) * 1000,
    });
    return real.call(this, when, offset, ...(rest as []));
  } as typeof real;
}

/** performance.now() times at which the line's text changed: when each mora was shown. */
function REVEAL_PROBE(): void {
  const shown: { at: number; text: string }[] = [];
  (window as unknown as { __shown: typeof shown }).__shown = shown;
  new MutationObserver(() => {
    const line = document.querySelector('[data-testid="line"]');
    if (line) shown.push({ at: performance.now(), text: line.textContent ?? '' });
  }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
}

/** Each mora's stamp against when the clip scheduled on the clock makes it heard. */
async function clockCheck(game: GamePage, label: string): Promise<void> {
  const { page } = game;
  await page.evaluate(CLOCK_PROBE);
  await page.evaluate(REVEAL_PROBE);
  await startReading(game);
  const h = (await hooks(page))!;
  const starts = await page.evaluate(() => (window as unknown as { __starts: Start[] }).__starts);
  const start = starts.find((s) => Math.abs(s.bufferMs - FIRST_CLIP.durationMs) < 30);
  expect(start, `${label}: the upper half was scheduled on the AudioContext`).toBeDefined();
  const morae = h.events.filter((e) => e.type === 'mora');
  const heard = FIRST_CLIP.morae.map(
    (m) => start!.heardAtMs + ((m.startMs / 1000 - start!.offset) * 1000) / start!.rate,
  );
  const errors = morae.map((e, i) => e.atMs - heard[i]!);
  console.log(
    `${label}: mora stamps − AudioContext clock: ${errors.map((e) => e.toFixed(1)).join(' ')} ms; ` +
      `decoded ${start!.bufferMs.toFixed(1)} ms for ${FIRST_CLIP.durationMs} ms recorded`,
  );
  expect(morae).toHaveLength(FIRST_CLIP.morae.length);
  for (const error of errors) expect(Math.abs(error)).toBeLessThan(20);
  // The decoded clip is as long as the recorded one: the codec's delay and padding are trimmed
  // (for MP3, from LAME's gapless header; without it Chromium decoded ~50 ms more, all ahead of
  // the voice), so the timings fit Opus and MP3 alike.
  expect(Math.abs(start!.bufferMs - FIRST_CLIP.durationMs)).toBeLessThan(5);
  // The text never shows a mora before it is heard (it follows the same stamps).
  const shown = await page.evaluate(
    () => (window as unknown as { __shown: { at: number; text: string }[] }).__shown,
  );
  const target = POEMS[FIRST - 1]!.kami.reading.replace(/\s/g, '');
  FIRST_CLIP.morae.forEach((_, i) => {
    const prefix = toMorae(target)
      .slice(0, i + 1)
      .join('');
    const first = shown.find((s) => s.text.replace(/\s/g, '').startsWith(prefix));
    expect(first, `${label}: mora ${i} shown`).toBeDefined();
    expect(first!.at - heard[i]!, `${label}: mora ${i} shown before it was heard`).toBeGreaterThan(-20);
  });
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

  it('stamps every mora on the AudioContext clock within 20 ms (Opus)', async () => {
    const game = await openGame(browser, { path: `?seed=${SEED}` });
    await clockCheck(game, 'Opus');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('stamps every mora on the AudioContext clock within 20 ms on the MP3 path (Safari, iPad)', async () => {
    const game = await openGame(browser, { path: `?seed=${SEED}` });
    // A browser that cannot use the Opus file gets the MP3 copy.
    await game.page.route(/\.opus(\?.*)?$/, (route) => route.abort());
    await clockCheck(game, 'MP3');
    expect(game.errors.every((e) => /Failed to load resource|ERR_FAILED/.test(e))).toBe(true);
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
