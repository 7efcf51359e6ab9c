// Helpers shared by the annotator's tests.
import { toMorae } from '../../src/data/mora';
import { makeLexicon, type Intended, type IntendedWord, type Lexicon } from '../../src/speech/annotate';
import type { Category } from '../../src/speech/categories';

/** "くも:weather が ふる" → words with categories. */
export function sentence(annotated: string): Intended {
  const words: IntendedWord[] = annotated.split(' ').map((token) => {
    const [kana = '', category] = token.split(':');
    return { kana, morae: toMorae(kana), category: (category as Category | undefined) ?? null };
  });
  return { morae: words.flatMap((w) => w.morae), words };
}

/** A lexicon of single annotated words ("こーひー:drink"). */
export function lexiconOf(words: readonly string[]): Lexicon {
  return makeLexicon(words.map((t) => sentence(t).words[0] as IntendedWord));
}
