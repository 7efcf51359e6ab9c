import { describe, expect, it } from 'vitest';
import { OPPONENT_LEVELS } from '../../../src/game/opponents/levels';
import {
  CROWDED_ROW,
  placeOf,
  reachDistance,
  reachMs,
  type CardPlace,
} from '../../../src/game/opponents/reach';

const hand = OPPONENT_LEVELS.intermediate.hand;
const own = (row: number, column: number, rowLength = 4): CardPlace => ({
  side: 'own',
  row,
  column,
  rowLength,
});

describe('the reach model', () => {
  it('takes longer the farther the card lies from the hand', () => {
    const near = own(0, 1, 4);
    const wide = own(0, 0, 4);
    const back = own(2, 1, 4);
    expect(reachDistance(wide)).toBeGreaterThan(reachDistance(near));
    expect(reachDistance(back)).toBeGreaterThan(reachDistance(near));
    expect(reachMs(wide, hand)).toBeGreaterThan(reachMs(near, hand));
    expect(reachMs(back, hand)).toBeGreaterThan(reachMs(near, hand));
    // Monotone in distance along a row (short rows: no sweep).
    const times = [0, 1, 2].map((row) => reachMs(own(row, 0, 4), hand));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('reaches into the other territory more slowly than into its own, row for row', () => {
    for (const row of [0, 1, 2]) {
      const mine = reachMs(own(row, 1), hand);
      const theirs = reachMs({ side: 'other', row, column: 1, rowLength: 4 }, hand);
      expect(theirs).toBeGreaterThan(mine);
    }
  });

  it('sweeps a crowded row: each card between the target and the nearer end of the row costs time', () => {
    const noSweep = { ...hand, sweepMsPerCard: 0 };
    const n = CROWDED_ROW + 3;
    const middle = own(0, Math.floor(n / 2), n);
    expect(reachMs(middle, hand) - reachMs(middle, noSweep)).toBeCloseTo(4 * hand.sweepMsPerCard);
    expect(reachMs(own(0, 0, n), hand)).toBeCloseTo(reachMs(own(0, 0, n), noSweep));
    // A short row is picked, not swept.
    const short = own(0, 2, CROWDED_ROW - 1);
    expect(reachMs(short, hand)).toBeCloseTo(reachMs(short, noSweep));
  });

  it('finds a card by row in the field view, and nowhere when it is not on the field', () => {
    const view = {
      own: [1, 2, 3],
      other: [4],
      common: [],
      unread: [1, 2, 3, 4],
      ownRows: [[1], [2], [3]],
      otherRows: [[4], [], []],
    };
    expect(placeOf(3, view)).toEqual({ side: 'own', row: 2, column: 0, rowLength: 1 });
    expect(placeOf(4, view)).toEqual({ side: 'other', row: 0, column: 0, rowLength: 1 });
    expect(placeOf(9, view)).toBeNull();
  });
});
