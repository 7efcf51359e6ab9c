// Where cards go on the match screen: pure layout math, no Phaser. All lengths in game pixels.
// Territories: the local player (0) at the bottom, facing up; the opponent (1) at the top, its
// cards upside down. Each territory's row 0 (上段) is the one nearest the centre line, and a row
// runs left to right as its owner sees it, so the opponent's rows run right to left on screen.
import { defaultColumns, GRID_COLUMNS, type Place, type Player, type Rows } from '../rules';
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
  /** Territory cards: whose side, which row (0 = 上段) and column (from the owner's left). */
  readonly player?: Player;
  readonly row?: number;
  readonly column?: number;
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

/** Room on the left of the field for the row keys (1–6), in the centre gap for the column keys. */
export const MATCH_FIELD: TerritorySpec = {
  area: { x: 34, y: 8, width: 940, height: 704 },
  centreGap: 26,
  rowGap: 8,
  cardGap: 6,
  maxCardWidth: 80,
};

/** Where the match panel goes: its backdrop, the flowing text column, the buttons. */
export interface PanelFrame {
  readonly box: Box;
  readonly textX: number;
  readonly textWidth: number;
  /** The far side's count band, at the top. */
  readonly top: number;
  /** The flowing bands end above this (the buttons, the near side's count). */
  readonly flowBottom: number;
  /** The first row of buttons' top-left, and how wide a row is. */
  readonly buttons: { readonly x: number; readonly y: number; readonly width: number };
  /** The near side's count band. */
  readonly bottomY: number;
  /** Pause and help on rows of their own (the projector's larger labels), not side by side. */
  readonly buttonPerRow?: boolean;
}

/** The match screen for one logical size: the table (cloth and territories) and the panel. */
export interface MatchScreen {
  readonly width: number;
  readonly height: number;
  readonly cloth: Box;
  readonly field: TerritorySpec;
  readonly panel: PanelFrame;
}

/** 1280×720: the table on the left, the panel down the right. */
export const LANDSCAPE_MATCH: MatchScreen = {
  width: 1280,
  height: 720,
  cloth: { x: 8, y: 0, width: 976, height: 720 },
  field: MATCH_FIELD,
  panel: {
    box: { x: 984, y: 0, width: 296, height: 720 },
    textX: 1000,
    textWidth: 272,
    top: 10,
    flowBottom: 500,
    buttons: { x: 1000, y: 508, width: 272 },
    bottomY: 686,
  },
};

/**
 * 720×960 (a tablet held upright): the table across the top, as wide as the screen allows (twelve
 * slots a row decide the card size), and the panel under it: text on the left, buttons on the right.
 */
export const PORTRAIT_MATCH: MatchScreen = {
  width: 720,
  height: 960,
  cloth: { x: 8, y: 0, width: 704, height: 526 },
  field: { ...MATCH_FIELD, area: { x: 34, y: 8, width: 672, height: 510 } },
  panel: {
    box: { x: 0, y: 526, width: 720, height: 434 },
    textX: 16,
    textWidth: 420,
    top: 536,
    flowBottom: 918,
    buttons: { x: 448, y: 540, width: 260 },
    bottomY: 928,
  },
};

/**
 * 1280×720 in the projector preset (display.ts): a wider panel for the larger text, its buttons
 * one a row, and the table a little narrower.
 */
export const PROJECTOR_MATCH: MatchScreen = {
  ...LANDSCAPE_MATCH,
  cloth: { x: 8, y: 0, width: 920, height: 720 },
  field: { ...MATCH_FIELD, area: { x: 34, y: 8, width: 884, height: 704 } },
  panel: {
    box: { x: 928, y: 0, width: 352, height: 720 },
    textX: 942,
    textWidth: 326,
    top: 10,
    flowBottom: 436,
    buttons: { x: 942, y: 444, width: 326 },
    bottomY: 682,
    buttonPerRow: true,
  },
};

export function matchScreen(portrait: boolean, projector = false): MatchScreen {
  return portrait ? PORTRAIT_MATCH : projector ? PROJECTOR_MATCH : LANDSCAPE_MATCH;
}

/** Both territories' places, player 0 first. */
export type FieldPlaces = readonly [readonly Place[], readonly Place[]];

/** Places of freshly laid rows (each row centred on the grid), for layouts without a match. */
export function placesFromRows(territories: readonly [Rows, Rows]): FieldPlaces {
  const columns = defaultColumns(territories);
  const of = (rows: Rows): Place[] =>
    rows.flatMap((row, r) => row.map((card) => ({ card, row: r as 0 | 1 | 2, column: columns[card] ?? 0 })));
  return [of(territories[0]), of(territories[1])];
}

/** The grid width a set of places needs: the fixed slots, or more for a row that spills over. */
export function placesWidth(places: FieldPlaces): number {
  return Math.max(GRID_COLUMNS, ...places.flatMap((ps) => ps.map((p) => p.column + 1)));
}

/** The card width that fits six rows and `columns` slots in the area. */
export function territoryCardWidth(columns: number, spec: TerritorySpec = MATCH_FIELD): number {
  const byWidth = (spec.area.width - (columns - 1) * spec.cardGap) / columns;
  const rowHeight = (spec.area.height - spec.centreGap - 4 * spec.rowGap) / 6;
  const byHeight = rowHeight / cardHeight(1);
  return Math.floor(Math.min(spec.maxCardWidth, byWidth, byHeight));
}

/** The grid of slots: where any (player, row, column) is drawn, and which slot a point is in. */
export class TerritoryGrid {
  readonly width: number;
  readonly height: number;
  private readonly centreX: number;
  /** The centre line between the two territories. */
  readonly centreY: number;

  constructor(
    readonly columns: number,
    readonly spec: TerritorySpec = MATCH_FIELD,
  ) {
    this.width = territoryCardWidth(columns, spec);
    this.height = cardHeight(this.width);
    this.centreX = spec.area.x + spec.area.width / 2;
    this.centreY = spec.area.y + spec.area.height / 2;
  }

  /** Centre of a slot. The opponent's rows run right to left on screen (they face the other way). */
  centre(player: Player, row: number, column: number): { x: number; y: number } {
    const { centreGap, rowGap, cardGap } = this.spec;
    const offset = centreGap / 2 + this.height / 2 + row * (this.height + rowGap);
    const gridWidth = this.columns * this.width + (this.columns - 1) * cardGap;
    const fromLeft = this.centreX - gridWidth / 2 + this.width / 2 + column * (this.width + cardGap);
    return {
      x: player === 0 ? fromLeft : 2 * this.centreX - fromLeft,
      y: player === 0 ? this.centreY + offset : this.centreY - offset,
    };
  }

  /** The slot of `player`'s territory nearest a point, or null when the point is off that side. */
  slotAt(player: Player, x: number, y: number): { row: 0 | 1 | 2; column: number } | null {
    const { centreGap, rowGap, cardGap } = this.spec;
    const fromCentre = player === 0 ? y - this.centreY : this.centreY - y;
    const row = Math.floor((fromCentre - centreGap / 2 + rowGap / 2) / (this.height + rowGap));
    const origin = this.centre(player, 0, 0).x;
    const step = (this.width + cardGap) * (player === 0 ? 1 : -1);
    const column = Math.round((x - origin) / step) + 0; // never -0
    if (fromCentre < centreGap / 4 || row < 0 || row > 2 || column < 0 || column >= this.columns) return null;
    return { row: row as 0 | 1 | 2, column };
  }

  /** Screen row 0–5 (top to bottom) → whose row it is; used by the row keys 1–6. */
  static screenRow(index: number): { player: Player; row: 0 | 1 | 2 } | null {
    if (!Number.isInteger(index) || index < 0 || index > 5) return null;
    return index < 3
      ? { player: 1, row: (2 - index) as 0 | 1 | 2 }
      : { player: 0, row: (index - 3) as 0 | 1 | 2 };
  }

  /** Screen column (left to right) → the column in `player`'s own terms. */
  ownColumn(player: Player, screenColumn: number): number {
    return player === 0 ? screenColumn : this.columns - 1 - screenColumn;
  }

  /** Slots for every card in both territories. */
  slots(places: FieldPlaces): Slot[] {
    return ([0, 1] as const).flatMap((player) =>
      places[player].map((p) => ({
        no: p.card,
        ...this.centre(player, p.row, p.column),
        width: this.width,
        upsideDown: player === 1,
        angle: 0,
        player,
        row: p.row,
        column: p.column,
      })),
    );
  }
}

/** Slots for every card in both territories, on a grid wide enough for them. */
export function territorySlots(places: FieldPlaces, spec: TerritorySpec = MATCH_FIELD): Slot[] {
  return new TerritoryGrid(placesWidth(places), spec).slots(places);
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
