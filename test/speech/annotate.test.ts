import { describe, expect, it } from 'vitest';
import { toMorae } from '../../src/data/mora';
import { align, annotate } from '../../src/speech/annotate';
import { lexiconOf, sentence } from './annotateHelpers';

const lexicon = lexiconOf([
  'ねまき:clothing',
  'ぱじゃま:clothing',
  'じゅーす:drink',
  'こうちゃ:drink',
  'こーひー:drink',
  'ゆき:weather',
  'くも:weather',
]);

interface Case {
  name: string;
  intended: string;
  spoken: string;
  expected: {
    unit: string;
    type: string;
    direction: string;
    class: string;
    intendedText: string;
    spokenText: string;
  }[];
}

const cases: Case[] = [
  {
    name: 'ジャカンカップ for ジャパンカップ is a horizontal mora substitution by anticipation',
    intended: 'じゃぱん:event かっぷ:thing',
    spoken: 'じゃかんかっぷ',
    expected: [
      {
        unit: 'mora',
        type: 'substitution',
        direction: 'anticipation',
        class: 'horizontal',
        intendedText: 'ぱ',
        spokenText: 'か',
      },
    ],
  },
  {
    name: 'いどろり for いろどり is a mora exchange',
    intended: 'いろどり:colour',
    spoken: 'いどろり',
    expected: [
      {
        unit: 'mora',
        type: 'exchange',
        direction: 'none',
        class: 'horizontal',
        intendedText: 'ろど',
        spokenText: 'どろ',
      },
    ],
  },
  {
    name: 'ながせばはない for はなせばながい is an exchange of morphemes',
    intended: 'はなせば:say ながい:size',
    spoken: 'ながせばはない',
    expected: [
      {
        unit: 'word',
        type: 'exchange',
        direction: 'none',
        class: 'horizontal',
        intendedText: 'はな…なが',
        spokenText: 'なが…はな',
      },
    ],
  },
  {
    name: 'ぱまき from ぱじゃま and ねまき is a vertical blend',
    intended: 'ぱじゃま:clothing を きる:wear',
    spoken: 'ぱまきをきる',
    expected: [
      {
        unit: 'word',
        type: 'blend',
        direction: 'none',
        class: 'vertical',
        intendedText: 'ぱじゃま',
        spokenText: 'ぱまき',
      },
    ],
  },
  {
    name: '雲が多くて雲がふる for 雪 is a horizontal word substitution by perseveration',
    intended: 'きょう:day は くも:weather が おおくて:quantity ゆき:weather が ふる:fall',
    spoken: 'きょうはくもがおおくてくもがふる',
    expected: [
      {
        unit: 'word',
        type: 'substitution',
        direction: 'perseveration',
        class: 'horizontal',
        intendedText: 'ゆき',
        spokenText: 'くも',
      },
    ],
  },
  {
    name: 'パンとジュースで for パンとコーヒーで is a vertical same-category word substitution',
    intended: 'ぱん:food と こーひー:drink で ちょうしょく:food',
    spoken: 'ぱんとじゅーすでちょうしょく',
    expected: [
      {
        unit: 'word',
        type: 'substitution',
        direction: 'none',
        class: 'vertical',
        intendedText: 'こーひー',
        spokenText: 'じゅーす',
      },
    ],
  },
  {
    // The g of ごめ and of たまご's ご are equally near; ties go to anticipation.
    name: 'なまがまご takes its g from the sentence: horizontal',
    intended: 'なまむぎ:food なまごめ:food なまたまご:food',
    spoken: 'なまむぎなまごめなまがまご',
    expected: [
      {
        unit: 'phoneme',
        type: 'substitution',
        direction: 'anticipation',
        class: 'horizontal',
        intendedText: 'た',
        spokenText: 'が',
      },
    ],
  },
  {
    name: 'なまだまご has an intruder found nowhere in the sentence: vertical',
    intended: 'なまむぎ:food なまごめ:food なまたまご:food',
    spoken: 'なまむぎなまごめなまだまご',
    expected: [
      {
        unit: 'mora',
        type: 'substitution',
        direction: 'none',
        class: 'vertical',
        intendedText: 'た',
        spokenText: 'だ',
      },
    ],
  },
  {
    name: 'the guest and the persimmon swapped is a word exchange',
    intended: 'となり:place の きゃく:person は よく かき:fruit くう:eat きゃく:person だ',
    spoken: 'となりのかきはよくきゃくくうきゃくだ',
    expected: [
      {
        unit: 'word',
        type: 'exchange',
        direction: 'none',
        class: 'horizontal',
        intendedText: 'きゃく…かき',
        spokenText: 'かき…きゃく',
      },
    ],
  },
  {
    name: 'すもももすももも: a mora carried over from すもも is perseveration',
    intended: 'すもも:fruit も もも:fruit も',
    spoken: 'すもももすもも',
    expected: [
      {
        unit: 'mora',
        type: 'substitution',
        direction: 'perseveration',
        class: 'horizontal',
        intendedText: 'も',
        spokenText: 'す',
      },
    ],
  },
  {
    name: 'an extra まき copied from the word before is a horizontal addition',
    intended: 'あかまきがみ:stationery',
    spoken: 'あかまきまきがみ',
    expected: [
      {
        unit: 'mora',
        type: 'addition',
        direction: 'perseveration',
        class: 'horizontal',
        intendedText: '',
        spokenText: 'まき',
      },
    ],
  },
  {
    name: 'a mora said too early and missing at its place is a shift by anticipation',
    intended: 'ばす:vehicle がす:thing ばくはつ:event',
    spoken: 'ばすがすくばはつ',
    expected: [
      {
        unit: 'mora',
        type: 'exchange',
        direction: 'none',
        class: 'horizontal',
        intendedText: 'ばく',
        spokenText: 'くば',
      },
    ],
  },
  {
    name: 'a dropped mora that occurs nowhere else is an unrelated omission (nothing competed)',
    intended: 'とうきょう:place とっきょ:thing',
    spoken: 'とうきょうときょ',
    expected: [
      {
        unit: 'mora',
        type: 'omission',
        direction: 'none',
        class: 'unrelated',
        intendedText: 'っ',
        spokenText: '',
      },
    ],
  },
  {
    name: 'a word said with its end twice is an addition, not a blend',
    intended: 'なまむぎ:food なまごめ:food なまたまご:food',
    spoken: 'なまむぎなまごめなまたまごまご',
    expected: [
      {
        unit: 'mora',
        type: 'addition',
        direction: 'perseveration',
        class: 'horizontal',
        intendedText: '',
        spokenText: 'まご',
      },
    ],
  },
  {
    name: 'a moved mora is a shift',
    intended: 'あいうえおか',
    spoken: 'いうえあおか',
    expected: [
      {
        unit: 'mora',
        type: 'shift',
        direction: 'perseveration',
        class: 'horizontal',
        intendedText: 'あ',
        spokenText: 'あ',
      },
    ],
  },
];

describe('annotate', () => {
  it.each(cases)('$name', ({ intended, spoken, expected }) => {
    const errors = annotate(sentence(intended), toMorae(spoken), lexicon);
    expect(
      errors.map(({ unit, type, direction, class: cls, intendedText, spokenText }) => ({
        unit,
        type,
        direction,
        class: cls,
        intendedText,
        spokenText,
      })),
    ).toEqual(expected);
  });

  it('finds no error when the sentence is said as meant', () => {
    const s = sentence('なまむぎ:food なまごめ:food なまたまご:food');
    expect(annotate(s, s.morae, lexicon)).toEqual([]);
  });

  it('points a horizontal error at the morae its intruder came from', () => {
    const [error] = annotate(sentence('じゃぱん:event かっぷ:thing'), toMorae('じゃかんかっぷ'), lexicon);
    expect(error?.source).toEqual({ start: 3, end: 4 });
  });

  it('aligns with the fewest edits', () => {
    const ops = align(toMorae('あいう'), toMorae('あう'));
    expect(ops.filter((o) => o !== 'match')).toHaveLength(1);
  });
});
