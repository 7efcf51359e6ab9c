import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DellMapStore } from '../../../src/game/storage/dellMaps';
import {
  createMapBuilder,
  fitProfile,
  mapKey,
  mapSpec,
  validateMap,
  type FitMap,
  type FixedParams,
} from '../../../src/speech/dell/fit';
import { NORMAL_PARAMS } from '../../../src/speech/dell/model';
import { CONTROLS } from '../../../src/speech/dell/patients';

const { s: _s, p: _p, ...FIXED } = NORMAL_PARAMS;
const OTHER: FixedParams = { ...FIXED, q: 0.5 };

function smallMap(params: FixedParams): FitMap {
  const spec = { ...mapSpec(params, 20, 3, 0.05), sAxis: [0.0001, 0.05, 0.1], pAxis: [0.0001, 0.05, 0.1] };
  const builder = createMapBuilder(spec);
  builder.advance(builder.totalPoints);
  return builder.result();
}

const GOOD = smallMap(FIXED);
const NEIGHBOUR = smallMap(OTHER);
let dbCounter = 0;
const freshName = () => `dell-maps-test-${dbCounter++}`;

/** Writes any value under any key, as a damaged browser profile or another tab's bug might. */
async function putRaw(dbName: string, key: string, value: unknown): Promise<void> {
  const db = await openDB(dbName, 1, {
    upgrade(d) {
      d.createObjectStore('maps');
    },
  });
  await db.put('maps', value, key);
  db.close();
}

const clone = <T>(x: T): T => structuredClone(x);

/** One damaging edit of a stored map: a field removed, a wrong type, NaN, a truncation… */
const damage = fc.oneof(
  fc
    .constantFrom('format', 'sAxis', 'pAxis', 'counts', 'trialsPerPoint', 'seed', 'params')
    .map((field) => (m: Record<string, unknown>) => void delete m[field]),
  fc
    .tuple(
      fc.constantFrom('format', 'sAxis', 'pAxis', 'counts', 'trialsPerPoint', 'seed', 'params'),
      fc.constantFrom<unknown>(NaN, Infinity, -1, 0, 1e308, 'abc', null, {}, [], true, [NaN], [1, 2]),
    )
    .map(
      ([field, value]) =>
        (m: Record<string, unknown>) =>
          void (m[field] = value),
    ),
  fc
    .tuple(
      fc.constantFrom(
        'q',
        'sd1',
        'sd2',
        'noiseForm',
        'mixedFraction',
        'nonwordOpportunity',
        'steps',
        'wordJolt',
      ),
      fc.constantFrom<unknown>(NaN, Infinity, -0.5, 2, 1e308, 'x', undefined, {}, 0.5001),
    )
    .map(([field, value]) => (m: Record<string, unknown>) => {
      const params = m.params as Record<string, unknown>;
      if (typeof params !== 'object' || params === null) return;
      if (value === undefined) delete params[field];
      else params[field] = value;
    }),
  fc
    .tuple(fc.nat(GOOD.counts.length - 1), fc.constantFrom<unknown>(NaN, -1, 0.5, 21, 1e308, '3', null))
    .map(([index, value]) => (m: Record<string, unknown>) => {
      if (Array.isArray(m.counts)) m.counts[index] = value;
    }),
  fc.nat(GOOD.counts.length - 1).map((keep) => (m: Record<string, unknown>) => {
    if (Array.isArray(m.counts)) m.counts = m.counts.slice(0, keep);
  }),
  fc.constantFrom('sAxis', 'pAxis').map((axis) => (m: Record<string, unknown>) => {
    if (Array.isArray(m[axis])) m[axis] = [...(m[axis] as number[])].reverse();
  }),
);

describe('the Dell map store', () => {
  it('gives back a saved map for its spec, and nothing for other settings', async () => {
    const store = new DellMapStore(freshName());
    expect(await store.save(GOOD)).toEqual({ ok: true });
    const found = await store.read(GOOD);
    expect(found.status).toBe('found');
    if (found.status === 'found') expect(found.map).toEqual(GOOD);
    expect((await store.read(NEIGHBOUR)).status).toBe('missing');
  });

  it('reports a damaged map, deletes it, and still serves the others', async () => {
    const name = freshName();
    const store = new DellMapStore(name);
    await store.save(NEIGHBOUR);
    await putRaw(name, mapKey(GOOD), { ...GOOD, counts: GOOD.counts.slice(1) });
    const read = await store.read(GOOD);
    expect(read).toEqual({ status: 'damaged', reason: 'counts do not match the axes' });
    expect((await store.read(GOOD)).status).toBe('missing');
    expect((await store.read(NEIGHBOUR)).status).toBe('found');
  });

  it('refuses a valid map filed under another spec’s key', async () => {
    const name = freshName();
    await putRaw(name, mapKey(GOOD), NEIGHBOUR);
    expect(await new DellMapStore(name).read(GOOD)).toEqual({
      status: 'damaged',
      reason: 'filed under other settings',
    });
  });

  it('sweeps maps of an older version away once', async () => {
    const name = freshName();
    const oldKey = JSON.stringify(['utakaruta-dell-map-1', [1], [1], 1, 1, {}]);
    await putRaw(name, oldKey, { format: 'utakaruta-dell-map-1' });
    await new DellMapStore(name).read(GOOD);
    const db = await openDB(name, 1);
    expect(await db.getAllKeys('maps')).toEqual([]);
    db.close();
  });

  it('survives 1,000 damaged records: none is served as valid unless it is, none breaks the store', async () => {
    const name = freshName();
    const store = new DellMapStore(name);
    await store.save(NEIGHBOUR);
    const outcomes = { damaged: 0, found: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 3 }), async (edits) => {
        const record = clone(GOOD) as unknown as Record<string, unknown>;
        for (const edit of edits) edit(record);
        await putRaw(name, mapKey(GOOD), record);
        const read = await store.read(GOOD);
        expect(['damaged', 'found']).toContain(read.status);
        if (read.status === 'found') {
          // Edits that happen to leave a valid map (NaN → NaN-free, 0.5001 → in range…).
          outcomes.found++;
          expect(validateMap(read.map).ok).toBe(true);
          expect(Number.isFinite(fitProfile(read.map, CONTROLS).rmsd)).toBe(true);
        } else outcomes.damaged++;
        expect((await store.read(NEIGHBOUR)).status).toBe('found');
      }),
      { numRuns: 1000, seed: 1997 },
    );
    expect(outcomes.damaged).toBeGreaterThan(900);
  });

  it('treats arbitrary values as damaged, never as maps', async () => {
    const name = freshName();
    const store = new DellMapStore(name);
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((x) => x !== undefined), // undefined is no record at all
        async (value) => {
          await putRaw(name, mapKey(GOOD), value);
          expect((await store.read(GOOD)).status).toBe('damaged');
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('answers “unavailable” instead of throwing when IndexedDB is missing', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error -- private mode: no IndexedDB at all
    delete globalThis.indexedDB;
    try {
      const store = new DellMapStore(freshName());
      expect((await store.read(GOOD)).status).toBe('unavailable');
      expect((await store.save(GOOD)).ok).toBe(false);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
