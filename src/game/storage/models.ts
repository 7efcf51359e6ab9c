// Models the player trained, kept in IndexedDB: a small summary per model (name, date, config,
// metrics) and, in a separate store, the tfjs artifacts (metadata + weights) of each version.
//
// Saves are atomic in two steps: the new weights go in under a fresh key in one transaction; only
// after it has committed does a second transaction point the model's summary at them and drop the
// old weights. A cancelled run, a crash or a reload between the two leaves the previous version in
// place (an orphaned weights record at worst, swept on the next open).
//
// Every failure is a value ({ ok: false, error }), never a throw: private mode, a blocked
// database and a full quota are normal here, and training must go on without storage.
//
// Nothing read back is trusted (validate.ts): a summary that fails its checks is reported as a
// damaged record by `inspect`, which never lets it stop the others from listing; weights are
// checked (complete, finite) before they are handed to a model, and again before they are saved.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { io } from '@tensorflow/tfjs-core';
import type { Bilingual } from '../i18n';
import { checkArtifacts, checkEpochs, checkSummary } from './validate';

export const MODEL_DB_NAME = 'utakaruta-models';
const DB_VERSION = 1;

/** The per-epoch numbers kept with a model (its learning curve), without the per-poem outputs. */
export interface StoredEpoch {
  readonly epoch: number;
  readonly loss: number;
  readonly teacherForcedAccuracy?: number;
  readonly exactMatch?: number;
  readonly total?: number;
}

export interface SavedModelSummary {
  readonly id: string;
  readonly name: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The training recipe (preset, sizes, objective, epochs, learning rate, batch, seed, backend). */
  readonly recipe: Readonly<Record<string, string | number | boolean>>;
  readonly metrics: readonly StoredEpoch[];
  readonly sizeBytes: number;
  /** Key of the committed weights record: the "current version" pointer. */
  readonly weightsKey: string;
}

interface WeightsRecord {
  readonly key: string;
  readonly modelId: string;
  readonly artifacts: io.ModelArtifacts;
}

interface ModelDB extends DBSchema {
  // Typed as stored by this build; every read goes through validate.ts all the same.
  models: { key: string; value: SavedModelSummary };
  weights: { key: string; value: WeightsRecord; indexes: { byModel: string } };
}

export type StoreErrorCode =
  | 'unavailable' // no IndexedDB, private mode, or the database is blocked by another tab
  | 'quota' // the browser refused to store more
  | 'not-found'
  | 'damaged' // the record is there but fails validation (see `problems`)
  | 'failed';

export interface StoreError {
  readonly code: StoreErrorCode;
  readonly message: string;
  /** For 'damaged': what is wrong, in both languages. */
  readonly problems?: readonly Bilingual[];
}

/** A stored summary that failed validation: shown as damaged, with delete and export offered. */
export interface DamagedRecord {
  /** The record's primary key, whatever type it was stored with. */
  readonly key: IDBValidKey;
  /** The stored name, when there is a readable one. */
  readonly name?: string;
  readonly problems: readonly Bilingual[];
}

/** What `inspect` found: the models that passed, newest first, and the records that did not. */
export interface Inventory {
  readonly models: SavedModelSummary[];
  readonly damaged: DamagedRecord[];
}

export type StoreResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StoreError };

export interface SaveRequest {
  /** Saving again under the id of an existing model replaces its weights and metrics. */
  readonly id?: string;
  readonly name: string;
  readonly recipe: SavedModelSummary['recipe'];
  readonly metrics: readonly StoredEpoch[];
  readonly artifacts: io.ModelArtifacts;
}

function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}

function failure<T>(code: StoreErrorCode, message: string): StoreResult<T> {
  return { ok: false, error: { code, message } };
}

function damaged<T>(problems: readonly Bilingual[]): StoreResult<T> {
  return {
    ok: false,
    error: { code: 'damaged', message: problems.map((p) => p.en).join('; '), problems },
  };
}

function describe(e: unknown): StoreError {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const message = e instanceof Error || e instanceof DOMException ? e.message : String(e);
  if (name === 'QuotaExceededError') return { code: 'quota', message };
  if (name === 'InvalidStateError' || name === 'SecurityError') return { code: 'unavailable', message };
  return { code: 'failed', message: message || name || 'unknown IndexedDB error' };
}

function byteLength(artifacts: io.ModelArtifacts): number {
  const data = artifacts.weightData;
  if (!data) return 0;
  return Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
}

let counter = 0;
/** Unique enough for one browser profile; no randomness needed (time + a counter). */
function freshKey(prefix: string, now: Date): string {
  counter = (counter + 1) % 1_000_000;
  return `${prefix}-${now.getTime().toString(36)}-${counter.toString(36)}`;
}

export class ModelStore {
  private constructor(
    private readonly db: IDBPDatabase<ModelDB>,
    private readonly clock: () => Date,
  ) {}

  /** Opens (creating if needed) the database; `unavailable` when the browser will not. */
  static async open(
    options: { name?: string; clock?: () => Date; timeoutMs?: number } = {},
  ): Promise<StoreResult<ModelStore>> {
    if (typeof indexedDB === 'undefined') return failure('unavailable', 'this browser has no IndexedDB');
    const name = options.name ?? MODEL_DB_NAME;
    try {
      const opening = openDB<ModelDB>(name, DB_VERSION, {
        upgrade(db) {
          db.createObjectStore('models', { keyPath: 'id' });
          db.createObjectStore('weights', { keyPath: 'key' }).createIndex('byModel', 'modelId');
        },
      });
      // A blocked upgrade (another tab holds an old version) never settles; do not hang on it.
      const timeout = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), options.timeoutMs ?? 5000),
      );
      const db = await Promise.race([opening, timeout]);
      if (db === 'timeout') return failure('unavailable', 'the model database is blocked by another tab');
      const store = new ModelStore(db, options.clock ?? (() => new Date()));
      await store.sweepOrphans();
      return ok(store);
    } catch (e) {
      const error = describe(e);
      return { ok: false, error: { ...error, code: error.code === 'failed' ? 'unavailable' : error.code } };
    }
  }

  close(): void {
    this.db.close();
  }

  /** Every saved model that passes validation, newest first, and every record that does not. */
  async inspect(): Promise<StoreResult<Inventory>> {
    try {
      const tx = this.db.transaction('models');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
      const models: SavedModelSummary[] = [];
      const broken: DamagedRecord[] = [];
      values.forEach((raw: unknown, i) => {
        const key: IDBValidKey = keys[i] ?? i;
        const checked = checkSummary(raw);
        if (checked.ok && checked.value.id === key) models.push(checked.value);
        else {
          const name = (raw as { name?: unknown } | null)?.name;
          broken.push({
            key,
            ...(typeof name === 'string' && name.trim() ? { name: name.slice(0, 80) } : {}),
            problems: checked.ok
              ? [{ ja: 'ID が記録の鍵と違います', en: 'the id differs from the record key' }]
              : checked.problems,
          });
        }
      });
      models.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return ok({ models, damaged: broken });
    } catch (e) {
      return { ok: false, error: describe(e) };
    }
  }

  /** Every saved model that passes validation, newest first (damaged records left out). */
  async list(): Promise<StoreResult<SavedModelSummary[]>> {
    const found = await this.inspect();
    return found.ok ? ok(found.value.models) : found;
  }

  async get(id: string): Promise<StoreResult<SavedModelSummary>> {
    try {
      const raw: unknown = await this.db.get('models', id);
      if (raw === undefined) return failure('not-found', `no saved model ${id}`);
      const checked = checkSummary(raw);
      return checked.ok ? ok(checked.value) : damaged(checked.problems);
    } catch (e) {
      return { ok: false, error: describe(e) };
    }
  }

  /** Writes a model (new, or a new version of `request.id`) atomically; see the file comment. */
  async save(request: SaveRequest): Promise<StoreResult<SavedModelSummary>> {
    const curve = checkEpochs(request.metrics);
    const weights = checkArtifacts(request.artifacts);
    if (curve.problems.length > 0 || !weights.ok)
      return damaged([...curve.problems, ...(weights.ok ? [] : weights.problems)]);
    const now = this.clock();
    const id = request.id ?? freshKey('model', now);
    const weightsKey = freshKey(id, now);
    try {
      const previous = await this.db.get('models', id);
      // Step 1: the new weights, under a key nothing points to yet.
      const tx1 = this.db.transaction('weights', 'readwrite');
      await Promise.all([
        tx1.store.put({ key: weightsKey, modelId: id, artifacts: request.artifacts }),
        tx1.done,
      ]);
      // Step 2: switch the pointer, then drop the old version, in one transaction.
      const summary: SavedModelSummary = {
        id,
        name: request.name,
        createdAt: previous?.createdAt ?? now.toISOString(),
        updatedAt: now.toISOString(),
        recipe: request.recipe,
        metrics: curve.epochs,
        sizeBytes: byteLength(request.artifacts),
        weightsKey,
      };
      const tx2 = this.db.transaction(['models', 'weights'], 'readwrite');
      const writes: Promise<unknown>[] = [tx2.objectStore('models').put(summary)];
      if (previous) writes.push(tx2.objectStore('weights').delete(previous.weightsKey));
      await Promise.all([...writes, tx2.done]);
      return ok(summary);
    } catch (e) {
      // The pointer never moved; the new weights (if step 1 committed) are unreachable.
      await this.db.delete('weights', weightsKey).catch(() => {});
      return { ok: false, error: describe(e) };
    }
  }

  async rename(id: string, name: string): Promise<StoreResult<SavedModelSummary>> {
    const trimmed = name.trim();
    if (trimmed.length === 0) return failure('failed', 'a model needs a name');
    try {
      const tx = this.db.transaction('models', 'readwrite');
      const summary = await tx.store.get(id);
      if (!summary) {
        await tx.done;
        return failure('not-found', `no saved model ${id}`);
      }
      const renamed = { ...summary, name: trimmed.slice(0, 80) };
      await Promise.all([tx.store.put(renamed), tx.done]);
      return ok(renamed);
    } catch (e) {
      return { ok: false, error: describe(e) };
    }
  }

  /** Deletes a model, or a damaged record by its key, with every version of its weights. */
  async delete(id: IDBValidKey): Promise<StoreResult<void>> {
    try {
      const tx = this.db.transaction(['models', 'weights'], 'readwrite');
      const keys = await tx
        .objectStore('weights')
        .index('byModel')
        .getAllKeys(id as string);
      await Promise.all([
        tx.objectStore('models').delete(id as string),
        ...keys.map((k) => tx.objectStore('weights').delete(k)),
        tx.done,
      ]);
      return ok(undefined);
    } catch (e) {
      return { ok: false, error: describe(e) };
    }
  }

  /** The committed artifacts of a model, ready for checkpointFromArtifacts or a load handler. */
  /** Checked: complete float32 tensors, every value finite; 'damaged' otherwise. */
  async artifacts(id: string): Promise<StoreResult<io.ModelArtifacts>> {
    try {
      const summary = await this.get(id);
      if (!summary.ok) return summary;
      const record: unknown = await this.db.get('weights', summary.value.weightsKey);
      if (!record) return failure('not-found', `the weights of model ${id} are missing`);
      const checked = checkArtifacts((record as { artifacts?: unknown }).artifacts);
      return checked.ok ? ok(checked.value) : damaged(checked.problems);
    } catch (e) {
      return { ok: false, error: describe(e) };
    }
  }

  /**
   * What a damaged record still holds, for export: its raw summary and, when they pass their
   * checks, the weights it points to (often all that is wrong is a summary field).
   */
  async salvage(key: IDBValidKey): Promise<StoreResult<{ summary: unknown; artifacts?: io.ModelArtifacts }>> {
    try {
      const summary: unknown = await this.db.get('models', key as string);
      if (summary === undefined) return failure('not-found', 'no such record');
      const weightsKey = (summary as { weightsKey?: unknown } | null)?.weightsKey;
      let record: unknown;
      if (typeof weightsKey === 'string') record = await this.db.get('weights', weightsKey);
      if (!record) {
        const all = await this.db.getAllFromIndex('weights', 'byModel', key as string);
        record = all[all.length - 1];
      }
      const checked = checkArtifacts((record as { artifacts?: unknown } | undefined)?.artifacts);
      return ok({ summary, ...(checked.ok ? { artifacts: checked.value } : {}) });
    } catch (e) {
      return { ok: false, error: describe(e) };
    }
  }

  /** Deletes weights no summary points to (left by a save that did not finish). */
  async sweepOrphans(): Promise<void> {
    try {
      const tx = this.db.transaction(['models', 'weights'], 'readwrite');
      const live = new Set(
        (await tx.objectStore('models').getAll()).map(
          (m: unknown) => (m as { weightsKey?: unknown } | null)?.weightsKey,
        ),
      );
      const keys = await tx.objectStore('weights').getAllKeys();
      await Promise.all([
        ...keys.filter((k) => !live.has(k)).map((k) => tx.objectStore('weights').delete(k)),
        tx.done,
      ]);
    } catch {
      // Best effort: an orphan costs space, never correctness.
    }
  }
}

/** A tfjs load handler for a saved model, for loadCheckpoint(handler, …). */
export function storedModelHandler(store: ModelStore, id: string): io.IOHandler {
  return {
    async load() {
      const result = await store.artifacts(id);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
  };
}

/**
 * Loads a saved model's artifacts with a store opened and closed around it: what the match's
 * opponent calls for `settings.opponentModel` when it names a saved model.
 */
export async function loadSavedModelArtifacts(id: string): Promise<StoreResult<io.ModelArtifacts>> {
  const opened = await ModelStore.open();
  if (!opened.ok) return opened;
  try {
    return await opened.value.artifacts(id);
  } finally {
    opened.value.close();
  }
}

/**
 * A tfjs load handler for the saved model `id` that opens and closes the store itself, so the
 * opponent loader can treat a player's model like a shipped one:
 * `loadCheckpoint(savedModelIOHandler(settings.opponentModel), { task: LISTENER_TASK })`.
 */
export function savedModelIOHandler(id: string): io.IOHandler {
  return {
    async load() {
      const result = await loadSavedModelArtifacts(id);
      if (!result.ok) throw new Error(`saved model ${id}: ${result.error.message}`);
      return result.value;
    },
  };
}
