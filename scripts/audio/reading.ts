// The competition reader's phrasing, planned on Open JTalk's own analysis of the half: which
// morae are held (and how long), and the new duration of every phoneme for the HTS engine.
// Pure functions: generate.ts runs the tools.
//
// How a competition reader reads (the reference marks it, e.g. あきのたのーかりおのいおのｰ
// とまをあらーみー): no silence inside a half; phrase ends are held instead — the first phrase
// long (ー), the second short (ｰ); in the last phrase the mora before its closing word (の, なる,
// つつ …) is held long, and the last sound is held (upper half) or carried into the 余韻 (lower
// half). A lower half's first phrase has a short hold at its first word-group boundary
// (わがｰころもでわー). Open JTalk's word list gives the words and the accent phrases; holds
// are vowel lengthenings set per phoneme in the label, so the voice holds one smooth sound.
import type { Phoneme } from './labels';

/** A word of Open JTalk's text analysis (the "[Text analysis result]" section). */
export interface Word {
  readonly surface: string;
  readonly morae: number;
  /** True when the word starts a new accent phrase (chain flag 0), false when it joins one. */
  readonly startsAccentPhrase: boolean;
  /** Open JTalk's phrase break (a full-width space in the input). */
  readonly isBreak: boolean;
}

export type Hold = 'long' | 'short' | 'final';

/** Parses the text analysis section of an `open_jtalk -ot` trace. */
export function parseWords(trace: string): Word[] {
  const start = trace.indexOf('[Text analysis result]');
  if (start < 0) throw new Error('trace has no [Text analysis result] section');
  const words: Word[] = [];
  for (const line of trace.slice(start).split('\n').slice(1)) {
    if (line.trim() === '') break;
    const fields = line.split(',');
    const accent = fields[10] ?? '';
    const morae = Number(accent.split('/')[1]);
    if (fields.length < 13 || !Number.isFinite(morae)) throw new Error(`unreadable word line: ${line}`);
    words.push({
      surface: fields[0] ?? '',
      morae,
      startsAccentPhrase: fields[12] !== '1',
      isBreak: fields[2] === '空白',
    });
  }
  return words;
}

/** Mora offsets (within each phrase) at which a new word / a new accent phrase starts. */
function boundaries(words: readonly Word[]): { word: number[]; accent: number[] }[] {
  const phrases: { word: number[]; accent: number[] }[] = [{ word: [], accent: [] }];
  let at = 0;
  for (const word of words) {
    if (word.isBreak) {
      phrases.push({ word: [], accent: [] });
      at = 0;
      continue;
    }
    const phrase = phrases[phrases.length - 1]!;
    if (at > 0) {
      phrase.word.push(at);
      if (word.startsAccentPhrase) phrase.accent.push(at);
    }
    at += word.morae;
  }
  return phrases;
}

/**
 * The held morae of a half: mora index → hold. `phraseLengths` are the mora counts of the
 * reading's phrases; `words` Open JTalk's analysis of the same text.
 */
export function planHolds(
  phraseLengths: readonly number[],
  words: readonly Word[],
  half: 'kami' | 'shimo',
): Map<number, Hold> {
  const holds = new Map<number, Hold>();
  const marks = boundaries(words);
  const starts: number[] = [];
  let total = 0;
  for (const length of phraseLengths) {
    starts.push(total);
    total += length;
  }
  const last = phraseLengths.length - 1;
  /** In the last phrase: hold the mora before its closing word of 1–2 morae (…の, …なる). */
  const beforeClosingWord = (phrase: number, fallback: number) => {
    const length = phraseLengths[phrase] ?? 0;
    const lastWord = Math.max(0, ...(marks[phrase]?.word ?? []));
    const closing = length - lastWord;
    const split = lastWord >= 2 && closing <= (half === 'kami' ? 2 : 3) ? lastWord : length - fallback;
    return (starts[phrase] ?? 0) + split - 1;
  };
  phraseLengths.forEach((length, phrase) => {
    const end = (starts[phrase] ?? 0) + length - 1;
    if (phrase === last) return;
    if (half === 'shimo' && phrase === 0) {
      const group = (marks[0]?.accent ?? []).find((at) => at >= 2 && at <= length - 2);
      if (group !== undefined) holds.set(group - 1, 'short');
    }
    holds.set(end, phrase === 1 && half === 'kami' ? 'short' : 'long');
  });
  holds.set(beforeClosingWord(last, half === 'kami' ? 1 : 2), 'long');
  holds.set(total - 1, 'final');
  return holds;
}

/** Milliseconds per hold: how long the held mora's last phoneme (its vowel or ん) lasts. */
export interface HoldLengths {
  readonly long: number;
  readonly short: number;
  readonly final: number;
}

export interface Retimed {
  /** HTK label lines (100 ns units) for `hts_engine -vp`. */
  readonly label: string;
  /** Every label written, in order (a held sound is two: its hold, then its own ending). */
  readonly phonemes: readonly Phoneme[];
  /** For each input label, the time it now spans (null: a dropped pause). */
  readonly spans: readonly (Phoneme | null)[];
}

const SILENCE = new Set(['sil', 'pau']);
const FRAME_MS = 5;

const QUINPHONE = /^([^^]+)\^([^-]+)-([^+]+)\+([^=]+)=([^/]+)(\/.*)?$/;

/** The current phoneme of a full-context label (p3 of p1^p2-p3+p4=p5/…). */
function currentOf(label: string): string {
  const match = QUINPHONE.exec(label);
  if (!match) throw new Error(`unreadable label: ${label}`);
  return match[3]!;
}

/**
 * Rewrites each label's phoneme context (p1^p2-p3+p4=p5) from its neighbours in `labels`, so
 * that after pauses are dropped and sounds held, every phoneme is rendered as it is now joined:
 * a phrase-final vowel followed by the next phrase's consonant, not by a pause it would fade
 * into; a sustained vowel followed by itself, like the first half of a long vowel. The other
 * fields (accent, phrase and breath-group positions) keep Open JTalk's analysis.
 */
export function relabel(labels: readonly string[]): string[] {
  const names = labels.map(currentOf);
  const at = (i: number) => names[i] ?? 'xx';
  return labels.map((label, i) => {
    const rest = QUINPHONE.exec(label)![6] ?? '';
    return `${at(i - 2)}^${at(i - 1)}-${at(i)}+${at(i + 1)}=${at(i + 2)}${rest}`;
  });
}

/**
 * New durations: every sounding phoneme stretched by `tempo`; pauses inside the half dropped
 * (the phrase-final vowel before them is held instead); the leading and trailing silences set
 * to leadMs / tailMs. A held mora's last phoneme (its vowel or ん) lasts its hold length: it is
 * written as the sound sustained (followed by itself, like the first half of a long vowel, see
 * relabel) and then the sound itself at its natural length, because the engine spreads a
 * phoneme's extra length over its states by their variance, and a phrase-final vowel's most
 * variable state is its breathy ending: stretched, it would turn the hold into 4 s of whisper.
 * A devoiced vowel that is held is voiced: a reader never whispers a held sound.
 * `lastPhonemeOf` maps a mora index to the index (in `labels`) of its last phoneme.
 */
export function retime(
  labels: readonly { readonly phoneme: Phoneme; readonly label: string }[],
  holds: ReadonlyMap<number, Hold>,
  lastPhonemeOf: readonly number[],
  options: { tempo: number; lengths: HoldLengths; leadMs: number; tailMs: number },
): Retimed {
  const held = new Map<number, Hold>();
  for (const [mora, hold] of holds) {
    const index = lastPhonemeOf[mora];
    if (index !== undefined) held.set(index, hold);
  }
  const lines: string[] = [];
  const phonemes: Phoneme[] = [];
  const spans: (Phoneme | null)[] = [];
  let at = 0;
  const write = (name: string, text: string, ms: number) => {
    // Whole 5 ms frames: the engine renders each label in whole frames; rounding here keeps
    // the written times exactly where the sound is.
    const end = at + Math.max(1, Math.round(ms / FRAME_MS)) * FRAME_MS;
    lines.push(text);
    phonemes.push({ phoneme: name, startMs: at, endMs: end });
    at = end;
  };
  labels.forEach(({ phoneme, label }, index) => {
    if (phoneme.phoneme === 'pau') {
      spans.push(null);
      return;
    }
    const startMs = at;
    let ms = (phoneme.endMs - phoneme.startMs) * options.tempo;
    if (index === 0) ms = options.leadMs;
    else if (index === labels.length - 1 && SILENCE.has(phoneme.phoneme)) ms = options.tailMs;
    let text = label;
    let name = phoneme.phoneme;
    const hold = held.get(index);
    if (hold) {
      if (name === 'I' || name === 'U') {
        name = name.toLowerCase();
        text = text.replace(`-${phoneme.phoneme}+`, `-${name}+`);
      }
      const sustain = options.lengths[hold] - ms;
      if (sustain >= 2 * FRAME_MS) write(name, text, sustain);
    }
    write(name, text, ms);
    spans.push({ phoneme: name, startMs, endMs: at });
  });
  const times = phonemes.map((p) => `${p.startMs * 1e4} ${p.endMs * 1e4}`);
  const label = relabel(lines).map((text, i) => `${times[i]} ${text}`);
  return { label: `${label.join('\n')}\n`, phonemes, spans };
}
