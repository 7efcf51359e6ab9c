// The drills' dealers, seeded and pure: 札流し (a card face flipped, pick its kimariji),
// 聞き分け (hear the first sounds, pick the card among its 友札) and the weak-cards game (cards
// dealt from the player's weakest, weighted by how weak).
import { staticKimariji, sameInitial, tomofuda } from '../../data/kimariji';
import { POEMS } from '../../data/poems';
import { createRng } from '../../data/random';
import type { CardStats } from './aggregate';

const ALL = POEMS.map((p) => p.no);

export interface Flip {
  readonly poem: number;
  /** Four kimariji (upper-half openings, modern reading) to choose from; one is this poem's. */
  readonly choices: readonly string[];
  readonly answer: number;
}

const kimarijiText = (no: number) => staticKimariji(no).morae.join('');

/**
 * 札流し: `size` cards, the weakest `focus` first when given (in a seeded order), then the rest of
 * the deck shuffled. Distractors share the card's first sound when enough do.
 */
export function nagashiDeck(seed: number, size = 20, focus: readonly number[] = []): Flip[] {
  const rng = createRng(seed);
  const first = rng.shuffle(focus.filter((no) => ALL.includes(no)));
  const rest = rng.shuffle(ALL.filter((no) => !first.includes(no)));
  return [...first, ...rest].slice(0, size).map((poem) => {
    const near = rng.shuffle(sameInitial(poem));
    const far = rng.shuffle(ALL.filter((no) => no !== poem && !near.includes(no)));
    const others = [...near, ...far].slice(0, 3).map(kimarijiText);
    const choices = rng.shuffle([kimarijiText(poem), ...others]);
    return { poem, choices, answer: choices.indexOf(kimarijiText(poem)) };
  });
}

export interface Kikiwake {
  readonly poem: number;
  /** The cards to pick from: the poem and its 友札 (or the cards sharing its first sound). */
  readonly choices: readonly number[];
}

/** Poems that have somewhere to go wrong: at least one 友札 or same-initial rival. */
const CONTESTED = ALL.filter((no) => sameInitial(no).length > 0);

/**
 * 聞き分け: `count` rounds, drawn (without repeats) with each poem weighted by `weight` (default
 * 1; pass the player's weakness to drill weak cards). Up to six choices.
 */
export function kikiwakeRounds(
  seed: number,
  count = 10,
  weight: (no: number) => number = () => 1,
): Kikiwake[] {
  const rng = createRng(seed);
  const poems = weightedSample(CONTESTED, count, weight, () => rng.next());
  return poems.map((poem) => {
    const group = tomofuda(poem).length > 0 ? tomofuda(poem) : sameInitial(poem);
    const rivals = rng.shuffle(group).slice(0, 5);
    return { poem, choices: rng.shuffle([poem, ...rivals]) };
  });
}

/** Weighted sampling without replacement (Efraimidis–Spirakis keys), ties to the lower number. */
export function weightedSample(
  items: readonly number[],
  count: number,
  weight: (item: number) => number,
  random: () => number,
): number[] {
  return items
    .map((item) => {
      const w = Math.max(1e-6, weight(item));
      return { item, key: Math.log(Math.max(1e-12, random())) / w };
    })
    .sort((a, b) => b.key - a.key || a.item - b.item)
    .slice(0, count)
    .map((x) => x.item);
}

/** How strongly a card is drawn into the weak-cards game: unseen cards keep a small weight. */
export function weakWeight(stats: CardStats | undefined): number {
  if (!stats || stats.weakness < 0) return 0.25;
  return 0.25 + stats.weakness ** 2;
}

/** The weak-cards game: `size` cards drawn from the 100, each weighted by the player's weakness. */
export function weakDeal(seed: number, stats: readonly CardStats[], size = 12): number[] {
  const rng = createRng(seed);
  const byPoem = new Map(stats.map((s) => [s.poem, s]));
  return weightedSample(
    ALL,
    size,
    (no) => weakWeight(byPoem.get(no)),
    () => rng.next(),
  ).sort((a, b) => a - b);
}
