// Where each card lies inside its territory: a row (0 = 上段, nearest the centre line) and a
// column counted from the owner's left on a grid of fixed slots. A card that leaves its row leaves
// a gap; cards move only when their owner arranges them, or when a sent card arrives.
import type { MatchState, Player, Rows } from './types';

/** Slots per row. A row of the deal (at most 9 in competitive) sits centred with room to spare. */
export const GRID_COLUMNS = 12;
export const ROWS_PER_TERRITORY = 3;

export interface Place {
  readonly card: number;
  readonly row: 0 | 1 | 2;
  readonly column: number;
}

/** Columns of a row laid down whole: centred on the grid (or from column 0 when it is longer). */
function centredColumns(length: number): number[] {
  const start = Math.max(0, Math.floor((GRID_COLUMNS - length) / 2));
  return Array.from({ length }, (_, i) => start + i);
}

/** The columns of freshly laid rows, card → column. */
export function defaultColumns(territories: readonly Rows[]): Record<number, number> {
  const columns: Record<number, number> = {};
  for (const rows of territories) {
    for (const row of rows) centredColumns(row.length).forEach((c, i) => (columns[row[i] as number] = c));
  }
  return columns;
}

/**
 * Every card of `player`'s territory with its place. A card the state has no column for (a state
 * written before columns existed, or built by hand) gets the first free slot of its row, in order.
 */
export function placesOf(state: MatchState, player: Player): Place[] {
  const known = state.columns ?? {};
  const places: Place[] = [];
  state.territories[player].forEach((row, rowIndex) => {
    const r = rowIndex as 0 | 1 | 2;
    const used = new Set<number>();
    const missing: number[] = [];
    for (const card of row) {
      const column = known[card];
      if (column === undefined || used.has(column)) missing.push(card);
      else {
        used.add(column);
        places.push({ card, row: r, column });
      }
    }
    const fallback =
      used.size === 0
        ? centredColumns(row.length)
        : Array.from({ length: GRID_COLUMNS + row.length }, (_, c) => c).filter((c) => !used.has(c));
    missing.forEach((card, i) => places.push({ card, row: r, column: fallback[i] ?? GRID_COLUMNS + i }));
  });
  return places;
}

/** The grid width the field must draw: the fixed slots, or more when a crowded row spills over. */
export function gridColumns(state: MatchState): number {
  let widest = GRID_COLUMNS;
  for (const player of [0, 1] as const) {
    for (const place of placesOf(state, player)) widest = Math.max(widest, place.column + 1);
  }
  return widest;
}

/** Rows and columns rebuilt from a player's places (rows listed left to right). */
export function withPlaces(state: MatchState, player: Player, places: readonly Place[]): MatchState {
  const rows: [number[], number[], number[]] = [[], [], []];
  const sorted = [...places].sort((a, b) => a.column - b.column);
  for (const place of sorted) rows[place.row].push(place.card);
  const territories: [Rows, Rows] = [state.territories[0], state.territories[1]];
  territories[player] = rows;
  const columns: Record<number, number> = {};
  for (const p of [0, 1] as const) {
    for (const place of p === player ? places : placesOf(state, p)) columns[place.card] = place.column;
  }
  return { ...state, territories, columns };
}

/**
 * Where a received card goes unless its new owner moves it: the shortest row (ties to the row
 * nearest the owner), in the first free slot right of that row's last card, else the nearest free
 * slot to its left; a full grid spills past the last column.
 */
export function receivingPlace(places: readonly Place[], card: number): Place {
  const byRow = ([2, 1, 0] as const)
    .map((row) => ({ row, columns: places.filter((p) => p.row === row).map((p) => p.column) }))
    .sort((a, b) => a.columns.length - b.columns.length);
  for (const { row, columns } of byRow) {
    const taken = new Set(columns);
    const last = columns.length ? Math.max(...columns) : Math.floor(GRID_COLUMNS / 2) - 1;
    for (let c = last + 1; c < GRID_COLUMNS; c++) if (!taken.has(c)) return { card, row, column: c };
    for (let c = last - 1; c >= 0; c--) if (!taken.has(c)) return { card, row, column: c };
  }
  const row = byRow[0]?.row ?? 2;
  const columns = places.filter((p) => p.row === row).map((p) => p.column);
  return { card, row, column: Math.max(GRID_COLUMNS - 1, ...columns) + 1 };
}
