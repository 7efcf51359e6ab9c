// The guided tours of the tongue-twister lab and the lexical-access lab in the built game: each
// starts from its button (and by itself with ?tour=<lab>), plays every step of a pass through the
// lab's real controls and models and loops into a second pass, says in its captions what the lab
// really shows (the twister, the spoken slip, the chart's percentages), hands the lab over on a
// real click (which leaves the lab working), and stops for good when Esc closes the panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clickTitleLanguage, launchBrowser, openFromMenu, openGame, type GamePage } from './harness';
import { expectTourEndsOnEsc, tourHooks as tour, type TourHooks } from './tourHelpers';

interface Logged extends TourHooks {
  /** What the lab showed when this caption came up. */
  lab: unknown;
}

/** Records every change of the tour's step or caption, with a snapshot of `labKey`'s hooks. */
async function record(page: Page, labKeys: string[]): Promise<void> {
  await page.evaluate((keys) => {
    const w = window as unknown as { __tourLog: unknown[]; __tourTimer?: number };
    w.__tourLog = [];
    let last = '';
    window.clearInterval(w.__tourTimer);
    w.__tourTimer = window.setInterval(() => {
      const t = window.__utakaruta?.tour as TourHooks | undefined;
      if (!t) return;
      const key = `${t.state}|${t.pass}|${t.step}|${t.caption}`;
      if (key === last) return;
      last = key;
      const lab = Object.fromEntries(
        keys.map((k) => [k, JSON.parse(JSON.stringify(window.__utakaruta?.[k] ?? null))]),
      );
      w.__tourLog.push({ ...t, lab });
    }, 15);
  }, labKeys);
}

const log = (page: Page) => page.evaluate(() => (window as unknown as { __tourLog: Logged[] }).__tourLog);

/** Waits until the tour has begun pass `pass` at step `step` or later. */
async function until(page: Page, pass: number, step: number, timeout = 90_000): Promise<void> {
  await page
    .waitForFunction(
      ([p, s]) => {
        const t = window.__utakaruta?.tour as TourHooks | undefined;
        if (t?.state === 'failed') throw new Error(`tour failed: ${t.error}`);
        return t !== undefined && (t.pass > p || (t.pass === p && t.step >= s));
      },
      [pass, step] as const,
      { timeout, polling: 50 },
    )
    .catch(async (error: unknown) => {
      console.log('tour at', await tour(page));
      throw error;
    });
}

/** The last caption each step of `pass` showed (after its action had run). */
function finalCaptions(entries: Logged[], pass: number): Map<number, Logged> {
  const byStep = new Map<number, Logged>();
  for (const e of entries) if (e.pass === pass && e.state === 'playing' && e.step >= 0) byStep.set(e.step, e);
  return byStep;
}

/** Clicks a real mouse on a spot with no control (a heading), which hands the tour over. */
async function clickHeading(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).first().boundingBox())!;
  await page.mouse.click(box.x + 4, box.y + box.height / 2);
}

/** The tour and its captions stay as they are for a while: no timer is left running. */
async function staysStill(page: Page): Promise<void> {
  await page.waitForTimeout(100); // the recorder has seen the hand-over itself
  const before = await log(page);
  await page.waitForTimeout(1500);
  const after = await log(page);
  expect(after.slice(before.length).map((e) => `${e.state} ${e.step} ${e.caption}`)).toEqual([]);
  expect((await tour(page))?.state).not.toBe('playing');
}

interface SpeechHooks {
  ready: boolean;
  intended?: string;
  spoken?: string;
  errors?: { class: string; type: string }[];
  timings: number[];
}

describe('the tongue-twister tour', () => {
  let browser: Browser;
  let game: GamePage;
  beforeAll(async () => {
    browser = await launchBrowser();
    game = await openGame(browser, { path: '?testSpeed=6' });
  });
  afterAll(async () => {
    await game.context.close();
    await browser.close();
  });

  it('plays a twister said back, then a horizontal and a vertical slip read out from the real output, and loops', async () => {
    const { page } = game;
    await openFromMenu(page, 'speech');
    await page.waitForFunction(
      () => (window.__utakaruta?.speech as SpeechHooks | undefined)?.ready === true,
      null,
      {
        timeout: 60_000,
      },
    );
    expect((await tour(page))?.state).toBe('idle');
    await record(page, ['speech']);
    await page.click('.speech-panel [data-testid="tour"]');
    await until(page, 2, 1);
    const entries = await log(page);
    const pass1 = finalCaptions(entries, 1);
    const count = (await tour(page))!.count;
    expect([...pass1.keys()].sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
    // Step 0 names the twister it picked, which the speaker then says back (step 1).
    const said = pass1.get(1)!.lab as { speech: SpeechHooks };
    expect(pass1.get(0)!.caption.replace(/ /g, '')).toContain(said.speech.intended);
    expect(pass1.get(1)!.caption).toContain(`「${said.speech.spoken}」`);
    // Each slip step ends on a slip of its kind, its kana as the lab shows them, or says none came.
    for (const [step, cls, word] of [
      [3, 'horizontal', 'ヨコ型'],
      [5, 'vertical', 'タテ型'],
    ] as const) {
      const last = pass1.get(step)!;
      const lab = (last.lab as { speech: SpeechHooks }).speech;
      if (lab.errors?.some((e) => e.class === cls)) {
        expect(last.caption).toContain('→');
        expect(last.caption).toContain(word);
      } else expect(last.caption).toMatch(/誤りは出ませんでした/);
    }
    // An error-free saying is said so before the tour asks again.
    const retried = entries.filter((e) => /誤りなし|でした: /.test(e.caption));
    for (const r of retried) expect((r.lab as { speech: SpeechHooks }).speech.spoken).toBeDefined();
    await until(page, 2, 3);
    await page.waitForFunction(() => /→/.test((window.__utakaruta?.tour as TourHooks).caption));
    await game.screenshot('tour-speech-ja-1280x720');
    expect(game.errors).toEqual([]);
  });

  it('hands the lab over on a real click, and the lab still works', async () => {
    const { page } = game;
    await until(page, 2, 3);
    await clickHeading(page, '.speech-panel .heat h3');
    expect((await tour(page))?.state).toBe('handed-over');
    expect(await page.locator('.tour-bar').isVisible()).toBe(false);
    const before = (await page.evaluate(() => window.__utakaruta?.speech as SpeechHooks)).timings.length;
    await page.click('.speech-panel button.again');
    await page.click('.speech-panel button.again');
    const after = (await page.evaluate(() => window.__utakaruta?.speech as SpeechHooks)).timings.length;
    expect(after).toBe(before + 2);
    await staysStill(page);
  });

  it('starts by itself with ?tour=speech, in English with romaji, and Esc ends it', async () => {
    const other = await openGame(browser, { path: '?tour=speech&testSpeed=6' });
    const { page } = other;
    try {
      await clickTitleLanguage(page, 'en');
      await openFromMenu(page, 'speech');
      await record(page, ['speech']);
      await until(page, 1, 3);
      await page.waitForFunction(() => /→/.test((window.__utakaruta?.tour as TourHooks).caption), null, {
        timeout: 30_000,
      });
      const caption = (await tour(page))!.caption;
      // Romaji beside the kana: "た (ta) → が (ga)".
      expect(caption).toMatch(/\([a-z]+\)/);
      await other.screenshot('tour-speech-en-1280x720');
      // On a portrait tablet, the next slip step scrolls its result above the caption bar.
      await page.setViewportSize({ width: 768, height: 1024 });
      await until(page, 1, 5);
      await page.waitForFunction(() => /→/.test((window.__utakaruta?.tour as TourHooks).caption), null, {
        timeout: 30_000,
      });
      await page.waitForTimeout(400);
      await other.screenshot('tour-speech-en-768x1024');
      await expectTourEndsOnEsc(other, 'speech');
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });
});

interface DellHooks {
  lastRun?: { params: { s: number; p: number }; proportions: Record<string, number> };
}
interface TrialHook {
  selected: string;
  said: string;
  category: string;
}

describe('the lexical-access tour', () => {
  let browser: Browser;
  let game: GamePage;
  beforeAll(async () => {
    browser = await launchBrowser();
    game = await openGame(browser, { path: '?testSpeed=6' });
  });
  afterAll(async () => {
    await game.context.close();
    await browser.close();
  });

  it('runs the normal weights, steps through a naming, replays a real error, lowers s, and loops', async () => {
    const { page } = game;
    await openFromMenu(page, 'dell');
    await record(page, ['dell', 'dellTrial']);
    await page.click('[data-panel="dell"] [data-testid="tour"]');
    await until(page, 2, 2);
    const entries = await log(page);
    const pass1 = finalCaptions(entries, 1);
    const count = (await tour(page))!.count;
    expect([...pass1.keys()].sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    // The chart's own figures, normal weights first.
    const normal = (pass1.get(1)!.lab as { dell: DellHooks }).dell.lastRun!;
    expect(normal.params.s).toBeCloseTo(0.0698, 6);
    expect(pass1.get(1)!.caption).toContain(`正答 ${pct(normal.proportions.correct!)}`);
    // The correct naming's verdict names what was said; the error replayed is of the kind sought.
    const correct = (pass1.get(5)!.lab as { dellTrial: TrialHook }).dellTrial;
    expect(pass1.get(5)!.caption).toContain(`/${correct.said}/`);
    const error = (pass1.get(8)!.lab as { dellTrial: TrialHook }).dellTrial;
    expect(error.category).toBe('semantic');
    expect(pass1.get(8)!.caption).toContain(`/${error.said}/`);
    expect(pass1.get(8)!.caption).toContain('意味性');
    // The weakened model against the normal one, as the chart drew them.
    const weak = (pass1.get(10)!.lab as { dell: DellHooks }).dell.lastRun!;
    expect(weak.params.s).toBeCloseTo(0.02, 6);
    expect(weak.proportions.correct).toBeLessThan(normal.proportions.correct!);
    expect(pass1.get(10)!.caption).toContain(pct(1 - weak.proportions.correct!));
    expect(pass1.get(10)!.caption).toContain(pct(1 - normal.proportions.correct!));
    // The second pass is back on the normal weights and looks for another kind of error.
    await until(page, 2, 7);
    const second = finalCaptions(await log(page), 2);
    expect((second.get(1)!.lab as { dell: DellHooks }).dell.lastRun!.params.s).toBeCloseTo(0.0698, 6);
    expect(second.get(6)!.caption).toContain('混合');
    await game.screenshot('tour-dell-ja-1280x720');
    expect(game.errors).toEqual([]);
  });

  it('hands the lab over on a real click, and the lab still works', async () => {
    const { page } = game;
    await clickHeading(page, '[data-panel="dell"] .dell-trial h2');
    expect((await tour(page))?.state).toBe('handed-over');
    const before = (await page.evaluate(() => window.__utakaruta?.dell as { runs: number })).runs;
    await page.click('[data-testid="dell-run"]');
    await page.waitForFunction((n) => (window.__utakaruta?.dell as { runs: number }).runs > n, before);
    await staysStill(page);
  });

  it('starts by itself with ?tour=dell, captions in English, and Esc ends it', async () => {
    const other = await openGame(browser, { path: '?tour=dell&testSpeed=6', width: 768, height: 1024 });
    const { page } = other;
    try {
      await clickTitleLanguage(page, 'en');
      await openFromMenu(page, 'dell');
      await record(page, ['dell']);
      await until(page, 1, 4);
      expect((await tour(page))!.caption).toMatch(/lemma/);
      await other.screenshot('tour-dell-en-768x1024');
      await expectTourEndsOnEsc(other, 'dell');
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });
});

describe('the lexical-access lab for an English visitor', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const [width, height] of [
    [1280, 720],
    [768, 1024],
  ] as const) {
    it(`opens at ${width}×${height} with a result and a trial to look at, every label in English`, async () => {
      const game = await openGame(browser, { width, height });
      const { page } = game;
      try {
        await clickTitleLanguage(page, 'en');
        await openFromMenu(page, 'dell');
        await page.waitForFunction(
          () => (window.__utakaruta?.dell as { runs: number } | undefined)?.runs === 1,
        );
        await page.waitForTimeout(400);
        await game.screenshot(`dell-first-visit-en-${width}x${height}`);
        // No Japanese a visitor cannot read: every text but the language switch is English.
        const japanese = await page.evaluate(() => {
          const panel = document.querySelector('[data-panel="dell"]')!;
          const found: string[] = [];
          const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            if (node.parentElement?.closest('.dell-lang')) continue;
            if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text)) found.push(text.trim());
          }
          return found;
        });
        expect(japanese).toEqual([]);
        // The jargon in plain words: the kinds of response under the chart, the lemma on the network.
        const gloss = page.locator('[data-testid="dell-gloss"]');
        expect(await gloss.isVisible()).toBe(true);
        expect(await gloss.textContent()).toContain('a word related in meaning (dog for cat)');
        expect(await page.locator('.dell-network').textContent()).toContain('lemmas');
        expect(game.errors).toEqual([]);
      } finally {
        await game.context.close();
      }
    });
  }
});

describe('the tours in kiosk mode', () => {
  it('start by themselves when a visitor opens the lab from the kiosk’s title', async () => {
    const browser = await launchBrowser();
    const game = await openGame(browser, { path: '?kiosk=90&testSpeed=6&seed=3' });
    const { page } = game;
    try {
      // The attract loop first; a tap starts a match, Esc goes back to the kiosk's title.
      await page.waitForFunction(
        () => (window.__utakaruta?.match as { attract?: boolean })?.attract === true,
        null,
        {
          timeout: 90_000,
        },
      );
      await page.mouse.click(640, 400);
      await page.waitForFunction(() => window.__utakaruta?.screen === 'match', null, { timeout: 60_000 });
      await page.keyboard.press('Escape');
      for (const lab of ['dell', 'speech']) {
        await openFromMenu(page, lab);
        await record(page, []);
        await until(page, 1, 1);
        expect((await tour(page))?.id).toBe(lab);
        await page.keyboard.press('Escape');
        await page.waitForSelector(`[data-panel="${lab}"]`, { state: 'detached' });
        await staysStill(page);
      }
      expect(game.errors).toEqual([]);
    } finally {
      await game.context.close();
      await browser.close();
    }
  }, 240_000);
});
