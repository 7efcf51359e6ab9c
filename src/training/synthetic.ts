// A documented synthetic task for quick tests and for checking a recipe without the poems:
// reverse a random string of letters (a b c → c b a). A model that only copies by position
// cannot solve it; one that attends across the source can.
import type { Rng } from '../data/random';
import { Vocabulary } from '../model/vocab';
import type { Dataset, Pair } from './dataset';

export interface ReverseTaskOptions {
  readonly count: number;
  readonly minLength: number;
  readonly maxLength: number;
  /** How many distinct letters (≤ 26). */
  readonly letters: number;
}

export function reverseTask(rng: Rng, options: ReverseTaskOptions): Dataset {
  const letters = 'abcdefghijklmnopqrstuvwxyz'.slice(0, options.letters).split('');
  const vocab = Vocabulary.fromSymbols(letters);
  const pairs: Pair[] = [];
  for (let i = 0; i < options.count; i++) {
    const length = rng.int(options.minLength, options.maxLength);
    const symbols = Array.from({ length }, () => rng.pick(letters));
    pairs.push({ source: vocab.encode(symbols), target: vocab.encode(symbols.slice().reverse()) });
  }
  return { sourceVocab: vocab, targetVocab: vocab, pairs };
}
