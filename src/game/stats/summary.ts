// The statistics screen's summary of the whole history, kept beside the matches as a
// materialized view: everything the card table, the overview and the drills need, computed once
// per change of the history (a generation number the store bumps on every write) instead of on
// every opening. It is validated on read like any record; a stale or damaged one is recomputed.
import { cardStats, median, overview, type CardStats, type Overview } from './aggregate';
import type { MatchRecord } from './record';

export const SUMMARY_VERSION = 1;

export interface HistorySummary {
  readonly version: typeof SUMMARY_VERSION;
  /** The history's generation this was computed from. */
  readonly generation: number;
  readonly damaged: number;
  /** Records in the store when it was made, valid and damaged. */
  readonly stored: number;
  readonly overview: Overview;
  /** Every card's statistics without the trend points (a card's page draws them from the matches). */
  readonly stats: readonly CardStats[];
  /** Per match, oldest first: when, and the median ms after the kimariji of the player's takes. */
  readonly perMatch: { readonly at: readonly number[]; readonly ms: readonly (number | null)[] };
}

export function summarize(
  records: readonly MatchRecord[],
  damaged: number,
  generation: number,
): HistorySummary {
  return {
    version: SUMMARY_VERSION,
    generation,
    damaged,
    stored: records.length + damaged,
    overview: overview(records),
    stats: cardStats(records).map((s) => ({ ...s, trend: [] })),
    perMatch: {
      at: records.map((r) => r.playedAt),
      ms: records.map((r) =>
        median(
          r.readings
            .filter((x) => x.taker === 0 && x.touchMs !== null)
            .map((x) => (x.touchMs as number) - x.decideMs),
        ),
      ),
    },
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown): boolean => v === null || num(v);

function statsOk(s: unknown, i: number): boolean {
  if (!isObj(s) || s.poem !== i + 1) return false;
  const f = s.faults;
  return (
    num(s.readings) &&
    num(s.takes) &&
    num(s.lost) &&
    numOrNull(s.takeRate) &&
    numOrNull(s.medianAfterMs) &&
    numOrNull(s.medianAfterMorae) &&
    numOrNull(s.trendMsPerTake) &&
    num(s.weakness) &&
    isObj(f) &&
    num(f.own) &&
    num(f.karafuda) &&
    num(f.double) &&
    Array.isArray(s.trend) &&
    s.trend.every((p) => isObj(p) && num(p.playedAt) && num(p.afterMs))
  );
}

/** The summary if `value` is a valid one for this generation and record count, else null. */
export function checkSummary(value: unknown, generation: number, stored: number): HistorySummary | null {
  if (!isObj(value) || value.version !== SUMMARY_VERSION || value.generation !== generation) return null;
  if (value.stored !== stored) return null;
  const o = value.overview;
  if (!isObj(o) || !['matches', 'wins', 'takes', 'fieldReadings', 'faults'].every((k) => num(o[k])))
    return null;
  if (!numOrNull(o.medianAfterMs) || !num(value.damaged)) return null;
  if (!Array.isArray(value.stats) || value.stats.length !== 100 || !value.stats.every(statsOk)) return null;
  const m = value.perMatch;
  if (!isObj(m) || !Array.isArray(m.at) || !Array.isArray(m.ms) || m.at.length !== m.ms.length) return null;
  if (m.at.length !== o.matches || !m.at.every(num) || !m.ms.every(numOrNull)) return null;
  return value as unknown as HistorySummary;
}
