// One match as the history keeps it: how it was set up (so it replays from its seed and action
// log) and, per reading, what a player wants to learn from: the dynamic kimariji at that moment,
// when the card became decidable, when the player touched it, which faults they made, who took
// it, and when the model opponent was sure. Plain JSON; `checkRecord` validates anything read
// back (IndexedDB, an imported file) field by field, so a damaged record is named, not trusted.
import { kimariji } from '../../data/kimariji';
import { timingOf } from '../audio/timings';
import { MODES, type Action, type Lay, type MatchSetup, type MatchState, type Player } from '../rules';

export const RECORD_VERSION = 1;

/** The local player's faults in one reading, by kind (see rules.md, Faults). */
export interface FaultCounts {
  /** お手つき while the read card was on the field (a wrong card, or the wrong territory). */
  readonly own: number;
  /** A touch when the read poem's card was not on the field (空札). */
  readonly karafuda: number;
  /** Two cards at once: both territories on a karafuda. */
  readonly double: number;
}

export interface ReadingLog {
  readonly poem: number;
  /** Where the read card lay: 0 the player's side, 1 the opponent's, 'field' (chirashi), null 空札. */
  readonly lay: Lay;
  /** Dynamic kimariji length at this reading (0 = decided before the first sound). */
  readonly kimariji: number;
  /** Reading ms (from the start of the upper half) when the deciding sound began. */
  readonly decideMs: number;
  /** The player's first touch of the read card: reading ms and morae heard, or null. */
  readonly touchMs: number | null;
  readonly touchMora: number | null;
  readonly taker: Player | null;
  readonly faults: FaultCounts;
  /** Cards the player touched that were not the read one (before it was taken). */
  readonly wrongTouches: readonly number[];
  readonly opponentFaults: number;
  /** The opponent's first touch of the read card, reading ms, or null. */
  readonly opponentTouchMs: number | null;
  /** Morae heard and reading ms when the model first settled on the read poem; null if never. */
  readonly sureMora: number | null;
  readonly sureMs: number | null;
  /** The model's belief in the read poem after each mora heard (3 decimals); empty without a model. */
  readonly belief: readonly number[];
}

export interface MatchRecord {
  readonly version: typeof RECORD_VERSION;
  readonly id: string;
  /** Epoch ms when the match ended. */
  readonly playedAt: number;
  readonly setup: MatchSetup;
  /** Shown name of the opponent (as it was when played) and its kind. */
  readonly opponent: string;
  readonly opponentKind: string;
  /** The reading-rate setting it was played at (mora times are the voice's divided by it). */
  readonly readingRate: number;
  /** The reading order (karafuda included), as the match began. */
  readonly order: readonly number[];
  /** Every rule action in order: createMatch(setup) + these = the match (see actionLog.ts). */
  readonly actions: readonly Action[];
  readonly readings: readonly ReadingLog[];
  readonly winner: Player | 'draw' | null;
  /** False when the player quit before the end. */
  readonly completed: boolean;
}

/** What the recorder saw of the model per reading (index = reading number). */
export interface ModelView {
  readonly sureMora: number | null;
  readonly belief: readonly number[];
}

export interface RecordMeta {
  readonly id: string;
  readonly playedAt: number;
  readonly setup: MatchSetup;
  readonly opponent: string;
  readonly opponentKind: string;
  readonly readingRate: number;
  readonly order: readonly number[];
  readonly actions: readonly Action[];
  readonly model: readonly (ModelView | undefined)[];
}

/** Reading ms at which mora `index` of a poem's upper half begins, at reading rate 1. */
export function moraMsAtRate(rate: number): (poem: number, index: number) => number {
  return (poem, index) => {
    const morae = timingOf({ poem, half: 'kami' }).morae;
    const mora = morae[Math.min(index, morae.length - 1)];
    return (mora?.startMs ?? 0) / rate;
  };
}

/** The player's faults in a reading, split by kind, from the rules' outcome and where the card lay. */
export function faultKinds(lay: Lay, faults: number): FaultCounts {
  if (faults <= 0) return { own: 0, karafuda: 0, double: 0 };
  if (lay !== null) return { own: faults, karafuda: 0, double: 0 };
  return faults >= 2 ? { own: 0, karafuda: 0, double: 1 } : { own: 0, karafuda: 1, double: 0 };
}

export function buildRecord(state: MatchState, meta: RecordMeta): MatchRecord {
  const readings = state.readings.map((reading, i): ReadingLog => {
    const k = kimariji(reading.poem, meta.order.slice(i)).length;
    const moraMs = moraMsAtRate(meta.readingRate);
    const mine = reading.touches.filter((t) => t.player === 0);
    const first = mine.find((t) => t.card === reading.poem) ?? null;
    const theirs = reading.touches.find((t) => t.player === 1 && t.card === reading.poem);
    const takeAt = Math.min(
      ...reading.touches.filter((t) => t.card === reading.poem).map((t) => t.atMs),
      Infinity,
    );
    const model = meta.model[i];
    const sureMora = model?.sureMora ?? null;
    return {
      poem: reading.poem,
      lay: reading.lay,
      kimariji: k,
      decideMs: k === 0 ? 0 : Math.round(moraMs(reading.poem, k - 1)),
      touchMs: first ? Math.round(first.atMs) : null,
      touchMora: first ? first.atMora : null,
      taker: reading.outcome?.taker ?? null,
      faults: faultKinds(reading.lay, reading.outcome?.faults[0] ?? 0),
      wrongTouches: mine.filter((t) => t.card !== reading.poem && t.atMs < takeAt).map((t) => t.card),
      opponentFaults: reading.outcome?.faults[1] ?? 0,
      opponentTouchMs: theirs ? Math.round(theirs.atMs) : null,
      sureMora,
      sureMs: sureMora === null ? null : Math.round(moraMs(reading.poem, Math.max(0, sureMora - 1))),
      belief: (model?.belief ?? []).map((p) => Math.round(p * 1000) / 1000),
    };
  });
  return {
    version: RECORD_VERSION,
    id: meta.id,
    playedAt: meta.playedAt,
    setup: meta.setup,
    opponent: meta.opponent,
    opponentKind: meta.opponentKind,
    readingRate: meta.readingRate,
    order: [...meta.order],
    actions: [...meta.actions],
    readings,
    winner: state.winner,
    completed: state.phase === 'over',
  };
}

// ---- validation ---------------------------------------------------------------------------

export type Checked =
  { readonly ok: true; readonly record: MatchRecord } | { readonly ok: false; readonly reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNat = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isPoem = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100;
const isPlayer = (v: unknown): v is Player => v === 0 || v === 1;
const orNull = (v: unknown, test: (x: unknown) => boolean) => v === null || test(v);

class Invalid extends Error {}
function need(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Invalid(what);
}

function checkSetup(v: unknown): void {
  need(isObj(v), 'setup is not an object');
  need(MODES.includes(v.mode as never), `unknown mode ${String(v.mode)}`);
  need(Number.isInteger(v.seed), 'setup.seed is not an integer');
  need(v.cards === undefined || (Array.isArray(v.cards) && v.cards.every(isPoem)), 'setup.cards');
  need(v.readUnused === undefined || typeof v.readUnused === 'boolean', 'setup.readUnused');
}

function actionOk(v: unknown): boolean {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'endMemorization':
    case 'read':
    case 'settle':
      return true;
    case 'touch':
      return isPlayer(v.player) && isPoem(v.card) && isNum(v.atMs) && isNat(v.atMora);
    case 'send':
      return isPlayer(v.player) && isPoem(v.card);
    default:
      return false;
  }
}

function checkAction(v: unknown, i: number): void {
  if (!actionOk(v))
    throw new Invalid(`actions[${i}] is not a rule action (${isObj(v) ? String(v.type) : typeof v})`);
}

const isFaults = (f: unknown): boolean => isObj(f) && isNat(f.own) && isNat(f.karafuda) && isNat(f.double);
const isBelief = (b: unknown): boolean => Array.isArray(b) && b.every((p) => isNum(p) && p >= 0 && p <= 1);

/** Each field's test, in the order a damaged reading is reported. */
const READING_FIELDS: readonly [string, (v: Obj) => boolean][] = [
  ['poem', (v) => isPoem(v.poem)],
  ['lay', (v) => v.lay === null || v.lay === 'field' || isPlayer(v.lay)],
  ['kimariji', (v) => isNat(v.kimariji) && (v.kimariji as number) <= 20],
  ['decideMs', (v) => isNum(v.decideMs) && (v.decideMs as number) >= 0],
  ['touch', (v) => orNull(v.touchMs, isNum) && orNull(v.touchMora, isNat)],
  ['taker', (v) => v.taker === null || isPlayer(v.taker)],
  ['faults', (v) => isFaults(v.faults)],
  ['wrongTouches', (v) => Array.isArray(v.wrongTouches) && v.wrongTouches.every(isPoem)],
  ['opponentFaults', (v) => isNat(v.opponentFaults)],
  ['opponentTouchMs', (v) => orNull(v.opponentTouchMs, isNum)],
  ['sure', (v) => orNull(v.sureMora, isNat) && orNull(v.sureMs, isNum)],
  ['belief', (v) => isBelief(v.belief)],
];

// Messages are built only on failure: a thousand matches are checked each time the panel opens.
function checkReading(v: unknown, i: number): void {
  if (!isObj(v)) throw new Invalid(`readings[${i}] is not an object`);
  for (const [name, test] of READING_FIELDS) if (!test(v)) throw new Invalid(`readings[${i}].${name}`);
}

/** Validates a record read back from storage or a file. Never throws. */
export function checkRecord(value: unknown): Checked {
  try {
    need(isObj(value), 'not an object');
    need(value.version === RECORD_VERSION, `version ${String(value.version)} is not ${RECORD_VERSION}`);
    need(typeof value.id === 'string' && value.id.length > 0 && value.id.length <= 64, 'id');
    need(isNum(value.playedAt) && (value.playedAt as number) > 0, 'playedAt');
    checkSetup(value.setup);
    need(typeof value.opponent === 'string' && typeof value.opponentKind === 'string', 'opponent');
    need(isNum(value.readingRate) && (value.readingRate as number) > 0, 'readingRate');
    need(Array.isArray(value.order) && value.order.every(isPoem), 'order');
    need(Array.isArray(value.actions), 'actions is not a list');
    value.actions.forEach(checkAction);
    need(Array.isArray(value.readings), 'readings is not a list');
    value.readings.forEach(checkReading);
    need(value.winner === null || value.winner === 'draw' || isPlayer(value.winner), 'winner');
    need(typeof value.completed === 'boolean', 'completed');
    return { ok: true, record: value as unknown as MatchRecord };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.message };
    return { ok: false, reason: String(error) };
  }
}
