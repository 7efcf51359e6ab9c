// The 定位置 record: read defensively (a damaged record never stops a match), written back with
// the homes of cards not in this match kept, and applied as legal moves.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, createMatch, rowsCards } from '../../../src/game/rules';
import {
  HOME_PLACES_KEY,
  homeArrangement,
  loadHomePlaces,
  parseHomePlaces,
  saveHomePlaces,
  type PlaceStorage,
} from '../../../src/game/scenes/HomePlaces';

function memory(initial: Record<string, string> = {}): PlaceStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('home places (定位置)', () => {
  it.each([
    ['nothing stored', null, 0],
    ['not JSON', '{"17": {row', 0],
    ['an array', '[1,2,3]', 0],
    ['a card out of range', '{"0": {"row": 0, "column": 0}, "101": {"row": 0, "column": 0}}', 0],
    ['a row off the territory', '{"17": {"row": 3, "column": 0}}', 0],
    ['half a column', '{"17": {"row": 0, "column": 1.5}}', 0],
    ['a key that is not a plain number', '{"017": {"row": 0, "column": 1}}', 0],
    ['one good entry among bad', '{"17": {"row": 2, "column": 0}, "x": 1, "18": null}', 1],
  ])('reads %s as %i homes', (_name, raw, size) => {
    expect(parseHomePlaces(raw).size).toBe(size);
  });

  it('never throws on any stored string', () => {
    fc.assert(fc.property(fc.string(), (raw) => void parseHomePlaces(raw)));
    fc.assert(fc.property(fc.json(), (raw) => void parseHomePlaces(raw)));
  });

  it('saves the arrangement and moves the same cards back home in the next match', () => {
    const store = memory();
    const first = createMatch({ mode: 'competitive', seed: 5 });
    const mine = rowsCards(first.territories[0]);
    const card = mine[0] as number;
    const moved = apply(first, { type: 'arrange', player: 0, card, row: 0, column: 11 });
    if (!moved.ok) throw new Error(moved.error.message);
    const state = moved.state;
    saveHomePlaces(state, 0, store);
    expect(loadHomePlaces(store).get(card)).toEqual({ row: 0, column: 11 });
    // A deal with the same cards on this side lays the card by the rules; its home moves it.
    const moves = homeArrangement(first, loadHomePlaces(store));
    expect(moves).toContainEqual({ card, row: 0, column: 11 });
  });

  it('keeps the homes of cards that were not in this match', () => {
    const store = memory({ [HOME_PLACES_KEY]: '{"100": {"row": 1, "column": 3}}' });
    const state = createMatch({ mode: 'competitive', seed: 6 });
    const dealtHere = rowsCards(state.territories[0]).includes(100);
    saveHomePlaces(state, 0, store);
    const homes = loadHomePlaces(store);
    expect(homes.size).toBe(25 + (dealtHere ? 0 : 1));
    if (!dealtHere) expect(homes.get(100)).toEqual({ row: 1, column: 3 });
  });

  it('moves no card onto a slot another card already went home to', () => {
    const state = createMatch({ mode: 'competitive', seed: 7 });
    const [a, b] = rowsCards(state.territories[0]) as [number, number];
    const homes = new Map([
      [a, { row: 0, column: 0 }],
      [b, { row: 0, column: 0 }],
    ]);
    const moves = homeArrangement(state, homes);
    expect(moves.filter((m) => m.row === 0 && m.column === 0)).toHaveLength(1);
  });
});
