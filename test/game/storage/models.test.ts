import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { io } from '@tensorflow/tfjs-core';
import { ModelStore, storedModelHandler, type SaveRequest } from '../../../src/game/storage/models';

let dbCounter = 0;
let store: ModelStore;
let dbName: string;
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 10, 29, 12, 0, tick++));

function artifacts(fill: number, floats = 8): io.ModelArtifacts {
  return {
    modelTopology: { format: 'utakaruta-transformer', fill },
    weightSpecs: [{ name: 'w', shape: [floats], dtype: 'float32' }],
    weightData: new Float32Array(floats).fill(fill).buffer,
  };
}

function request(fill: number, extra: Partial<SaveRequest> = {}): SaveRequest {
  return {
    name: `model ${fill}`,
    recipe: { preset: 'talk', epochs: fill },
    metrics: [{ epoch: 1, loss: 2.5, exactMatch: 3, total: 100 }],
    artifacts: artifacts(fill),
    ...extra,
  };
}

async function open(): Promise<ModelStore> {
  const opened = await ModelStore.open({ name: dbName, clock });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

async function weightCount(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => {
      const count = req.result.transaction('weights').objectStore('weights').count();
      count.onsuccess = () => {
        req.result.close();
        resolve(count.result);
      };
    };
    req.onerror = () => reject(req.error);
  });
}

function firstFloat(a: io.ModelArtifacts): number {
  return new Float32Array(a.weightData as ArrayBuffer)[0] ?? NaN;
}

/** Makes every put into `storeName` fail as the browser does when the quota is full. */
function failPuts(storeName: string): () => void {
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === storeName) throw new DOMException('quota exceeded', 'QuotaExceededError');
    return original.apply(this, args);
  };
  return () => {
    IDBObjectStore.prototype.put = original;
  };
}

beforeEach(async () => {
  dbName = `models-test-${dbCounter++}`;
  store = await open();
});
afterEach(() => store.close());

describe('ModelStore', () => {
  it('keeps a saved model with its name, recipe, metrics, date and weights', async () => {
    const saved = await store.save(request(1));
    expect(saved.ok).toBe(true);
    const listed = await store.list();
    expect(listed.ok && listed.value.map((m) => [m.name, m.recipe, m.metrics, m.sizeBytes])).toEqual([
      ['model 1', { preset: 'talk', epochs: 1 }, [{ epoch: 1, loss: 2.5, exactMatch: 3, total: 100 }], 32],
    ]);
    expect(listed.ok && listed.value[0]?.createdAt).toMatch(/^2026-11-29T12:00/);
    const id = saved.ok ? saved.value.id : '';
    const loaded = await storedModelHandler(store, id).load!();
    expect(firstFloat(loaded)).toBe(1);
    expect(loaded.modelTopology).toEqual({ format: 'utakaruta-transformer', fill: 1 });
  });

  it('lists models newest first and survives closing and reopening', async () => {
    await store.save(request(1));
    await store.save(request(2));
    store.close();
    store = await open();
    const listed = await store.list();
    expect(listed.ok && listed.value.map((m) => m.name)).toEqual(['model 2', 'model 1']);
  });

  it('replaces a model version by version, keeping one weights record and the creation date', async () => {
    const first = await store.save(request(1));
    const id = first.ok ? first.value.id : '';
    const second = await store.save(request(5, { id }));
    expect(second.ok && second.value.createdAt).toBe(first.ok && first.value.createdAt);
    const loaded = await store.artifacts(id);
    expect(loaded.ok && firstFloat(loaded.value)).toBe(5);
    expect(await weightCount()).toBe(1);
  });

  it('leaves the previous version intact when the browser refuses the new weights (quota)', async () => {
    const first = await store.save(request(1));
    const id = first.ok ? first.value.id : '';
    const restore = failPuts('weights');
    const failed = await store.save(request(9, { id }));
    restore();
    expect(failed).toEqual({ ok: false, error: { code: 'quota', message: 'quota exceeded' } });
    const loaded = await store.artifacts(id);
    expect(loaded.ok && firstFloat(loaded.value)).toBe(1);
    const summary = await store.get(id);
    expect(summary.ok && summary.value.recipe).toEqual({ preset: 'talk', epochs: 1 });
  });

  it('leaves the previous version intact and no stray weights when the pointer switch fails', async () => {
    const first = await store.save(request(1));
    const id = first.ok ? first.value.id : '';
    const restore = failPuts('models');
    const failed = await store.save(request(9, { id }));
    restore();
    expect(failed.ok).toBe(false);
    const loaded = await store.artifacts(id);
    expect(loaded.ok && firstFloat(loaded.value)).toBe(1);
    expect(await weightCount()).toBe(1);
  });

  it('sweeps weights left by a save that stopped between its two steps when it next opens', async () => {
    await store.save(request(1));
    store.close();
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(dbName);
      req.onsuccess = () => {
        const tx = req.result.transaction('weights', 'readwrite');
        tx.objectStore('weights').put({ key: 'orphan', modelId: 'x', artifacts: artifacts(7) });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
    });
    expect(await weightCount()).toBe(2);
    store = await open();
    expect(await weightCount()).toBe(1);
  });

  it('renames a model, refusing an empty name', async () => {
    const saved = await store.save(request(1));
    const id = saved.ok ? saved.value.id : '';
    expect((await store.rename(id, '  ')).ok).toBe(false);
    const renamed = await store.rename(id, ' 百人一首 epoch 5 ');
    expect(renamed.ok && renamed.value.name).toBe('百人一首 epoch 5');
    expect((await store.rename('nope', 'x')).ok).toBe(false);
  });

  it('deletes a model and its weights', async () => {
    const saved = await store.save(request(1));
    const id = saved.ok ? saved.value.id : '';
    expect((await store.delete(id)).ok).toBe(true);
    const listed = await store.list();
    expect(listed.ok && listed.value).toEqual([]);
    expect(await weightCount()).toBe(0);
    const loaded = await store.artifacts(id);
    expect(!loaded.ok && loaded.error.code).toBe('not-found');
  });

  it('answers "unavailable" instead of throwing when the browser has no IndexedDB', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const opened = await ModelStore.open({ name: 'none' });
      expect(!opened.ok && opened.error.code).toBe('unavailable');
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('savedModelIOHandler', () => {
  it('loads a saved model from the default database, and fails with the reason for an unknown id', async () => {
    const { savedModelIOHandler, MODEL_DB_NAME } = await import('../../../src/game/storage/models');
    const opened = await ModelStore.open({ name: MODEL_DB_NAME, clock });
    if (!opened.ok) throw new Error(opened.error.message);
    const saved = await opened.value.save(request(4));
    opened.value.close();
    const id = saved.ok ? saved.value.id : '';
    expect(firstFloat(await savedModelIOHandler(id).load!())).toBe(4);
    await expect(savedModelIOHandler('nope').load!()).rejects.toThrow(
      /saved model nope: no saved model nope/,
    );
  });
});

/** Writes a raw record straight into the models store, as an older build or a bad import left it. */
async function putRaw(value: unknown): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => {
      const tx = req.result.transaction('models', 'readwrite');
      tx.objectStore('models').put(value);
      tx.oncomplete = () => {
        req.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

describe('ModelStore with damaged records', () => {
  it('lists a summary with "loss":"abc","exactMatch":1000 as damaged, with the reason, and the others as models', async () => {
    for (const fill of [1, 2, 3]) expect((await store.save(request(fill))).ok).toBe(true);
    const good = (await store.list()).ok;
    expect(good).toBe(true);
    const saved = await store.save(request(4));
    if (!saved.ok) throw new Error(saved.error.message);
    await putRaw({ ...saved.value, metrics: [{ epoch: 1, loss: 'abc', exactMatch: 1000, total: 100 }] });
    const found = await store.inspect();
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.models.map((m) => m.name).sort()).toEqual(['model 1', 'model 2', 'model 3']);
    expect(found.value.damaged).toHaveLength(1);
    expect(found.value.damaged[0]!.name).toBe('model 4');
    expect(found.value.damaged[0]!.problems.map((p) => p.en).join()).toContain('loss "abc"');
    expect(found.value.damaged[0]!.problems.map((p) => p.ja).join()).toContain('損失が "abc"');
    // The damaged one is neither playable nor listed as a model, and can be deleted.
    const weights = await store.artifacts(saved.value.id);
    expect(!weights.ok && weights.error.code).toBe('damaged');
    const salvaged = await store.salvage(found.value.damaged[0]!.key);
    expect(salvaged.ok && salvaged.value.artifacts !== undefined).toBe(true);
    expect((await store.delete(found.value.damaged[0]!.key)).ok).toBe(true);
    const after = await store.inspect();
    expect(after.ok && after.value.damaged).toEqual([]);
    expect(after.ok && after.value.models).toHaveLength(3);
  });

  it.each([
    ['a record that is not an object', 'just text'],
    [
      'a record without dates',
      { id: 'x1', name: 'x', metrics: [], recipe: {}, sizeBytes: 1, weightsKey: 'k' },
    ],
    [
      'a record whose updatedAt is a number',
      {
        id: 'x2',
        name: 'x',
        createdAt: '',
        updatedAt: 5,
        metrics: [],
        recipe: {},
        sizeBytes: 1,
        weightsKey: 'k',
      },
    ],
  ])('never lets %s stop the others from listing', async (_name, raw) => {
    expect((await store.save(request(1))).ok).toBe(true);
    await putRaw(typeof raw === 'string' ? { id: 'text', raw } : raw);
    if (typeof raw === 'string') await putRaw({ id: 'plain', name: 3 });
    const found = await store.inspect();
    expect(found.ok && found.value.models.map((m) => m.name)).toEqual(['model 1']);
    expect(found.ok && found.value.damaged.length).toBeGreaterThan(0);
  });

  it('refuses to save weights holding NaN, or a learning curve with NaN in it', async () => {
    const nan = { ...artifacts(1), weightData: new Float32Array(8).fill(NaN).buffer };
    const refused = await store.save(request(1, { artifacts: nan }));
    expect(!refused.ok && refused.error.code).toBe('damaged');
    expect(!refused.ok && refused.error.problems?.[0]?.en).toContain('8 of its 8 weights are not numbers');
    const badCurve = await store.save(request(2, { metrics: [{ epoch: 1, loss: NaN }] }));
    expect(!badCurve.ok && badCurve.error.code).toBe('damaged');
    expect((await store.list()).ok && (await store.list()).ok).toBe(true);
    const listed = await store.list();
    expect(listed.ok && listed.value).toEqual([]);
  });

  it('refuses weights that are shorter than their manifest when read back', async () => {
    const saved = await store.save(request(1));
    if (!saved.ok) throw new Error(saved.error.message);
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(dbName);
      req.onsuccess = () => {
        const tx = req.result.transaction('weights', 'readwrite');
        tx.objectStore('weights').put({
          key: saved.value.weightsKey,
          modelId: saved.value.id,
          artifacts: { ...artifacts(1), weightData: new ArrayBuffer(4) },
        });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
    });
    const read = await store.artifacts(saved.value.id);
    expect(!read.ok && read.error.code).toBe('damaged');
    expect(!read.ok && read.error.message).toContain('truncated');
  });
});
