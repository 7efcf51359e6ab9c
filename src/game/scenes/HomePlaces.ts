// Your 定位置 (home positions): where you like each card, kept in localStorage between matches.
// A new match lays your cards by the rules, then moves each card you have placed before to its
// old slot (when that slot is free or held by a card with no home of its own). The record is
// read defensively: anything that is not a card with a slot on the grid is dropped, and a
// record that cannot be parsed at all counts as empty, so a damaged entry never stops a match.
import { apply, GRID_COLUMNS, placesOf, ROWS_PER_TERRITORY, type MatchState, type Player } from '../rules';

export const HOME_PLACES_KEY = 'utakaruta.homePlaces';

export interface HomePlace {
  readonly row: number;
  readonly column: number;
}
export type HomePlaces = ReadonlyMap<number, HomePlace>;

/** The part of Web Storage this needs; tests pass a Map-backed one. */
export interface PlaceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): PlaceStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // a sandboxed frame throws on access
  }
}

const isSlot = (value: unknown, below: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < below;

/** Parses a stored record; every entry that is not `card: {row, column}` on the grid is dropped. */
export function parseHomePlaces(raw: string | null): Map<number, HomePlace> {
  const places = new Map<number, HomePlace>();
  if (raw === null || raw.length > 20_000) return places;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return places;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return places;
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const card = Number(key);
    if (!Number.isInteger(card) || card < 1 || card > 100 || String(card) !== key) continue;
    if (typeof value !== 'object' || value === null) continue;
    const { row, column } = value as Record<string, unknown>;
    if (isSlot(row, ROWS_PER_TERRITORY) && isSlot(column, GRID_COLUMNS))
      places.set(card, { row: row as number, column: column as number });
  }
  return places;
}

export function loadHomePlaces(store: PlaceStorage | undefined = storage()): Map<number, HomePlace> {
  try {
    return parseHomePlaces(store?.getItem(HOME_PLACES_KEY) ?? null);
  } catch {
    return new Map();
  }
}

/** Records where `player`'s cards lie now, keeping the homes of cards not in this match. */
export function saveHomePlaces(
  state: MatchState,
  player: Player = 0,
  store: PlaceStorage | undefined = storage(),
): void {
  const places = loadHomePlaces(store);
  for (const p of placesOf(state, player)) {
    if (p.column < GRID_COLUMNS) places.set(p.card, { row: p.row, column: p.column });
  }
  const record = Object.fromEntries([...places].sort((a, b) => a[0] - b[0]));
  try {
    store?.setItem(HOME_PLACES_KEY, JSON.stringify(record));
  } catch {
    // Private mode or a full quota: the arrangement lasts this match only.
  }
}

/** The arrange actions that move `player`'s dealt cards to their homes, as legal moves. */
export function homeArrangement(
  state: MatchState,
  homes: HomePlaces,
  player: Player = 0,
): { card: number; row: number; column: number }[] {
  const moves: { card: number; row: number; column: number }[] = [];
  const placed = new Set<number>();
  let current = state;
  for (const { card } of [...placesOf(state, player)].sort((a, b) => a.card - b.card)) {
    const home = homes.get(card);
    if (!home) continue;
    const there = placesOf(current, player).find((p) => p.row === home.row && p.column === home.column);
    // Never push out a card that already went home.
    if (there && (there.card === card || placed.has(there.card))) continue;
    const result = apply(current, { type: 'arrange', player, card, row: home.row, column: home.column });
    if (!result.ok) continue;
    current = result.state;
    placed.add(card);
    moves.push({ card, row: home.row, column: home.column });
  }
  return moves;
}
