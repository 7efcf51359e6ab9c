// Listening practice with the opponent's ear, and its guided tour ("the opponent makes up its
// mind") in the built game: the shipped listener hears the reading in sync and shows its belief;
// the tour presses the lab's own controls, captions the ear's real values, loops, hands over on
// a real click and stops with the panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openFromMenu, openGame } from './harness';
import { expectTourEndsOnEsc, tourHooks, waitForStep, type TourHooks } from './tourHelpers';
import { expectClean } from './settingsHelpers';

interface EarMoment {
  heard: string[];
  possible: number;
  top: { poem: number; p: number }[];
  decided: number | null;
}
interface EarHooks {
  state: string;
  poem: number;
  moments: EarMoment[];
  verdict: { poem: number; right: boolean; atSound: number; kimariji: number; p: number } | null;
}

const earHooks = (page: Page) => page.evaluate(() => window.__utakaruta?.ear as EarHooks | undefined);

describe("listening practice: the opponent's ear and its tour", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the ear hears poem 15 with the reading and decides at its 6th sound, the kimariji; 87 at its first', async () => {
    const game = await openGame(browser, { path: '?testSpeed=4&seed=3' });
    const { page } = game;
    await openFromMenu(page, 'listen');
    await page.waitForFunction(
      () => (window.__utakaruta?.ear as EarHooks | undefined)?.state === 'ready',
      null,
      {
        timeout: 60_000,
      },
    );
    await page.uncheck('[data-testid="joka"]');
    await page.selectOption('[data-testid="first-poem"]', '15');
    await page.click('[data-testid="start"]');
    await page.waitForFunction(
      () => (window.__utakaruta?.listen as { state: string } | undefined)?.state === 'awaitingSettle',
      null,
      { timeout: 60_000 },
    );
    const ear = (await earHooks(page))!;
    expect(ear.poem).toBe(15);
    // One moment per heard sound of the upper half, in sync with the text on screen.
    const line = (await page.textContent('[data-testid="line"]'))!.replace(/\u3000/g, '');
    expect(ear.moments.map((m) => m.heard.join('')).at(-1)).toBe(line);
    expect(ear.moments[0]!.possible).toBe(3); // き: 15, 50, 91
    expect(ear.moments[4]!.possible).toBe(2); // きみがため: 15 and 50
    expect(ear.moments[4]!.decided).toBeNull();
    expect(ear.verdict).toMatchObject({ poem: 15, right: true, atSound: 6, kimariji: 6 });
    // The box lists the model's candidates with percentages and says when it decided.
    const rows = page.locator('[data-testid="ear-top"] li');
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    expect(await rows.first().getAttribute('data-poem')).toBe('15');
    expect(await page.textContent('[data-testid="ear-verdict"]')).toContain('6音目');
    expect(await page.textContent('[data-testid="ear-possible"]')).toContain('1 首');
    await game.screenshot('listen-ear-15');

    // Stop, then a one-sound card.
    await page.click('[data-testid="stop"]');
    await page.selectOption('[data-testid="first-poem"]', '87');
    await page.click('[data-testid="start"]');
    await page.waitForFunction(
      () => (window.__utakaruta?.ear as EarHooks | undefined)?.verdict?.poem === 87,
      null,
      {
        timeout: 60_000,
      },
    );
    expect((await earHooks(page))!.verdict).toMatchObject({ poem: 87, right: true, atSound: 1, kimariji: 1 });
    expectClean(game);
    await game.context.close();
  });

  it('the tour plays every step from the real belief, loops, and a real click hands the lab over', async () => {
    const game = await openGame(browser, { path: '?testSpeed=4&seed=3' });
    const { page } = game;
    await openFromMenu(page, 'listen');
    expect(await page.textContent('[data-testid="tour"]')).toContain('ガイドツアー');
    await page.click('[data-testid="tour"]');
    const first = await waitForStep(page, 1, 0);
    expect(first.id).toBe('listen');
    const count = first.count;
    const captions: string[] = [first.caption];
    for (let step = 1; step < count; step++) {
      const hooks = await waitForStep(page, 1, step);
      captions.push(hooks.caption);
      if (step === 2) {
        // "「き」まで聞こえた — まだ 3 首の可能性" with the model's own numbers.
        const ear = (await earHooks(page))!;
        const m = ear.moments[0]!;
        expect(hooks.caption).toContain('「き」');
        // The tour paused the reading at that very sound: the text shows it and no more.
        expect(await page.textContent('[data-testid="line"]')).toBe('き');
        expect(await page.textContent('[data-testid="status"]')).toBe('一時停止中');
        expect(hooks.caption).toContain(`${m.possible} 首`);
        expect(hooks.caption).toContain(`${m.top[0]!.poem}: ${Math.round(m.top[0]!.p * 100)} %`);
      }
      if (step === 6) {
        const ear = (await earHooks(page))!;
        expect(ear.verdict).toMatchObject({ poem: 15, atSound: 6, kimariji: 6 });
        expect(hooks.caption).toContain('6音目');
        expect((await page.textContent('[data-testid="line"]'))!.replace(/\u3000/g, '')).toBe('きみがためは');
        expect(hooks.caption).toContain('これより早く分かる聴き手はいません');
      }
      if (step === 8) {
        expect((await earHooks(page))!.verdict).toMatchObject({ poem: 87, atSound: 1 });
        expect(hooks.caption).toContain('1音目');
      }
    }
    expect(captions[count - 1]).toContain('15番は6音目（決まり字6音）');
    // It loops: the second pass starts with the first caption and poem 15 again.
    const second = await waitForStep(page, 2, 0);
    expect(second.caption).toBe(captions[0]);
    await waitForStep(page, 2, 2);
    // A fresh reading of 15 (the last one of pass 1 was 87).
    const again = (await earHooks(page))!;
    expect(again.poem).toBe(15);
    expect(again.moments[0]!.heard).toEqual(['き']);
    await game.screenshot('tour-listen-1280x720');

    // A real click on the Stop button: the tour hands over, and the click stops the reading.
    const stop = (await page.locator('[data-testid="stop"]').boundingBox())!;

    await page.mouse.click(stop.x + stop.width / 2, stop.y + stop.height / 2);
    await page.waitForFunction(() => (window.__utakaruta?.tour as TourHooks).state === 'handed-over');
    const handed = (await tourHooks(page))!;
    expect(await page.isVisible('.tour-bar')).toBe(false);
    expect(await page.isEnabled('[data-testid="start"]')).toBe(true);
    // The lab is the visitor's: choose another poem and read it.
    await page.selectOption('[data-testid="first-poem"]', '18');
    await page.click('[data-testid="start"]');
    await page.waitForFunction(
      () => (window.__utakaruta?.ear as EarHooks | undefined)?.verdict?.poem === 18,
      null,
      {
        timeout: 60_000,
      },
    );
    await page.waitForTimeout(1000);
    expect(await tourHooks(page)).toEqual(handed);
    expectClean(game);
    await game.context.close();
  });

  it('?tour=listen starts it on opening, in a portrait window too; Esc closes the lab and the tour stops', async () => {
    for (const [width, height, lang] of [
      [768, 1024, 'en'],
      [1280, 720, 'ja'],
    ] as const) {
      const game = await openGame(browser, { path: '?tour=listen&testSpeed=4', width, height });
      const { page } = game;
      if (lang === 'en') {
        await page.evaluate(() => localStorage.setItem('utakaruta.lang', 'en'));
        await page.reload();
      }
      await openFromMenu(page, 'listen');
      const hooks = await waitForStep(page, 1, 6);
      // English visitors read the kimariji in romaji. The percentage is the listener's own
      // (the shipped checkpoint: 99.5 % for 15 after きみがためは over all 100).
      if (lang === 'en')
        expect(hooks.caption).toMatch(
          /at the 6th sound \((99|100) %\) — the kimariji きみがためは \(kimigatameha\)/,
        );
      else expect(hooks.caption).toContain('決まり字「きみがためは」');
      if (lang === 'en')
        expect(await page.textContent('[data-testid="ear-top"] li')).toContain('wagakoromodeni');
      await game.screenshot(`tour-listen-autostart-${width}x${height}`);
      await expectTourEndsOnEsc(game, 'listen');
      expectClean(game);
      await game.context.close();
    }
  });
});
