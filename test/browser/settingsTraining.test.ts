// Training you can trust, in the built game in headless Chromium: the preset names, an
// "evaluating" state and a time left that counts evaluation, Back and reload that ask before
// ending a run, cancel that takes effect at once, the recipe form remembered, a diverging run
// (learning rate 1) stopped with its last good epoch kept, and a saved model trained further
// with each written line shown over its right answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { launchBrowser, openGame } from './harness';
import {
  expectClean,
  hook,
  importFile,
  openSettingsFromTitle,
  shippedModelFile,
  storedModels,
  waitForState,
} from './settingsHelpers';

describe('training you can trust', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('names presets by their sizes, shows "evaluating" and a time left with evaluation in it, asks before Back and reload, cancels at once, and remembers the recipe', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await openSettingsFromTitle(page);
    await page.click('[data-tab=training]');
    const shipped = await page.textContent('select[name=preset] option[value=listener]');
    expect(shipped).toBe('同梱モデルの大きさ（1層・32ユニット・4ヘッド・FF 64）');
    await page.selectOption('select[name=preset]', 'talk');
    await page.selectOption('select[name=backend]', 'wasm');
    await page.fill('input[name=epochs]', '7');
    await page.fill('input[name=learningRate]', '0.003');
    await page.click('[data-testid=start]');

    // The end of the first epoch: its evaluation is shown as such.
    await page.waitForFunction(
      () => document.querySelector('[data-testid=status-line]')?.textContent?.includes('評価中'),
      null,
      { timeout: 240_000, polling: 50 },
    );
    await game.screenshot('training-evaluating');
    await page.waitForFunction(
      () => ((window.__utakaruta?.trainingEpochs as unknown[] | undefined)?.length ?? 0) >= 1,
      null,
      { timeout: 240_000 },
    );
    await page.waitForFunction(() =>
      /ステップ \d+/.test(document.querySelector('[data-testid=status-line]')?.textContent ?? ''),
    );
    const status = (await page.textContent('[data-testid=status-line]')) ?? '';
    // Once an evaluation is timed, the time left counts it; minutes and seconds are spelt out.
    expect(status).toMatch(/残り (\d+ 分 \d\d 秒|\d+ 秒)/);
    expect(status).not.toContain('未計測');

    // Back asks first; saying no keeps the run going.
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.dismiss();
    });
    await page.click('[data-testid=close]');
    expect(question).toContain('学習中です');
    expect(await page.locator('[data-panel=settings]').count()).toBe(1);
    expect(await hook(page, 'trainingState')).toBe('running');

    // Esc asks the same question (the panel host runs the panel's close guard).
    question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.dismiss();
    });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    expect(question).toContain('学習中です');
    expect(await page.locator('[data-panel=settings]').count()).toBe(1);
    expect(await hook(page, 'trainingState')).toBe('running');

    // Cancel takes effect at once (not after the worker's next step) and the buttons show it.
    const stepAtCancel = await hook<{ step: number }>(page, 'trainingProgress');
    const stateRightAfter = await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>('[data-testid=cancel]')!.click();
      return window.__utakaruta?.trainingState;
    });
    expect(stateRightAfter).toBe('cancelled');
    expect(await page.isDisabled('[data-testid=cancel]')).toBe(true);
    expect(await page.isEnabled('[data-testid=start]')).toBe(true);
    expect(await page.textContent('[data-testid=training-notices]')).toContain('最後に終わったエポック');
    await page.waitForTimeout(1500);
    expect((await hook<{ step: number }>(page, 'trainingProgress')).step).toBe(stepAtCancel.step);
    await game.screenshot('training-cancelled-at-once');

    // A reload during a run asks too (beforeunload); going on reloads.
    await page.click('[data-testid=start]');
    await page.waitForFunction(() =>
      /ステップ [1-9]/.test(document.querySelector('[data-testid=status-line]')?.textContent ?? ''),
    );
    let unloadAsked = '';
    page.once('dialog', (dialog) => {
      unloadAsked = dialog.type();
      void dialog.accept();
    });
    await page.reload();
    expect(unloadAsked).toBe('beforeunload');

    // The recipe form comes back as it was left.
    await openSettingsFromTitle(page);
    await page.click('[data-tab=training]');
    expect(await page.inputValue('input[name=epochs]')).toBe('7');
    expect(await page.inputValue('input[name=learningRate]')).toBe('0.003');
    expect(await page.inputValue('select[name=backend]')).toBe('wasm');
    expect(await page.inputValue('select[name=preset]')).toBe('talk');
    expectClean(game);
    await game.context.close();
  }, 400_000);

  it('stops a run whose loss runs away (learning rate 1) and keeps its last good epoch', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await openSettingsFromTitle(page);
    await page.click('[data-tab=training]');
    await page.selectOption('select[name=preset]', 'talk');
    await page.selectOption('select[name=backend]', 'wasm');
    await page.fill('input[name=epochs]', '12');
    await page.fill('input[name=learningRate]', '1');
    await page.click('[data-testid=start]');
    expect(await waitForState(page, ['diverged', 'done', 'failed'], 400_000)).toBe('diverged');
    const notices = (await page.textContent('[data-testid=training-notices]')) ?? '';
    expect(notices).toContain('学習が発散しました');
    const kept = Number(/エポック (\d+) の重みを残して/.exec(notices)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(1);
    const epochs = await hook<{ epoch: number }[]>(page, 'trainingEpochs');
    expect(epochs[epochs.length - 1]!.epoch).toBe(kept);
    await page.waitForTimeout(500); // the re-save of the good epoch
    const saved = await storedModels(page);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.checkpointEpochs).toBe(kept);
    expect(saved[0]!.metrics[saved[0]!.metrics.length - 1]!.epoch).toBe(kept);
    await page.evaluate(() => document.querySelector('[data-panel=settings]')!.scrollTo(0, 0));
    await game.screenshot('training-diverged');
    expectClean(game);
    await game.context.close();
  }, 500_000);

  it('continues training a saved model, and shows each written line over its right answer', async () => {
    const game = await openGame(browser, { width: 1280, height: 800 });
    const { page } = game;
    await openSettingsFromTitle(page);
    await page.click('[data-tab=models]');
    expect(await importFile(page, 'shipped.utakaruta.json', await shippedModelFile())).toContain(
      '読み込みました',
    );
    const [before] = await storedModels(page);
    // The shipped checkpoint holds the epoch its recipe's stop rule decided at.
    const shipped = (
      JSON.parse(await readFile('assets/checkpoints/opponent/model.json', 'utf8')) as {
        modelTopology: { epochs: number };
      }
    ).modelTopology.epochs;
    expect(before!.checkpointEpochs).toBe(shipped);
    await page.click('[data-testid=continue-saved]');
    const box = page.locator('[data-testid=continue-box]');
    await box.waitFor({ state: 'visible' });
    expect(await box.textContent()).toContain(`エポック ${shipped} まで学習済み`);
    expect(await page.isDisabled('input[name=dModel]')).toBe(true);
    expect(await page.inputValue('input[name=dModel]')).toBe('32');
    expect(await page.inputValue('input[name=dFF]')).toBe('64');
    await page.selectOption('select[name=backend]', 'wasm');
    await page.fill('input[name=epochs]', '1');
    // A gentle rate: the shipped model ended its own schedule at 0.
    await page.fill('input[name=learningRate]', '0.0003');
    await page.click('[data-testid=start]');
    expect(await waitForState(page, ['done', 'failed', 'diverged'])).toBe('done');
    expect(await page.textContent('[data-testid=status-line]')).toContain(
      `エポック ${shipped + 1} / ${shipped + 1}`,
    );
    await page.waitForTimeout(500);
    const after = await storedModels(page);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before!.id);
    expect(after[0]!.checkpointEpochs).toBe(shipped + 1);
    // Every weight carried on, the bigram projection among them: the worker once rebuilt the
    // model from the panel's sizes alone and dropped the end mark and the bigram (4,096 bytes).
    expect(after[0]!.weightsBytes).toBe(before!.weightsBytes);
    expect(after[0]!.metrics.map((m) => m.epoch).slice(-2)).toEqual([shipped, shipped + 1]);

    // Each line: what the model wrote over the right answer, column by column.
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=poem-list] li')].map((li) => ({
        right: li.hasAttribute('data-right') && li.getAttribute('data-right') !== 'false',
        wrote: [...li.querySelectorAll('.poem-cell > :first-child')].map((c) => c.textContent).join(''),
        answer: [...li.querySelectorAll('.char-answer')].map((c) => c.textContent).join(''),
      })),
    );
    expect(rows).toHaveLength(100);
    const last = (await hook<{ exactMatch: number }[]>(page, 'trainingEpochs')).at(-1)!;
    expect(rows.filter((r) => r.right).length).toBe(last.exactMatch);
    expect(last.exactMatch).toBeGreaterThanOrEqual(80);
    for (const r of rows.filter((r) => r.right)) expect(r.wrote).toBe(r.answer);
    expect(rows[0]!.answer).toBe('わかころもてはつゆにぬれつつ');
    await page.locator('[data-testid=poem-list]').scrollIntoViewIfNeeded();
    await game.screenshot('training-continued-poems');
    expectClean(game);
    await game.context.close();
  }, 400_000);
});
