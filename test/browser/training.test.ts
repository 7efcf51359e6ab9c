// The training panel in the built game, in headless Chromium: training in a Web Worker on WASM
// and on WebGL (SwiftShader), live plots and the per-poem view, atomic autosave to IndexedDB,
// the WebGL-context-loss fallback, cancel, import refusals, no IndexedDB, bad hyperparameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { launchBrowser, openGame } from './harness';
import {
  expectClean,
  hook,
  openSettingsFromTitle,
  storedModels,
  waitForState,
  type StoredEpoch,
} from './settingsHelpers';

async function openTraining(page: Page, recipe: { backend: string; epochs: number }): Promise<void> {
  await openSettingsFromTitle(page);
  await page.click('[data-tab=training]');
  await page.selectOption('select[name=preset]', 'talk');
  await page.selectOption('select[name=backend]', recipe.backend);
  await page.fill('input[name=epochs]', String(recipe.epochs));
}

async function waitForEpochs(page: Page, n: number, timeout = 170_000): Promise<void> {
  await page.waitForFunction(
    (k) => ((window.__utakaruta?.trainingEpochs as unknown[] | undefined)?.length ?? 0) >= k,
    n,
    { timeout },
  );
}

describe('the training panel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('trains the talk preset on WASM with live plots and the per-poem view, and the model survives a reload', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await openTraining(page, { backend: 'wasm', epochs: 3 });
    const blankPlot = await page.evaluate(() =>
      document.querySelector<HTMLCanvasElement>('[data-testid=plot-exact] canvas')!.toDataURL(),
    );
    await page.click('[data-testid=start]');
    await waitForEpochs(page, 1);
    await game.screenshot('training-wasm-epoch1');
    expect(await waitForState(page, ['done', 'failed'])).toBe('done');
    expect(await hook(page, 'trainingBackend')).toBe('wasm');
    const epochs = await hook<StoredEpoch[]>(page, 'trainingEpochs');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(epochs[2]!.loss).toBeLessThan(epochs[0]!.loss);
    expect(epochs.every((e) => e.total === 100)).toBe(true);
    // The plots drew something.
    const drawnPlot = await page.evaluate(() =>
      document.querySelector<HTMLCanvasElement>('[data-testid=plot-exact] canvas')!.toDataURL(),
    );
    expect(drawnPlot).not.toBe(blankPlot);
    // Every poem's lower half, character by character, in blue or red.
    expect(await page.locator('[data-testid=poem-list] li').count()).toBe(100);
    const right = await page.locator('.poem-output .char-right').count();
    const wrong = await page.locator('.poem-output .char-wrong').count();
    expect(right + wrong).toBeGreaterThan(100 * 7);
    expect(await page.textContent('[data-testid=poem-summary]')).toContain(`${epochs[2]!.exactMatch} / 100`);
    await page.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid=errors-only]')!.click());
    expect(await page.locator('[data-testid=poem-list] li').count()).toBe(100 - epochs[2]!.exactMatch);
    expect(await page.locator('[data-testid=poem-list] li[data-right]').count()).toBe(0);
    expect(await page.textContent('[data-testid=status-line]')).toMatch(/3 \/ 3/);
    await page.evaluate(() => document.querySelector('[data-panel=settings]')!.scrollTo(0, 0));
    await game.screenshot('training-wasm-done');
    // Autosaved after every epoch: one model, at its last epoch.
    const saved = await storedModels(page);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.metrics.map((m) => m.epoch)).toEqual([1, 2, 3]);
    expect(saved[0]!.checkpointEpochs).toBe(3);

    await page.reload();
    await openSettingsFromTitle(page);
    await page.click('[data-tab=models]');
    const rows = page.locator('[data-testid=model-list] li.model-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(`${epochs[2]!.exactMatch} / 100`);
    // Renaming is kept too.
    await rows.first().locator('[data-testid=rename-input]').fill('百人一首 3 epochs');
    await rows.first().locator('[data-testid=rename]').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=models-message]')?.textContent?.includes('名前を変えました'),
    );
    expect((await storedModels(page))[0]!.name).toBe('百人一首 3 epochs');
    await game.screenshot('training-saved-models');
    // The settings tab offers it as the opponent.
    await page.click('[data-tab=settings]');
    const options = await page.locator('select[name=opponentModel] option').allTextContents();
    expect(options).toContain('百人一首 3 epochs');
    // "Play against this model": the match starts with this model chosen as the opponent.
    await page.click('[data-tab=models]');
    const modelId = await rows.first().getAttribute('data-model-id');
    await rows.first().locator('[data-testid=play-saved]').click();
    await page.waitForFunction(() => window.__utakaruta?.screen === 'match', null, { timeout: 60_000 });
    expect(await page.locator('[data-panel=settings]').count()).toBe(0);
    const settings = await page.evaluate(
      () =>
        JSON.parse(localStorage.getItem('utakaruta.settings')!) as { settings: { opponentModel: string } },
    );
    expect(settings.settings.opponentModel).toBe(modelId);
    // The match plays that saved model: no fallback notice, the Transformer by name.
    const match = await page.evaluate(() => {
      const hooks = window.__utakaruta?.match as { opponent: string; notice: () => string };
      return { opponent: hooks.opponent, notice: hooks.notice() };
    });
    expect(match).toEqual({ opponent: '聴く Transformer・中級者（あなたのモデル）', notice: '' });
    await game.screenshot('training-play-against-model');
    expectClean(game);
    await game.context.close();
  });

  it('trains on WebGL (SwiftShader), and when the context is lost carries on with WASM from the last finished epoch', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await openTraining(page, { backend: 'webgl', epochs: 2 });
    await page.click('[data-testid=start]');
    await waitForEpochs(page, 1, 300_000);
    expect(await hook(page, 'trainingBackend')).toBe('webgl');
    expect(await page.textContent('[data-testid=backend-line]')).toContain('WEBGL');
    await game.screenshot('training-webgl-epoch1');
    await page.evaluate(() => (window.__utakaruta?.loseTrainingWebglContext as () => void)());
    expect(await waitForState(page, ['done', 'failed'], 200_000)).toBe('done');
    expect(await hook(page, 'trainingBackend')).toBe('wasm');
    const notices = (await page.textContent('[data-testid=training-notices]')) ?? '';
    expect(notices).toContain('WebGL のコンテキストが失われた');
    const epochs = await hook<StoredEpoch[]>(page, 'trainingEpochs');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    const saved = await storedModels(page);
    expect(saved[0]!.checkpointEpochs).toBe(2);
    await game.screenshot('training-webgl-context-lost');
    // Chromium reports the deliberate loss as a WebGL warning, not an error.
    expectClean(game);
    await game.context.close();
  }, 420_000);

  it('pauses and resumes, keeps the last finished epoch intact when cancelled mid-epoch, and Auto explains a software WebGL', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await openTraining(page, { backend: 'auto', epochs: 20 });
    await page.click('[data-testid=start]');
    await waitForEpochs(page, 1);
    // Auto does not train on a software-rendered WebGL and says why.
    expect(await page.textContent('[data-testid=backend-line]')).toMatch(
      /ソフトウェア描画（.*SwiftShader.*）/,
    );
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=save-message]')?.textContent?.includes('エポック'),
    );
    // Pause holds the worker between steps; resume carries on.
    const stepNow = async () => (await hook<{ step: number }>(page, 'trainingProgress')).step;
    await page.click('[data-testid=pause]');
    expect(await waitForState(page, ['paused'])).toBe('paused');
    await page.waitForTimeout(700); // a step already under way when the pause arrived may finish
    const pausedAt = await stepNow();
    await page.waitForTimeout(1500);
    expect(await stepNow()).toBe(pausedAt);
    expect(await page.isEnabled('[data-testid=resume]')).toBe(true);
    await game.screenshot('training-paused');
    await page.click('[data-testid=resume]');
    expect(await waitForState(page, ['running'])).toBe('running');
    await page.waitForFunction(
      (at) => ((window.__utakaruta?.trainingProgress as { step: number }).step ?? 0) > at,
      pausedAt,
    );
    // Wait until the next epoch is under way, then cancel in the middle of it.
    const done = (await hook<StoredEpoch[]>(page, 'trainingEpochs')).length;
    await page.waitForFunction(
      (k) =>
        /ステップ (\d+)/.exec(document.querySelector('[data-testid=status-line]')?.textContent ?? '')?.[1] !==
          undefined &&
        Number(/ステップ (\d+)/.exec(document.querySelector('[data-testid=status-line]')!.textContent!)![1]) >
          k * 22 + 3,
      done,
    );
    await page.click('[data-testid=cancel]');
    expect(await waitForState(page, ['cancelled', 'done', 'failed'])).toBe('cancelled');
    const finished = (await hook<StoredEpoch[]>(page, 'trainingEpochs')).length;
    await page.waitForTimeout(500);
    const saved = await storedModels(page);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.metrics).toHaveLength(finished);
    expect(saved[0]!.checkpointEpochs).toBe(finished);
    expect(saved[0]!.weightsBytes).toBeGreaterThan(10_000);
    await game.screenshot('training-cancelled');

    // A reload in the middle of the next run's epoch leaves the saved models as they were.
    await page.click('[data-testid=start]');
    await page.waitForFunction(() =>
      /ステップ [1-9]/.test(document.querySelector('[data-testid=status-line]')?.textContent ?? ''),
    );
    // The page asks before a reload ends the run (beforeunload); the player goes on.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    const after = await storedModels(page);
    expect(after.find((m) => m.checkpointEpochs === finished)?.metrics).toHaveLength(finished);
    expect(after.every((m) => m.weightsBytes > 10_000 && m.checkpointEpochs === m.metrics.length)).toBe(true);
    expectClean(game);
    await game.context.close();
  });

  it('imports a good model file and refuses a non-model, another vocabulary, another shape and truncated weights', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await openTraining(page, { backend: 'wasm', epochs: 1 });
    await page.uncheck('[data-testid=autosave]');
    await page.click('[data-testid=start]');
    expect(await waitForState(page, ['done', 'failed'])).toBe('done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    expect(download.suggestedFilename()).toMatch(/\.utakaruta\.json$/);
    const good = await readFile((await download.path())!, 'utf8');
    const file = JSON.parse(good) as {
      modelTopology: Record<string, unknown>;
      weightData: string;
      name: string;
    };

    const variants: [string, string, RegExp][] = [
      ['not-a-model.json', '{"hello": "world"}', /このゲームのモデルではありません/],
      ['picture.json', '\u0089PNG\r\n\u001a\n', /このゲームのモデルではありません/],
      [
        'other-vocabulary.json',
        JSON.stringify({
          ...file,
          modelTopology: {
            ...file.modelTopology,
            sourceVocab: [
              ...(file.modelTopology.sourceVocab as string[]).slice(0, 4),
              ...(file.modelTopology.sourceVocab as string[]).slice(4).reverse(),
            ],
          },
        }),
        /別の語彙/,
      ],
      [
        'other-shape.json',
        JSON.stringify({
          ...file,
          modelTopology: {
            ...file.modelTopology,
            config: { ...(file.modelTopology.config as object), dFF: 64 },
          },
        }),
        /重みの形/,
      ],
      [
        'truncated.json',
        JSON.stringify({ ...file, weightData: file.weightData.slice(0, 4000) }),
        /途中で切れて/,
      ],
    ];
    await page.click('[data-tab=models]');
    const message = page.locator('[data-testid=models-message]');
    for (const [name, text, expected] of variants) {
      await page.setInputFiles('[data-testid=import-file]', {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await page.waitForFunction(() => document.querySelector('[data-testid=models-message] .error'));
      expect(await message.textContent()).toMatch(expected);
      expect(await storedModels(page)).toHaveLength(0);
    }
    await game.screenshot('training-import-refused');
    await page.setInputFiles('[data-testid=import-file]', {
      name: 'good.utakaruta.json',
      mimeType: 'application/json',
      buffer: Buffer.from(good),
    });
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=models-message]')?.textContent?.includes('読み込みました'),
    );
    expect(await storedModels(page)).toHaveLength(1);
    expect(await page.locator('[data-testid=model-list] li.model-row').count()).toBe(1);
    expectClean(game);
    await game.context.close();
  });

  it('still trains and exports when IndexedDB is unavailable, and says the model cannot be kept', async () => {
    const game = await openGame(browser);
    const { page } = game;
    // As in a private window that refuses storage: opening any database fails.
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await page.reload();
    await openTraining(page, { backend: 'wasm', epochs: 1 });
    const notice = page.locator('[data-testid=training-notices]');
    expect(await notice.textContent()).toContain('このブラウザにはモデルを保存できません');
    await page.click('[data-testid=start]');
    expect(await waitForState(page, ['done', 'failed'])).toBe('done');
    expect(await page.isDisabled('[data-testid=save]')).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      format: string;
      weightData: string;
    };
    expect(exported.format).toBe('utakaruta-model-file');
    expect(exported.weightData.length).toBeGreaterThan(10_000);
    await game.screenshot('training-no-indexeddb');
    expectClean(game);
    await game.context.close();
  });

  it('refuses hyperparameters out of range with the reason, before training starts', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await openTraining(page, { backend: 'wasm', epochs: 0 });
    await page.fill('input[name=nHeads]', '5');
    const problems = page.locator('[data-testid=recipe-problems]');
    expect(await problems.textContent()).toContain('エポック数は 1 から 2000 までの整数');
    await page.fill('input[name=epochs]', '5');
    expect(await problems.textContent()).toContain('ヘッド数 5 は幅 32 を割り切れません');
    expect(await page.isDisabled('[data-testid=start]')).toBe(true);
    await page.fill('input[name=nHeads]', '16');
    await page.fill('input[name=dModel]', '1024');
    await page.fill('input[name=nLayers]', '12');
    await page.fill('input[name=dFF]', '4096');
    await page.fill('input[name=batchSize]', '100');
    expect(await problems.textContent()).toMatch(/約 \d+ MB のメモリが必要/);
    expect(await page.isDisabled('[data-testid=start]')).toBe(true);
    await game.screenshot('training-refused-recipe');
    await page.selectOption('select[name=preset]', 'talk');
    await page.fill('input[name=batchSize]', '32');
    expect(await problems.isHidden()).toBe(true);
    expect(await page.isEnabled('[data-testid=start]')).toBe(true);
    expect(await hook(page, 'trainingState')).toBeUndefined();
    expectClean(game);
    await game.context.close();
  });
});
