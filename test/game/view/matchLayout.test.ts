import { describe, expect, it } from 'vitest';
import { layRows } from '../../../src/game/rules';
import { cardHeight } from '../../../src/game/view/layout';
import {
  chirashiSlots,
  MATCH_FIELD,
  nextFocus,
  placesFromRows,
  placesWidth,
  territoryCardWidth,
  territorySlots,
  TerritoryGrid,
  type Slot,
} from '../../../src/game/view/matchLayout';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const ROWS_25: [ReturnType<typeof layRows>, ReturnType<typeof layRows>] = [
  layRows(range(1, 25)),
  layRows(range(26, 25)),
];
const TWENTY_FIVE = placesFromRows(ROWS_25);
const widthOf = (places: typeof TWENTY_FIVE) => territoryCardWidth(placesWidth(places));

function overlaps(a: Slot, b: Slot): boolean {
  const h = (s: Slot) => cardHeight(s.width);
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (h(a) + h(b)) / 2;
}

function inside(slot: Slot): boolean {
  const { x, y, width, height } = MATCH_FIELD.area;
  const h = cardHeight(slot.width);
  return (
    slot.x - slot.width / 2 >= x &&
    slot.x + slot.width / 2 <= x + width &&
    slot.y - h / 2 >= y &&
    slot.y + h / 2 <= y + height
  );
}

describe('match layout', () => {
  it('puts the local player at the bottom and the opponent, upside down, at the top', () => {
    const slots = territorySlots(TWENTY_FIVE);
    const mine = slots.filter((s) => s.no <= 25);
    const theirs = slots.filter((s) => s.no > 25);
    const centre = MATCH_FIELD.area.y + MATCH_FIELD.area.height / 2;
    expect(mine.every((s) => s.y > centre && !s.upsideDown)).toBe(true);
    expect(theirs.every((s) => s.y < centre && s.upsideDown)).toBe(true);
  });

  it('lays each front row (上段) nearest the centre line', () => {
    const slots = territorySlots(TWENTY_FIVE);
    const y = (no: number) => slots.find((s) => s.no === no)?.y ?? NaN;
    // Player 0's rows: 1–8 front, 9–16 middle, 17–25 back.
    expect(y(1)).toBeLessThan(y(9));
    expect(y(9)).toBeLessThan(y(17));
    expect(y(26)).toBeGreaterThan(y(34));
  });

  it('keeps 25 a side readable (at least 70 px wide) with no overlap, inside the field', () => {
    const slots = territorySlots(TWENTY_FIVE);
    expect(widthOf(TWENTY_FIVE)).toBeGreaterThanOrEqual(70);
    for (const a of slots) {
      expect(inside(a)).toBe(true);
      for (const b of slots) if (a !== b) expect(overlaps(a, b)).toBe(false);
    }
  });

  it('shrinks the cards when a row grows long, still inside the field', () => {
    const long = placesFromRows([[[], [], range(1, 20)], layRows(range(30, 10))]);
    expect(widthOf(long)).toBeLessThan(widthOf(TWENTY_FIVE));
    expect(territorySlots(long).every(inside)).toBe(true);
  });

  it('scatters a chirashi field of 100 without overlaps', () => {
    const slots = chirashiSlots(range(1, 100));
    expect(slots).toHaveLength(100);
    for (const a of slots) for (const b of slots) if (a !== b) expect(overlaps(a, b)).toBe(false);
  });

  it('moves keyboard focus along a row and to the nearest card of the next row', () => {
    const slots = territorySlots(TWENTY_FIVE);
    const start = nextFocus(slots, null, 'ArrowUp');
    // Nothing focused: the bottom-left card, the first of player 0's back row.
    expect(start).toBe(17);
    expect(nextFocus(slots, 17, 'ArrowRight')).toBe(18);
    expect(nextFocus(slots, 17, 'ArrowLeft')).toBe(17);
    const up = nextFocus(slots, 17, 'ArrowUp') ?? 0;
    expect(up >= 9 && up <= 16).toBe(true);
  });

  it('finds the slot under any slot centre, for either side, and none on the wrong side', () => {
    const grid = new TerritoryGrid(12);
    for (const player of [0, 1] as const) {
      for (const row of [0, 1, 2])
        for (let column = 0; column < 12; column++) {
          const { x, y } = grid.centre(player, row, column);
          expect(grid.slotAt(player, x + grid.width * 0.4, y - grid.height * 0.4)).toEqual({ row, column });
          expect(grid.slotAt(player === 0 ? 1 : 0, x, y)).toBeNull();
        }
    }
  });

  it('numbers the screen rows 1–6 from the top: the opponent’s far row first, yours last', () => {
    expect(TerritoryGrid.screenRow(0)).toEqual({ player: 1, row: 2 });
    expect(TerritoryGrid.screenRow(2)).toEqual({ player: 1, row: 0 });
    expect(TerritoryGrid.screenRow(3)).toEqual({ player: 0, row: 0 });
    expect(TerritoryGrid.screenRow(5)).toEqual({ player: 0, row: 2 });
    expect(TerritoryGrid.screenRow(6)).toBeNull();
    const grid = new TerritoryGrid(12);
    // The opponent's column 0 is on the right of the screen.
    expect(grid.centre(1, 0, grid.ownColumn(1, 0)).x).toBeCloseTo(grid.centre(0, 0, 0).x);
  });
});
