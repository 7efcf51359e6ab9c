// Romaji beside kana for English visitors: 「か → あ」 means nothing to someone who cannot read
// kana, 「か (ka) → あ (a)」 does. Japanese mode shows the kana alone.
import { toRomaji } from 'wanakana';
import { getLang } from './i18n';

/** The romaji of `kana` in English mode, '' in Japanese (or when there is nothing to spell). */
export function romajiFor(kana: string): string {
  if (getLang() !== 'en') return '';
  const romaji = toRomaji(kana.trim());
  return romaji === kana.trim() ? '' : romaji;
}

/** 「か」 in Japanese, 「か (ka)」 in English. */
export function withRomaji(kana: string): string {
  const romaji = romajiFor(kana);
  return romaji ? `${kana} (${romaji})` : kana;
}

/** 「か (ka)」 whatever the language: for the English side of a bilingual text built ahead. */
export function kanaWithRomaji(kana: string): string {
  const trimmed = kana.trim();
  if (trimmed === '') return '∅';
  const romaji = toRomaji(trimmed);
  return romaji === trimmed ? kana : `${kana} (${romaji})`;
}
