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

/** Full reading → card, one pair per poem: the exact-match evaluation set. */
export function fullReadingPairs(task: ListenerTask): Pair[] {
  return task.poems.map((p) => ({ source: p.source, target: p.target }));
}

export function listenerDataset(task: ListenerTask = listenerTask()): Dataset {
  return { sourceVocab: task.sourceVocab, targetVocab: task.targetVocab, pairs: prefixPairs(task) };
}
