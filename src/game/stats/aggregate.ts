// Per-card statistics over the whole history: pure functions over match records, no DOM.
// A card's numbers count only the readings where its card was on the field (a karafuda cannot
// be taken), except faults, which count on every reading of the poem.
import { POEMS } from '../../data/poems';
import type { FaultCounts, MatchRecord, ReadingLog } from './record';

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Least-squares slope of `ys` against 0, 1, 2, …; null with fewer than three points. */
export function slope(ys: readonly number[]): number | null {
  const n = ys.length;
  if (n < 3) return null;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

export interface TrendPoint {
  readonly playedAt: number;
  /** The player's touch, ms after the deciding sound began. */
  readonly afterMs: number;
}

export interface CardStats {
  readonly poem: number;
  /** Readings of this poem with its card on the field. */
  readonly readings: number;
  readonly takes: number;
  /** Taken by the opponent. */
  readonly lost: number;
  readonly takeRate: number | null;
  /** Median over the player's takes of the touch time after the deciding sound (ms, morae). */
  readonly medianAfterMs: number | null;
  readonly medianAfterMorae: number | null;
  readonly faults: FaultCounts;
  /** The player's takes in time order. */
  readonly trend: readonly TrendPoint[];
  /** Change in ms after the kimariji per take (negative: getting faster); null under 3 takes. */
  readonly trendMsPerTake: number | null;
  /** Higher is weaker; -1 for a card never met on the field. See `weakness`. */
  readonly weakness: number;
}

export const NO_FAULTS: FaultCounts = { own: 0, karafuda: 0, double: 0 };

export function faultTotal(f: FaultCounts): number {
  return f.own + f.karafuda + f.double * 2;
}

/**
 * Weakness: cards lost count most (2 × the share not taken), then faults per reading (1.5 ×),
 * then slowness (the median seconds after the deciding sound, capped at 3).
 */
export function weakness(
  takeRate: number | null,
  faultsPerReading: number,
  medianAfterMs: number | null,
): number {
  if (takeRate === null) return faultsPerReading > 0 ? 1.5 * faultsPerReading : -1;
  const slow = medianAfterMs === null ? 1 : Math.min(3, Math.max(0, medianAfterMs / 1000));
  return 2 * (1 - takeRate) + 1.5 * faultsPerReading + slow;
}

export interface CardReading {
  readonly record: MatchRecord;
  readonly index: number;
  readonly reading: ReadingLog;
}

/** Every reading of `poem` over the history, oldest first. */
export function cardHistory(records: readonly MatchRecord[], poem: number): CardReading[] {
  const out: CardReading[] = [];
  for (const record of records)
    record.readings.forEach((reading, index) => {
      if (reading.poem === poem) out.push({ record, index, reading });
    });
  return out.sort((a, b) => a.record.playedAt - b.record.playedAt);
}

interface Tally {
  readings: number;
  allReadings: number;
  takes: number;
  lost: number;
  afterMs: number[];
  afterMorae: number[];
  faults: { own: number; karafuda: number; double: number };
  trend: TrendPoint[];
}

/** Statistics for all 100 cards (index = number − 1). One pass over the records. */
export function cardStats(records: readonly MatchRecord[]): CardStats[] {
  const tallies: Tally[] = POEMS.map(() => ({
    readings: 0,
    allReadings: 0,
    takes: 0,
    lost: 0,
    afterMs: [],
    afterMorae: [],
    faults: { own: 0, karafuda: 0, double: 0 },
    trend: [],
  }));
  const ordered = [...records].sort((a, b) => a.playedAt - b.playedAt);
  for (const record of ordered) {
    for (const r of record.readings) {
      const t = tallies[r.poem - 1];
      if (!t) continue;
      t.allReadings++;
      t.faults.own += r.faults.own;
      t.faults.karafuda += r.faults.karafuda;
      t.faults.double += r.faults.double;
      if (r.lay === null) continue;
      t.readings++;
      if (r.taker === 1) t.lost++;
      if (r.taker === 0) {
        t.takes++;
        if (r.touchMs !== null && r.touchMora !== null) {
          const afterMs = r.touchMs - r.decideMs;
          t.afterMs.push(afterMs);
          t.afterMorae.push(r.touchMora - r.kimariji);
          t.trend.push({ playedAt: record.playedAt, afterMs });
        }
      }
    }
  }
  return tallies.map((t, i) => {
    const takeRate = t.readings > 0 ? t.takes / t.readings : null;
    const medianAfterMs = median(t.afterMs);
    const faultsPerReading = t.allReadings > 0 ? faultTotal(t.faults) / t.allReadings : 0;
    return {
      poem: i + 1,
      readings: t.readings,
      takes: t.takes,
      lost: t.lost,
      takeRate,
      medianAfterMs,
      medianAfterMorae: median(t.afterMorae),
      faults: t.faults,
      trend: t.trend,
      trendMsPerTake: slope(t.afterMs),
      weakness: weakness(takeRate, faultsPerReading, medianAfterMs),
    };
  });
}

export const SORT_KEYS = ['weakness', 'poem', 'takeRate', 'after', 'faults'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Cards in the order a list shows them; cards never met go last whatever the key. */
export function sortCards(stats: readonly CardStats[], key: SortKey): CardStats[] {
  const seen = (s: CardStats) => s.readings > 0 || faultTotal(s.faults) > 0;
  const by = (s: CardStats): number => {
    switch (key) {
      case 'weakness':
        return -s.weakness;
      case 'poem':
        return s.poem;
      case 'takeRate':
        return s.takeRate ?? 2;
      case 'after':
        return -(s.medianAfterMs ?? -Infinity);
      case 'faults':
        return -faultTotal(s.faults);
      default: {
        const never: never = key;
        throw new Error(`unknown sort ${String(never)}`);
      }
    }
  };
  return [...stats].sort((a, b) => Number(seen(b)) - Number(seen(a)) || by(a) - by(b) || a.poem - b.poem);
}

export interface Overview {
  readonly matches: number;
  readonly wins: number;
  readonly takes: number;
  readonly fieldReadings: number;
  readonly medianAfterMs: number | null;
  readonly faults: number;
}

export function overview(records: readonly MatchRecord[]): Overview {
  let takes = 0;
  let fieldReadings = 0;
  let faults = 0;
  const after: number[] = [];
  for (const record of records)
    for (const r of record.readings) {
      faults += faultTotal(r.faults);
      if (r.lay === null) continue;
      fieldReadings++;
      if (r.taker === 0) {
        takes++;
        if (r.touchMs !== null) after.push(r.touchMs - r.decideMs);
      }
    }
  return {
    matches: records.length,
    wins: records.filter((r) => r.winner === 0).length,
    takes,
    fieldReadings,
    medianAfterMs: median(after),
    faults,
  };
}
