// Dealing a match: which cards go where and in which order the poems are read, all drawn from one
// seeded generator whose state the match keeps, so the same setup always deals the same match.
import { createRng } from '../../data/random';
import { defaultColumns } from './places';
import type { MatchSetup, MatchState, Rows } from './types';

export const ALL_CARDS: readonly number[] = Array.from({ length: 100 }, (_, i) => i + 1);
export const COMPETITIVE_HAND = 25;
export const DEFAULT_SIMULTANEOUS_MS = 20;

/**
 * Lays cards in three rows, the fuller rows nearest the owner (25 → 8, 8, 9). Up to twelve cards
 * use the two front rows only, as the five-colour game's two rows of five.
 */
export function layRows(cards: readonly number[]): Rows {
  const n = cards.length;
  if (n <= 12) {
    const front = Math.floor(n / 2);
    return [cards.slice(0, front), cards.slice(front), []];
  }
  const base = Math.floor(n / 3);
  const extra = n - 3 * base;
  const top = base;
  const middle = base + (extra === 2 ? 1 : 0);
  return [cards.slice(0, top), cards.slice(top, top + middle), cards.slice(top + middle)];
}

function checkCards(cards: readonly number[], atLeast: number): readonly number[] {
  if (cards.length < atLeast) throw new Error(`needs at least ${atLeast} cards, got ${cards.length}`);
  const seen = new Set<number>();
  for (const card of cards) {
    if (!Number.isInteger(card) || card < 1 || card > 100) throw new Error(`not a card: ${card}`);
    if (seen.has(card)) throw new Error(`card ${card} chosen twice`);
    seen.add(card);
  }
  return [...cards].sort((a, b) => a - b);
}

function baseState(setup: MatchSetup): Omit<MatchState, 'dealt' | 'territories' | 'field' | 'queue' | 'rng'> {
  return {
    version: 1,
    mode: setup.mode,
    simultaneousMs: setup.simultaneousMs ?? DEFAULT_SIMULTANEOUS_MS,
    phase: 'memorization',
    readings: [],
    taken: [[], []],
    setAside: [],
    pendingSend: null,
    unmeisen: false,
    winner: null,
  };
}

/** A new match in its memorization phase. Throws on a malformed card list (a programming error). */
export function createMatch(setup: MatchSetup): MatchState {
  const rng = createRng(setup.seed);
  const base = baseState(setup);
  const emptyRows: Rows = [[], [], []];
  switch (setup.mode) {
    case 'competitive': {
      const shuffled = rng.shuffle(ALL_CARDS);
      const hands = [
        shuffled.slice(0, COMPETITIVE_HAND),
        shuffled.slice(COMPETITIVE_HAND, 2 * COMPETITIVE_HAND),
      ];
      const queue = rng.shuffle(ALL_CARDS);
      const territories: [Rows, Rows] = [layRows(hands[0] ?? []), layRows(hands[1] ?? [])];
      return {
        ...base,
        dealt: [...(hands[0] ?? []), ...(hands[1] ?? [])].sort((a, b) => a - b),
        territories,
        columns: defaultColumns(territories),
        field: [],
        queue,
        rng: rng.state(),
      };
    }
    case 'genpei': {
      const chosen = checkCards(setup.cards ?? ALL_CARDS, 2);
      const shuffled = rng.shuffle(chosen);
      const half = Math.floor(shuffled.length / 2);
      const hands = [shuffled.slice(0, half), shuffled.slice(half, 2 * half)];
      const dealt = [...(hands[0] ?? []), ...(hands[1] ?? [])].sort((a, b) => a - b);
      const queue = rng.shuffle(setup.readUnused ? ALL_CARDS : dealt);
      const territories: [Rows, Rows] = [layRows(hands[0] ?? []), layRows(hands[1] ?? [])];
      return {
        ...base,
        dealt,
        territories,
        columns: defaultColumns(territories),
        field: [],
        queue,
        rng: rng.state(),
      };
    }
    case 'chirashi': {
      const chosen = checkCards(setup.cards ?? ALL_CARDS, 1);
      const field = rng.shuffle(chosen);
      const queue = rng.shuffle(setup.readUnused ? ALL_CARDS : chosen);
      return {
        ...base,
        dealt: chosen,
        territories: [emptyRows, emptyRows],
        field,
        queue,
        rng: rng.state(),
      };
    }
    default: {
      const never: never = setup;
      throw new Error(`unknown mode ${String(never)}`);
    }
  }
}
