// Fine-tuning data for the two error models: (intended, slip) pairs built from TRAINING
// sentences only, the way the 2023 models were fine-tuned on Terao's intended→error pairs
// (which are not public). These are teaching examples; at run time every corrupted sentence is
// sampled from a model that sees only the intended sentence (sampler.ts).
//
// Horizontal slips copy material from elsewhere in the same sentence: a mora said too early
// (anticipation) or again (perseveration), two morae exchanged, a consonant carried over
// (なまたまご → なまがまご), or a word said in another word's place. Sources near the site and
// similar-sounding ones are preferred, as in natural slips.
// Vertical slips bring in a competitor from outside the sentence: a word of the same semantic
// category (コーヒー → ジュース), or a similar-sounding mora (same vowel, or a voicing pair)
// that the sentence does not contain.
// Every candidate is labelled by the annotator and kept only if all its errors have the class
// it was built for, so the teaching data and the benchmark agree on what the classes mean.
import { toHiragana } from 'wanakana';
import type { Rng } from '../data/random';
import { annotate, type ErrorClass, type Intended, type IntendedWord, type Lexicon } from './annotate';
import { moraSound, similarMorae } from './phonology';
import { isKnownMora, MORA_INVENTORY } from './vocab';

export type SlipKind = Exclude<ErrorClass, 'unrelated'>;

const WINDOW = 6;

/** A weighted pick: weights need not sum to 1; null when all are 0. */
export function weighted<T>(items: readonly T[], weight: (t: T) => number, rng: Rng): T | null {
  const ws = items.map(weight);
  const total = ws.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  let r = rng.next() * total;
  for (let k = 0; k < items.length; k++) {
    r -= ws[k] as number;
    if (r < 0) return items[k] as T;
  }
  return items[items.length - 1] as T;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}

/** One horizontal slip of `s`, or null if this attempt found none. */
function horizontalCandidate(s: Intended, rng: Rng): string[] | null {
  const m = s.morae;
  if (m.length < 3) return null;
  const kind = rng.next();
  const site = rng.int(0, m.length - 1);
  const near = (j: number): number =>
    j === site || Math.abs(j - site) > WINDOW ? 0 : 1 / Math.abs(j - site);
  const like = (j: number): number => near(j) * (similarMorae(m[j] as string, m[site] as string) ? 3 : 1);
  const out = m.slice();
  if (kind < 0.55) {
    // A mora from elsewhere replaces this one: anticipation or perseveration.
    const j = weighted(range(m.length), (j) => (m[j] === m[site] ? 0 : like(j)), rng);
    if (j === null) return null;
    out[site] = m[j] as string;
    return out;
  }
  if (kind < 0.7) {
    // A consonant carried over, the vowel kept.
    const vowel = moraSound(m[site] as string).vowel;
    const j = weighted(
      range(m.length),
      (j) => {
        const c = moraSound(m[j] as string).consonant;
        return c !== moraSound(m[site] as string).consonant && /^[a-z]+$/.test(c) && c !== 'n' ? near(j) : 0;
      },
      rng,
    );
    if (j === null || vowel === '') return null;
    const mora = toHiragana(moraSound(m[j] as string).consonant + vowel);
    if (!isKnownMora(mora)) return null;
    out[site] = mora;
    return out;
  }
  if (kind < 0.88) {
    // Two morae exchanged.
    const j = weighted(
      range(m.length),
      (j) => (j > site && j - site <= 4 && m[j] !== m[site] ? like(j) : 0),
      rng,
    );
    if (j === null) return null;
    out[site] = m[j] as string;
    out[j] = m[site] as string;
    return out;
  }
  // A content word said in another content word's place.
  const content = range(s.words.length).filter((k) => s.words[k]?.category);
  if (content.length < 2) return null;
  const target = rng.pick(content);
  const others = content.filter((k) => s.words[k]?.kana !== s.words[target]?.kana);
  if (others.length === 0) return null;
  const intruder = rng.pick(others);
  const words = s.words.map((w) => w.morae);
  words[target] = (s.words[intruder] as IntendedWord).morae;
  return words.flat();
}

/** One vertical slip of `s` using competitors from `lexicon`, or null. */
function verticalCandidate(s: Intended, lexicon: Lexicon, rng: Rng): string[] | null {
  const m = s.morae;
  const inSentence = new Set(s.words.map((w) => w.kana));
  if (rng.next() < 0.6) {
    const content = range(s.words.length).filter((k) => s.words[k]?.category);
    if (content.length === 0) return null;
    const k = rng.pick(content);
    const word = s.words[k] as IntendedWord;
    const last = word.morae[word.morae.length - 1];
    const rivals = (lexicon.byCategory.get(word.category!) ?? []).filter((w) => !inSentence.has(w.kana));
    // Inflected words compete with words of the same ending (のみます ↔ たべます).
    const rival = weighted(rivals, (w) => (w.morae[w.morae.length - 1] === last ? 4 : 1), rng);
    if (!rival) return null;
    return s.words.flatMap((w, j) => (j === k ? rival.morae : w.morae));
  }
  const present = new Set(m);
  const consonants = new Set(m.map((x) => moraSound(x).consonant));
  const site = rng.int(0, m.length - 1);
  const meant = m[site] as string;
  // Similar-sounding and of the same shape (a yōon for a yōon): た → だ, な, ち …
  const rivals = MORA_INVENTORY.filter(
    (x) =>
      x !== meant &&
      x.length === meant.length &&
      !present.has(x) &&
      !consonants.has(moraSound(x).consonant) &&
      similarMorae(x, meant),
  );
  const closest = (x: string): number => (moraSound(x).vowel === moraSound(meant).vowel ? 3 : 1);
  const rival = weighted(rivals, closest, rng);
  if (rival === null) return null;
  const out = m.slice();
  out[site] = rival;
  return out;
}

/** Where an error's intruder came from: the sentence (horizontal) or outside it (vertical or
 *  unrelated), the side each slip model is taught and constrained to. */
export function fromSide(c: ErrorClass): SlipKind {
  return c === 'horizontal' ? 'horizontal' : 'vertical';
}

/**
 * A slip of `kind` for sentence `s`, checked by the annotator: every error it finds has class
 * `kind`. Null after a few failed attempts (short sentences may have no horizontal slip).
 */
export function makeSlip(s: Intended, kind: SlipKind, lexicon: Lexicon, rng: Rng): string[] | null {
  for (let attempt = 0; attempt < 12; attempt++) {
    const slip = kind === 'horizontal' ? horizontalCandidate(s, rng) : verticalCandidate(s, lexicon, rng);
    if (!slip) continue;
    const errors = annotate(s, slip, lexicon);
    if (errors.length > 0 && errors.every((e) => fromSide(e.class) === kind)) return slip;
  }
  return null;
}
