// Thousands of random seeded games: whatever legal actions the players take, every card is in
// exactly one place, the counts add up, the game ends, and replaying the actions is exact.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, type Rng } from '../../../src/data/random';
import {
  ALL_CARDS,
  apply,
  cardsOnField,
  createMatch,
  placesOf,
  rowsCards,
  type Action,
  type MatchSetup,
  type MatchState,
  type Player,
} from '../../../src/game/rules';

/** A legal action chosen at random (touches may still be refused, e.g. a repeat). */
function randomAction(state: MatchState, rng: Rng): Action {
  const arranging = state.phase === 'memorization' || state.phase === 'between';
  if (arranging && state.mode !== 'chirashi' && rng.next() < 0.3) {
    const player = rng.int(0, 1) as Player;
    const own = rowsCards(state.territories[player]);
    if (own.length > 0)
      return { type: 'arrange', player, card: rng.pick(own), row: rng.int(0, 2), column: rng.int(0, 12) };
  }
  switch (state.phase) {
    case 'memorization':
      return { type: 'endMemorization' };
    case 'joka':
    case 'between':
      return { type: 'read' };
    case 'reading': {
      const onField = cardsOnField(state);
      const poem = state.readings.at(-1)?.poem ?? 0;
      const roll = rng.next();
      if (roll < 0.35 || onField.length === 0) return { type: 'settle' };
      const player = rng.int(0, 1) as Player;
      const card = roll < 0.7 && onField.includes(poem) ? poem : rng.pick(onField);
      return { type: 'touch', player, card, atMs: rng.int(0, 3000), atMora: rng.int(0, 8) };
    }
    case 'sending': {
      const from = state.pendingSend?.from ?? 0;
      return { type: 'send', player: from, card: rng.pick(rowsCards(state.territories[from])) };
    }
    case 'over':
      throw new Error('the game is over');
  }
}

function play(setup: MatchSetup, policySeed: number): { states: MatchState[]; actions: Action[] } {
  const rng = createRng(policySeed);
  let state = createMatch(setup);
  const states = [state];
  const actions: Action[] = [];
  for (let step = 0; step < 5000 && state.phase !== 'over'; step++) {
    const action = randomAction(state, rng);
    const result = apply(state, action);
    if (!result.ok) {
      expect(['alreadyTouched', 'badPlace']).toContain(result.error.code);
      continue;
    }
    state = result.state;
    states.push(state);
    actions.push(action);
  }
  return { states, actions };
}

function fail(message: string): never {
  throw new Error(message);
}

/** Plain checks (no expect) so thousands of games stay fast; a broken invariant throws. */
function checkInvariants(state: MatchState): void {
  const places = [
    ...rowsCards(state.territories[0]),
    ...rowsCards(state.territories[1]),
    ...state.field,
    ...state.taken[0],
    ...state.taken[1],
    ...state.setAside,
  ].sort((a, b) => a - b);
  // Every dealt card is in exactly one place, and nothing else is anywhere.
  if (places.join() !== state.dealt.join())
    fail(`cards misplaced: ${places.join()} vs ${state.dealt.join()}`);
  // No two cards share a slot, and each row lists its cards left to right.
  if (state.mode !== 'chirashi') {
    for (const player of [0, 1] as const) {
      const places = placesOf(state, player);
      const slots = new Set(places.map((p) => p.row * 1000 + p.column));
      if (slots.size !== places.length) fail(`two cards share a slot in territory ${player}`);
      const at = new Map(places.map((p) => [p.card, p]));
      state.territories[player].forEach((row, r) => {
        let previous = -1;
        for (const card of row) {
          const place = at.get(card);
          if (!place || place.row !== r || place.column <= previous)
            fail(`row ${r} of territory ${player} is out of order`);
          previous = place.column;
        }
      });
    }
  }
  const read = new Set(state.readings.map((r) => r.poem));
  if (read.size !== state.readings.length) fail('a poem was read twice');
  for (const poem of state.queue) if (read.has(poem)) fail(`queued poem ${poem} was read already`);
  // A card on the field has not been read, except the one being read now.
  const current = state.phase === 'reading' ? state.readings.at(-1)?.poem : undefined;
  for (const card of cardsOnField(state)) {
    if (read.has(card) && card !== current) fail(`card ${card} stayed on the field after its reading`);
  }
}

const setups: fc.Arbitrary<MatchSetup> = fc.oneof(
  fc.record({ mode: fc.constant('competitive' as const), seed: fc.integer() }),
  fc.record({
    mode: fc.constant('genpei' as const),
    seed: fc.integer(),
    cards: fc.shuffledSubarray(ALL_CARDS as number[], { minLength: 2 }),
    readUnused: fc.boolean(),
  }),
  fc.record({
    mode: fc.constant('chirashi' as const),
    seed: fc.integer(),
    cards: fc.shuffledSubarray(ALL_CARDS as number[], { minLength: 1 }),
    readUnused: fc.boolean(),
  }),
);

describe('random seeded games', () => {
  it('keep every card in exactly one place, end, and replay exactly', () => {
    fc.assert(
      fc.property(setups, fc.integer(), (setup, policySeed) => {
        const { states, actions } = play(setup, policySeed);
        const last = states.at(-1) as MatchState;
        expect(last.phase).toBe('over');
        expect(last.winner).not.toBeNull();
        for (const state of states) checkInvariants(state);
        expect(JSON.parse(JSON.stringify(last))).toEqual(last);
        // Replaying the recorded actions from the same setup gives the same final state.
        let replay = createMatch(setup);
        for (const action of actions) {
          const result = apply(replay, action);
          if (!result.ok) throw new Error(result.error.message);
          replay = result.state;
        }
        expect(replay).toEqual(last);
      }),
      { numRuns: 1000 },
    );
    // A thousand whole games with arranging: ~30 s alone, more on a shared machine.
  }, 240_000);

  it('end a competitive match with one territory empty or both emptied by the readings', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (seed, policySeed) => {
        const { states } = play({ mode: 'competitive', seed }, policySeed);
        const last = states.at(-1) as MatchState;
        const counts = [rowsCards(last.territories[0]).length, rowsCards(last.territories[1]).length];
        if (last.winner === 0 || last.winner === 1) expect(counts[last.winner]).toBe(0);
        // Every reading is recorded and no more than the 100 poems are read.
        expect(last.readings.length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 1000 },
    );
  });
});
