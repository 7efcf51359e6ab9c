// The tongue-twister mode in the built game: opened from the title menu, it loads the speaker
// (WASM), says a tongue twister, slips horizontally and vertically with labelled errors, takes a
// romaji sentence, refuses bad input while keeping the last result, and says a sentence 100
// times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clickTitleLanguage, launchBrowser, openGame, type GamePage } from './harness';
import { openSpeech, setPressure } from './speechHelpers';

interface SpeechHooks {
  ready: boolean;
  backend?: string;
  intended?: string;
  spoken?: string;
  errors?: { class: string; type: string; hasSource?: boolean }[];
  problem?: string | null;
  kanjiReading?: string | null;
  timings: number[];
  distribution?: { erroneous: number; horizontal: number; vertical: number; unrelated: number };
}

const hooks = (page: Page) => page.evaluate(() => window.__utakaruta?.speech as SpeechHooks | undefined);

/**
 * Says the current sentence again until an error of `cls` shows (the speaker samples); with
 * `withSource`, until one whose intruder came from a known place in the sentence and landed (it gets
 * an arrow).
 */
async function untilError(
  page: Page,
  cls: 'horizontal' | 'vertical',
  withSource = false,
): Promise<SpeechHooks> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const h = (await hooks(page))!;
    // An omission has no intruder that landed anywhere, so it gets no arrow.
    const arrowed = (e: { hasSource?: boolean; type: string }) => e.hasSource && e.type !== 'omission';
    if (h.errors?.some((e) => e.class === cls && (!withSource || arrowed(e)))) return h;
    await page.click('.speech-panel button.again');
  }
  throw new Error(`no ${cls} error in 30 sayings`);
}

describe('the tongue-twister mode', () => {
  let browser: Browser;
  let game: GamePage;
  beforeAll(async () => {
    browser = await launchBrowser();
    game = await openGame(browser);
  });
  afterAll(async () => {
    await game.context.close();
    await browser.close();
  });

  it('opens from the title menu and loads the speaker on WASM', async () => {
    const { page } = game;
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title');
    await openSpeech(page, 60_000);
    expect((await hooks(page))?.backend).toBe('wasm');
  });

  it('says a tongue twister and slips horizontally, with labelled errors and an arrow', async () => {
    const { page } = game;
    await page.click('.speech-list button.sentence >> nth=0');
    await page.check('input[name="speech-mode"][value="horizontal"]');
    await setPressure(page, 100);
    const h = await untilError(page, 'horizontal', true);
    expect(h.spoken).not.toBe(h.intended);
    expect(await page.locator('.error-labels li.err').first().isVisible()).toBe(true);
    expect(await page.locator('.speech-row.spoken .mora.err').count()).toBeGreaterThan(0);
    // Arrows are drawn on the next animation frame, once the morae are laid out.
    await expect.poll(() => page.locator('svg.arrows path.arrow').count()).toBeGreaterThan(0);
    expect(await page.locator('.heat canvas').boundingBox()).not.toBeNull();
    await game.screenshot('speech-horizontal');
  });

  it('slips vertically with a competitor from outside the sentence', async () => {
    const { page } = game;
    await page.click('.speech-tabs button[data-source="everyday"]');
    await page.click('.speech-list button.sentence >> nth=0');
    await page.check('input[name="speech-mode"][value="vertical"]');
    const h = await untilError(page, 'vertical');
    expect(h.errors?.length).toBeGreaterThan(0);
    expect(await page.locator('.error-labels li.err[data-class="vertical"]').first().isVisible()).toBe(true);
    await game.screenshot('speech-vertical');
  });

  it('says a sentence typed in romaji', async () => {
    const { page } = game;
    await page.fill('.speech-form input[name="sentence"]', 'namamugi namagome namatamago');
    await page.click('.speech-form button[type="submit"]');
    await page.waitForFunction(
      () => (window.__utakaruta?.speech as SpeechHooks).intended === 'なまむぎなまごめなまたまご',
    );
    await game.screenshot('speech-romaji');
  });

  it('reads a sentence typed in kanji with the dictionary shipped in the build, and says how', async () => {
    const { page } = game;
    await page.fill('.speech-form input[name="sentence"]', '東京特許許可局');
    await page.click('.speech-form button[type="submit"]');
    await page.waitForFunction(
      () => (window.__utakaruta?.speech as SpeechHooks).intended === 'とうきょうとっきょきょかきょく',
      undefined,
      { timeout: 60_000 },
    );
    expect((await hooks(page))?.kanjiReading).toBe('とうきょう とっきょ きょかきょく');
    expect(await page.locator('.speech-form .kanji-reading').textContent()).toContain('東京特許許可局 →');
    await game.screenshot('speech-kanji');
    // A word the dictionary cannot read is quoted back; the last result stays.
    await page.fill('.speech-form input[name="sentence"]', '𠮷野家');
    await page.click('.speech-form button[type="submit"]');
    await page.waitForFunction(
      () => (window.__utakaruta?.speech as SpeechHooks).problem === 'kanji-unreadable',
    );
    expect(await page.locator('.speech-form .error').textContent()).toContain('𠮷');
    expect((await hooks(page))?.intended).toBe('とうきょうとっきょきょかきょく');
  });

  it('refuses bad input with a message and keeps the last result', async () => {
    const { page } = game;
    const before = await hooks(page);
    for (const [text, code] of [
      ['', 'empty'],
      ['なまむぎ🍺', 'emoji'],
      ['hello world', 'not-romaji'],
      ['ゐゑ', 'unknown-characters'],
      ['あいうえお'.repeat(10), 'too-long'],
    ] as const) {
      await page.fill('.speech-form input[name="sentence"]', text);
      await page.click('.speech-form button[type="submit"]');
      const h = await hooks(page);
      expect(h?.problem).toBe(code);
      expect(h?.intended).toBe(before?.intended);
      expect(h?.spoken).toBe(before?.spoken);
      expect(await page.locator('.speech-form .error').isVisible()).toBe(true);
    }
    await game.screenshot('speech-bad-input');
  });

  it('says it 100 times and draws the distribution of error types', async () => {
    const { page } = game;
    await page.click('.speech-tabs button[data-source="twister"]');
    await page.click('.speech-list button.sentence >> nth=0');
    await page.check('input[name="speech-mode"][value="horizontal"]');
    await setPressure(page, 45);
    await page.click('.speech-panel button.hundred');
    await page.waitForFunction(() => (window.__utakaruta?.speech as SpeechHooks).distribution !== undefined);
    const h = (await hooks(page))!;
    expect(h.distribution!.erroneous).toBeGreaterThan(5);
    // Sampled freely: the class comes from the weights (untrained slip weights say mostly
    // morae from outside the sentence, and fail this).
    expect(h.distribution!.horizontal).toBeGreaterThan(h.distribution!.vertical + h.distribution!.unrelated);
    expect(await page.locator('.distribution .dist-row').first().isVisible()).toBe(true);
    await game.screenshot('speech-hundred');

    await page.check('input[name="speech-mode"][value="vertical"]');
    // At the default knob: higher up, slips crowd and the alignment merges them into long
    // regions of mixed material.
    await setPressure(page, 30);
    await page.click('.speech-panel button.hundred');
    await page.waitForFunction((before) => {
      const d = (window.__utakaruta?.speech as SpeechHooks).distribution;
      return d !== undefined && JSON.stringify(d) !== before;
    }, JSON.stringify(h.distribution));
    const v = (await hooks(page))!;
    expect(v.distribution!.vertical).toBeGreaterThan(v.distribution!.horizontal);
    // Vertical means a competitor with a reason: untrained weights' outside morae are mostly
    // unrelated (78 % of their errors in bench:speech), the trained model's mostly not.
    expect(v.distribution!.vertical).toBeGreaterThan(v.distribution!.unrelated);
    await game.screenshot('speech-hundred-vertical');
  });

  it('offers the output mask only as a labelled teaching view, off by default', async () => {
    const { page } = game;
    const mask = page.locator('.speech-panel input[name="teaching-mask"]');
    expect(await mask.isChecked()).toBe(false);
    expect(await page.locator('.speech-panel .teaching-note').isVisible()).toBe(false);
    await mask.check();
    expect(await page.locator('.speech-panel .teaching-note').isVisible()).toBe(true);
    await mask.uncheck();
    expect(await page.locator('.speech-panel .teaching-note').isVisible()).toBe(false);
  });

  it('reads romaji with macrons', async () => {
    const { page } = game;
    await page.fill('.speech-form input[name="sentence"]', 'tōkyō tokkyo kyokakyoku');
    await page.click('.speech-form button[type="submit"]');
    await page.waitForFunction(
      () => (window.__utakaruta?.speech as SpeechHooks).intended === 'とうきょうとっきょきょかきょく',
    );
  });

  it('says corrupted sentences one after another, timing each, with no error and no request out', async () => {
    const { page } = game;
    for (let k = 0; k < 20; k++) await page.click('.speech-panel button.again');
    const timings = [...(await hooks(page))!.timings].sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)]!;
    console.log(
      `browser (WASM) median per corrupted sentence: ${median.toFixed(1)} ms over ${timings.length}`,
    );
    // The speed target (under 100 ms a sentence) lives in `npm run bench:speech`.
    expect(timings.length).toBeGreaterThanOrEqual(20);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
  });

  it('shows English labels when the language is English', async () => {
    const { page } = game;
    await page.click('.speech-header button.close');
    await page.waitForSelector('.speech-panel', { state: 'detached' });
    await clickTitleLanguage(page, 'en');
    await openSpeech(page);
    expect(await page.locator('.speech-header h1').textContent()).toContain('Tongue twisters');
    expect(await page.locator('.speech-panel button.hundred').textContent()).toBe('Say it 100 times');
    // Romaji under the kana, and each error in plain words.
    expect(await page.locator('.speech-row.intended .mora[data-romaji]').count()).toBeGreaterThan(0);
    await page.check('input[name="speech-mode"][value="horizontal"]');
    await setPressure(page, 100);
    await untilError(page, 'horizontal');
    const plain = await page.locator('.error-labels li.err .plain').first().textContent();
    expect(plain).toMatch(/sentence/);
    await game.screenshot('speech-english');
    expect(game.errors).toEqual([]);
  });
});
