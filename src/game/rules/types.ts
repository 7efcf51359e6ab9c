// The vocabulary of the karuta engine: who plays, where a card can be, what a player can do and
// what the engine answers. Everything here is plain data (JSON round-trips it unchanged), so a
// match can be saved, replayed from its action log, or turned into training data.
import type { RngState } from '../../data/random';

/** Two players. By convention the scene draws player 0 at the bottom (the local player). */
export type Player = 0 | 1;
export const PLAYERS = [0, 1] as const satisfies readonly Player[];

export function otherPlayer(player: Player): Player {
  return player === 0 ? 1 : 0;
}

export const MODES = ['competitive', 'genpei', 'chirashi'] as const;
export type Mode = (typeof MODES)[number];

/**
 * A territory's three rows as its owner sees them: [上段 nearest the centre line, 中段, 下段 nearest
 * the owner]; each row lists cards left to right from the owner's seat.
 */
export type Rows = readonly [readonly number[], readonly number[], readonly number[]];

interface SetupBase {
  readonly seed: number;
  /** Touches of the read card closer than this are simultaneous (see rules.md). Default 20 ms. */
  readonly simultaneousMs?: number;
}

/**
 * competitive: 25 + 25 of the 100, all 100 read. genpei: the chosen cards split evenly between
 * the two sides (an odd one out is not dealt). chirashi: the chosen cards scattered, no territories.
 * `cards` defaults to all 100; `readUnused` also reads the poems of cards not on the field.
 */
export type MatchSetup =
  | (SetupBase & { readonly mode: 'competitive' })
  | (SetupBase & {
      readonly mode: 'genpei';
      readonly cards?: readonly number[];
      readonly readUnused?: boolean;
    })
  | (SetupBase & {
      readonly mode: 'chirashi';
      readonly cards?: readonly number[];
      readonly readUnused?: boolean;
    });

export interface Touch {
  readonly player: Player;
  readonly card: number;
  /** Milliseconds since the start of the current reading's upper half. */
  readonly atMs: number;
  /** How many morae of the upper half had been heard at the touch (0 = before the first). */
  readonly atMora: number;
}

/** Where the read card lay: a player's territory, the common chirashi field, or nowhere (空札). */
export type Lay = Player | 'field' | null;

export interface Transfer {
  readonly from: Player;
  readonly to: Player;
  readonly count: number;
}

export interface ReadingOutcome {
  readonly taker: Player | null;
  readonly takeMs: number | null;
  readonly takeMora: number | null;
  /** Both touched the read card within the simultaneous window. */
  readonly simultaneous: boolean;
  /** Faults per player this reading (0, 1, or 2 for touching both territories on a karafuda). */
  readonly faults: readonly [number, number];
  /** Cards owed after take and faults cancelled against each other, capped by what the sender has. */
  readonly send: Transfer | null;
  /** Chirashi: the taken card each faulter had to give up (set aside), if they had one. */
  readonly forfeited: readonly number[];
}

export interface ReadingRecord {
  readonly poem: number;
  readonly lay: Lay;
  readonly touches: readonly Touch[];
  /** Filled in by `settle`. */
  readonly outcome: ReadingOutcome | null;
  /** Cards actually sent after this reading, in order. */
  readonly sent: readonly number[];
}

/**
 * memorization → joka (序歌 being read) → reading ⇄ (sending →) between → … → over.
 * `read` moves from joka or between to reading; `settle` ends a reading.
 */
export type Phase = 'memorization' | 'joka' | 'reading' | 'sending' | 'between' | 'over';

export interface MatchState {
  readonly version: 1;
  readonly mode: Mode;
  readonly simultaneousMs: number;
  readonly phase: Phase;
  /** Every card this match deals (on a territory or the chirashi field at the start). */
  readonly dealt: readonly number[];
  /** Each player's territory; both empty in chirashi. */
  readonly territories: readonly [Rows, Rows];
  /** Chirashi: the cards scattered face up. Empty in the territory modes. */
  readonly field: readonly number[];
  /** Poems still to be read, the head next. */
  readonly queue: readonly number[];
  /** One record per poem read so far; the last is the current one outside joka/memorization. */
  readonly readings: readonly ReadingRecord[];
  /** Cards each player took. */
  readonly taken: readonly [readonly number[], readonly number[]];
  /** Cards out of play: untaken, simultaneous in chirashi, or forfeited. */
  readonly setAside: readonly number[];
  readonly pendingSend: Transfer | null;
  /** Both territories were down to one card (運命戦) at some point. */
  readonly unmeisen: boolean;
  readonly winner: Player | 'draw' | null;
  readonly rng: RngState;
  /**
   * Territory cards' columns, card → slot from the owner's left (see places.ts). Absent in states
   * made before cards had fixed places; missing cards then take the first free slot of their row.
   */
  readonly columns?: Readonly<Record<number, number>>;
}

export type Action =
  | { readonly type: 'endMemorization' }
  | { readonly type: 'read' }
  | {
      readonly type: 'touch';
      readonly player: Player;
      readonly card: number;
      readonly atMs: number;
      readonly atMora: number;
    }
  | { readonly type: 'settle' }
  | { readonly type: 'send'; readonly player: Player; readonly card: number }
  /** A player moves one of their own cards to a slot of their territory (a card there swaps). */
  | {
      readonly type: 'arrange';
      readonly player: Player;
      readonly card: number;
      readonly row: number;
      readonly column: number;
    }
  /** During memorization: a player lays out its own cards anew (same cards, same row sizes). */
  | { readonly type: 'layout'; readonly player: Player; readonly rows: Rows };

export type MatchEvent =
  | { readonly type: 'memorizationOver' }
  | { readonly type: 'read'; readonly poem: number; readonly lay: Lay }
  | { readonly type: 'touched'; readonly player: Player; readonly card: number }
  | {
      readonly type: 'taken';
      readonly player: Player;
      readonly card: number;
      readonly from: Lay;
      readonly simultaneous: boolean;
    }
  | { readonly type: 'untaken'; readonly card: number }
  | { readonly type: 'karafuda'; readonly poem: number }
  | { readonly type: 'fault'; readonly player: Player; readonly count: number }
  | { readonly type: 'forfeit'; readonly player: Player; readonly card: number }
  | { readonly type: 'sendOwed'; readonly from: Player; readonly to: Player; readonly count: number }
  | { readonly type: 'sent'; readonly from: Player; readonly to: Player; readonly card: number }
  | { readonly type: 'laidOut'; readonly player: Player }
  | { readonly type: 'unmeisen' }
  | {
      readonly type: 'arranged';
      readonly player: Player;
      readonly card: number;
      readonly row: number;
      readonly column: number;
    }
  | { readonly type: 'over'; readonly winner: Player | 'draw' };

export const RULE_ERRORS = [
  'wrongPhase',
  'notOnField',
  'alreadyTouched',
  'badTime',
  'notYourSend',
  'notInTerritory',
  'badPlace',
] as const;
export type RuleErrorCode = (typeof RULE_ERRORS)[number];

export interface RuleError {
  readonly code: RuleErrorCode;
  readonly message: string;
}

export type ApplyResult =
  | { readonly ok: true; readonly state: MatchState; readonly events: readonly MatchEvent[] }
  | { readonly ok: false; readonly error: RuleError };
