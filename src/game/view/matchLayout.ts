// Where cards go on the match screen: pure layout math, no Phaser. All lengths in game pixels.
// Territories: the local player (0) at the bottom, facing up; the opponent (1) at the top, its
// cards upside down. Each territory's row 0 (上段) is the one nearest the centre line, and a row
// runs left to right as its owner sees it, so the opponent's rows run right to left on screen.
import type { Rows } from '../rules';
import { cardHeight, type Box } from './layout';

export interface Slot {
  readonly no: number;
  /** Centre of the card. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly upsideDown: boolean;
  /** Small tilt in radians, for the scattered chirashi look. */
  readonly angle: number;
}

export interface TerritorySpec {
  readonly area: Box;
  /** Space between the two territories' front rows (3 cm at a real table). */
  readonly centreGap: number;
  readonly rowGap: number;
  readonly cardGap: number;
  /** Widest card drawn; smaller when a long row or a short screen needs it. */
  readonly maxCardWidth: number;
}

export const MATCH_FIELD: TerritorySpec = {
  area: { x: 16, y: 8, width: 960, height: 704 },
  centreGap: 26,
  rowGap: 8,
  cardGap: 6,
  maxCardWidth: 80,
};

/** The card width that fits six rows and the longest row in the area. */
export function territoryCardWidth(
  territories: readonly [Rows, Rows],
  spec: TerritorySpec = MATCH_FIELD,
): number {
  const longest = Math.max(1, ...territories.flatMap((rows) => rows.map((row) => row.length)));
  const byWidth = (spec.area.width - (longest - 1) * spec.cardGap) / longest;
  const rowHeight = (spec.area.height - spec.centreGap - 4 * spec.rowGap) / 6;
  const byHeight = rowHeight / cardHeight(1);
  return Math.floor(Math.min(spec.maxCardWidth, byWidth, byHeight));
}

/** Slots for every card in both territories. */
export function territorySlots(
  territories: readonly [Rows, Rows],
  spec: TerritorySpec = MATCH_FIELD,
): Slot[] {
  const width = territoryCardWidth(territories, spec);
  const height = cardHeight(width);
  const centreY = spec.area.y + spec.area.height / 2;
  const centreX = spec.area.x + spec.area.width / 2;
  const slots: Slot[] = [];
  for (const player of [0, 1] as const) {
    territories[player].forEach((row, rowIndex) => {
      // Distance of the row's centre from the centre line.
      const offset = spec.centreGap / 2 + height / 2 + rowIndex * (height + spec.rowGap);
      const y = player === 0 ? centreY + offset : centreY - offset;
      const rowWidth = row.length * width + (row.length - 1) * spec.cardGap;
      row.forEach((no, i) => {
        const fromLeft = centreX - rowWidth / 2 + width / 2 + i * (width + spec.cardGap);
        const x = player === 0 ? fromLeft : 2 * centreX - fromLeft;
        slots.push({ no, x, y, width, upsideDown: player === 1, angle: 0 });
      });
    });
  }
  return slots;
}

/**
 * Slots for a chirashi field of `cards` (in dealing order): a grid sized to fit them all, each
 * card nudged and tilted a little by its number, so the field looks scattered but nothing overlaps.
 */
export function chirashiSlots(cards: readonly number[], area: Box = MATCH_FIELD.area, gap = 6): Slot[] {
  const n = Math.max(1, cards.length);
  let best = { columns: 1, width: 0 };
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    const byWidth = (area.width - (columns - 1) * gap) / columns;
    const byHeight = (area.height - (rows - 1) * gap) / rows / cardHeight(1);
    const width = Math.min(byWidth, byHeight, 110);
    if (width > best.width) best = { columns, width };
  }
  const width = Math.floor(best.width * 0.94);
  const cellW = (area.width - (best.columns - 1) * gap) / best.columns;
  const rows = Math.ceil(n / best.columns);
  const cellH = (area.height - (rows - 1) * gap) / rows;
  const slack = { x: Math.max(0, cellW - width) / 2, y: Math.max(0, cellH - cardHeight(width)) / 2 };
  return cards.map((no, i) => {
    const column = i % best.columns;
    const row = Math.floor(i / best.columns);
    // A fixed pseudo-random wobble from the card number: the same card always lies the same way.
    const wobble = (k: number) => Math.sin(no * 12.9898 + k * 78.233) % 1;
    return {
      no,
      x: area.x + column * (cellW + gap) + cellW / 2 + wobble(1) * slack.x,
      y: area.y + row * (cellH + gap) + cellH / 2 + wobble(2) * slack.y,
      width,
      upsideDown: wobble(3) > 0.6,
      angle: wobble(4) * 0.06,
    };
  });
}

export type FocusKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/**
 * Keyboard focus on the field: with nothing focused, the bottom-left card (nearest the local
 * player); left/right move along the same row, up/down to the nearest card of the next row.
 * Stays put at an edge.
 */
export function nextFocus(slots: readonly Slot[], current: number | null, key: FocusKey): number | null {
  if (slots.length === 0) return null;
  const from = slots.find((s) => s.no === current);
  if (!from) return [...slots].sort((a, b) => b.y - a.y || a.x - b.x)[0]?.no ?? null;
  const dx = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
  const dy = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : 0;
  const sameRow = (s: Slot) => Math.abs(s.y - from.y) < from.width / 2;
  const candidates = slots.filter((s) =>
    dx !== 0 ? sameRow(s) && Math.sign(s.x - from.x) === dx : !sameRow(s) && Math.sign(s.y - from.y) === dy,
  );
  const distance = (s: Slot) => Math.abs(s.x - from.x) + 3 * Math.abs(s.y - from.y);
  return candidates.sort((a, b) => distance(a) - distance(b))[0]?.no ?? from.no;
}
