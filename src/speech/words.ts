// The word stage of the speaker (lemma selection, before the morae are said): its vocabulary,
// how a sentence becomes word tokens and back, and its teaching data.
//
// Speech-production models (Garrett, Levelt, Dell) place whole-word substitutions at word
// selection, before phonological encoding: a same-category competitor wins the slot (こーひー →
// じゅーす, Terao's タテ型) or a word from elsewhere in the utterance intrudes (ヨコ型:
// anticipation, perseveration, exchange). The mora models cannot produce these (a 66 k-parameter
// mora decoder does not spell a whole rival word), so a small Transformer over word tokens
// chooses the words first; the mora stage then says them.
//
// Tokens: the training words (content words as "kana:category", function words seen at least
// twice as their kana), one token per semantic category ("#drink"), and SLOTS placeholder
// tokens ("@0" …) for words the vocabulary lacks: an unknown word is said through a slot, so
// the model can copy it (or let another word take its place) without knowing it. In the
// source, each content word is preceded by its category token, the semantic feature a lemma
// carries: the model has to learn which words of the vocabulary belong to it. The target is
// word and slot tokens only.
import type { Rng } from '../data/random';
import { toMorae } from '../data/mora';
import { SPECIAL_TOKENS, Vocabulary, EOS } from '../model/vocab';
import type { Pair } from '../training/dataset';
import { annotate, type Intended, type IntendedWord, type Lexicon } from './annotate';
import { CATEGORIES, isCategory, type PartOfSpeech } from './categories';
import { weighted, type SlipKind } from './slips';

/** Placeholder tokens for words outside the vocabulary, per sentence. */
export const SLOTS = 12;
/** Longest word-stage source: words plus their category tokens. */
export const MAX_WORD_SOURCE = 24;
/** Longest word-stage decoder sequence (BOS included). */
export const MAX_WORD_TARGET = 16;
/** Function words enter the vocabulary when the training sentences use them this often. */
const MIN_FUNCTION_COUNT = 2;

const slotToken = (k: number): string => `@${k}`;
const categoryToken = (c: string): string => `#${c}`;

/** The token of a known word: "kana:category" for content words, the kana otherwise. */
export function wordToken(w: IntendedWord): string {
  return w.category ? `${w.kana}:${w.category}` : w.kana;
}

export class WordVocabulary {
  readonly slotIds: readonly number[];
  private readonly categoryIds: ReadonlySet<number>;
  private readonly words: ReadonlyMap<number, IntendedWord>;

  constructor(readonly vocab: Vocabulary) {
    this.slotIds = Array.from({ length: SLOTS }, (_, k) => vocab.id(slotToken(k)));
    if (this.slotIds.some((id) => id < SPECIAL_TOKENS.length))
      throw new Error('word vocabulary without slots');
    const categories = new Set<number>();
    const words = new Map<number, IntendedWord>();
    vocab.tokens.forEach((token, id) => {
      if (id < SPECIAL_TOKENS.length || token.startsWith('@')) return;
      if (token.startsWith('#')) {
        categories.add(id);
        return;
      }
      const [kana = '', tag] = token.split(':');
      words.set(id, { kana, morae: toMorae(kana), category: tag && isCategory(tag) ? tag : null });
    });
    this.categoryIds = categories;
    this.words = words;
  }

  /** The vocabulary of the training sentences (sorted, so stable across runs). */
  static fromTraining(sentences: readonly Intended[]): WordVocabulary {
    const counts = new Map<string, number>();
    for (const s of sentences)
      for (const w of s.words) counts.set(wordToken(w), (counts.get(wordToken(w)) ?? 0) + 1);
    const words = [...counts.entries()]
      .filter(([token, n]) => token.includes(':') || n >= MIN_FUNCTION_COUNT)
      .map(([token]) => token)
      .sort();
    const slots = Array.from({ length: SLOTS }, (_, k) => slotToken(k));
    const categories = Object.keys(CATEGORIES).map(categoryToken);
    return new WordVocabulary(Vocabulary.fromTokens([...SPECIAL_TOKENS, ...slots, ...categories, ...words]));
  }

  get size(): number {
    return this.vocab.size;
  }

  isSlot(id: number): boolean {
    return this.slotIds.includes(id);
  }

  /** Whether the word stage may say `id` for a sentence whose source tokens are `source`. */
  canSay(id: number, source: ReadonlySet<number>): boolean {
    if (id === EOS) return true;
    if (this.words.has(id)) return true;
    return this.isSlot(id) && source.has(id);
  }

  /**
   * Whether `id` may take the slot of a word of part of speech `pos` in a sentence encoded as
   * `encoded`: a word of the same part of speech, from the vocabulary or one of the sentence's
   * own slots. Word substitutions keep the grammatical class of the word they replace (Garrett's
   * syntactic frame), whichever class — inside or outside the sentence — the word comes from.
   */
  fitsFrame(id: number, pos: PartOfSpeech, encoded: EncodedWords): boolean {
    const w = this.words.get(id) ?? encoded.slots.get(id);
    return w?.category != null && CATEGORIES[w.category] === pos;
  }

  /** Out of class for both slip kinds (constraint.ts): category tokens, which are input only,
   *  slots that stand for no word of the sentence, and, where the label is a known content
   *  word, words of another part of speech (they cannot take its slot: `fitsFrame`). */
  readonly alwaysOut = (id: number, source: ReadonlySet<number>, label: number): boolean => {
    if (this.isCategoryToken(id) || (this.isSlot(id) && !source.has(id))) return true;
    const pos = this.partOfSpeech(label);
    if (pos === null) return false;
    const other = this.words.get(id);
    return other !== undefined && (other.category === null || CATEGORIES[other.category] !== pos);
  };

  /** Out of class for the vertical word model beside `alwaysOut`: where the label is a known
   *  content word, known words of another category (the annotator's reason for a vertical
   *  word is the same category, and a rival of another category would mostly be unrelated). */
  readonly otherCategoryOut = (id: number, source: ReadonlySet<number>, label: number): boolean => {
    if (this.alwaysOut(id, source, label)) return true;
    const meant = this.words.get(label)?.category;
    const other = this.words.get(id);
    return meant != null && other !== undefined && other.category !== meant;
  };

  /** The part of speech of a known content word's token, else null. */
  partOfSpeech(id: number): PartOfSpeech | null {
    const w = this.words.get(id);
    return w?.category ? CATEGORIES[w.category] : null;
  }

  /** Category tokens are input only: never a word the stage may say. */
  isCategoryToken(id: number): boolean {
    return this.categoryIds.has(id);
  }

  /**
   * A sentence as word-stage tokens. Unknown words (and, with `slotShare` and an RNG, known
   * ones at random, to teach slot copying) go through slots; with an RNG the slot numbers are
   * drawn at random so that every slot is practised, else they are given in order.
   */
  encode(s: Intended, options: { rng?: Rng; slotShare?: number } = {}): EncodedWords {
    const { rng, slotShare = 0 } = options;
    const order = rng ? rng.shuffle(this.slotIds) : this.slotIds.slice();
    const slotOf = new Map<string, number>();
    const slots = new Map<number, IntendedWord>();
    const tokens = s.words.map((w) => {
      const known = this.vocab.id(wordToken(w));
      const slotted = known < SPECIAL_TOKENS.length || (rng !== undefined && rng.next() < slotShare);
      if (!slotted) return known;
      const key = wordToken(w);
      let id = slotOf.get(key);
      if (id === undefined) {
        id = order[slotOf.size % order.length] as number;
        slotOf.set(key, id);
        slots.set(id, w);
      }
      return id;
    });
    const source = s.words.flatMap((w, k) =>
      w.category ? [this.vocab.id(categoryToken(w.category)), tokens[k] as number] : [tokens[k] as number],
    );
    return { source, target: tokens, slots, key: slotOf };
  }

  /** Target tokens back to words; null when a token names no word here (the caller keeps the
   *  intended sentence). */
  decode(ids: readonly number[], slots: ReadonlyMap<number, IntendedWord>): IntendedWord[] | null {
    const out: IntendedWord[] = [];
    for (const id of ids) {
      const w = this.words.get(id) ?? slots.get(id);
      if (!w) return null;
      out.push(w);
    }
    return out;
  }

  /** `words` as targets under an existing encoding's slots (for teaching pairs). */
  targetOf(words: readonly IntendedWord[], encoded: EncodedWords): number[] | null {
    const ids: number[] = [];
    for (const w of words) {
      const slot = encoded.key.get(wordToken(w));
      const id = slot ?? this.vocab.id(wordToken(w));
      if (id < SPECIAL_TOKENS.length) return null;
      ids.push(id);
    }
    return ids;
  }
}

export interface EncodedWords {
  /** Category token before each content word, then the word (or slot) token. */
  readonly source: number[];
  /** One token per word. */
  readonly target: number[];
  /** Slot token → the word it stands for. */
  readonly slots: ReadonlyMap<number, IntendedWord>;
  /** Word token → its slot token. */
  readonly key: ReadonlyMap<string, number>;
}

export function intendedOf(words: readonly IntendedWord[]): Intended {
  return { words, morae: words.flatMap((w) => w.morae) };
}

const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);
const isContent = (w: IntendedWord | undefined): boolean => Boolean(w?.category);

const posOf = (w: IntendedWord | undefined): PartOfSpeech | null =>
  w?.category ? CATEGORIES[w.category] : null;

/** A whole-word horizontal slip: another word of the sentence, of the same part of speech,
 *  takes a word's place, or two such words exchange; nearby words are preferred. */
function horizontalWords(s: Intended, rng: Rng): IntendedWord[] | null {
  const content = range(s.words.length).filter((k) => isContent(s.words[k]));
  if (content.length < 2) return null;
  const words = s.words.slice();
  const site = rng.pick(content);
  const near = (j: number): number =>
    j === site || s.words[j]?.kana === s.words[site]?.kana || posOf(s.words[j]) !== posOf(s.words[site])
      ? 0
      : 1 / Math.abs(j - site);
  const other = weighted(content, near, rng);
  if (other === null) return null;
  if (rng.next() < 0.65) {
    words[site] = s.words[other] as IntendedWord; // anticipation or perseveration
  } else {
    words[site] = s.words[other] as IntendedWord; // exchange
    words[other] = s.words[site] as IntendedWord;
  }
  return words;
}

/** A whole-word vertical slip: a word of the same category from outside the sentence. */
function verticalWords(s: Intended, lexicon: Lexicon, rng: Rng): IntendedWord[] | null {
  const content = range(s.words.length).filter((k) => isContent(s.words[k]));
  if (content.length === 0) return null;
  const site = rng.pick(content);
  const word = s.words[site] as IntendedWord;
  const inSentence = new Set(s.words.map((w) => w.kana));
  const rivals = (lexicon.byCategory.get(word.category!) ?? []).filter((w) => !inSentence.has(w.kana));
  const last = word.morae[word.morae.length - 1];
  // Inflected words compete with words of the same ending (のみます ↔ たべます).
  const rival = weighted(rivals, (w) => (w.morae[w.morae.length - 1] === last ? 4 : 1), rng);
  if (!rival) return null;
  const words = s.words.slice();
  words[site] = rival;
  return words;
}

/**
 * A whole-word slip of `kind`, checked by the annotator: every error has class `kind` and one
 * at least is a word-unit error. Null after a few failed attempts.
 */
export function makeWordSlip(s: Intended, kind: SlipKind, lexicon: Lexicon, rng: Rng): IntendedWord[] | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const words = kind === 'horizontal' ? horizontalWords(s, rng) : verticalWords(s, lexicon, rng);
    if (!words) continue;
    const errors = annotate(s, intendedOf(words).morae, lexicon);
    if (errors.length > 0 && errors.every((e) => e.class === kind) && errors.some((e) => e.unit === 'word'))
      return words;
  }
  return null;
}

/** 2–`max` random words, within the word stage's source length. */
export function wordSaladOf(words: readonly IntendedWord[], rng: Rng, max = 8): Intended {
  const n = rng.int(2, max);
  const chosen: IntendedWord[] = [];
  let length = 0;
  for (let k = 0; k < n; k++) {
    const w = rng.pick(words);
    const cost = w.category ? 2 : 1;
    if (length + cost > MAX_WORD_SOURCE) break;
    chosen.push(w);
    length += cost;
  }
  return intendedOf(chosen);
}

export interface WordRecipe {
  /** Copies of each training sentence (repetition) or slips per sentence (slips). */
  readonly perSentence: number;
  readonly wordSalads: number;
  /** Share of known words sent through a slot, so that slot copying is learnt. */
  readonly slotShare: number;
}

export const WORD_REPETITION_RECIPE: WordRecipe = { perSentence: 2, wordSalads: 3000, slotShare: 0.25 };
export const WORD_SLIP_RECIPE: WordRecipe = { perSentence: 6, wordSalads: 1500, slotShare: 0.25 };
/**
 * The horizontal word slip model's teaching data: the training sentences' own slips only, with
 * no word salads and no known words sent through slots. Its slip is a word *of the sentence*
 * taking another's place, and measured free-running on training sentences (top-p 0.9) the
 * shares of its word-stage errors that were horizontal were: 31.7 % with WORD_SLIP_RECIPE,
 * 30.9 % without the salads but with the slots, 50.0 % with neither (2026-12-02). Slots still
 * carry unknown words at run time: the word repeater learnt them, and the slip model keeps them
 * from it.
 */
export const WORD_HORIZONTAL_SLIP_RECIPE: WordRecipe = { perSentence: 6, wordSalads: 0, slotShare: 0 };

const fits = (e: EncodedWords): boolean =>
  e.source.length <= MAX_WORD_SOURCE && e.target.length < MAX_WORD_TARGET;

/** Copy pairs: training sentences and word salads of training words, some words slotted. */
export function wordRepetitionPairs(
  train: readonly Intended[],
  vocab: WordVocabulary,
  words: readonly IntendedWord[],
  rng: Rng,
  recipe: WordRecipe = WORD_REPETITION_RECIPE,
): Pair[] {
  const pairs: Pair[] = [];
  const add = (s: Intended): void => {
    const e = vocab.encode(s, { rng, slotShare: recipe.slotShare });
    if (fits(e)) pairs.push({ source: e.source, target: e.target });
  };
  for (let c = 0; c < recipe.perSentence; c++) for (const s of train) add(s);
  for (let k = 0; k < recipe.wordSalads; k++) add(wordSaladOf(words, rng));
  return pairs;
}

/** (intended → whole-word slip) pairs of `kind` from training sentences and word salads. */
export function wordSlipPairs(
  train: readonly Intended[],
  kind: SlipKind,
  lexicon: Lexicon,
  vocab: WordVocabulary,
  words: readonly IntendedWord[],
  rng: Rng,
  recipe: WordRecipe = WORD_SLIP_RECIPE,
): Pair[] {
  const pairs: Pair[] = [];
  const add = (s: Intended): void => {
    const slip = makeWordSlip(s, kind, lexicon, rng);
    if (!slip) return;
    const e = vocab.encode(s, { rng, slotShare: recipe.slotShare });
    const target = vocab.targetOf(slip, e);
    if (target && fits(e)) pairs.push({ source: e.source, target });
  };
  for (let c = 0; c < recipe.perSentence; c++) for (const s of train) add(s);
  for (let k = 0; k < recipe.wordSalads; k++) add(wordSaladOf(words, rng));
  return pairs;
}
