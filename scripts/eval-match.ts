// Head-to-head matches for `npm run eval:opponent`: two Opponents play a real competitive match
// through the rules engine — 25 + 25 cards dealt from a seeded shuffle, all 100 poems read, the
// other 50 as karafuda, sends, faults — hearing each upper half at the recorded mora times of
// assets/audio/timings.json (ms from the clip's start, as the match driver uses them). Touches
// are judged in time order; a reading settles TAKE_GRACE_MS after the first take, or when the
// untaken/karafuda waits end, as in MatchDriver. No audio, no Phaser: the same decisions faster.
import { kimarijiLength } from '../src/data/kimariji';
import { timingOf, type TimingsFile } from '../src/game/audio/timings';
import type { FieldView, Opponent, Reach } from '../src/game/opponents/opponent';
import {
  apply,
  createMatch,
  rowsCards,
  unreadAtReading,
  type Action,
  type MatchState,
  type Player,
  type Rows,
} from '../src/game/rules';
import { TAKE_GRACE_MS, UNTAKEN_WAIT_MS } from '../src/game/scenes/MatchDriver';

/** What one player did on one reading whose card was on the field. */
export interface ReadingLog {
  readonly poem: number;
  /** Kimariji at that moment (≥ 1: a listener acts on a sound) and its onset, ms. */
  readonly kimariji: number;
  readonly kimarijiMs: number;
  readonly moraCount: number;
  /** Its first reach: which card, after how many morae (the mora it answered), at what time. */
  readonly first: { readonly card: number; readonly morae: number; readonly atMs: number } | null;
  /** It took the card (rules' verdict), and when. */
  readonly tookMs: number | null;
  readonly faults: number;
  /** A model player's wrong reaches this reading, with the belief each came from. */
  readonly wrong: readonly string[];
}

export interface KarafudaLog {
  readonly poem: number;
  readonly touched: boolean;
  readonly wrong: readonly string[];
}

/** What a model opponent tells about its reaches (TransformerOpponent.reaches). */
interface Traced {
  readonly reaches?: readonly {
    readonly card: number;
    readonly heard: number;
    readonly p: number;
    readonly top: readonly (readonly [number, number])[];
  }[];
}

/** The wrong cards it touched this reading, each with the belief it reached from. */
function wrongReaches(player: Opponent, poem: number, touched: readonly number[]): string[] {
  return ((player as Traced).reaches ?? [])
    .filter((r) => r.card !== poem && touched.includes(r.card))
    .map(
      (r) =>
        `poem ${poem} read: reached ${r.card} after ${r.heard} morae, belief ${r.p.toFixed(2)} ` +
        `(most believed ${r.top.map(([no, p]) => `${no}:${p.toFixed(2)}`).join(' ')})`,
    );
}

export interface MatchLog {
  readonly winner: Player | 'draw' | null;
  readonly field: [ReadingLog[], ReadingLog[]];
  readonly karafuda: [KarafudaLog[], KarafudaLog[]];
  /** Cards each player sent, with the unread poems and own territory at that moment. */
  readonly sends: [SendLog[], SendLog[]];
  readonly faults: [number, number];
}

export interface SendLog {
  readonly card: number;
  readonly own: readonly number[];
  readonly unread: readonly number[];
}

function view(state: MatchState, viewer: Player, unread: readonly number[]): FieldView {
  const other = viewer === 0 ? 1 : 0;
  return {
    own: rowsCards(state.territories[viewer]),
    other: rowsCards(state.territories[other]),
    common: [...state.field],
    unread,
    ownRows: state.territories[viewer],
    otherRows: state.territories[other],
  };
}

function must(state: MatchState, action: Action): MatchState {
  const result = apply(state, action);
  if (!result.ok) throw new Error(`${action.type} refused: ${result.error.message}`);
  return result.state;
}

/** Plays one match; player 0 and 1 are `players[0]`, `players[1]`. */
export async function playMatch(
  players: readonly [Opponent, Opponent],
  seed: number,
  timings: TimingsFile,
): Promise<MatchLog> {
  let state = createMatch({ mode: 'competitive', seed });
  for (const p of [0, 1] as const) {
    const rows = players[p].arrange?.(state.territories[p]);
    const arranged = rows && apply(state, { type: 'layout', player: p, rows: rows as Rows });
    if (arranged?.ok) state = arranged.state;
  }
  state = must(state, { type: 'endMemorization' });
  const log: MatchLog = {
    winner: null,
    field: [[], []],
    karafuda: [[], []],
    sends: [[], []],
    faults: [0, 0],
  };
  while (state.phase !== 'over') {
    if (state.phase === 'sending' && state.pendingSend) {
      const from = state.pendingSend.from;
      const unread = unreadAtReading(state);
      const v = view(state, from, unread);
      const card = await players[from].chooseSend(v);
      log.sends[from].push({ card, own: v.own, unread });
      state = must(state, { type: 'send', player: from, card });
      continue;
    }
    if (state.phase !== 'joka' && state.phase !== 'between') throw new Error(`stuck in ${state.phase}`);
    if (state.queue.length === 0) break;
    state = must(state, { type: 'read' });
    state = await playReading(state, players, timings, log);
  }
  return { ...log, winner: state.winner };
}

async function playReading(
  start: MatchState,
  players: readonly [Opponent, Opponent],
  timings: TimingsFile,
  log: MatchLog,
): Promise<MatchState> {
  let state = start;
  const reading = state.readings.at(-1)!;
  const poem = reading.poem;
  const unread = unreadAtReading(state);
  for (const p of [0, 1] as const) players[p].beginReading(view(state, p, unread));
  const morae = timingOf({ poem, half: 'kami' }, timings).morae;
  const times = morae.map((m) => m.startMs);
  const kimariji = Math.max(1, kimarijiLength(poem, unread));
  const pending: (Reach & { player: Player; mora: number })[] = [];
  const first: [ReadingLog['first'], ReadingLog['first']] = [null, null];
  let takeAt: number | null = null;
  const atMora = (ms: number) => times.filter((t) => t <= ms).length;
  const dispatchUntil = (limit: number) => {
    pending.sort((a, b) => a.atMs - b.atMs);
    while (
      pending[0] &&
      pending[0].atMs <= limit &&
      (takeAt === null || pending[0].atMs <= takeAt + TAKE_GRACE_MS)
    ) {
      const r = pending.shift()!;
      const result = apply(state, {
        type: 'touch',
        player: r.player,
        card: r.card,
        atMs: r.atMs,
        atMora: atMora(r.atMs),
      });
      if (!result.ok) continue; // a repeat or a card gone: the player's slip
      state = result.state;
      if (r.card === poem && takeAt === null) takeAt = r.atMs;
    }
  };
  for (let index = 0; index < morae.length; index++) {
    const t = times[index]!;
    dispatchUntil(t);
    if (takeAt !== null && takeAt + TAKE_GRACE_MS <= t) break;
    for (const p of [0, 1] as const) {
      const reach = await players[p].hear({ index, mora: morae[index]!.mora, atMs: t });
      if (!reach) continue;
      pending.push({ ...reach, player: p, mora: index + 1 });
      first[p] ??= { card: reach.card, morae: index + 1, atMs: reach.atMs };
    }
  }
  const endMs = timingOf({ poem, half: 'kami' }, timings).speechEndMs;
  dispatchUntil(endMs + UNTAKEN_WAIT_MS);
  state = must(state, { type: 'settle' });
  const settled = state.readings.at(-1)!;
  const outcome = settled.outcome!;
  const touchedBy = (p: Player) => settled.touches.filter((t) => t.player === p).map((t) => t.card);
  for (const p of [0, 1] as const) {
    log.faults[p] += outcome.faults[p];
    if (settled.lay === null) {
      log.karafuda[p].push({
        poem,
        touched: settled.touches.some((t) => t.player === p),
        wrong: wrongReaches(players[p], poem, touchedBy(p)),
      });
      continue;
    }
    log.field[p].push({
      poem,
      kimariji,
      kimarijiMs: times[kimariji - 1] ?? 0,
      moraCount: morae.length,
      first: first[p],
      tookMs: outcome.taker === p ? outcome.takeMs : null,
      faults: outcome.faults[p],
      wrong: wrongReaches(players[p], poem, touchedBy(p)),
    });
  }
  return state;
}
