// Training pairs for the speaker, from the training split only (corpus.ts documents the split).
//
// Repetition (復唱): every training sentence maps to itself. A copy task over a few hundred
// sentences is easy to memorise and hard to generalise, so two synthetic sets teach copying
// as such: "word salads" (2–9 random training words in a row, so the morae come in the
// corpus's own chunks) and random mora strings over the whole inventory (so every mora of the
// vocabulary is learnt, including ones the corpus lacks, and any length up to the maximum).
// Slips: (intended, slip) pairs from slips.ts over the training sentences and word salads.
import type { Rng } from '../data/random';
import type { Pair } from '../training/dataset';
import type { Vocabulary } from '../model/vocab';
import type { Intended, IntendedWord, Lexicon } from './annotate';
import { MAX_MORAE, type Sentence } from './corpus';
import { makeSlip, type SlipKind } from './slips';
import { MORA_INVENTORY } from './vocab';

export interface RepetitionRecipe {
  /** Copies of each training sentence. */
  readonly sentenceCopies: number;
  readonly wordSalads: number;
  readonly randomStrings: number;
}

export const REPETITION_RECIPE: RepetitionRecipe = {
  sentenceCopies: 2,
  wordSalads: 1200,
  randomStrings: 400,
};

/** A made-up sentence of random training words (kept under MAX_MORAE). */
export function wordSalad(words: readonly IntendedWord[], rng: Rng): Intended {
  const n = rng.int(2, 9);
  const chosen: IntendedWord[] = [];
  let length = 0;
  for (let k = 0; k < n; k++) {
    const w = rng.pick(words);
    if (length + w.morae.length > MAX_MORAE) break;
    chosen.push(w);
    length += w.morae.length;
  }
  if (chosen.length === 0) chosen.push(words[0] as IntendedWord);
  return { words: chosen, morae: chosen.flatMap((w) => w.morae) };
}

/** The training words, each once (first occurrence). */
export function distinctWords(sentences: readonly Sentence[]): IntendedWord[] {
  const seen = new Map<string, IntendedWord>();
  for (const s of sentences) for (const w of s.words) if (!seen.has(w.kana)) seen.set(w.kana, w);
  return [...seen.values()];
}

export function repetitionPairs(
  train: readonly Sentence[],
  vocab: Vocabulary,
  rng: Rng,
  recipe: RepetitionRecipe = REPETITION_RECIPE,
): Pair[] {
  const pairs: Pair[] = [];
  const copy = (morae: readonly string[]): void => {
    const ids = vocab.encode(morae);
    pairs.push({ source: ids, target: ids });
  };
  for (let c = 0; c < recipe.sentenceCopies; c++) for (const s of train) copy(s.morae);
  const words = distinctWords(train);
  for (let k = 0; k < recipe.wordSalads; k++) copy(wordSalad(words, rng).morae);
  for (let k = 0; k < recipe.randomStrings; k++) {
    const length = rng.int(1, MAX_MORAE);
    copy(Array.from({ length }, () => rng.pick(MORA_INVENTORY)));
  }
  return pairs;
}

export interface SlipRecipe {
  /** Slips drawn per training sentence. */
  readonly perSentence: number;
  readonly wordSalads: number;
}

export const SLIP_RECIPE: SlipRecipe = { perSentence: 6, wordSalads: 300 };

export function slipPairs(
  train: readonly Sentence[],
  kind: SlipKind,
  lexicon: Lexicon,
  vocab: Vocabulary,
  rng: Rng,
  recipe: SlipRecipe = SLIP_RECIPE,
): Pair[] {
  const pairs: Pair[] = [];
  const add = (s: Intended): void => {
    const slip = makeSlip(s, kind, lexicon, rng);
    if (slip && slip.length <= MAX_MORAE)
      pairs.push({ source: vocab.encode(s.morae), target: vocab.encode(slip) });
  };
  for (let c = 0; c < recipe.perSentence; c++) for (const s of train) add(s);
  const words = distinctWords(train);
  for (let k = 0; k < recipe.wordSalads; k++) add(wordSalad(words, rng));
  return pairs;
}
