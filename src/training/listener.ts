// The listener's task: input = the upper half as heard (sound keys of the modern reading, a
// prefix of any length: 44 おうことの is heard お お こ と の), output = the lower half as printed
// on the taking card (card kana, spaces dropped). Training on every prefix makes the model's
// belief meaningful after every mora: the likelihood of a card's text given a prefix is spread
// over exactly the poems that share that prefix.
import { soundKeys } from '../data/mora';
import { POEMS } from '../data/poems';
import type { Poem } from '../data/types';
import { Vocabulary } from '../model/vocab';
import type { Dataset, Pair } from './dataset';

export const LISTENER_TASK = 'listener';

/** What is heard of a poem, one sound per mora. */
export function heardSounds(poem: Poem): string[] {
  return soundKeys(poem.kami.reading);
}

/** The taking card's text, one kana per token. */
export function cardSymbols(poem: Poem): string[] {
  return [...poem.shimo.card.replace(/\s/g, '')];
}

export interface ListenerTask {
  readonly sourceVocab: Vocabulary;
  readonly targetVocab: Vocabulary;
  /** Per poem (index = no − 1): the full heard source ids and the card target ids. */
  readonly poems: readonly { readonly no: number; readonly source: number[]; readonly target: number[] }[];
}

/** The task over `poems`; pass a checkpoint's vocabularies to encode with exactly those. */
export function listenerTask(
  poems: readonly Poem[] = POEMS,
  vocabs?: { readonly source: Vocabulary; readonly target: Vocabulary },
): ListenerTask {
  const sourceVocab = vocabs?.source ?? Vocabulary.fromSymbols(poems.flatMap(heardSounds));
  const targetVocab = vocabs?.target ?? Vocabulary.fromSymbols(poems.flatMap(cardSymbols));
  return {
    sourceVocab,
    targetVocab,
    poems: poems.map((p) => ({
      no: p.no,
      source: sourceVocab.encode(heardSounds(p)),
      target: targetVocab.encode(cardSymbols(p)),
    })),
  };
}

/**
 * Prefixes of every poem paired with its card: the training set. With `maxPrefix`, only the
 * prefixes up to that many morae and the full reading: past six sounds (the longest static
 * kimariji) every prefix names one poem, so longer ones add cost, not information.
 */
export function prefixPairs(task: ListenerTask, maxPrefix = Infinity): Pair[] {
  return task.poems.flatMap((p) => {
    const lengths = p.source.map((_, i) => i + 1).filter((n) => n <= maxPrefix || n === p.source.length);
    return lengths.map((n): Pair => ({ source: p.source.slice(0, n), target: p.target }));
  });
}

/**
 * The opponent's training set, built around the sound that decides each poem (its static
 * kimariji k among all 100): every prefix up to k sounds, `pastDeciding` more, and the full
 * reading. A prefix shorter than k is shared by the poems that open the same way, so the pairs
 * give it every such card once and the best belief there is uniform over them; the prefix of k
 * sounds is the first that names one poem, and the listener must be sure there (prefixes far
 * past k, as in `prefixPairs`, teach nothing new and dilute that sound's share of the loss).
 *
 * `known` makes a listener that has learnt only some poems. An unlearnt poem is still heard:
 * up to one sound before its kimariji it is trained like any other, but from its deciding sound
 * on (and from its full reading) the target is every rival that opened the same way (the poems
 * sharing its first k − 1 sounds, itself included), once each. So the listener knows "one of the
 * あさぼらけ poems" but not which: its belief stays uniform among the rivals, and a level that
 * commits below certainty guesses, as a player does who has not learnt the deciding sound.
 */
export function decidingPairs(
  task: ListenerTask,
  options: {
    readonly pastDeciding?: number;
    readonly known?: ReadonlySet<number>;
    /**
     * How many times a learnt poem's deciding prefix (exactly k sounds) is in the set, and an
     * opening one sound short of any poem's deciding sound, for each poem sharing it (default 1). The deciding sound often repeats an earlier one (もも against もろ, ありあ against
     * ありま, あさぼらけあ), so it moves an attention-averaged summary of the prefix only a little
     * and is learnt last; repeating that pair is the cheapest way to weigh it more. Repeating
     * only it made the prefix before lean to the echoing poem (0.93 for 31 at あさぼらけ, an
     * early guess), hence the shorter prefix too; repeating that for the deciding poem alone
     * tipped openings whose poems are decided at different lengths (0.80 for 17 at ち), hence
     * for every poem sharing it.
     */
    readonly decidingRepeat?: number;
    /**
     * How a repeat is put in the set: as that many copies (default), or as one pair whose loss
     * weight is the repeat count: the same objective at the cost of one pair.
     */
    readonly repeatAs?: 'copies' | 'weight';
    /**
     * Which shared openings are repeated with the deciding prefix: the one a sound short of a
     * deciding sound (default), or every opening shorter than the poem's deciding sound. The
     * shorter ones are where a kimariji lands in play once the rivals sharing it are read (68
     * after こ-こ with 29 gone): there the belief must stay on the poems that open so, not leak to
     * cards those sounds rule out.
     */
    readonly repeatOpenings?: 'lastShared' | 'every';
  } = {},
): Pair[] {
  const past = options.pastDeciding ?? 0;
  const targetOf = new Map(task.poems.map((p) => [p.no, p.target]));
  const key = (ids: readonly number[]) => ids.join(',');
  // Openings one sound short of some poem's deciding sound (its first k − 1 sounds).
  const lastShared = new Set(
    task.poems.map((p) => key(p.source.slice(0, Math.max(1, decidingSound(p.no, task)) - 1))),
  );
  const times = (pair: Pair, n: number): Pair[] =>
    n === 1
      ? [pair]
      : options.repeatAs === 'weight'
        ? [{ ...pair, weight: n }]
        : Array.from({ length: n }, () => pair);
  return task.poems.flatMap((p) => {
    const k = Math.max(1, decidingSound(p.no, task));
    const lengths = p.source.map((_, i) => i + 1).filter((n) => n <= k + past || n === p.source.length);
    const learnt = options.known === undefined || options.known.has(p.no);
    const rivals = sharingOpening(p.no, k - 1, task);
    const repeat = options.decidingRepeat ?? 1;
    return lengths.flatMap((n): Pair[] => {
      const source = p.source.slice(0, n);
      // An opening a sound short of some poem's deciding sound is repeated as often, for every
      // poem sharing it alike: the deciding sound is learnt as the difference between the two,
      // and the opening stays even among its poems.
      if (n < k)
        return times(
          { source, target: p.target },
          options.repeatOpenings === 'every' || lastShared.has(key(source)) ? repeat : 1,
        );
      if (learnt) return times({ source, target: p.target }, n === k ? repeat : 1);
      return rivals.map((no) => ({ source, target: targetOf.get(no) ?? p.target }));
    });
  });
}

/** Sounds needed to tell poem `no` from every other poem of the task (its static kimariji there). */
function decidingSound(no: number, task: ListenerTask): number {
  const own = task.poems.find((p) => p.no === no)?.source ?? [];
  let shared = 0;
  for (const other of task.poems) {
    if (other.no === no) continue;
    let n = 0;
    while (n < own.length && own[n] === other.source[n]) n++;
    shared = Math.max(shared, n);
  }
  return Math.min(own.length, shared + 1);
}

/** The poems of the task whose first `length` sounds are poem `no`'s (itself included). */
function sharingOpening(no: number, length: number, task: ListenerTask): number[] {
  const own = task.poems.find((p) => p.no === no)?.source ?? [];
  return task.poems
    .filter((other) => own.slice(0, length).every((id, i) => other.source[i] === id))
    .map((other) => other.no);
}

/** Full reading → card, one pair per poem: the exact-match evaluation set. */
export function fullReadingPairs(task: ListenerTask): Pair[] {
  return task.poems.map((p) => ({ source: p.source, target: p.target }));
}

export function listenerDataset(task: ListenerTask = listenerTask()): Dataset {
  return { sourceVocab: task.sourceVocab, targetVocab: task.targetVocab, pairs: prefixPairs(task) };
}
