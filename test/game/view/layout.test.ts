import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CARD_FACE,
  cardAt,
  cardHeight,
  cellBox,
  clampScroll,
  galleryGrid,
  maxScroll,
  moraePrefixLength,
  moveFocus,
  rowsPerPage,
  scrollToReveal,
  splitMorae,
  toPageBox,
  torifudaGlyphs,
  type GridSpec,
} from '../../../src/game/view/layout';
import { POEM_17, POEM_21 } from './fixtures';

describe('the taking card face', () => {
  it('is as tall as a 52 × 73 mm card', () => {
    expect(cardHeight(52)).toBeCloseTo(73);
  });

  it('lays the three lines right to left, the first line in the right-hand column', () => {
    const glyphs = torifudaGlyphs(POEM_17.torifuda, 100);
    const columnX = [0, 1, 2].map((c) => glyphs.find((g) => g.column === c)?.cx ?? NaN);
    expect(columnX[0]).toBeGreaterThan(columnX[1] ?? NaN);
    expect(columnX[1]).toBeGreaterThan(columnX[2] ?? NaN);
    expect(
      glyphs
        .filter((g) => g.column === 0)
        .map((g) => g.char)
        .join(''),
    ).toBe('からくれな');
  });

  it('reads each column top to bottom and keeps every kana of the card, in order', () => {
    const glyphs = torifudaGlyphs(POEM_17.torifuda, 100);
    expect(glyphs.map((g) => g.char).join('')).toBe('からくれなゐにみつくくるとは');
    for (let i = 1; i < glyphs.length; i++) {
      const [prev, next] = [glyphs[i - 1]!, glyphs[i]!];
      if (prev.column === next.column) expect(next.cy).toBeGreaterThan(prev.cy);
    }
  });

  it('starts all three columns at the same height, as printed', () => {
    const glyphs = torifudaGlyphs(POEM_17.torifuda, 100);
    const tops = glyphs.filter((g) => g.row === 0).map((g) => g.cy);
    expect(new Set(tops).size).toBe(1);
  });

  it('gives a short last column the same spacing as the full ones', () => {
    const glyphs = torifudaGlyphs(POEM_17.torifuda, 100);
    const second = (column: number) => glyphs.find((g) => g.column === column && g.row === 1)!;
    expect(second(2).cy).toBeCloseTo(second(0).cy);
  });

  it('squeezes poem 21’s six-kana last column inside the card instead of spilling over', () => {
    const width = 120;
    const glyphs = torifudaGlyphs(POEM_21.torifuda, width);
    const last = glyphs.filter((g) => g.column === 2);
    expect(last).toHaveLength(6);
    const full = glyphs.filter((g) => g.column === 0);
    const bottom = (gs: typeof glyphs) => Math.max(...gs.map((g) => g.cy + g.size / 2));
    // Same text block as the five-kana column: within half a cell of its bottom.
    expect(bottom(last)).toBeLessThanOrEqual(bottom(full) + full[0]!.size / 2);
    expect(last[0]!.size).toBeLessThan(full[0]!.size);
    expect(bottom(last)).toBeLessThan(cardHeight(width));
  });

  it('keeps every glyph inside the cream face, clear of the green border', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 600 }), (width) => {
        for (const g of torifudaGlyphs(POEM_21.torifuda, width)) {
          const border = width * CARD_FACE.border;
          expect(g.cx - g.size / 2).toBeGreaterThanOrEqual(border);
          expect(g.cx + g.size / 2).toBeLessThanOrEqual(width - border);
          expect(g.cy - g.size / 2).toBeGreaterThanOrEqual(border);
          expect(g.cy + g.size / 2).toBeLessThanOrEqual(cardHeight(width) - border);
        }
      }),
    );
  });

  it('draws kana large: more than a fifth of the card width at gallery size', () => {
    const [first] = torifudaGlyphs(POEM_17.torifuda, 96);
    expect(first!.size).toBeGreaterThan(96 / 5);
  });
});

const SPEC: GridSpec = {
  area: { x: 0, y: 80, width: 1280, height: 640 },
  columns: 10,
  gapX: 16,
  gapY: 12,
  labelHeight: 24,
};

describe('the gallery grid', () => {
  const grid = galleryGrid(100, SPEC);

  it('fits ten cards and their gaps exactly across the area', () => {
    const first = cellBox(grid, 0, 0);
    const tenth = cellBox(grid, 9, 0);
    expect(first.x).toBeCloseTo(SPEC.gapX);
    expect(tenth.x + tenth.width + SPEC.gapX).toBeCloseTo(1280);
    expect(grid.rows).toBe(10);
  });

  it('puts the eleventh card at the start of the second row', () => {
    const eleventh = cellBox(grid, 10, 0);
    expect(eleventh.x).toBeCloseTo(cellBox(grid, 0, 0).x);
    expect(eleventh.y).toBeCloseTo(cellBox(grid, 0, 0).y + grid.rowPitch);
  });

  it('scrolls from the top to where the last row shows, and no further', () => {
    expect(clampScroll(grid, -50)).toBe(0);
    expect(clampScroll(grid, 1e6)).toBe(maxScroll(grid));
    const last = cellBox(grid, 99, maxScroll(grid));
    expect(last.y + last.height + SPEC.labelHeight).toBeLessThanOrEqual(SPEC.area.y + SPEC.area.height);
  });

  it('does not scroll when everything fits', () => {
    expect(maxScroll(galleryGrid(7, SPEC))).toBe(0);
  });

  it('finds the card under a point, and nothing in a gap or above the area', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.nat(2000), (index, rawScroll) => {
        const scroll = clampScroll(grid, rawScroll);
        const box = cellBox(grid, index, scroll);
        const cx = box.x + box.width / 2;
        const cy = box.y + box.height / 2;
        const visible = cy >= SPEC.area.y && cy < SPEC.area.y + SPEC.area.height;
        expect(cardAt(grid, cx, cy, scroll)).toBe(visible ? index : undefined);
      }),
    );
    const first = cellBox(grid, 0, 0);
    expect(cardAt(grid, first.x + first.width + SPEC.gapX / 2, first.y + 10, 0)).toBeUndefined();
    expect(cardAt(grid, first.x + 5, SPEC.area.y - 1, 0)).toBeUndefined();
  });

  it('scrolls just enough to show a focused card, and not at all when it is visible', () => {
    expect(scrollToReveal(grid, 0, 0)).toBe(0);
    const down = scrollToReveal(grid, 99, 0);
    const box = cellBox(grid, 99, down);
    expect(box.y + box.height + SPEC.labelHeight).toBeLessThanOrEqual(SPEC.area.y + SPEC.area.height);
    expect(scrollToReveal(grid, 0, down)).toBe(0);
  });

  it('moves the keyboard focus by card, by row and by page, stopping at the ends', () => {
    expect(moveFocus(grid, 0, 'left')).toBe(0);
    expect(moveFocus(grid, 0, 'right')).toBe(1);
    expect(moveFocus(grid, 5, 'down')).toBe(15);
    expect(moveFocus(grid, 5, 'up')).toBe(5);
    expect(moveFocus(grid, 95, 'down')).toBe(95);
    expect(moveFocus(grid, 0, 'pageDown')).toBe(rowsPerPage(grid) * 10);
    expect(moveFocus(grid, 3, 'pageUp')).toBe(0);
    expect(moveFocus(grid, 40, 'end')).toBe(99);
    expect(moveFocus(grid, 40, 'home')).toBe(0);
  });
});

describe('page coordinates', () => {
  it('maps a game box onto a canvas scaled and offset by the FIT mode', () => {
    const page = toPageBox(
      { x: 640, y: 360, width: 100, height: 50 },
      { x: 10, y: 200, width: 640, height: 360 },
      1280,
      720,
    );
    expect(page).toEqual({ x: 330, y: 380, width: 50, height: 25 });
  });
});

describe('kimariji highlighting in a reading', () => {
  it('splits kana into morae, keeping small ゃゅょ with the kana before', () => {
    expect(splitMorae('きみがため はるの')).toEqual(['き', 'み', 'が', 'た', 'め', 'は', 'る', 'の']);
    expect(splitMorae('ちょうの')).toEqual(['ちょ', 'う', 'の']);
  });

  it('covers the first n morae of a spaced reading, across a phrase break if needed', () => {
    expect('ちはやぶる'.slice(0, moraePrefixLength('ちはやぶる かみよ', 2))).toBe('ちは');
    expect(moraePrefixLength('あさぼらけ ありあけ', 6)).toBe('あさぼらけ あ'.length);
    expect(moraePrefixLength('きょうここのえに', 2)).toBe('きょう'.length);
    expect(moraePrefixLength('む', 1)).toBe(1);
  });
});
