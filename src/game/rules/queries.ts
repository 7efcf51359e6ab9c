// Read-only questions about a match state, for the scene, the opponents and the results screen.
import type { Lay, MatchState, Player, ReadingRecord, Rows } from './types';

export function rowsCards(rows: Rows): number[] {
  return [...rows[0], ...rows[1], ...rows[2]];
}

/** Cards left in a player's territory (territory modes) or taken (chirashi score). */
export function territoryCount(state: MatchState, player: Player): number {
  return rowsCards(state.territories[player]).length;
}

/** Where a card lies now: a territory, the chirashi field, or null when it is not on the field. */
export function whereIs(state: MatchState, card: number): Lay {
  for (const player of [0, 1] as const) {
    if (state.territories[player].some((row) => row.includes(card))) return player;
  }
  return state.field.includes(card) ? 'field' : null;
}

/** Every card on the field, in territory order then the chirashi field. */
export function cardsOnField(state: MatchState): number[] {
  return [...rowsCards(state.territories[0]), ...rowsCards(state.territories[1]), ...state.field];
}

/** The reading in progress (or just settled), if any. */
export function currentReading(state: MatchState): ReadingRecord | null {
  if (state.phase === 'memorization' || state.phase === 'joka') return null;
  return state.readings.at(-1) ?? null;
}

/**
 * The poems not read before the current reading, sorted by number: what a player knows may be
 * read now. It includes the poem being read, so it never gives that poem away.
 */
export function unreadAtReading(state: MatchState): number[] {
  const current = state.phase === 'reading' ? currentReading(state) : null;
  const unread = current ? [...state.queue, current.poem] : [...state.queue];
  return unread.sort((a, b) => a - b);
}

/** Poems read so far, in order. */
export function readPoems(state: MatchState): number[] {
  return state.readings.map((reading) => reading.poem);
}
