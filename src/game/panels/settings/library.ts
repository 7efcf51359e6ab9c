// The panel's view of the model store: opened once per panel, shared by the training and
// models tabs, and telling both when the list of saved models changed.
import {
  ModelStore,
  type DamagedRecord,
  type SavedModelSummary,
  type StoreError,
  type StoreResult,
} from '../../storage/models';

export class ModelLibrary {
  private readonly listeners = new Set<(models: readonly SavedModelSummary[]) => void>();
  models: readonly SavedModelSummary[] = [];
  /** Records that failed validation: listed apart, with delete and export, never as models. */
  damaged: readonly DamagedRecord[] = [];
  /** Why the last listing failed, if it did. */
  listError: StoreError | undefined;

  private constructor(
    readonly store: ModelStore | undefined,
    /** Why models cannot be kept in this browser, when they cannot. */
    readonly unavailable: StoreError | undefined,
  ) {}

  static async open(): Promise<ModelLibrary> {
    const opened = await ModelStore.open();
    const library = opened.ok
      ? new ModelLibrary(opened.value, undefined)
      : new ModelLibrary(undefined, opened.error);
    await library.refresh();
    return library;
  }

  async refresh(): Promise<void> {
    if (!this.store) return;
    const listed = await this.store.inspect();
    if (listed.ok) {
      this.models = listed.value.models;
      this.damaged = listed.value.damaged;
      this.listError = undefined;
    } else this.listError = listed.error;
    for (const listener of this.listeners) listener(this.models);
  }

  /** Runs a store operation, then refreshes the list; without a store, answers 'unavailable'. */
  async use<T>(operation: (store: ModelStore) => Promise<StoreResult<T>>): Promise<StoreResult<T>> {
    if (!this.store) {
      return { ok: false, error: this.unavailable ?? { code: 'unavailable', message: 'no model store' } };
    }
    let result: StoreResult<T>;
    try {
      result = await operation(this.store);
    } catch (e) {
      result = { ok: false, error: { code: 'failed', message: e instanceof Error ? e.message : String(e) } };
    }
    await this.refresh();
    return result;
  }

  onChange(listener: (models: readonly SavedModelSummary[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.store?.close();
  }
}
