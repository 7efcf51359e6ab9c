// Reads Open JTalk's label trace and maps its phonemes back onto the morae of the reading we fed
// it, so each mora gets the moment it begins to be heard. Pure functions: the generator runs the
// tools, this only checks and measures.

/** One phoneme of the "[Output label]" section; times in ms (HTK 100 ns units / 10 000). */
export interface Phoneme {
  readonly phoneme: string;
  readonly startMs: number;
  readonly endMs: number;
}

export interface MoraTiming {
  readonly mora: string;
  readonly startMs: number;
  /** Index, in the phonemes given to alignMorae, of the mora's last phoneme (vowel, ん, っ). */
  readonly lastIndex: number;
}

export type Alignment =
  | {
      readonly ok: true;
      readonly morae: readonly MoraTiming[];
      /** End of the last phoneme of the reading itself (before any held vowel). */
      readonly speechEndMs: number;
      /** Start of the held last vowel (余韻) when the input asked for one. */
      readonly holdStartMs: number | null;
      /** End of the last sounding phoneme, held vowel included. */
      readonly soundEndMs: number;
    }
  | { readonly ok: false; readonly error: string };

const SILENCE = new Set(['sil', 'pau']);
const VOWELS = new Set(['a', 'i', 'u', 'e', 'o']);

/** Parses the label section of an `open_jtalk -ot` trace. */
export function parseLabelTrace(trace: string): Phoneme[] {
  return parseLabelLines(trace).map(({ phoneme }) => phoneme);
}

/** Each phoneme of the label section with its full-context label (what hts_engine reads). */
export function parseLabelLines(trace: string): { phoneme: Phoneme; label: string }[] {
  const start = trace.indexOf('[Output label]');
  if (start < 0) throw new Error('trace has no [Output label] section');
  const phonemes: { phoneme: Phoneme; label: string }[] = [];
  for (const line of trace.slice(start).split('\n').slice(1)) {
    if (line.trim() === '') break;
    const [from, to, label] = line.trim().split(/\s+/);
    // Full-context label: p1^p2-p3+p4=p5/A:…; p3 is the current phoneme.
    const match = /^[^^]+\^[^-]+-([^+]+)\+/.exec(label ?? '');
    if (!match?.[1] || from === undefined || to === undefined) {
      throw new Error(`unreadable label line: ${line}`);
    }
    phonemes.push({
      phoneme: { phoneme: match[1], startMs: Number(from) / 1e4, endMs: Number(to) / 1e4 },
      label: label ?? '',
    });
  }
  return phonemes;
}

// prettier-ignore
const ROWS: Record<string, string> = {
  あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o',
  か: 'k a', き: 'k i', く: 'k u', け: 'k e', こ: 'k o',
  が: 'g a', ぎ: 'g i', ぐ: 'g u', げ: 'g e', ご: 'g o',
  さ: 's a', し: 'sh i', す: 's u', せ: 's e', そ: 's o',
  ざ: 'z a', じ: 'j i', ず: 'z u', ぜ: 'z e', ぞ: 'z o',
  た: 't a', ち: 'ch i', つ: 'ts u', て: 't e', と: 't o',
  だ: 'd a', ぢ: 'j i', づ: 'z u', で: 'd e', ど: 'd o',
  な: 'n a', に: 'n i', ぬ: 'n u', ね: 'n e', の: 'n o',
  は: 'h a', ひ: 'h i', ふ: 'f u', へ: 'h e', ほ: 'h o',
  ば: 'b a', び: 'b i', ぶ: 'b u', べ: 'b e', ぼ: 'b o',
  ぱ: 'p a', ぴ: 'p i', ぷ: 'p u', ぺ: 'p e', ぽ: 'p o',
  ま: 'm a', み: 'm i', む: 'm u', め: 'm e', も: 'm o',
  や: 'y a', ゆ: 'y u', よ: 'y o',
  ら: 'r a', り: 'r i', る: 'r u', れ: 'r e', ろ: 'r o',
  わ: 'w a', ゐ: 'i', ゑ: 'e', を: 'o', ん: 'N', っ: 'cl',
};

const SMALL: Record<string, string> = {
  ゃ: 'a',
  ゅ: 'u',
  ょ: 'o',
  ぁ: 'a',
  ぃ: 'i',
  ぅ: 'u',
  ぇ: 'e',
  ぉ: 'o',
};
/** Consonants before a small ya/yu/yo: し→sh, ち→ch, じ→j keep theirs, others palatalise. */
const PALATAL: Record<string, string> = { sh: 'sh', ch: 'ch', j: 'j' };

/** The phonemes Open JTalk writes for one hiragana mora, e.g. しょ → ['sh', 'o']. */
export function moraPhonemes(mora: string): string[] {
  const base = ROWS[mora];
  if (base !== undefined) return base.split(' ');
  const head = mora.slice(0, -1);
  const small = SMALL[mora.slice(-1)];
  const headPhonemes = ROWS[head]?.split(' ');
  if (small !== undefined && headPhonemes?.length === 2) {
    const consonant = headPhonemes[0] ?? '';
    return [PALATAL[consonant] ?? `${consonant}y`, small];
  }
  throw new Error(`no phonemes known for mora "${mora}"`);
}

/** Vowel of the last phoneme list, for long vowels: う after お sounds /o/, い after え sounds /e/. */
function soundsAs(expected: readonly string[], previousVowel: string | undefined): string[][] {
  const options = [expected.slice()];
  if (expected.length === 1 && previousVowel !== undefined) {
    const v = expected[0];
    if (v === 'u' && previousVowel === 'o') options.push(['o']);
    if (v === 'i' && previousVowel === 'e') options.push(['e']);
  }
  return options;
}

function samePhoneme(heard: string, expected: string): boolean {
  // Open JTalk writes devoiced vowels in capitals (k I, ts U).
  return heard === expected || (VOWELS.has(expected) && heard === expected.toUpperCase());
}

/**
 * Matches the label phonemes, silences skipped, one mora after another. Phonemes left after the
 * last mora must all repeat its final sound: that is the held vowel (余韻) asked for with ー.
 */
export function alignMorae(phonemes: readonly Phoneme[], morae: readonly string[]): Alignment {
  const soundingIndex = phonemes.flatMap((p, i) => (SILENCE.has(p.phoneme) ? [] : [i]));
  const sounding = soundingIndex.map((i) => phonemes[i]!);
  const heard = (from: number) =>
    sounding
      .slice(from, from + 4)
      .map((p) => p.phoneme)
      .join(' ');
  const timings: MoraTiming[] = [];
  let at = 0;
  let previousVowel: string | undefined;
  for (const [index, mora] of morae.entries()) {
    const options = soundsAs(moraPhonemes(mora), previousVowel);
    const fit = options.find((option) =>
      option.every((ph, k) => {
        const p = sounding[at + k];
        return p !== undefined && samePhoneme(p.phoneme, ph);
      }),
    );
    const first = sounding[at];
    if (!fit || !first) {
      const wanted = options.map((o) => o.join(' ')).join(' | ');
      return { ok: false, error: `mora ${index} "${mora}": expected ${wanted}, heard "${heard(at)}"` };
    }
    at += fit.length;
    timings.push({ mora, startMs: first.startMs, lastIndex: soundingIndex[at - 1] ?? -1 });
    const last = fit[fit.length - 1] ?? '';
    previousVowel = VOWELS.has(last) ? last : previousVowel;
  }
  const lastOfSpeech = sounding[at - 1];
  if (!lastOfSpeech) return { ok: false, error: 'no morae' };
  const rest = sounding.slice(at);
  const finalSound = lastOfSpeech.phoneme.toLowerCase();
  const stray = rest.find((p) => p.phoneme.toLowerCase() !== finalSound);
  if (stray) return { ok: false, error: `after the last mora, heard extra "${heard(at)}"` };
  return {
    ok: true,
    morae: timings,
    speechEndMs: lastOfSpeech.endMs,
    holdStartMs: rest[0]?.startMs ?? null,
    soundEndMs: (rest[rest.length - 1] ?? lastOfSpeech).endMs,
  };
}

/** Hiragana to katakana (same code-point offset for the whole block). */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}
