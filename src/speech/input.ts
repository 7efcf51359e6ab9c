// What a visitor types, turned into a sentence the speaker can say: hiragana, katakana or
// romaji (wanakana converts; long vowels with macrons or circumflexes, tōkyō, are spelt out
// first: ō → ou, ā → aa …; vu and ヴ are ゔ), spaces as word boundaries, punctuation dropped.
// Messages quote the word as the visitor typed it. Anything else is
// refused with a reason the panel shows; nothing here throws on bad input.
// Kanji are read first by kanji.ts (a dictionary, loaded when needed); any left are refused.
import { isRomaji, toHiragana } from 'wanakana';
import { toMorae } from '../data/mora';
import type { Intended, IntendedWord, Lexicon } from './annotate';
import { MAX_MORAE } from './corpus';
import { isKnownMora } from './vocab';

export type InputProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'too-long'; readonly morae: number; readonly max: number }
  | { readonly code: 'emoji' }
  | { readonly code: 'kanji' }
  | { readonly code: 'not-romaji'; readonly text: string }
  | { readonly code: 'unknown-characters'; readonly characters: string; readonly word: string };

export type ParsedInput = { ok: true; sentence: Intended } | { ok: false; problem: InputProblem };

const PUNCTUATION = /[、。，．,.!?！？「」『』（）()・~〜…:;：；"'“”‘’]/gu;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const KANJI = /\p{Script=Han}/u;
const LATIN = /[a-zA-Z]/;

const LONG_VOWELS: Record<string, string> = {
  ā: 'aa',
  ī: 'ii',
  ū: 'uu',
  ē: 'ee',
  ō: 'ou',
  â: 'aa',
  î: 'ii',
  û: 'uu',
  ê: 'ee',
  ô: 'ou',
};

/** tōkyō → toukyou: a long vowel with a macron or circumflex, written out for wanakana. */
export function spellOutLongVowels(text: string): string {
  return text.normalize('NFC').replace(/[āīūēōâîûêôĀĪŪĒŌÂÎÛÊÔ]/gu, (c) => LONG_VOWELS[c.toLowerCase()] ?? c);
}

/** Splits a run of morae into corpus words where they fit (longest first), else one word. */
function segment(morae: readonly string[], lexicon: Lexicon): IntendedWord[] {
  const words: IntendedWord[] = [];
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length > 0) words.push({ kana: pending.join(''), morae: pending, category: null });
    pending = [];
  };
  let k = 0;
  while (k < morae.length) {
    let found: IntendedWord | undefined;
    for (let end = Math.min(morae.length, k + 8); end > k + 1 && !found; end--) {
      found = lexicon.byKana.get(morae.slice(k, end).join(''));
    }
    if (found) {
      flush();
      words.push(found);
      k += found.morae.length;
    } else {
      pending.push(morae[k] as string);
      k++;
    }
  }
  flush();
  return words;
}

export function parseInput(text: string, lexicon: Lexicon): ParsedInput {
  const trimmed = text.normalize('NFC').normalize('NFKC').replace(PUNCTUATION, ' ').trim();
  if (trimmed.length === 0) return { ok: false, problem: { code: 'empty' } };
  if (EMOJI.test(trimmed)) return { ok: false, problem: { code: 'emoji' } };
  if (KANJI.test(trimmed)) return { ok: false, problem: { code: 'kanji' } };
  const typed = trimmed.split(/\s+/);
  const chunks = typed.map(spellOutLongVowels);
  for (const [k, chunk] of chunks.entries()) {
    if (LATIN.test(chunk) && !isRomaji(chunk))
      return { ok: false, problem: { code: 'not-romaji', text: typed[k] as string } };
  }
  const kana = chunks.map((c) =>
    toHiragana(c.toLowerCase(), { passRomaji: false, convertLongVowelMark: false }),
  );
  for (const [k, chunk] of kana.entries()) {
    if (LATIN.test(chunk)) return { ok: false, problem: { code: 'not-romaji', text: typed[k] as string } };
  }
  for (const [k, chunk] of kana.entries()) {
    const unknown = [...new Set(toMorae(chunk).filter((m) => !isKnownMora(m)))];
    if (unknown.length > 0)
      return {
        ok: false,
        problem: { code: 'unknown-characters', characters: unknown.join(' '), word: typed[k] as string },
      };
  }
  const words = kana.flatMap((chunk) => segment(toMorae(chunk), lexicon));
  const morae = words.flatMap((w) => w.morae);
  if (morae.length > MAX_MORAE)
    return { ok: false, problem: { code: 'too-long', morae: morae.length, max: MAX_MORAE } };
  return { ok: true, sentence: { words, morae } };
}
