// Word-level slips in the tongue-twister mode: the word stage (src/speech/words.ts) makes a
// whole-word slip in each mode — another word of the sentence intruding (horizontal), a word of
// the same category from outside it (vertical) — and the panel labels it with its stage, the
// competitor and why it won, in Japanese and in English with romaji, at two window sizes; an
// intruder from outside the sentence with no reason to compete is labelled unrelated (無関係).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clickTitleLanguage, launchBrowser, openGame, type GamePage } from './harness';
import { openSpeech, setPressure } from './speechHelpers';

interface SpeechError {
  class: string;
  type: string;
  unit: string;
  relation: string;
  stage: string;
}
interface SpeechHooks {
  ready: boolean;
  intended?: string;
  planned?: string;
  spoken?: string;
  errors?: SpeechError[];
}

const hooks = (page: Page) => page.evaluate(() => window.__utakaruta?.speech as SpeechHooks | undefined);

/** Says the sentence again until an error that `wanted` accepts shows. */
async function untilSlip(page: Page, wanted: (e: SpeechError) => boolean): Promise<SpeechHooks> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const h = (await hooks(page))!;
    if (h.errors?.some(wanted)) return h;
    await page.click('.speech-panel button.again');
  }
  throw new Error('no such slip in 60 sayings');
}

/** Says the sentence again until the word stage made a word-unit error that `wanted` accepts. */
const untilWordSlip = (page: Page, wanted: (e: SpeechError) => boolean): Promise<SpeechHooks> =>
  untilSlip(page, (e) => e.stage === 'word' && e.unit === 'word' && wanted(e));

/** An unrelated slip shows, labelled as its own class with the reason that there is none. */
async function expectUnrelatedShown(game: GamePage, label: string, plain: RegExp, shot: string) {
  const { page } = game;
  await chooseSentence(page, 'twister', TWISTER);
  await page.check('input[name="speech-mode"][value="horizontal"]');
  await setPressure(page, 60);
  await untilSlip(page, (e) => e.class === 'unrelated');
  const item = page.locator('.error-labels li.err[data-class="unrelated"]').first();
  expect(await item.isVisible()).toBe(true);
  expect(await item.textContent()).toContain(label);
  expect(await item.locator('.plain').textContent()).toMatch(plain);
  await item.scrollIntoViewIfNeeded();
  await game.screenshot(shot);
}

/** The twister 生麦生米生卵: three words of one category, alike in sound. */
const TWISTER = 'なまむぎ なまごめ なまたまご';
const EVERYDAY = 'あさ は こーひー を のみます';

async function chooseSentence(page: Page, source: string, text: string): Promise<void> {
  await page.click(`.speech-tabs button[data-source="${source}"]`);
  await page.click(`.speech-list button.sentence:text-is("${text}")`);
}

/** Says `text` with the vertical speaker until the word stage lets a same-category word win;
 *  returns that error's line in the panel. */
async function sameCategoryWordSlip(page: Page, source: string, text: string) {
  await chooseSentence(page, source, text);
  await page.check('input[name="speech-mode"][value="vertical"]');
  await setPressure(page, 40);
  await untilWordSlip(page, (e) => e.class === 'vertical' && e.relation === 'same-category');
  return page.locator('.error-labels li.err[data-stage="word"][data-relation="same-category"]').first();
}

describe('word-level slips in the tongue-twister mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    describe(`at ${width}×${height}`, () => {
      let game: GamePage;
      beforeAll(async () => {
        game = await openGame(browser, { width, height });
        await openSpeech(game.page);
      });
      afterAll(async () => {
        await game.context.close();
      });

      it('a tongue twister slips horizontally at the word stage, labelled with its stage and source', async () => {
        const { page } = game;
        await chooseSentence(page, 'twister', TWISTER);
        await page.check('input[name="speech-mode"][value="horizontal"]');
        await setPressure(page, 40);
        const h = await untilWordSlip(page, (e) => e.class === 'horizontal');
        expect(h.planned).not.toBe(h.intended);
        const item = page.locator('.error-labels li.err[data-stage="word"][data-unit="word"]').first();
        expect(await item.isVisible()).toBe(true);
        expect(await item.textContent()).toContain('語の選択で');
        expect(await item.textContent()).toMatch(/語/);
        await game.screenshot(`speech-word-horizontal-${width}x${height}`);
      });

      it('the tongue twister slips vertically: a same-category word wins, and the panel says why', async () => {
        const { page } = game;
        const item = await sameCategoryWordSlip(page, 'twister', TWISTER);
        expect(await item.isVisible()).toBe(true);
        expect(await item.locator('.plain').textContent()).toContain('同じ意味カテゴリ');
        // The words the word stage chose are shown under the spoken row.
        expect(await page.locator('.speech-result .planned-words').isVisible()).toBe(true);
        await game.screenshot(`speech-word-vertical-${width}x${height}`);
        expect(game.errors).toEqual([]);
      });

      it('an intruder from outside with no reason to compete is labelled unrelated, not vertical', async () => {
        await expectUnrelatedShown(game, '無関係', /無関係/, `speech-unrelated-${width}x${height}`);
        expect(game.errors).toEqual([]);
      });
    });
  }

  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const)
    it(`in English at ${width}×${height}, an unrelated slip says so in plain words`, async () => {
      const game = await openGame(browser, { width, height, path: '?lang=en' });
      await clickTitleLanguage(game.page, 'en');
      await openSpeech(game.page);
      await expectUnrelatedShown(
        game,
        'unrelated',
        /no reason it competed|nothing competed/,
        `speech-unrelated-en-${width}x${height}`,
      );
      expect(game.errors).toEqual([]);
      await game.context.close();
    });

  it('in English, the word stage and the competitor are named in plain words with romaji', async () => {
    const game = await openGame(browser, { width: 1280, height: 720, path: '?lang=en' });
    const { page } = game;
    await clickTitleLanguage(page, 'en');
    await openSpeech(page);
    const item = await sameCategoryWordSlip(page, 'everyday', EVERYDAY);
    expect(await item.textContent()).toContain('word stage');
    expect(await item.locator('.plain').textContent()).toMatch(/same category/);
    // Romaji beside the kana of the competitor (kanaWithRomaji writes "kana (romaji)").
    expect(await item.locator('.plain').textContent()).toMatch(/\([a-zāīūēō\- ]+\)/);
    await game.screenshot('speech-word-english');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });
});
