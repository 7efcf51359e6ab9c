// The toy lexicon of the semantic–phonological interactive two-step model (Foygel & Dell 2000;
// Dell, Schwartz, Martin, Saffran & Gagnon 1997): six words, their semantic features and their
// onset–vowel–coda phonemes, and the bidirectional links between the three layers.
//
// Choices where the literature leaves room (see also README "Lexical-access lab"):
// - Phonemes: onsets k d m r f l, vowels æ ɒ, codas t g, so CAT /kæt/, DOG /dɒg/, MAT /mæt/,
//   RAT /ræt/, FOG /fɒg/, LOG /lɒg/. MAT and RAT differ from CAT only in the onset, FOG and LOG
//   share no phoneme with CAT, DOG is related to CAT by meaning only.
// - Semantic features: 10 per word. CAT and DOG share 3 (features 0–2). On a mixed trial RAT
//   shares 3 *other* CAT features (3–5) instead of 3 of its own, so RAT is related to CAT but not
//   to DOG; RAT's three displaced features stay in the layer, unlinked, carrying only noise.
//   That gives 57 semantic units in both trial kinds, so one activation layout serves both.

export const WORDS = ['CAT', 'DOG', 'MAT', 'RAT', 'FOG', 'LOG'] as const;
export type Word = (typeof WORDS)[number];
export const TARGET: Word = 'CAT';

export const ONSETS = ['k', 'd', 'm', 'r', 'f', 'l'] as const;
export const VOWELS = ['æ', 'ɒ'] as const;
export const CODAS = ['t', 'g'] as const;
export type Onset = (typeof ONSETS)[number];
export type Vowel = (typeof VOWELS)[number];
export type Coda = (typeof CODAS)[number];

/** A spoken syllable as indices into ONSETS, VOWELS and CODAS. */
export interface Syllable {
  readonly onset: number;
  readonly vowel: number;
  readonly coda: number;
}

export const WORD_PHONEMES: Readonly<Record<Word, Syllable>> = {
  CAT: { onset: 0, vowel: 0, coda: 0 },
  DOG: { onset: 1, vowel: 1, coda: 1 },
  MAT: { onset: 2, vowel: 0, coda: 0 },
  RAT: { onset: 3, vowel: 0, coda: 0 },
  FOG: { onset: 4, vowel: 1, coda: 1 },
  LOG: { onset: 5, vowel: 1, coda: 1 },
};

export const FEATURES_PER_WORD = 10;
export const SHARED_FEATURES = 3;
export const SEMANTIC_UNITS = 57;

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

/** Semantic feature indices of each word on an ordinary trial and on a mixed trial. */
export function semanticFeatures(word: Word, mixedTrial: boolean): readonly number[] {
  switch (word) {
    case 'CAT':
      return range(0, 10);
    case 'DOG':
      return [...range(0, 3), ...range(10, 7)];
    case 'MAT':
      return range(17, 10);
    case 'RAT':
      return mixedTrial ? [...range(3, 3), ...range(27, 7)] : range(27, 10);
    case 'FOG':
      return range(37, 10);
    case 'LOG':
      return range(47, 10);
    default: {
      const never: never = word;
      throw new Error(`unknown word ${String(never)}`);
    }
  }
}

// Unit layout in one activation vector: semantic features, then words, then phonemes.
export const WORD_BASE = SEMANTIC_UNITS;
export const ONSET_BASE = WORD_BASE + WORDS.length;
export const VOWEL_BASE = ONSET_BASE + ONSETS.length;
export const CODA_BASE = VOWEL_BASE + VOWELS.length;
export const UNIT_COUNT = CODA_BASE + CODAS.length;
export const PHONEME_UNITS = ONSETS.length + VOWELS.length + CODAS.length;

export const wordUnit = (word: Word): number => WORD_BASE + WORDS.indexOf(word);

export type LinkKind = 's' | 'p';

/** One bidirectional link; its weight is s or p, the same in both directions. */
export interface Link {
  readonly a: number;
  readonly b: number;
  readonly kind: LinkKind;
}

/** The network's links and, for fast spreading, the directed edges in flat typed arrays. */
export interface Network {
  readonly mixedTrial: boolean;
  readonly links: readonly Link[];
  /** Directed edge e runs from edgeFrom[e] to edgeTo[e]; edgeIsP[e] is 1 for a p link, 0 for s. */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeIsP: Uint8Array;
}

export function buildNetwork(mixedTrial: boolean): Network {
  const links: Link[] = [];
  for (const word of WORDS) {
    const w = wordUnit(word);
    for (const f of semanticFeatures(word, mixedTrial)) links.push({ a: f, b: w, kind: 's' });
    const { onset, vowel, coda } = WORD_PHONEMES[word];
    links.push({ a: w, b: ONSET_BASE + onset, kind: 'p' });
    links.push({ a: w, b: VOWEL_BASE + vowel, kind: 'p' });
    links.push({ a: w, b: CODA_BASE + coda, kind: 'p' });
  }
  const edges = links.length * 2;
  const edgeFrom = new Int32Array(edges);
  const edgeTo = new Int32Array(edges);
  const edgeIsP = new Uint8Array(edges);
  links.forEach((link, i) => {
    edgeFrom[2 * i] = link.a;
    edgeTo[2 * i] = link.b;
    edgeFrom[2 * i + 1] = link.b;
    edgeTo[2 * i + 1] = link.a;
    edgeIsP[2 * i] = edgeIsP[2 * i + 1] = link.kind === 'p' ? 1 : 0;
  });
  return { mixedTrial, links, edgeFrom, edgeTo, edgeIsP };
}

/** The word a syllable spells, or undefined for a nonword. */
export function wordOf(syllable: Syllable): Word | undefined {
  return WORDS.find((word) => {
    const w = WORD_PHONEMES[word];
    return w.onset === syllable.onset && w.vowel === syllable.vowel && w.coda === syllable.coda;
  });
}

export function spell(syllable: Syllable): string {
  return `${ONSETS[syllable.onset] ?? '?'}${VOWELS[syllable.vowel] ?? '?'}${CODAS[syllable.coda] ?? '?'}`;
}

/**
 * Share of a word's one-phoneme neighbours (strings differing in exactly one slot) that are
 * nonwords in this lexicon: 5/7 for every word here. Used by the nonword-opportunity adjustment.
 */
export function nonwordNeighbourShare(word: Word): number {
  const base = WORD_PHONEMES[word];
  let neighbours = 0;
  let nonwords = 0;
  const visit = (syllable: Syllable): void => {
    neighbours++;
    if (wordOf(syllable) === undefined) nonwords++;
  };
  for (let o = 0; o < ONSETS.length; o++) if (o !== base.onset) visit({ ...base, onset: o });
  for (let v = 0; v < VOWELS.length; v++) if (v !== base.vowel) visit({ ...base, vowel: v });
  for (let c = 0; c < CODAS.length; c++) if (c !== base.coda) visit({ ...base, coda: c });
  return nonwords / neighbours;
}
