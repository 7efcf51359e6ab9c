// The saved-models library against bad data, in the built game in headless Chromium: the
// reported lock (an export edited to "loss":"abc","exactMatch":1000 was stored, and from then
// on the Saved models tab said 読み込み中… forever), a damaged record left in IndexedDB by an
// older build, and a file whose weights are all NaN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { launchBrowser, openGame } from './harness';
import { expectClean, importFile, openSettingsFromTitle, shippedModelFile } from './settingsHelpers';

/** Writes a summary straight into IndexedDB, as an older build's import left it. */
function putRawSummary(page: Page, summary: Record<string, unknown>): Promise<void> {
  return page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('utakaruta-models');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('models', 'readwrite');
          tx.objectStore('models').put(value);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    summary,
  );
}

function storedSummaries(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = indexedDB.open('utakaruta-models');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('models').objectStore('models').getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve(all.result as Record<string, unknown>[]);
          };
        };
      }),
  );
}

describe('the saved-models library with bad data', () => {
  let browser: Browser;
  let good: Record<string, unknown>;
  beforeAll(async () => {
    browser = await launchBrowser();
    good = await shippedModelFile();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('imports the reported edited export ("loss":"abc","exactMatch":1000) with measured numbers, and the library still opens after a reload', async () => {
    const game = await openGame(browser, { width: 1280, height: 800 });
    const { page } = game;
    await openSettingsFromTitle(page);
    await page.click('[data-tab=models]');
    expect(await importFile(page, 'shipped.utakaruta.json', good)).toContain('読み込みました');
    const metrics = good.metrics as Record<string, unknown>[];
    const edited = {
      ...good,
      name: 'edited',
      metrics: [metrics[0], { ...metrics[1], loss: 'abc', exactMatch: 1000 }],
    };
    const message = await importFile(page, 'edited.utakaruta.json', edited);
    // Accepted for its weights, with the numbers measured here, and the bad ones named.
    expect(message).toContain('読み込みました：「edited」');
    expect(message).toMatch(/読み込み時に測定：自力で書けた下の句 100 \/ 100/);
    expect(message).toContain('損失が "abc"');
    const rows = page.locator('[data-testid=model-list] li.model-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toMatch(/損失 \d\.\d{3}/);
    await game.screenshot('models-imported-edited');

    await page.reload();
    await openSettingsFromTitle(page);
    await page.click('[data-tab=models]');
    expect(await page.locator('[data-testid=model-list] li.model-row').count()).toBe(2);
    expect(await page.textContent('[data-panel=settings]')).not.toContain('読み込み中');
    const stored = await storedSummaries(page);
    for (const s of stored) {
      for (const m of s.metrics as { loss: unknown; exactMatch: unknown; total: unknown }[]) {
        expect(typeof m.loss).toBe('number');
        expect(m.exactMatch as number).toBeLessThanOrEqual(m.total as number);
      }
    }
    expectClean(game);
    await game.context.close();
  });

  it('lists a damaged record left by an older build apart, with export and delete, and the other models still work', async () => {
    const game = await openGame(browser, { width: 1024, height: 768 });
    const { page } = game;
    await openSettingsFromTitle(page);
    await page.click('[data-tab=models]');
    expect(await importFile(page, 'a.utakaruta.json', { ...good, name: 'first' })).toContain(
      '読み込みました',
    );
    expect(await importFile(page, 'b.utakaruta.json', { ...good, name: 'second' })).toContain(
      '読み込みました',
    );
    const [victim] = (await storedSummaries(page)).filter((s) => s.name === 'second');
    // Exactly what the old build stored for the edited file.
    await putRawSummary(page, {
      ...victim,
      metrics: [{ epoch: 48, loss: 'abc', exactMatch: 1000, total: 100, teacherForcedAccuracy: 0.9 }],
    });
    await page.reload();
    await openSettingsFromTitle(page);
    await page.click('[data-tab=models]');
    const damaged = page.locator('[data-testid=damaged-row]');
    expect(await damaged.count()).toBe(1);
    expect(await damaged.textContent()).toContain('壊れて');
    expect(await damaged.textContent()).toContain('損失が "abc"');
    expect(await page.locator('[data-testid=model-list] li.model-row:not(.damaged)').count()).toBe(1);
    await page.evaluate(() => document.querySelector('[data-panel=settings]')!.scrollTo(0, 0));
    await game.screenshot('models-damaged-record-1024');
    await page.setViewportSize({ width: 1280, height: 800 });
    await game.screenshot('models-damaged-record-1280');
    // The settings tab offers only the sound model as the opponent.
    await page.click('[data-tab=settings]');
    const options = await page.locator('select[name=opponentModel] option').allTextContents();
    expect(options.filter((o) => o === 'first')).toHaveLength(1);
    expect(options).not.toContain('second');
    await page.click('[data-tab=models]');

    // Export of the damaged record: its weights are intact, so it is a model file again…
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      damaged.locator('[data-testid=export-damaged]').click(),
    ]);
    const exported = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(exported).format).toBe('utakaruta-model-file');
    // …and delete removes it; the rest stay.
    page.once('dialog', (dialog) => void dialog.accept());
    await damaged.locator('[data-testid=delete-damaged]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=damaged-row]').length === 0);
    // Re-importing the exported file repairs it (measured again on import).
    expect(await importFile(page, 'repaired.utakaruta.json', exported)).toMatch(/読み込み時に測定/);
    expect(await page.locator('[data-testid=model-list] li.model-row').count()).toBe(2);
    // Rename still works on the others.
    const first = page.locator('[data-testid=model-list] li.model-row').last();
    await first.locator('[data-testid=rename-input]').fill('renamed');
    await first.locator('[data-testid=rename]').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=models-message]')?.textContent?.includes('名前を変えました'),
    );
    expectClean(game);
    await game.context.close();
  });

  it('refuses a file whose weights are all NaN, saying so, and stores nothing', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await openSettingsFromTitle(page);
    await page.click('[data-tab=models]');
    const bytes = Buffer.from(good.weightData as string, 'base64');
    const nan = new Float32Array(bytes.byteLength / 4).fill(NaN);
    const message = await importFile(page, 'nan.utakaruta.json', {
      ...good,
      weightData: Buffer.from(nan.buffer).toString('base64'),
    });
    expect(message).toContain('読み込めません');
    expect(message).toMatch(/NaN・無限大）が [\d,]+ 個/);
    expect(await storedSummaries(page)).toHaveLength(0);
    await game.screenshot('models-nan-refused');
    expectClean(game);
    await game.context.close();
  });
});
