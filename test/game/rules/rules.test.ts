import { describe, expect, it } from 'vitest';
import {
  apply,
  createMatch,
  GRID_COLUMNS,
  placesOf,
  receivingPlace,
  rowsCards,
  territoryCount,
  unreadAtReading,
  type Action,
  type MatchState,
  type Player,
  type RuleErrorCode,
} from '../../../src/game/rules';
import { chirashiMatch, mustApply, playReading, territoryMatch, touch } from './fixtures';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('dealing a competitive match', () => {
  const state = createMatch({ mode: 'competitive', seed: 42 });
  const mine = rowsCards(state.territories[0]);
  const theirs = rowsCards(state.territories[1]);

  it('gives each player 25 different cards in rows of 8, 8 and 9 from the centre line', () => {
    expect(mine).toHaveLength(25);
    expect(theirs).toHaveLength(25);
    expect(new Set([...mine, ...theirs]).size).toBe(50);
    expect(state.territories[0].map((row) => row.length)).toEqual([8, 8, 9]);
  });

  it('reads all 100 poems, so the 50 undealt cards are karafuda', () => {
    expect([...state.queue].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('deals the same match from the same seed and a different one from another seed', () => {
    expect(createMatch({ mode: 'competitive', seed: 42 })).toEqual(state);
    expect(createMatch({ mode: 'competitive', seed: 43 }).territories).not.toEqual(state.territories);
  });

  it('starts in memorization, then reads the joka before the first poem', () => {
    expect(state.phase).toBe('memorization');
    const joka = mustApply(state, { type: 'endMemorization' });
    expect(joka.phase).toBe('joka');
    expect(apply(joka, touch(0, mine[0] ?? 0, 10)).ok).toBe(false);
    const reading = mustApply(joka, { type: 'read' });
    expect(reading.phase).toBe('reading');
    expect(reading.readings[0]?.poem).toBe(state.queue[0]);
  });
});

describe('dealing the casual modes', () => {
  it.each([
    { cards: undefined, sizes: [50, 50] },
    { cards: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], sizes: [10, 10] },
    { cards: [1, 2, 3, 4, 5], sizes: [2, 2] },
  ])('genpei splits $sizes.0 and $sizes.1 from the chosen cards', ({ cards, sizes }) => {
    const state = createMatch({ mode: 'genpei', seed: 3, cards });
    expect(PLAYERS_COUNTS(state)).toEqual(sizes);
    expect(state.queue).toHaveLength(sizes[0]! + sizes[1]!);
  });

  it('genpei lays ten cards as two rows of five', () => {
    const state = createMatch({
      mode: 'genpei',
      seed: 3,
      cards: Array.from({ length: 20 }, (_, i) => i + 1),
    });
    expect(state.territories[1].map((row) => row.length)).toEqual([5, 5, 0]);
  });

  it('chirashi scatters every chosen card with no territories and reads only them by default', () => {
    const state = createMatch({ mode: 'chirashi', seed: 5, cards: [3, 9, 27] });
    expect([...state.field].sort((a, b) => a - b)).toEqual([3, 9, 27]);
    expect(PLAYERS_COUNTS(state)).toEqual([0, 0]);
    expect(state.queue).toHaveLength(3);
    expect(
      createMatch({ mode: 'chirashi', seed: 5, cards: [3, 9, 27], readUnused: true }).queue,
    ).toHaveLength(100);
  });

  it('refuses a card list with a repeat or a number outside 1 to 100', () => {
    expect(() => createMatch({ mode: 'chirashi', seed: 1, cards: [4, 4] })).toThrow();
    expect(() => createMatch({ mode: 'genpei', seed: 1, cards: [0, 101] })).toThrow();
  });
});

function PLAYERS_COUNTS(state: MatchState): [number, number] {
  return [territoryCount(state, 0), territoryCount(state, 1)];
}

// Player 0 holds 1–3, player 1 holds 11–13; 50 is a karafuda.
const MINE = [1, 2, 3];
const THEIRS = [11, 12, 13];

describe('taking, faults and sends in a competitive reading', () => {
  it.each<{
    name: string;
    poem: number;
    touches: Action[];
    taker: Player | null;
    faults: [number, number];
    send: { from: Player; count: number } | null;
  }>([
    {
      name: 'the owner takes their own card and nothing is sent',
      poem: 1,
      touches: [touch(0, 1, 900)],
      taker: 0,
      faults: [0, 0],
      send: null,
    },
    {
      name: 'taking from the other territory sends one card',
      poem: 11,
      touches: [touch(0, 11, 900)],
      taker: 0,
      faults: [0, 0],
      send: { from: 0, count: 1 },
    },
    {
      name: 'the earlier touch takes when more than 20 ms apart',
      poem: 1,
      touches: [touch(0, 1, 950), touch(1, 1, 900)],
      taker: 1,
      faults: [0, 0],
      send: { from: 1, count: 1 },
    },
    {
      name: 'simultaneous touches go to the territory owner',
      poem: 1,
      touches: [touch(1, 1, 900), touch(0, 1, 915)],
      taker: 0,
      faults: [0, 0],
      send: null,
    },
    {
      name: 'simultaneous touches on the other side go to its owner',
      poem: 11,
      touches: [touch(0, 11, 900), touch(1, 11, 910)],
      taker: 1,
      faults: [0, 0],
      send: null,
    },
    {
      name: 'touching other cards in the territory holding the read card is no fault',
      poem: 11,
      touches: [touch(0, 12, 800), touch(0, 11, 850)],
      taker: 0,
      faults: [0, 0],
      send: { from: 0, count: 1 },
    },
    {
      name: 'a touch of the wrong territory after the take is no fault',
      poem: 1,
      touches: [touch(1, 1, 700), touch(0, 11, 750)],
      taker: 1,
      faults: [0, 0],
      send: { from: 1, count: 1 },
    },
    {
      name: 'a karafuda touched in one territory is one fault',
      poem: 50,
      touches: [touch(0, 2, 900)],
      taker: null,
      faults: [1, 0],
      send: { from: 1, count: 1 },
    },
    {
      name: 'a karafuda touched in both territories is a double fault',
      poem: 50,
      touches: [touch(0, 2, 900), touch(0, 12, 950)],
      taker: null,
      faults: [2, 0],
      send: { from: 1, count: 2 },
    },
    {
      name: 'both faulting (共お手) sends nothing',
      poem: 50,
      touches: [touch(0, 2, 900), touch(1, 12, 900)],
      taker: null,
      faults: [1, 1],
      send: null,
    },
    {
      name: 'セミダブ: I touch my side, they take theirs, they send one for my fault',
      poem: 11,
      touches: [touch(0, 1, 700), touch(1, 11, 800)],
      taker: 1,
      faults: [1, 0],
      send: { from: 1, count: 1 },
    },
    {
      name: 'ダブ: I touch their side, they take from mine, they send two',
      poem: 1,
      touches: [touch(0, 11, 700), touch(1, 1, 800)],
      taker: 1,
      faults: [1, 0],
      send: { from: 1, count: 2 },
    },
    {
      name: 'a fault then a take from the other side cancel out',
      poem: 11,
      touches: [touch(0, 1, 700), touch(0, 11, 800)],
      taker: 0,
      faults: [1, 0],
      send: null,
    },
    {
      name: 'a field card nobody touches is taken by nobody',
      poem: 2,
      touches: [],
      taker: null,
      faults: [0, 0],
      send: null,
    },
  ])('$name', ({ poem, touches, taker, faults, send }) => {
    const { state } = playReading(territoryMatch(MINE, THEIRS, [poem, 60]), touches);
    const outcome = state.readings.at(-1)?.outcome;
    expect(outcome?.taker).toBe(taker);
    expect(outcome?.faults).toEqual(faults);
    expect(outcome?.send ? { from: outcome.send.from, count: outcome.send.count } : null).toEqual(send);
    expect(state.phase).toBe(send ? 'sending' : 'between');
    expect(rowsCards(state.territories[0]).concat(rowsCards(state.territories[1]))).not.toContain(poem);
  });

  it('records the time and mora of the winning touch for the results screen', () => {
    const { state } = playReading(territoryMatch(MINE, THEIRS, [1]), [
      touch(1, 1, 1200, 4),
      touch(0, 1, 900, 3),
    ]);
    expect(state.readings[0]?.outcome).toMatchObject({ taker: 0, takeMs: 900, takeMora: 3 });
    expect(state.taken[0]).toEqual([1]);
  });
});

describe('sending cards', () => {
  const sending = playReading(territoryMatch(MINE, THEIRS, [11, 60]), [touch(0, 11, 900)]).state;

  it('lets only the sender choose, and only from their own territory', () => {
    const cases: [Action, RuleErrorCode][] = [
      [{ type: 'send', player: 1, card: 12 }, 'notYourSend'],
      [{ type: 'send', player: 0, card: 12 }, 'notInTerritory'],
      [{ type: 'read' }, 'wrongPhase'],
    ];
    for (const [action, code] of cases) {
      const result = apply(sending, action);
      expect(result.ok ? 'ok' : result.error.code).toBe(code);
    }
  });

  it('moves the chosen card to the shortest row of the receiver and waits for the next reading', () => {
    const after = mustApply(sending, { type: 'send', player: 0, card: 2 });
    expect(rowsCards(after.territories[0])).toEqual([1, 3]);
    expect(after.territories[1]).toEqual([[], [2], [12, 13]]);
    expect(after.phase).toBe('between');
    expect(after.readings.at(-1)?.sent).toEqual([2]);
  });

  it('takes one send action per card when two are owed', () => {
    const dab = playReading(territoryMatch(MINE, THEIRS, [1, 60]), [
      touch(0, 11, 700),
      touch(1, 1, 800),
    ]).state;
    const first = mustApply(dab, { type: 'send', player: 1, card: 11 });
    expect(first.phase).toBe('sending');
    const second = mustApply(first, { type: 'send', player: 1, card: 12 });
    expect(second.phase).toBe('between');
    expect(PLAYERS_COUNTS(second)).toEqual([4, 1]);
  });
});

describe('the end of a competitive match', () => {
  it('is won by the player whose territory empties', () => {
    const { state, events } = playReading(territoryMatch([1], [11, 12], [1, 60]), [touch(0, 1, 900)]);
    expect(state.phase).toBe('over');
    expect(state.winner).toBe(0);
    expect(events).toContainEqual({ type: 'over', winner: 0 });
  });

  it('at 1–1 (運命戦) taking the other card wins by sending your own', () => {
    const start = territoryMatch([1], [11], [11, 60]);
    const settled = playReading(start, [touch(0, 11, 900)]).state;
    expect(settled.phase).toBe('sending');
    const over = mustApply(settled, { type: 'send', player: 0, card: 1 });
    expect(over.winner).toBe(0);
    expect(PLAYERS_COUNTS(over)).toEqual([0, 1]);
  });

  it('marks 運命戦 when both territories first stand at one card', () => {
    const { state, events } = playReading(territoryMatch([1, 2], [11], [2, 60]), [touch(0, 2, 900)]);
    expect(state.unmeisen).toBe(true);
    expect(events).toContainEqual({ type: 'unmeisen' });
    expect(state.phase).toBe('between');
  });

  it('caps a send at the cards the sender has left, which wins', () => {
    // ダブ with the taker holding a single card: two owed, one sent, territory empty.
    const settled = playReading(territoryMatch([1, 2], [11], [1, 60]), [
      touch(0, 11, 700),
      touch(1, 1, 800),
    ]).state;
    expect(settled.pendingSend).toEqual({ from: 1, to: 0, count: 1 });
    expect(mustApply(settled, { type: 'send', player: 1, card: 11 }).winner).toBe(1);
  });

  it('an emptied territory wins even when the other player faulted and is owed a card', () => {
    const { state } = playReading(territoryMatch([1], [11, 12], [1, 60]), [
      touch(1, 11, 700),
      touch(0, 1, 900),
    ]);
    expect(state.readings[0]?.outcome?.faults).toEqual([0, 1]);
    expect(state.winner).toBe(0);
  });
});

describe('touch validation', () => {
  const reading = mustApply(territoryMatch(MINE, THEIRS, [1]), { type: 'read' });
  it.each<{ name: string; action: Action; code: RuleErrorCode }>([
    { name: 'a card not on the field', action: touch(0, 77, 100), code: 'notOnField' },
    { name: 'a negative time', action: touch(0, 1, -5), code: 'badTime' },
    { name: 'a fractional mora count', action: touch(0, 1, 5, 1.5), code: 'badTime' },
    {
      name: 'a second send action while reading',
      action: { type: 'send', player: 0, card: 1 },
      code: 'wrongPhase',
    },
  ])('refuses $name with $code', ({ action, code }) => {
    const result = apply(reading, action);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('refuses the same player touching the same card twice in one reading', () => {
    const once = mustApply(reading, touch(0, 2, 100));
    const twice = apply(once, touch(0, 2, 150));
    expect(twice.ok ? 'ok' : twice.error.code).toBe('alreadyTouched');
  });

  it('never mutates the state it is given', () => {
    const frozen = deepFreeze(structuredClone(reading));
    const before = JSON.stringify(frozen);
    const result = apply(frozen, touch(0, 1, 100));
    expect(result.ok).toBe(true);
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('tells players the unread poems including the one being read', () => {
    expect(unreadAtReading(reading)).toEqual([1]);
  });
});

describe('chirashi', () => {
  // Field 5, 6, 7; poem 5 is read; player 0 has taken 1 before, player 1 has taken 2.
  it.each<{ name: string; touches: Action[]; taken: [number[], number[]]; setAside: number[] }>([
    {
      name: 'the first touch takes the read card',
      touches: [touch(1, 5, 800), touch(0, 5, 900)],
      taken: [[1], [2, 5]],
      setAside: [],
    },
    {
      name: 'simultaneous touches give it to nobody',
      touches: [touch(1, 5, 900), touch(0, 5, 905)],
      taken: [[1], [2]],
      setAside: [5],
    },
    {
      name: 'a wrong touch forfeits the card taken last',
      touches: [touch(0, 6, 700), touch(1, 5, 800)],
      taken: [[], [2, 5]],
      setAside: [1],
    },
    {
      name: 'both faulting forfeit one card each before the take',
      touches: [touch(0, 6, 700), touch(1, 7, 750), touch(1, 5, 800)],
      taken: [[], [5]],
      setAside: [1, 2],
    },
  ])('$name', ({ touches, taken, setAside }) => {
    const { state } = playReading(chirashiMatch([5, 6, 7], [5, 6, 7], [[1], [2]]), touches);
    expect(state.taken).toEqual(taken);
    expect(state.setAside).toEqual(setAside);
    expect(state.field).toEqual([6, 7]);
  });

  it('ends when the field is empty, most cards winning', () => {
    const { state } = playReading(chirashiMatch([5], [5], [[1], [2, 3]]), [touch(0, 5, 500)]);
    expect(state.phase).toBe('over');
    expect(state.winner).toBe('draw');
    const won = playReading(chirashiMatch([5], [5], [[1], [2, 3]]), [touch(1, 5, 500)]).state;
    expect(won.winner).toBe(1);
  });
});

describe('fixed places in a territory', () => {
  const dealt = createMatch({ mode: 'competitive', seed: 42 });
  const place = (state: MatchState, player: Player, card: number) =>
    placesOf(state, player).find((p) => p.card === card);

  it('deals each row centred on the twelve-slot grid', () => {
    const columns = (row: number) =>
      placesOf(dealt, 0)
        .filter((p) => p.row === row)
        .map((p) => p.column);
    expect(GRID_COLUMNS).toBe(12);
    expect(columns(0)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(columns(2)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('leaves a gap where a taken card lay and moves no other card', () => {
    const own = rowsCards(dealt.territories[0]);
    const poem = own[3] as number;
    const before = [...placesOf(dealt, 0), ...placesOf(dealt, 1)].filter((p) => p.card !== poem);
    const start = {
      ...mustApply(dealt, { type: 'endMemorization' }),
      phase: 'between' as const,
      queue: [poem],
    };
    const after = playReading(start, [touch(1, poem, 900)]).state;
    const others = [...placesOf(after, 0), ...placesOf(after, 1)].filter((p) => p.card !== poem);
    // The opponent took from this side and owes a send: only the sent card will move.
    expect(others.filter((p) => before.some((b) => b.card === p.card))).toEqual(
      before.filter((b) => others.some((p) => p.card === b.card)),
    );
    expect(place(after, 0, poem)).toBeUndefined();
  });

  it.each<{ name: string; action: Action; code: RuleErrorCode | 'ok' }>([
    {
      name: 'to an empty slot',
      action: { type: 'arrange', player: 0, card: 1, row: 0, column: 11 },
      code: 'ok',
    },
    {
      name: 'onto a card of ours (a swap)',
      action: { type: 'arrange', player: 0, card: 1, row: 2, column: 2 },
      code: 'ok',
    },
    {
      name: 'a card of the other side',
      action: { type: 'arrange', player: 0, card: 11, row: 0, column: 0 },
      code: 'notInTerritory',
    },
    {
      name: 'to a fourth row',
      action: { type: 'arrange', player: 0, card: 1, row: 3, column: 0 },
      code: 'badPlace',
    },
    {
      name: 'off the left edge',
      action: { type: 'arrange', player: 0, card: 1, row: 0, column: -1 },
      code: 'badPlace',
    },
    {
      name: 'off the right edge',
      action: { type: 'arrange', player: 0, card: 1, row: 0, column: 12 },
      code: 'badPlace',
    },
    {
      name: 'to half a slot',
      action: { type: 'arrange', player: 0, card: 1, row: 0, column: 1.5 },
      code: 'badPlace',
    },
  ])('arranging $name during memorization: $code', ({ action, code }) => {
    const state = { ...territoryMatch([1, 2, 3], [11, 12], [1]), phase: 'memorization' as const };
    const result = apply(deepFreeze(state), action);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('swaps two of the owner’s cards and keeps each row in left-to-right order', () => {
    const state = { ...territoryMatch([1, 2, 3], [11, 12], [1]), phase: 'memorization' as const };
    const from = place(state, 0, 3);
    const result = apply(state, { type: 'arrange', player: 0, card: 1, row: 2, column: from?.column ?? 0 });
    if (!result.ok) throw new Error(result.error.message);
    expect(place(result.state, 0, 1)).toEqual({ ...from, card: 1 });
    expect(place(result.state, 0, 3)?.column).toBe(place(state, 0, 1)?.column);
    expect(result.state.territories[0][2]).toEqual([3, 2, 1]);
    expect(result.events.map((e) => e.type)).toEqual(['arranged', 'arranged']);
  });

  it.each(['joka', 'reading', 'over'] as const)('refuses to arrange during %s', (phase) => {
    const state = { ...territoryMatch([1, 2, 3], [11, 12], [1]), phase };
    const result = apply(state, { type: 'arrange', player: 0, card: 1, row: 0, column: 0 });
    expect(result.ok ? 'ok' : result.error.code).toBe('wrongPhase');
  });

  it('lets the receiver move a sent card before the next reading', () => {
    const sending = playReading(territoryMatch([1, 2, 3], [11, 12, 13], [11, 60]), [touch(0, 11, 900)]).state;
    const after = mustApply(sending, { type: 'send', player: 0, card: 2 });
    const arrived = place(after, 1, 2);
    expect(arrived).toBeDefined();
    const moved = mustApply(after, { type: 'arrange', player: 1, card: 2, row: 0, column: 0 });
    expect(place(moved, 1, 2)).toEqual({ card: 2, row: 0, column: 0 });
    expect(mustApply(moved, { type: 'read' }).phase).toBe('reading');
  });

  it('puts a received card right of the last card of the shortest row, on a free slot', () => {
    const places = [
      { card: 1, row: 2 as const, column: 3 },
      { card: 2, row: 2 as const, column: 4 },
      { card: 3, row: 1 as const, column: 11 },
      { card: 4, row: 0 as const, column: 5 },
      { card: 5, row: 0 as const, column: 6 },
    ];
    // Row 1 is shortest; nothing is free right of column 11, so the nearest free slot to its left.
    expect(receivingPlace(places, 9)).toEqual({ card: 9, row: 1, column: 10 });
    expect(receivingPlace(places.slice(0, 2), 9)).toEqual({ card: 9, row: 1, column: 6 });
  });
});
