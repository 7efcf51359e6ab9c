// Shared by the settings and training browser tests: open the settings panel from the title menu,
// read the test hooks and the model database, import a model file.
import { expect } from 'vitest';
import { openFromMenu, type GamePage } from './harness';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';

export async function openSettingsFromTitle(page: Page): Promise<void> {
  await openFromMenu(page, 'settings', { timeout: 30_000 });
  await page.waitForFunction(() => window.__utakaruta?.settingsReady === true, null, { timeout: 30_000 });
}

interface ModelJson {
  modelTopology: Record<string, unknown>;
  weightsManifest: { weights: unknown[] }[];
}

/** A model file made from the shipped checkpoint, as the Export button writes one. */
export async function shippedModelFile(): Promise<Record<string, unknown>> {
  const model = JSON.parse(await readFile('assets/checkpoints/opponent/model.json', 'utf8')) as ModelJson;
  const weights = await readFile('assets/checkpoints/opponent/weights.bin');
  return {
    format: 'utakaruta-model-file',
    version: 1,
    name: 'shipped copy',
    createdAt: '2026-11-29T18:05:20.851Z',
    recipe: { preset: 'listener', objective: 'honest' },
    metrics: [
      { epoch: 47, loss: 0.05, teacherForcedAccuracy: 0.99, exactMatch: 100, total: 100 },
      { epoch: 48, loss: 0.04, teacherForcedAccuracy: 0.99, exactMatch: 100, total: 100 },
    ],
    modelTopology: model.modelTopology,
    weightSpecs: model.weightsManifest[0]!.weights,
    weightData: weights.toString('base64'),
  };
}

/** Imports `file` from the Saved models tab and returns the message once checking is over. */
export async function importFile(page: Page, name: string, file: unknown): Promise<string> {
  await page.evaluate(() => {
    const message = document.querySelector('[data-testid=models-message]');
    if (message) message.textContent = '';
  });
  await page.setInputFiles('[data-testid=import-file]', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof file === 'string' ? file : JSON.stringify(file)),
  });
  await page.waitForFunction(
    () => {
      const text = document.querySelector('[data-testid=models-message]')?.textContent ?? '';
      return text !== '' && !text.includes('確かめています');
    },
    null,
    { timeout: 90_000 },
  );
  return (await page.textContent('[data-testid=models-message]')) ?? '';
}

export const hook = <T>(page: Page, name: string) =>
  page.evaluate((n) => window.__utakaruta?.[n], name) as Promise<T>;

export interface StoredEpoch {
  epoch: number;
  loss: number;
  teacherForcedAccuracy: number;
  exactMatch: number;
  total: number;
}

export async function waitForState(page: Page, states: string[], timeout = 240_000): Promise<string> {
  await page.waitForFunction((s) => s.includes(String(window.__utakaruta?.trainingState)), states, {
    timeout,
  });
  return hook<string>(page, 'trainingState');
}

/** The models kept in IndexedDB, read straight from the database (not through the panel). */
export function storedModels(page: Page) {
  return page.evaluate(
    () =>
      new Promise<
        { id: string; name: string; metrics: StoredEpoch[]; weightsBytes: number; checkpointEpochs: number }[]
      >((resolve, reject) => {
        const req = indexedDB.open('utakaruta-models');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction(['models', 'weights']);
          const all = tx.objectStore('models').getAll();
          all.onsuccess = async () => {
            const rows = await Promise.all(
              (all.result as { id: string; name: string; metrics: StoredEpoch[]; weightsKey: string }[]).map(
                (m) =>
                  new Promise<{
                    id: string;
                    name: string;
                    metrics: StoredEpoch[];
                    weightsBytes: number;
                    checkpointEpochs: number;
                  }>((done) => {
                    const w = tx.objectStore('weights').get(m.weightsKey);
                    w.onsuccess = () => {
                      const artifacts = w.result?.artifacts as
                        { weightData: ArrayBuffer; modelTopology: { epochs: number } } | undefined;
                      done({
                        id: m.id,
                        name: m.name,
                        metrics: m.metrics,
                        weightsBytes: artifacts?.weightData.byteLength ?? 0,
                        checkpointEpochs: artifacts?.modelTopology.epochs ?? -1,
                      });
                    };
                  }),
              ),
            );
            req.result.close();
            resolve(rows);
          };
        };
      }),
  );
}

export function expectClean(game: GamePage): void {
  expect(game.errors).toEqual([]);
  expect(game.outsideRequests).toEqual([]);
}
