import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  eraseHistory,
  exportHistory,
  HISTORY_DB_VERSION,
  importMatches,
  listMatches,
  parseHistoryFile,
  saveMatch,
  useHistoryDatabase,
} from '../../../src/game/storage/history';
import { simulateMatch } from '../../../src/game/stats/synthetic';

let n = 0;
let name = '';
beforeEach(() => {
  name = `history-test-${n++}`;
  useHistoryDatabase(name);
});

/** Writes a value past the store's validation, as a damaged disk or an old build might. */
async function putRaw(value: unknown): Promise<void> {
  await listMatches(); // creates the database at the current version
  const db = await openDB(name, HISTORY_DB_VERSION);
  await db.put('matches', value);
  db.close();
}

describe('the match history store', () => {
  it('stores matches and lists them oldest first', async () => {
    await saveMatch(simulateMatch(2));
    await saveMatch(simulateMatch(1));
    const { records, damaged } = await listMatches();
    expect(records.map((r) => r.id)).toEqual(['sim-1', 'sim-2']);
    expect(damaged).toEqual([]);
  });

  it('lists a damaged record with its reason and still loads the others', async () => {
    await saveMatch(simulateMatch(1));
    await putRaw({ id: 'bad', version: 1, playedAt: 'yesterday' });
    await putRaw({ ...simulateMatch(4), id: 'future', version: 2 });
    const { records, damaged } = await listMatches();
    expect(records.map((r) => r.id)).toEqual(['sim-1']);
    expect(damaged.map((d) => d.key).sort()).toEqual(['bad', 'future']);
    expect(damaged.find((d) => d.key === 'future')?.reason).toMatch(/version 2/);
  });

  it('refuses to store an invalid record', async () => {
    await expect(saveMatch({ ...simulateMatch(1), order: [0] })).rejects.toThrow(/order/);
  });

  it('erases everything, damaged records included', async () => {
    await saveMatch(simulateMatch(1));
    await putRaw({ id: 'bad' });
    await eraseHistory();
    expect(await listMatches()).toEqual({ records: [], damaged: [] });
  });

  it('exports to a file that imports back, skipping matches already stored', async () => {
    const matches = [simulateMatch(1), simulateMatch(2)];
    const file = parseHistoryFile(exportHistory(matches));
    if (!file.ok) throw new Error(file.reason);
    expect(file.records).toEqual(matches);
    await saveMatch(matches[0]!);
    expect(await importMatches(file.records)).toEqual({ added: 1, skipped: 1 });
    expect((await listMatches()).records).toHaveLength(2);
  });

  it('rejects the bad matches of a file one by one', () => {
    const text = exportHistory([simulateMatch(1)]).replace('"matches":[', '"matches":[{"id":"x"},');
    const file = parseHistoryFile(text);
    expect(file.ok && file.records.length).toBe(1);
    expect(file.ok && file.rejected).toEqual([{ index: 0, reason: expect.stringMatching(/version/) }]);
  });

  it.each([
    ['not JSON', 'PK\u0003\u0004', 'not-json'],
    ['another JSON file', '{"format":"utakaruta-model-file","version":1}', 'not-a-history-file'],
    ['a newer file', '{"format":"utakaruta-history","version":9,"matches":[]}', 'newer-version'],
    ['null', 'null', 'not-a-history-file'],
  ])('refuses %s with a reason', (_, text, reason) => {
    expect(parseHistoryFile(text)).toEqual({ ok: false, reason });
  });

  it('never throws on any text or JSON value (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const file = parseHistoryFile(text);
          if (file.ok) expect(file.records.length + file.rejected.length).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never accepts a damaged copy of a real file as anything but valid records (fuzz)', () => {
    const text = exportHistory([simulateMatch(1)]);
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.string({ maxLength: 4 }), (at, insert) => {
        const file = parseHistoryFile(text.slice(0, at) + insert + text.slice(at + 1));
        if (file.ok) for (const r of file.records) expect(r.version).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the statistics summary kept with the history', () => {
  it('is fresh until the history changes, then refused and rebuilt', async () => {
    const { readSummary, storeSummary } = await import('../../../src/game/storage/history');
    const { checkSummary, summarize } = await import('../../../src/game/stats/summary');
    await saveMatch(simulateMatch(1));
    const first = await readSummary();
    expect(checkSummary(first.summary, first.generation, first.count)).toBeNull();
    const made = summarize((await listMatches()).records, 0, first.generation);
    expect(await storeSummary(made)).toBe(true);
    const stored = await readSummary();
    expect(checkSummary(stored.summary, stored.generation, stored.count)?.overview.matches).toBe(1);
    // A record added behind the store's back changes the count: the summary is not trusted.
    await putRaw({ id: 'stray' });
    const behind = await readSummary();
    expect(checkSummary(behind.summary, behind.generation, behind.count)).toBeNull();
    await saveMatch(simulateMatch(2));
    const after = await readSummary();
    // A write bumped the generation: the stored summary is stale and a late store is refused.
    expect(checkSummary(after.summary, after.generation, after.count)).toBeNull();
    expect(await storeSummary(made)).toBe(false);
  });

  it('refuses a damaged summary', async () => {
    const { checkSummary, summarize } = await import('../../../src/game/stats/summary');
    const good = JSON.parse(JSON.stringify(summarize([simulateMatch(1)], 0, 3)));
    expect(checkSummary(good, 3, 1)).not.toBeNull();
    expect(checkSummary(good, 4, 1)).toBeNull();
    expect(checkSummary({ ...good, stats: good.stats.slice(1) }, 3, 1)).toBeNull();
    expect(checkSummary({ ...good, perMatch: { at: [1], ms: [] } }, 3, 1)).toBeNull();
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(checkSummary(v, 3, 1)).toBeNull();
      }),
    );
  });

  it('opens a version-1 database and keeps its matches', async () => {
    const db = await openDB(name, 1, {
      upgrade(d) {
        d.createObjectStore('matches', { keyPath: 'id' }).createIndex('playedAt', 'playedAt');
      },
    });
    await db.put('matches', simulateMatch(7));
    db.close();
    expect((await listMatches()).records.map((r) => r.id)).toEqual(['sim-7']);
    await saveMatch(simulateMatch(8));
    expect((await listMatches()).records).toHaveLength(2);
  });
});
