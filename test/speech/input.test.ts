import { describe, expect, it } from 'vitest';
import { makeLexicon } from '../../src/speech/annotate';
import { loadCorpus } from '../../src/speech/corpus';
import { parseInput } from '../../src/speech/input';

const lexicon = makeLexicon(loadCorpus().all.flatMap((s) => s.words));
const morae = (text: string) => {
  const parsed = parseInput(text, lexicon);
  return parsed.ok ? parsed.sentence.morae.join('') : parsed.problem.code;
};

describe('typed sentences', () => {
  it.each([
    ['namamugi namagome namatamago', 'なまむぎなまごめなまたまご'],
    ['ナマムギ ナマゴメ', 'なまむぎなまごめ'],
    // Katakana loanwords keep their ー, as the corpus spells them (not こうひい).
    ['コーヒー ケーキ', 'こーひーけーき'],
    ['なまむぎ、なまごめ。', 'なまむぎなまごめ'],
    ['ko-hi- wo nomu', 'こーひーをのむ'],
    ['Tokyo tokkyo', 'ときょとっきょ'],
    ['tōkyō tokkyo', 'とうきょうとっきょ'],
    ['TÔKYÔ', 'とうきょう'],
    ['okāsan', 'おかあさん'],
    ['vu ヴ', 'ゔゔ'],
  ])('reads %s as kana', (text, expected) => {
    expect(morae(text)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['  。 ', 'empty'],
    ['なまむぎ🍺', 'emoji'],
    ['hello world', 'not-romaji'],
    ['生麦生米', 'kanji'],
    ['ゐ', 'unknown-characters'],
    ['あいうえお'.repeat(8), 'too-long'],
  ])('refuses %j with a reason (%s)', (text, code) => {
    expect(morae(text)).toBe(code);
  });

  it('quotes the word as it was typed', () => {
    const parsed = parseInput('namamugi hello', lexicon);
    expect(!parsed.ok && parsed.problem).toEqual({ code: 'not-romaji', text: 'hello' });
    const odd = parseInput('なまむぎ ヴァイオリン', lexicon);
    expect(!odd.ok && odd.problem).toEqual({
      code: 'unknown-characters',
      characters: 'ゔぁ',
      word: 'ヴァイオリン',
    });
  });

  it('finds corpus words inside an unspaced sentence, so word errors can be labelled', () => {
    const parsed = parseInput('こーひーをのみます', lexicon);
    expect(parsed.ok && parsed.sentence.words.map((w) => w.kana)).toEqual(['こーひー', 'を', 'のみます']);
    expect(parsed.ok && parsed.sentence.words[0]?.category).toBe('drink');
  });
});
