// The match history: one IndexedDB record per match (src/game/stats/record.ts), validated on
// every read. A record that fails validation is listed as damaged with its reason and the rest
// load as usual; a damaged record never takes the others down. The history exports to one JSON
// file and imports from one (each match validated, duplicates skipped) and can be erased.
// Every write bumps a generation number; the statistics screen's summary (stats/summary.ts) is
// stored with the generation it was computed from, so a stale one is never shown.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { checkRecord, type MatchRecord } from '../stats/record';

export const HISTORY_DB = 'utakaruta-history';
/** The database schema's version (the records carry their own, RECORD_VERSION).
 *  1: matches. 2: + meta (the generation and the statistics summary). */
export const HISTORY_DB_VERSION = 2;
const STORE = 'matches';
const META = 'meta';
export const HISTORY_FILE_FORMAT = 'utakaruta-history';
export const HISTORY_FILE_VERSION = 1;
/** An imported file larger than this is refused before it is parsed. */
export const MAX_HISTORY_FILE_BYTES = 64 * 1024 * 1024;

interface HistoryDB extends DBSchema {
  matches: { key: string; value: unknown; indexes: { playedAt: number } };
  meta: { key: 'generation' | 'summary'; value: unknown };
}

export interface DamagedRecord {
  readonly key: string;
  readonly reason: string;
}

export interface HistoryList {
  /** Valid matches, oldest first. */
  readonly records: readonly MatchRecord[];
  readonly damaged: readonly DamagedRecord[];
}

let dbName = HISTORY_DB;
/** Tests use a fresh database each. */
export function useHistoryDatabase(name: string): void {
  dbName = name;
}

function database(): Promise<IDBPDatabase<HistoryDB>> {
  return openDB<HistoryDB>(dbName, HISTORY_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore(STORE, { keyPath: 'id' }).createIndex('playedAt', 'playedAt');
      if (oldVersion < 2) db.createObjectStore(META);
    },
  });
}

async function withDb<T>(fn: (db: IDBPDatabase<HistoryDB>) => Promise<T>): Promise<T> {
  const db = await database();
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

type WriteTx = IDBPTransaction<HistoryDB, ('matches' | 'meta')[], 'readwrite'>;

/** Runs `fn` in one read-write transaction over the matches and the meta, bumping the generation. */
async function write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
  return withDb(async (db) => {
    const tx = db.transaction([STORE, META], 'readwrite');
    const meta = tx.objectStore(META);
    const generation = await meta.get('generation');
    const result = await fn(tx);
    await meta.put((Number.isInteger(generation) ? (generation as number) : 0) + 1, 'generation');
    await tx.done;
    return result;
  });
}

export async function saveMatch(record: MatchRecord): Promise<void> {
  const checked = checkRecord(record);
  if (!checked.ok) throw new Error(`refusing to store an invalid match: ${checked.reason}`);
  await write((tx) => tx.objectStore(STORE).put(record));
}

/**
 * The history's generation (bumped by every write), how many records it holds (damaged ones
 * included: a record damaged or added behind the game's back changes the count) and the summary
 * stored with them, unchecked.
 */
export async function readSummary(): Promise<{ generation: number; count: number; summary: unknown }> {
  return withDb(async (db) => {
    const tx = db.transaction([STORE, META]);
    const meta = tx.objectStore(META);
    const [generation, summary, count] = await Promise.all([
      meta.get('generation'),
      meta.get('summary'),
      tx.objectStore(STORE).count(),
    ]);
    await tx.done;
    return { generation: Number.isInteger(generation) ? (generation as number) : 0, count, summary };
  });
}

/** Stores a summary computed at `generation`, unless the history changed since. */
export async function storeSummary(summary: { readonly generation: number }): Promise<boolean> {
  return withDb(async (db) => {
    const tx = db.transaction(META, 'readwrite');
    const generation = await tx.store.get('generation');
    const current = Number.isInteger(generation) ? (generation as number) : 0;
    const fresh = current === summary.generation;
    if (fresh) await tx.store.put(summary, 'summary');
    await tx.done;
    return fresh;
  });
}

/** Every stored match, each validated; damaged ones are listed with their reason. */
export async function listMatches(): Promise<HistoryList> {
  return withDb(async (db) => {
    const tx = db.transaction(STORE);
    const records: MatchRecord[] = [];
    const damaged: DamagedRecord[] = [];
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      const checked = checkRecord(cursor.value);
      if (checked.ok) records.push(checked.record);
      else damaged.push({ key: String(cursor.key), reason: checked.reason });
    }
    await tx.done;
    records.sort((a, b) => a.playedAt - b.playedAt || a.id.localeCompare(b.id));
    return { records, damaged };
  });
}

export async function deleteMatch(key: string): Promise<void> {
  await write((tx) => tx.objectStore(STORE).delete(key));
}

/** Removes every match, damaged ones included. */
export async function eraseHistory(): Promise<void> {
  await write(async (tx) => {
    await tx.objectStore(STORE).clear();
    await tx.objectStore(META).delete('summary');
  });
}

export function exportHistory(records: readonly MatchRecord[]): string {
  return JSON.stringify({ format: HISTORY_FILE_FORMAT, version: HISTORY_FILE_VERSION, matches: records });
}

export type ParsedHistoryFile =
  | {
      readonly ok: true;
      readonly records: readonly MatchRecord[];
      readonly rejected: readonly { readonly index: number; readonly reason: string }[];
    }
  | {
      readonly ok: false;
      readonly reason: 'too-large' | 'not-json' | 'not-a-history-file' | 'newer-version';
    };

/** Reads an exported history file; never throws. Bad matches are rejected one by one. */
export function parseHistoryFile(text: string): ParsedHistoryFile {
  if (text.length > MAX_HISTORY_FILE_BYTES) return { ok: false, reason: 'too-large' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'not-a-history-file' };
  const file = value as Record<string, unknown>;
  if (file.format !== HISTORY_FILE_FORMAT || !Number.isInteger(file.version) || !Array.isArray(file.matches))
    return { ok: false, reason: 'not-a-history-file' };
  if ((file.version as number) > HISTORY_FILE_VERSION) return { ok: false, reason: 'newer-version' };
  const records: MatchRecord[] = [];
  const rejected: { index: number; reason: string }[] = [];
  file.matches.forEach((match: unknown, index) => {
    const checked = checkRecord(match);
    if (checked.ok) records.push(checked.record);
    else rejected.push({ index, reason: checked.reason });
  });
  return { ok: true, records, rejected };
}

export interface ImportResult {
  readonly added: number;
  /** Already in the history (same id). */
  readonly skipped: number;
  readonly rejected: number;
}

/** Adds the valid matches of `records` not stored yet, in one transaction. */
export async function importMatches(
  records: readonly MatchRecord[],
): Promise<{ added: number; skipped: number }> {
  return write(async (tx) => {
    const store = tx.objectStore(STORE);
    let added = 0;
    let skipped = 0;
    for (const record of records) {
      if ((await store.getKey(record.id)) !== undefined) skipped++;
      else {
        await store.put(record);
        added++;
      }
    }
    return { added, skipped };
  });
}
