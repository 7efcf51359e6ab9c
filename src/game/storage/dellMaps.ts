// Fit maps for the lexical-access lab: the shipped map for the default settings (made by
// scripts/dell-map.ts) and, in IndexedDB, maps made in this browser for other settings.
//
// Everything read is validated (speech/dell/fit.ts validateMap) before the lab sees it: a stored
// map that is damaged, of an old version or filed under another key is deleted and reported as
// such, so the lab says so and offers to make it again. No failure here is ever a throw: private
// mode and a blocked database are normal, and the lab works without storage.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import shippedMapUrl from '../../../assets/dell/map.json?url';
import { mapKey, MAP_FORMAT, validateMap, type FitMap, type MapSpec } from '../../speech/dell/fit';

export const DELL_MAP_DB_NAME = 'utakaruta-dell';
const STORE = 'maps';

interface DellMapDB extends DBSchema {
  maps: { key: string; value: unknown };
}

export type CachedMapResult =
  | { readonly status: 'found'; readonly map: FitMap }
  | { readonly status: 'missing' }
  /** A record was there but unusable; it has been deleted. */
  | { readonly status: 'damaged'; readonly reason: string }
  | { readonly status: 'unavailable'; readonly message: string };

export type SaveMapResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Keys of this map version start with this (mapKey is a JSON array led by MAP_FORMAT). */
const CURRENT_PREFIX = JSON.stringify([MAP_FORMAT]).slice(0, -1);

export class DellMapStore {
  private swept = false;

  constructor(private readonly dbName = DELL_MAP_DB_NAME) {}

  private open(): Promise<IDBPDatabase<DellMapDB>> {
    return openDB<DellMapDB>(this.dbName, 1, {
      upgrade(db) {
        db.createObjectStore(STORE);
      },
    });
  }

  /** Maps of older versions can never be used again: delete them once per session. */
  private async sweep(db: IDBPDatabase<DellMapDB>): Promise<void> {
    if (this.swept) return;
    this.swept = true;
    const stale = (await db.getAllKeys(STORE)).filter(
      (key) => typeof key !== 'string' || !key.startsWith(CURRENT_PREFIX),
    );
    for (const key of stale) await db.delete(STORE, key);
  }

  /** The map made earlier in this browser for exactly this spec, validated. */
  async read(spec: MapSpec): Promise<CachedMapResult> {
    let db: IDBPDatabase<DellMapDB> | undefined;
    try {
      db = await this.open();
      await this.sweep(db);
      const key = mapKey(spec);
      const value = await db.get(STORE, key);
      if (value === undefined) return { status: 'missing' };
      const checked = validateMap(value);
      const reason = !checked.ok
        ? checked.reason
        : mapKey(checked.map) !== key
          ? 'filed under other settings'
          : undefined;
      if (reason === undefined && checked.ok) return { status: 'found', map: checked.map };
      await db.delete(STORE, key).catch(() => undefined);
      return { status: 'damaged', reason: reason ?? 'unreadable' };
    } catch (error) {
      return { status: 'unavailable', message: message(error) };
    } finally {
      db?.close();
    }
  }

  async save(map: FitMap): Promise<SaveMapResult> {
    let db: IDBPDatabase<DellMapDB> | undefined;
    try {
      db = await this.open();
      await db.put(STORE, map, mapKey(map));
      return { ok: true };
    } catch (error) {
      return { ok: false, message: message(error) };
    } finally {
      db?.close();
    }
  }
}

export type ShippedMapResult =
  { readonly ok: true; readonly map: FitMap } | { readonly ok: false; readonly message: string };

let shipped: Promise<ShippedMapResult> | undefined;

/** The map that ships with the game (fetched from the game's own files once, then kept). */
export function loadShippedMap(): Promise<ShippedMapResult> {
  shipped ??= fetch(shippedMapUrl)
    .then(async (response): Promise<ShippedMapResult> => {
      if (!response.ok) return { ok: false, message: `map.json: HTTP ${response.status}` };
      const checked = validateMap(await response.json());
      return checked.ok ? checked : { ok: false, message: `map.json: ${checked.reason}` };
    })
    .catch((error: unknown) => ({ ok: false, message: message(error) }));
  return shipped;
}
