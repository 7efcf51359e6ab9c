// The tongue-twister corpus: traditional tongue twisters, everyday sentences written for the
// project (assets/speech/), and the upper and lower halves of the 100 poems (modern reading).
// Each sentence is a list of words with morae, part of speech and semantic category.
//
// Split: a sentence is held out when a hash of its morae (FNV-1a, 32 bit) falls in the lowest
// HELD_OUT_SHARE of the range. The split depends on the text alone, never on a file position or
// an RNG: adding, removing or reordering sentences moves no other sentence across. A would-be
// held-out sentence that contains a training sentence, or is contained in one (as a mora
// string: にわにはにわにわとりがいる inside a longer twister), goes to training instead, so the
// models never saw a held-out sentence or any part of one that is a whole training sentence.
// Held-out sentences are read only by the benchmark (scripts/bench-speech.ts) and one test
// (test/speech/heldout.test.ts), through `loadHeldOut()`; training and calibration use `train`.
import { EVERYDAY } from '../../assets/speech/everyday';
import { TWISTERS } from '../../assets/speech/twisters';
import { POEMS } from '../data/poems';
import { CATEGORIES, isCategory, type Category, type PartOfSpeech } from './categories';
import { toMorae } from '../data/mora';

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
  /** What training, fine-tuning and calibration may read. */
  readonly train: readonly Sentence[];
  /** Every sentence (the panel's choice of examples); the held-out ones are `loadHeldOut()`. */
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

let cached: { corpus: Corpus; heldOut: readonly Sentence[] } | undefined;

function split(): { corpus: Corpus; heldOut: readonly Sentence[] } {
  cached ??= buildSplit();
  return cached;
}

/** The training sentences and every sentence; never the held-out list as such. */
export function loadCorpus(): Corpus {
  return split().corpus;
}

/** The held-out sentences: for the benchmark and its one test only (see the header). */
export function loadHeldOut(): readonly Sentence[] {
  return split().heldOut;
}

/** Every sentence of each source, in the order the source lists them. */
export function corpusSources(): [SentenceSource, Sentence[]][] {
  return [
    ['twister', parseBlock(TWISTERS, 'twister')],
    ['everyday', parseBlock(EVERYDAY, 'everyday')],
    ['poem', poemSentences()],
  ];
}

/** FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit integer. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Whether a sentence's hash puts it in the held-out part (before the containment rule). */
export function hashedOut(morae: readonly string[]): boolean {
  return textHash(morae.join('')) / 2 ** 32 < HELD_OUT_SHARE;
}

/** Splits `sentences` by text hash, then moves any held-out one that overlaps training. */
export function splitSentences(
  sentences: readonly Sentence[],
  heldOutByHash: (morae: readonly string[]) => boolean = hashedOut,
): { train: Sentence[]; heldOut: Sentence[] } {
  const train = sentences.filter((s) => !heldOutByHash(s.morae));
  const candidates = sentences.filter((s) => heldOutByHash(s.morae));
  const texts = train.map((s) => s.morae.join(''));
  const heldOut: Sentence[] = [];
  for (const s of candidates) {
    const text = s.morae.join('');
    if (texts.some((t) => t.includes(text) || text.includes(t))) train.push(s);
    else heldOut.push(s);
  }
  return { train, heldOut };
}

function buildSplit(): { corpus: Corpus; heldOut: readonly Sentence[] } {
  const sentences = corpusSources().flatMap(([, list]) => list);
  const { train, heldOut } = splitSentences(sentences);
  return { corpus: { train, all: [...train, ...heldOut] }, heldOut };
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
