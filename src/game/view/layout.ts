// Pure layout math for cards and the gallery grid: no Phaser, no DOM, so it is unit-tested in
// node and shared by every screen that draws cards. All lengths are in game pixels.

/** A taking card is 52 mm × 73 mm. */
export const CARD_RATIO = 73 / 52;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function cardHeight(width: number): number {
  return width * CARD_RATIO;
}

// ---------------------------------------------------------------------------------------------
// The card face

/** Proportions of the card face, as fractions of the card width. */
export const CARD_FACE = {
  /** The green border band around the cream paper. */
  border: 0.06,
  /** Blank paper between the border and the text block, across and along. */
  marginX: 0.05,
  marginY: 0.06,
  /** Kana per column on a printed card (the last column takes the rest). */
  rowsPerColumn: 5,
} as const;

export interface Glyph {
  readonly char: string;
  /** 0 is the right-hand column, read first. */
  readonly column: number;
  readonly row: number;
  /** Centre of the glyph cell, relative to the card's top-left corner. */
  readonly cx: number;
  readonly cy: number;
  /** Font size that fills the cell. */
  readonly size: number;
}

/**
 * Where each kana of a taking card goes: three vertical columns laid right to left, the first on
 * the right, each read top to bottom; a column longer than five kana (poem 21's last line has
 * six) is squeezed to the same height instead of running off the card.
 */
export function torifudaGlyphs(lines: readonly string[], width: number): Glyph[] {
  const height = cardHeight(width);
  const inset = width * (CARD_FACE.border + CARD_FACE.marginX);
  const insetY = width * (CARD_FACE.border + CARD_FACE.marginY);
  const blockWidth = width - 2 * inset;
  const blockHeight = height - 2 * insetY;
  const columnPitch = blockWidth / 3;
  const glyphs: Glyph[] = [];
  lines.forEach((line, column) => {
    const chars = [...line];
    // A short last column keeps the five-row spacing, as printed.
    const step = blockHeight / Math.max(CARD_FACE.rowsPerColumn, chars.length);
    const size = Math.min(columnPitch, step) * 0.9;
    const cx = width - inset - columnPitch * (column + 0.5);
    chars.forEach((char, row) => {
      glyphs.push({ char, column, row, cx, cy: insetY + step * (row + 0.5), size });
    });
  });
  return glyphs;
}

// ---------------------------------------------------------------------------------------------
// The gallery grid

export interface GridSpec {
  /** The visible area the grid scrolls inside. */
  readonly area: Box;
  readonly columns: number;
  readonly gapX: number;
  readonly gapY: number;
  /** Space under each card for its kimariji label. */
  readonly labelHeight: number;
}

export interface Grid {
  readonly spec: GridSpec;
  readonly count: number;
  readonly cardWidth: number;
  readonly cardHeight: number;
  /** Distance from one row's top to the next row's. */
  readonly rowPitch: number;
  readonly rows: number;
  /** Height of all rows, from the first card's top to the last label's bottom, plus padding. */
  readonly contentHeight: number;
}

/** Card size is chosen so `columns` cards and their gaps fill the area's width. */
export function galleryGrid(count: number, spec: GridSpec): Grid {
  const cardWidth = (spec.area.width - spec.gapX * (spec.columns + 1)) / spec.columns;
  const height = cardHeight(cardWidth);
  const rowPitch = height + spec.labelHeight + spec.gapY;
  const rows = Math.ceil(count / spec.columns);
  const contentHeight = rows * rowPitch + spec.gapY;
  return { spec, count, cardWidth, cardHeight: height, rowPitch, rows, contentHeight };
}

/** The card at `index` (its place in the current order), in game coordinates, after scrolling. */
export function cellBox(grid: Grid, index: number, scroll: number): Box {
  const { area, columns, gapX, gapY } = grid.spec;
  const column = index % columns;
  const row = Math.floor(index / columns);
  return {
    x: area.x + gapX + column * (grid.cardWidth + gapX),
    y: area.y + gapY + row * grid.rowPitch - scroll,
    width: grid.cardWidth,
    height: grid.cardHeight,
  };
}

export function maxScroll(grid: Grid): number {
  return Math.max(0, grid.contentHeight - grid.spec.area.height);
}

export function clampScroll(grid: Grid, scroll: number): number {
  return Math.min(maxScroll(grid), Math.max(0, scroll));
}

/** The index of the card under a point, or undefined for a gap, a label or outside the area. */
export function cardAt(grid: Grid, px: number, py: number, scroll: number): number | undefined {
  const { area } = grid.spec;
  if (px < area.x || px >= area.x + area.width || py < area.y || py >= area.y + area.height) {
    return undefined;
  }
  const { columns, gapX, gapY } = grid.spec;
  const column = Math.floor((px - area.x - gapX / 2) / (grid.cardWidth + gapX));
  const row = Math.floor((py - area.y - gapY + scroll) / grid.rowPitch);
  if (column < 0 || column >= columns || row < 0) return undefined;
  const index = row * columns + column;
  if (index >= grid.count) return undefined;
  const box = cellBox(grid, index, scroll);
  const inside = px >= box.x && px < box.x + box.width && py >= box.y && py < box.y + box.height;
  return inside ? index : undefined;
}

/** The smallest scroll change that shows the whole card and its label. */
export function scrollToReveal(grid: Grid, index: number, scroll: number): number {
  const box = cellBox(grid, index, scroll);
  const { area, gapY, labelHeight } = grid.spec;
  const top = box.y - gapY;
  const bottom = box.y + box.height + labelHeight + gapY;
  if (top < area.y) return clampScroll(grid, scroll - (area.y - top));
  if (bottom > area.y + area.height) {
    return clampScroll(grid, scroll + (bottom - area.y - area.height));
  }
  return scroll;
}

/** Rows that fit whole in the visible area: the step for Page Up / Page Down. */
export function rowsPerPage(grid: Grid): number {
  return Math.max(1, Math.floor(grid.spec.area.height / grid.rowPitch));
}

export type FocusMove = 'left' | 'right' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

/** Where the keyboard focus goes from `index`; it stops at the edges rather than wrapping. */
export function moveFocus(grid: Grid, index: number, move: FocusMove): number {
  const { columns } = grid.spec;
  const last = grid.count - 1;
  const page = rowsPerPage(grid) * columns;
  const target = (() => {
    switch (move) {
      case 'left':
        return index - 1;
      case 'right':
        return index + 1;
      case 'up':
        return index - columns >= 0 ? index - columns : index;
      case 'down':
        return index + columns <= last ? index + columns : index;
      case 'pageUp':
        return index - page;
      case 'pageDown':
        return index + page;
      case 'home':
        return 0;
      case 'end':
        return last;
      default: {
        const unknown: never = move;
        throw new Error(`unknown focus move ${String(unknown)}`);
      }
    }
  })();
  return Math.min(last, Math.max(0, target));
}

/**
 * A box in game coordinates as page (CSS) pixels, given where the canvas sits on the page and
 * the game's logical size (Phaser's FIT mode scales the canvas uniformly).
 */
export function toPageBox(box: Box, canvas: Box, gameWidth: number, gameHeight: number): Box {
  const sx = canvas.width / gameWidth;
  const sy = canvas.height / gameHeight;
  return {
    x: canvas.x + box.x * sx,
    y: canvas.y + box.y * sy,
    width: box.width * sx,
    height: box.height * sy,
  };
}

/** The morae of a kana string: a kana and any small ゃゅょぁぃぅぇぉゎ after it; spaces skipped. */
export function splitMorae(kana: string): string[] {
  const morae: string[] = [];
  for (const char of kana) {
    if (char === ' ' || char === '　') continue;
    if (SMALL_KANA.includes(char) && morae.length > 0) {
      morae[morae.length - 1] += char;
    } else {
      morae.push(char);
    }
  }
  return morae;
}

const SMALL_KANA = 'ゃゅょぁぃぅぇぉゎャュョァィゥェォヮ';

/**
 * How many characters of `text` (spaces included) cover its first `morae` morae: the prefix to
 * highlight as the kimariji inside a reading written with spaces between phrases.
 */
export function moraePrefixLength(text: string, morae: number): number {
  let seen = 0;
  let length = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    if (char === ' ' || char === '　') {
      if (seen >= morae) break;
      length = i + 1;
      continue;
    }
    if (!SMALL_KANA.includes(char)) {
      if (seen >= morae) break;
      seen++;
    }
    length = i + 1;
  }
  return length;
}
