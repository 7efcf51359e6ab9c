import { describe, expect, it } from 'vitest';
import { apply, createMatch, type Action, type MatchSetup, type MatchState } from '../../../src/game/rules';
import type { Opponent } from '../../../src/game/opponents/opponent';
import type { BeliefUpdate } from '../../../src/game/opponents/transformer';
import { recordMatch } from '../../../src/game/stats/recorder';
import type { MatchRecord } from '../../../src/game/stats/record';

function fakeMatch(setup: MatchSetup) {
  let state: MatchState = createMatch(setup);
  const listeners = new Set<(s: MatchState) => void>();
  const beliefs = new Set<(u: BeliefUpdate) => void>();
  const driver = {
    get state() {
      return state;
    },
    onChange(l: (s: MatchState) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const opponent = {
    name: { ja: 'x', en: 'x' },
    beginReading() {},
    hear: () => null,
    chooseSend: () => 1,
    dispose() {},
    onBelief(fn: (u: BeliefUpdate) => void) {
      beliefs.add(fn);
      return () => beliefs.delete(fn);
    },
  } satisfies Opponent & { onBelief: unknown };
  return {
    driver,
    opponent,
    act(action: Action) {
      const result = apply(state, action);
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
      for (const l of listeners) l(state);
    },
    believe(heard: number, poem: number, p: number, decided: number | null) {
      for (const fn of beliefs) fn({ heard, belief: new Map([[poem, p]]), decided });
    },
  };
}

describe('the match recorder', () => {
  const setup: MatchSetup = { mode: 'chirashi', seed: 4, cards: [17, 44] };

  it('stores a finished match once, with the model sure at the mora it decided', async () => {
    const m = fakeMatch(setup);
    const saved: MatchRecord[] = [];
    const stop = recordMatch({
      driver: m.driver,
      setup,
      opponent: m.opponent,
      opponentKind: 'transformer',
      opponentName: 'Listening Transformer',
      readingRate: 1,
      save: async (r) => void saved.push(r),
      now: () => 1_700_000_000_000,
    });
    m.act({ type: 'endMemorization' });
    for (let i = 0; i < 2; i++) {
      m.act({ type: 'read' });
      const poem = m.driver.state.readings.at(-1)?.poem as number;
      m.believe(1, poem, 0.4, null);
      m.believe(2, poem, 0.99, poem);
      m.believe(3, poem, 1, poem);
      m.act({ type: 'touch', player: 0, card: poem, atMs: 1500, atMora: 3 });
      m.act({ type: 'settle' });
    }
    expect(m.driver.state.phase).toBe('over');
    stop();
    await Promise.resolve();
    expect(saved).toHaveLength(1);
    const record = saved[0] as MatchRecord;
    expect(record.completed).toBe(true);
    expect(record.readings.map((r) => [r.sureMora, r.belief])).toEqual([
      [2, [0.4, 0.99, 1]],
      [2, [0.4, 0.99, 1]],
    ]);
    expect(record.readings.every((r) => r.taker === 0 && r.touchMs === 1500)).toBe(true);
  });

  it('stores a match left part-way, and nothing for one left before any reading settled', async () => {
    const saved: MatchRecord[] = [];
    const options = {
      opponentKind: 'baseline',
      opponentName: 'b',
      readingRate: 1,
      save: async (r: MatchRecord) => void saved.push(r),
    };
    const quitEarly = fakeMatch(setup);
    recordMatch({ driver: quitEarly.driver, setup, opponent: quitEarly.opponent, ...options })();
    const partWay = fakeMatch(setup);
    const stop = recordMatch({ driver: partWay.driver, setup, opponent: partWay.opponent, ...options });
    for (const a of [{ type: 'endMemorization' }, { type: 'read' }, { type: 'settle' }] as const)
      partWay.act(a);
    stop();
    await Promise.resolve();
    expect(saved).toHaveLength(1);
    expect(saved[0]?.completed).toBe(false);
    expect(saved[0]?.readings).toHaveLength(1);
  });
});
