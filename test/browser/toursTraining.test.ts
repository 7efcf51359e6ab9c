// The training tab's guided tour ("watch it learn") in the built game: it sets the tab's real
// inputs, trains the talk preset live on the talk's objective (teacher-forced 100 %, 0 of 100
// written), then on the honest objective on the same chart (the talk's run kept faded), every
// caption from the real epoch reports; it loops, a real click hands over with the run still
// going (the visitor can cancel it), and Esc closes the panel and stops it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openGame } from './harness';
import { expectTourEndsOnEsc, tourHooks, waitForStep, type TourHooks } from './tourHelpers';
import { expectClean, hook, openSettingsFromTitle, storedModels, type StoredEpoch } from './settingsHelpers';

const pct = (x: number) => `${Math.round(x * 100)} %`;

describe('the training tour', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('trains the talk objective then the honest one on one chart, captions the real reports, loops, and hands over', async () => {
    const game = await openGame(browser, { path: '?testSpeed=4' });
    const { page } = game;
    page.on('dialog', (dialog) => void dialog.accept());
    await openSettingsFromTitle(page);
    expect(await page.textContent('[data-testid="tour"]')).toContain('ガイドツアー');
    const passStarted = Date.now();
    await page.click('[data-testid="tour"]');
    const first = await waitForStep(page, 1, 0, 120_000);
    expect(first.id).toBe('training');
    const count = first.count;
    // The tour showed the training tab and set its form.
    await waitForStep(page, 1, 1, 120_000);
    expect(await hook(page, 'settingsTab')).toBe('training');
    expect(await page.inputValue('select[name=preset]')).toBe('talk');
    expect(await page.isChecked('input[name=objective][value=talk]')).toBe(true);
    expect(await page.isChecked('[data-testid=autosave]')).toBe(false);

    // The talk's objective, epoch by epoch (steps 2–3), captions from the reports.
    for (let epoch = 1; epoch <= 2; epoch++) {
      const hooks = await waitForStep(page, 1, 1 + epoch, 120_000);
      const reports = await hook<StoredEpoch[]>(page, 'trainingEpochs');
      const e = reports.find((r) => r.epoch === epoch)!;
      expect(hooks.caption).toContain(`エポック ${epoch} / 2`);
      expect(hooks.caption).toContain(`教師強制の正解率 ${pct(e.teacherForcedAccuracy)}`);
      expect(hooks.caption).toContain(`${e.exactMatch} / 100`);
    }
    const copying = await waitForStep(page, 1, 4, 120_000);
    const talk = (await hook<StoredEpoch[]>(page, 'trainingEpochs')).at(-1)!;
    expect(talk.teacherForcedAccuracy).toBeGreaterThanOrEqual(0.995);
    expect(talk.exactMatch).toBe(0);
    expect(copying.caption).toContain(`教師強制 ${pct(talk.teacherForcedAccuracy)}`);
    expect(copying.caption).toContain('0 / 100');
    expect(copying.caption).toContain('これは写しです');

    // The honest objective on the same chart: the talk's run kept, faded, with a legend.
    await waitForStep(page, 1, 6, 120_000);
    expect(await page.isChecked('input[name=objective][value=honest]')).toBe(true);
    const legend = await page.textContent('[data-testid=plot-legend]');
    expect(legend).toContain('今回（正直な目的関数、8 エポック）');
    expect(legend).toContain('前回（2023年の発表の目的関数、2 エポック）');
    // The talk's run is still drawn, faded: its epoch-1 point at 100 % on the accuracy chart
    // (x 48 + 1/8 of the 284 px axis, y 8; faded orange there, not the grid's grey).
    const blueAtTalkPoint = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=plot-accuracy] canvas')!;
      const ratio = canvas.width / 340;
      const x = Math.round((48 + 284 / 8) * ratio);
      const y = Math.round(8 * ratio);
      const data = canvas.getContext('2d')!.getImageData(x - 2, y - 2, 5, 5).data;
      let blue = 255;
      for (let i = 0; i < data.length; i += 4) blue = Math.min(blue, data[i + 2]!);
      return blue;
    });
    expect(blueAtTalkPoint).toBeLessThan(160);
    await game.screenshot('tour-training-honest-1280x720');
    const last = await waitForStep(page, 1, count - 1, 180_000);
    const honest = await hook<StoredEpoch[]>(page, 'trainingEpochs');
    expect(honest).toHaveLength(8);
    expect(last.caption).toContain(`8 エポックで ${honest.at(-1)!.exactMatch} / 100`);
    expect(last.caption).toContain('発表の目的関数は 0 / 100');
    await game.screenshot('tour-training-end-1280x720');
    // It loops; nothing was stored (autosave off).
    await waitForStep(page, 2, 0, 180_000);
    console.log(
      `training tour: pass 1 took ${((Date.now() - passStarted) / 1000).toFixed(1)} s at testSpeed 4`,
    );
    expect(await storedModels(page)).toHaveLength(0);

    // Mid-run of pass 2, a real click on the page hands over; the run goes on and is theirs.
    await waitForStep(page, 2, 7, 120_000);
    expect(await hook(page, 'trainingState')).toBe('running');
    await page.mouse.click(1000, 30);
    await page.waitForFunction(() => (window.__utakaruta?.tour as TourHooks).state === 'handed-over');
    const handed = (await tourHooks(page))!;
    expect(await page.isVisible('.tour-bar')).toBe(false);
    expect(await hook(page, 'trainingState')).toBe('running');
    await page.click('[data-testid=cancel]');
    expect(await hook(page, 'trainingState')).toBe('cancelled');
    expect(await page.isEnabled('[data-testid=start]')).toBe(true);
    await page.waitForTimeout(1000);
    expect(await tourHooks(page)).toEqual(handed);
    expectClean(game);
    await game.context.close();
  });

  it('?tour=training starts it when Settings opens, in portrait too; Esc closes the panel and the tour stops', async () => {
    for (const [width, height, lang] of [
      [768, 1024, 'en'],
      [1280, 720, 'ja'],
    ] as const) {
      const game = await openGame(browser, { path: '?tour=training&testSpeed=4', width, height });
      const { page } = game;
      page.on('dialog', (dialog) => void dialog.accept());
      if (lang === 'en') {
        await page.evaluate(() => localStorage.setItem('utakaruta.lang', 'en'));
        await page.reload();
      }
      await openSettingsFromTitle(page);
      const hooks = await waitForStep(page, 1, 3, 120_000);
      expect(hooks.caption).toContain(lang === 'en' ? 'epoch 2 of 2' : 'エポック 2 / 2');
      expect(await hook(page, 'settingsTab')).toBe('training');
      await game.screenshot(`tour-training-autostart-${width}x${height}`);
      await expectTourEndsOnEsc(game, 'settings');
      expectClean(game);
      await game.context.close();
    }
  });
});
