// The tongue-twister corpus: traditional tongue twisters, everyday sentences written for the
// project (assets/speech/), and the upper and lower halves of the 100 poems (modern reading).
// Each sentence is a list of words with morae, part of speech and semantic category.
//
// Split: within each source separately, sentences were shuffled with a generator seeded with
// SPLIT_SEED and the first 15 % (rounded) held out. The held-out ids are frozen as data in
// assets/speech/split.ts (written by scripts/speech-split.ts), so that a change to the project's
// RNG can never move a sentence the shipped models trained on into the held-out set. Held-out
// sentences are never used for training or fine-tuning; the benchmark measures on them only.
// A sentence that also occurs in the training part (the same morae) is moved to training, so
// no held-out sentence was seen verbatim.
import { EVERYDAY } from '../../assets/speech/everyday';
import { TWISTERS } from '../../assets/speech/twisters';
import { POEMS } from '../data/poems';
import { HELD_OUT_IDS } from '../../assets/speech/split';
import { CATEGORIES, isCategory, type Category, type PartOfSpeech } from './categories';
import { toMorae } from '../data/mora';

export const SPLIT_SEED = 20231;
export const HELD_OUT_SHARE = 0.15;
/** No sentence may be longer: the model's input length. */
export const MAX_MORAE = 36;

export type SentenceSource = 'twister' | 'everyday' | 'poem';

export interface Word {
  readonly kana: string;
  readonly morae: readonly string[];
  readonly pos: PartOfSpeech;
  readonly category: Category | null;
}

export interface Sentence {
  readonly id: string;
  readonly source: SentenceSource;
  readonly words: readonly Word[];
  readonly morae: readonly string[];
  /** Kana with spaces between words. */
  readonly text: string;
}

export interface Corpus {
  readonly train: readonly Sentence[];
  readonly heldOut: readonly Sentence[];
  readonly all: readonly Sentence[];
}

/** Parses one annotated line ("ねこ:animal が みず:drink を のむ:eat"); throws on a bad tag. */
export function parseAnnotated(line: string, id: string, source: SentenceSource): Sentence {
  const words = line
    .trim()
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .map((token): Word => {
      const [kana = '', tag] = token.split(':');
      if (kana.length === 0) throw new Error(`${id}: empty word in "${line}"`);
      if (tag === undefined) return { kana, morae: toMorae(kana), pos: 'function', category: null };
      if (!isCategory(tag)) throw new Error(`${id}: unknown category "${tag}" in "${line}"`);
      return { kana, morae: toMorae(kana), pos: CATEGORIES[tag], category: tag };
    });
  if (words.length === 0) throw new Error(`${id}: empty sentence`);
  const morae = words.flatMap((w) => w.morae);
  if (morae.length > MAX_MORAE) throw new Error(`${id}: ${morae.length} morae > ${MAX_MORAE}`);
  return { id, source, words, morae, text: words.map((w) => w.kana).join(' ') };
}

function parseBlock(block: string, source: SentenceSource): Sentence[] {
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line, i) => parseAnnotated(line, `${source}-${i + 1}`, source));
}

/** Poem halves as sentences: phrases are the words; no categories (classical vocabulary). */
function poemSentences(): Sentence[] {
  return POEMS.filter((p) => p.no >= 1).flatMap((p) =>
    (['kami', 'shimo'] as const).map((half) => {
      const line = p[half].reading;
      return parseAnnotated(line, `poem-${p.no}-${half}`, 'poem');
    }),
  );
}

let cached: Corpus | undefined;

export function loadCorpus(): Corpus {
  cached ??= buildCorpus();
  return cached;
}

/** Every sentence of each source, in the order the source lists them. */
export function corpusSources(): [SentenceSource, Sentence[]][] {
  return [
    ['twister', parseBlock(TWISTERS, 'twister')],
    ['everyday', parseBlock(EVERYDAY, 'everyday')],
    ['poem', poemSentences()],
  ];
}

function buildCorpus(): Corpus {
  const heldOutIds = new Set(HELD_OUT_IDS);
  const sentences = corpusSources().flatMap(([, list]) => list);
  const heldOut = sentences.filter((s) => heldOutIds.has(s.id));
  const train = sentences.filter((s) => !heldOutIds.has(s.id));
  const seen = new Set(train.map((s) => s.morae.join('')));
  const cleanHeldOut = heldOut.filter((s) => !seen.has(s.morae.join('')));
  train.push(...heldOut.filter((s) => seen.has(s.morae.join(''))));
  return { train, heldOut: cleanHeldOut, all: [...train, ...cleanHeldOut] };
}

/** Content words by category across `sentences` (distinct kana), for competitors. */
export function lexiconByCategory(sentences: readonly Sentence[]): Map<Category, Word[]> {
  const out = new Map<Category, Word[]>();
  const seen = new Set<string>();
  for (const s of sentences) {
    for (const w of s.words) {
      if (!w.category || seen.has(`${w.category}:${w.kana}`)) continue;
      seen.add(`${w.category}:${w.kana}`);
      const list = out.get(w.category) ?? [];
      list.push(w);
      out.set(w.category, list);
    }
  }
  return out;
}
