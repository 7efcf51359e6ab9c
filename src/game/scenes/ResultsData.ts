// What the results screen shows, computed from a finished match state (pure): for each card
// taken or faulted on, who took it and how many sounds after its kimariji, and the faults.
import { kimariji } from '../../data/kimariji';
import { territoryCount, type Lay, type MatchState, type Player, type Transfer } from '../rules';

export interface CardResult {
  readonly poem: number;
  /** Kimariji when it was read (against the poems not read before it). */
  readonly kimariji: string;
  readonly kimarijiLength: number;
  readonly onField: boolean;
  /** Whose side the card lay on when it was read (a territory, the chirashi field, or nowhere). */
  readonly lay: Lay;
  readonly taker: Player | null;
  /** Milliseconds from the start of the upper half to the take. */
  readonly takeMs: number | null;
  /** Sounds heard at the take minus the kimariji length: 0 = right on the deciding sound. */
  readonly afterKimariji: number | null;
  readonly faults: readonly [number, number];
  readonly sent: readonly number[];
  /** Who sent to whom after this reading (the cards are `sent`). */
  readonly send: Transfer | null;
}

export interface MatchSummary {
  readonly winner: Player | 'draw' | null;
  readonly cards: readonly CardResult[];
  readonly taken: readonly [number, number];
  /** Cards left in each territory at the end (territory modes; 0 in chirashi). */
  readonly left: readonly [number, number];
  /** 枚差: the winner's lead in cards (territory: cards left; chirashi: cards taken). */
  readonly margin: number;
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
      lay: reading.lay,
      taker,
      takeMs: taker !== null ? (outcome?.takeMs ?? null) : null,
      afterKimariji: taker !== null && outcome?.takeMora != null ? outcome.takeMora - k.length : null,
      faults,
      sent: reading.sent,
      send: outcome?.send ?? null,
    });
  });
  const after = (p: Player) =>
    median(
      cards.filter((c) => c.taker === p && c.afterKimariji !== null).map((c) => c.afterKimariji as number),
    );
  const sum = (p: Player) => cards.reduce((n, c) => n + (c.faults[p] ?? 0), 0);
  const left: [number, number] = [territoryCount(state, 0), territoryCount(state, 1)];
  const taken: [number, number] = [state.taken[0].length, state.taken[1].length];
  return {
    winner: state.winner,
    cards,
    taken,
    left,
    margin: state.mode === 'chirashi' ? Math.abs(taken[0] - taken[1]) : Math.abs(left[0] - left[1]),
    faults: [sum(0), sum(1)],
    medianAfter: [after(0), after(1)],
  };
}
