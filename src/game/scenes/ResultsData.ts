// What the results screen shows, computed from a finished match state (pure): for each card
// taken or faulted on, who took it and how many sounds after its kimariji, and the faults.
import { kimariji } from '../../data/kimariji';
import type { MatchState, Player } from '../rules';

export interface CardResult {
  readonly poem: number;
  /** Kimariji when it was read (against the poems not read before it). */
  readonly kimariji: string;
  readonly kimarijiLength: number;
  readonly onField: boolean;
  readonly taker: Player | null;
  /** Sounds heard at the take minus the kimariji length: 0 = right on the deciding sound. */
  readonly afterKimariji: number | null;
  readonly faults: readonly [number, number];
  readonly sent: readonly number[];
}

export interface MatchSummary {
  readonly winner: Player | 'draw' | null;
  readonly cards: readonly CardResult[];
  readonly taken: readonly [number, number];
  readonly faults: readonly [number, number];
  /** Median sounds after the kimariji of each player's takes, null with none. */
  readonly medianAfter: readonly [number | null, number | null];
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function summarize(state: MatchState): MatchSummary {
  const poems = state.readings.map((r) => r.poem);
  const cards: CardResult[] = [];
  state.readings.forEach((reading, i) => {
    const outcome = reading.outcome;
    const faults = outcome?.faults ?? [0, 0];
    if (reading.lay === null && faults[0] + faults[1] === 0) return;
    const unread = [...poems.slice(i), ...state.queue];
    const k = kimariji(reading.poem, unread);
    const taker = outcome?.taker ?? null;
    cards.push({
      poem: reading.poem,
      kimariji: k.morae.join(''),
      kimarijiLength: k.length,
      onField: reading.lay !== null,
      taker,
      afterKimariji: taker !== null && outcome?.takeMora != null ? outcome.takeMora - k.length : null,
      faults,
      sent: reading.sent,
    });
  });
  const after = (p: Player) =>
    median(
      cards.filter((c) => c.taker === p && c.afterKimariji !== null).map((c) => c.afterKimariji as number),
    );
  const sum = (p: Player) => cards.reduce((n, c) => n + (c.faults[p] ?? 0), 0);
  return {
    winner: state.winner,
    cards,
    taken: [state.taken[0].length, state.taken[1].length],
    faults: [sum(0), sum(1)],
    medianAfter: [after(0), after(1)],
  };
}
