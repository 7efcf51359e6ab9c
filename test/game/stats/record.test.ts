import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kimariji } from '../../../src/data/kimariji';
import { timingOf } from '../../../src/game/audio/timings';
import { actionLog, replay } from '../../../src/game/stats/actionLog';
import { checkRecord, faultKinds, RECORD_VERSION } from '../../../src/game/stats/record';
import { simulateMatch } from '../../../src/game/stats/synthetic';

describe('match records', () => {
  const record = simulateMatch(3);

  it('replay from the seed and the action log gives the same match', () => {
    const replayed = replay(record.setup, record.actions);
    if (!replayed.ok) throw new Error(replayed.error);
    expect(replayed.state.phase).toBe('over');
    expect(replayed.state.winner).toBe(record.winner);
    expect(replayed.state.readings.map((r) => r.poem)).toEqual(record.readings.map((r) => r.poem));
    expect(actionLog(replayed.state)).toEqual(record.actions);
  });

  it('keeps the dynamic kimariji of each reading against the poems not read before it', () => {
    record.readings.forEach((r, i) =>
      expect(r.kimariji).toBe(kimariji(r.poem, record.order.slice(i)).length),
    );
    // Late in a competitive match most rivals are gone: some cards shorten to fewer sounds.
    const shortened = record.readings.filter(
      (r, i) => i > 60 && r.kimariji < kimariji(r.poem, record.order).length,
    );
    expect(shortened.length).toBeGreaterThan(0);
  });

  it('times the deciding sound from the recorded voice and the touch after it', () => {
    const take = record.readings.find((r) => r.taker === 0 && r.kimariji >= 2);
    if (!take) throw new Error('no take of a 2+ sound card');
    // The deciding sound is the kimariji's last: mora k − 1 (0-based) of the recorded voice.
    const onset = timingOf({ poem: take.poem, half: 'kami' }).morae[take.kimariji - 1]?.startMs ?? NaN;
    expect(take.decideMs).toBe(Math.round(onset));
    expect(take?.touchMs).toBeGreaterThan(take?.decideMs ?? Infinity);
  });

  it('splits faults into own, karafuda and double', () => {
    expect(faultKinds(0, 1)).toEqual({ own: 1, karafuda: 0, double: 0 });
    expect(faultKinds('field', 1)).toEqual({ own: 1, karafuda: 0, double: 0 });
    expect(faultKinds(null, 1)).toEqual({ own: 0, karafuda: 1, double: 0 });
    expect(faultKinds(null, 2)).toEqual({ own: 0, karafuda: 0, double: 1 });
    expect(faultKinds(null, 0)).toEqual({ own: 0, karafuda: 0, double: 0 });
  });

  it('accepts its own records after a JSON round trip', () => {
    expect(checkRecord(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, record });
  });

  it.each([
    ['a newer version', { version: RECORD_VERSION + 1 }, /version/],
    ['a poem out of range', { order: [0, 101] }, /order/],
    ['an unknown mode', { setup: { mode: 'sudden', seed: 1 } }, /mode/],
    ['a bad action', { actions: [{ type: 'teleport' }] }, /actions\[0\]/],
    ['a belief above 1', { readings: [{ ...record.readings[0], belief: [1.5] }] }, /belief/],
    ['no id', { id: '' }, /id/],
  ])('names what is wrong with %s', (_, patch, reason) => {
    const checked = checkRecord({ ...record, ...patch });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.reason).toMatch(reason);
  });

  it('never throws on anything, and accepts nothing that is not a record', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(checkRecord(value).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('survives a record damaged anywhere: one field replaced by anything', () => {
    const json = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
    const keys = Object.keys(json);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, value) => {
        const result = checkRecord({ ...json, [key]: value });
        if (result.ok) expect(result.record).toBeTruthy();
      }),
      { numRuns: 500 },
    );
  });
});
