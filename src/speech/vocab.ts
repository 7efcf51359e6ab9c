// The repeater's vocabulary: every mora of modern Japanese written in hiragana, in a fixed
// order, so the checkpoint's token ids never depend on which morae the corpus happens to use.
// Source and target share it. A typed sentence with a mora outside it is refused, not guessed.
import { SPECIAL_TOKENS, Vocabulary } from '../model/vocab';

const BASIC = [
  ...'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん',
];
const VOICED = [...'がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ'];
const YOON_ROWS = [...'きしちにひみりぎじびぴ'];
const YOON = YOON_ROWS.flatMap((k) => [`${k}ゃ`, `${k}ゅ`, `${k}ょ`]);
// Morae of loanwords (ふぁ, てぃ, ちぇ …) and the long-vowel mark, geminate and ゔ.
const LOAN = [
  'ふぁ',
  'ふぃ',
  'ふぇ',
  'ふぉ',
  'てぃ',
  'でぃ',
  'とぅ',
  'どぅ',
  'うぃ',
  'うぇ',
  'うぉ',
  'しぇ',
  'じぇ',
  'ちぇ',
  'いぇ',
  'ゔ',
];
const MARKS = ['っ', 'ー'];

export const MORA_INVENTORY: readonly string[] = [...BASIC, ...VOICED, ...YOON, ...LOAN, ...MARKS];

export function moraVocabulary(): Vocabulary {
  return Vocabulary.fromTokens([...SPECIAL_TOKENS, ...MORA_INVENTORY]);
}

const KNOWN = new Set(MORA_INVENTORY);

export function isKnownMora(mora: string): boolean {
  return KNOWN.has(mora);
}
