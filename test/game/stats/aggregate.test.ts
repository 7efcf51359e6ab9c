import { describe, expect, it } from 'vitest';
import {
  cardHistory,
  cardStats,
  median,
  overview,
  slope,
  sortCards,
} from '../../../src/game/stats/aggregate';
import type { MatchRecord, ReadingLog } from '../../../src/game/stats/record';
import { simulateMatch } from '../../../src/game/stats/synthetic';

const none = { own: 0, karafuda: 0, double: 0 };
function reading(poem: number, patch: Partial<ReadingLog> = {}): ReadingLog {
  return {
    poem,
    lay: 0,
    kimariji: 2,
    decideMs: 400,
    touchMs: 900,
    touchMora: 3,
    taker: 0,
    faults: none,
    wrongTouches: [],
    opponentFaults: 0,
    opponentTouchMs: null,
    sureMora: 2,
    sureMs: 400,
    belief: [],
    ...patch,
  };
}
function match(playedAt: number, readings: ReadingLog[]): MatchRecord {
  return {
    ...simulateMatch(1),
    id: `m${playedAt}`,
    playedAt,
    readings,
  };
}

describe('per-card statistics', () => {
  const history = [
    match(1, [reading(17, { touchMs: 1400 }), reading(1, { taker: 1, touchMs: null, touchMora: null })]),
    match(2, [
      reading(17, { touchMs: 1000 }),
      reading(1, { lay: null, taker: null, touchMs: null, faults: { ...none, karafuda: 1 } }),
    ]),
    match(3, [reading(17, { touchMs: 600 }), reading(1, { taker: 0, touchMs: 700 })]),
  ];
  const stats = cardStats(history);

  it('counts take rate over readings with the card on the field', () => {
    expect(stats[16]).toMatchObject({ poem: 17, readings: 3, takes: 3, takeRate: 1 });
    expect(stats[0]).toMatchObject({ poem: 1, readings: 2, takes: 1, lost: 1, takeRate: 0.5 });
  });

  it('takes the median time after the deciding sound, in ms and morae', () => {
    expect(stats[16]?.medianAfterMs).toBe(600);
    expect(stats[16]?.medianAfterMorae).toBe(1);
  });

  it('counts faults of every kind, karafuda readings included', () => {
    expect(stats[0]?.faults).toEqual({ own: 0, karafuda: 1, double: 0 });
  });

  it('shows the trend over time: card 17 got 400 ms faster per take', () => {
    expect(stats[16]?.trend.map((p) => p.afterMs)).toEqual([1000, 600, 200]);
    expect(stats[16]?.trendMsPerTake).toBe(-400);
  });

  it('sorts by weakness: the lost and faulted card first, cards never met last', () => {
    const sorted = sortCards(stats, 'weakness');
    expect(sorted.slice(0, 2).map((s) => s.poem)).toEqual([1, 17]);
    expect(sorted.at(-1)?.readings).toBe(0);
    expect(sortCards(stats, 'poem')[0]?.poem).toBe(1);
  });

  it("lists a card's history oldest first", () => {
    expect(cardHistory(history, 17).map((h) => h.record.playedAt)).toEqual([1, 2, 3]);
  });

  it('sums an overview', () => {
    expect(overview(history)).toMatchObject({ matches: 3, takes: 4, fieldReadings: 5, faults: 1 });
  });

  it('handles medians and slopes of few values', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(slope([1, 2])).toBeNull();
  });

  it('aggregates 50 simulated matches over all 100 cards', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      simulateMatch(i, { lateMorae: 1, faultRate: 0.1, slowOn: [77] }),
    );
    const all = cardStats(many);
    expect(all).toHaveLength(100);
    // The simulated player waits two more sounds on card 77: it is among the slowest.
    const slowest = sortCards(all, 'after')
      .slice(0, 5)
      .map((s) => s.poem);
    expect(slowest).toContain(77);
  });
});
