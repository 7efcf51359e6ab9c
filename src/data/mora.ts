// Morae (拍): the unit of Japanese rhythm and of kimariji. A reading is hiragana with spaces
// between phrases; spaces carry no sound. Small ゃゅょぁぃぅぇぉゎ belong to the kana before
// them (きょ is one mora); っ, ん and ー are morae of their own.

const SMALL_KANA = new Set([...'ゃゅょぁぃぅぇぉゎ']);

/** Split a reading into morae: "きょうを" → ["きょ", "う", "を"]. Spaces are ignored. */
export function toMorae(reading: string): string[] {
  const morae: string[] = [];
  for (const ch of reading) {
    if (/\s/.test(ch)) continue;
    const last = morae.length - 1;
    if (SMALL_KANA.has(ch) && last >= 0) morae[last] += ch;
    else morae.push(ch);
  }
  return morae;
}

// The vowel each kana ends in, by row (段). Yōon (きょ) take the small kana's vowel.
const VOWELS: Readonly<Record<string, string>> = (() => {
  const rows: Record<string, string> = {
    a: 'あかさたなはまやらわがざだばぱぁゃゎ',
    i: 'いきしちにひみりゐぎじぢびぴぃ',
    u: 'うくすつぬふむゆるぐずづぶぷぅゅゔ',
    e: 'えけせてねへめれゑげぜでべぺぇ',
    o: 'おこそとのほもよろをごぞどぼぽぉょ',
  };
  const out: Record<string, string> = {};
  for (const [vowel, kana] of Object.entries(rows)) for (const ch of kana) out[ch] = vowel;
  return out;
})();

/** The vowel a mora ends in ('a' 'i' 'u' 'e' 'o'), or null for ん, っ, ー and non-kana. */
export function vowelOf(mora: string): string | null {
  const last = [...mora].pop();
  return last === undefined ? null : (VOWELS[last] ?? null);
}

/**
 * The morae of a reading as they sound, for comparing openings (kimariji). Two rules, both
 * needed to reproduce the published kimariji tables:
 * - を sounds お (the particle and the old object marker are both /o/ when read aloud);
 * - う after a mora ending in o lengthens it: it sounds お (44 おうことの is /oːkoto/, so it
 *   shares お-お with 60 おおえやま and 95 おおけなく).
 * Other long vowels (えい, ゆう) are left as written: no opening in the 100 poems turns on them.
 */
export function soundKeys(reading: string): string[] {
  const morae = toMorae(reading);
  return morae.map((mora, i) => {
    if (mora === 'を') return 'お';
    const prev = i > 0 ? morae[i - 1] : undefined;
    if (mora === 'う' && prev !== undefined && vowelOf(prev) === 'o') return 'お';
    return mora;
  });
}

/** How many morae a reading has. */
export function moraCount(reading: string): number {
  return toMorae(reading).length;
}
