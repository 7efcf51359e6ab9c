// Forty sayings labelled by hand (class, type, unit; why a vertical competitor won), each
// checked against Terao's definitions in ../shared/SPEECH_ERRORS.md: an intruder that occurs
// elsewhere in the sentence — word, mora, or only its consonant — makes a horizontal (ヨコ型)
// error; one from outside makes a vertical (タテ型) error when it competed for a stated reason
// (same category, a similar-sounding word, neighbouring morae), else an unrelated (無関係) one;
// an exchange is one error.
import { describe, expect, it } from 'vitest';
import { toMorae } from '../../src/data/mora';
import { annotate } from '../../src/speech/annotate';
import { lexiconOf, sentence } from './annotateHelpers';

const lexicon = lexiconOf([
  'じゅーす:drink',
  'こうちゃ:drink',
  'こーひー:drink',
  'みず:drink',
  'ゆき:weather',
  'くも:weather',
  'ふゆ:season',
  'なつ:season',
  'さむい:temperature',
  'あつい:temperature',
  'たき:place',
  'ねまき:clothing',
  'ぱじゃま:clothing',
  'やま:place',
  'じ:letter',
]);

const NAMAMUGI = 'なまむぎ:food なまごめ:food なまたまご:food';
const BOUZU = 'ぼうず:person が びょうぶ:thing に じょうずに ぼうず:person の え:thing を かいた:make';
const KYAKU = 'となり:place の きゃく:person は よく かき:fruit くう:eat きゃく:person だ';
const KASA = 'かさ:thing を さす:handle';
const NATSU = 'ことし:time の なつ:season は あつい:temperature';
const MIZU = 'みず:drink を のむ:eat';
const PAN = 'ぱん:food を たべる:eat';
const KABUTO = 'あかかぶとむし:animal きかぶとむし:animal ちゃかぶとむし:animal';

/** [intended, spoken, class, type, unit, relation for vertical ones]. */
type Saying = [string, string, 'horizontal' | 'vertical' | 'unrelated', string, string, string?];

const SAYINGS: Saying[] = [
  // Horizontal: the intruder occurs elsewhere in the sentence.
  [NAMAMUGI, 'なまむぎなまごめなまがまご', 'horizontal', 'substitution', 'phoneme'],
  [NAMAMUGI, 'なまむぎなまむめなまたまご', 'horizontal', 'substitution', 'mora'],
  [NAMAMUGI, 'なまむぎまごめなまたまご', 'horizontal', 'omission', 'mora'],
  [NAMAMUGI, 'なまむぎなまごめなまたまごまご', 'horizontal', 'addition', 'mora'],
  [BOUZU, 'ぼじょうがびょうぶにじょうずにぼうずのえをかいた', 'horizontal', 'substitution', 'mora'],
  [BOUZU, 'ぼうずがびょうずにじょうずにぼうずのえをかいた', 'horizontal', 'substitution', 'mora'],
  ['あやめ:plant と やまぶき:plant', 'やまめとやまぶき', 'horizontal', 'blend', 'word'],
  ['たけ:plant が きれいな にわ:place', 'たきがきれいなにわ', 'horizontal', 'substitution', 'mora'],
  ['いろどり:colour', 'いどろり', 'horizontal', 'exchange', 'mora'],
  ['はなせば:say ながい:size', 'ながせばはない', 'horizontal', 'exchange', 'word'],
  [KYAKU, 'となりのかきはよくきゃくくうきゃくだ', 'horizontal', 'exchange', 'word'],
  [KYAKU, 'となりのきゃくはよくかきくうかきだ', 'horizontal', 'substitution', 'word'],
  ['ばす:vehicle がす:thing ばくはつ:event', 'ばすがすくばはつ', 'horizontal', 'exchange', 'mora'],
  ['じゃぱん:event かっぷ:thing', 'じゃかんかっぷ', 'horizontal', 'substitution', 'mora'],
  ['すもも:fruit も もも:fruit も', 'すもももすもも', 'horizontal', 'substitution', 'mora'],
  ['あかまきがみ:stationery', 'あかまきまきがみ', 'horizontal', 'addition', 'mora'],
  ['あいうえおか', 'いうえあおか', 'horizontal', 'shift', 'mora'],
  [KASA, 'かさをかす', 'horizontal', 'substitution', 'mora'],
  ['たぬき:animal の ねこ:animal', 'たぬきのてこ', 'horizontal', 'substitution', 'phoneme'],
  [NATSU, 'ことしのあつはあつい', 'horizontal', 'substitution', 'mora'],
  ['しんぶんし:thing', 'しんぶんぶんし', 'horizontal', 'addition', 'mora'],
  [MIZU, 'みずをのみ', 'horizontal', 'substitution', 'mora'],
  ['へび:animal が いる:exist', 'へびがへる', 'horizontal', 'substitution', 'mora'],
  [PAN, 'ぱんをたべたべる', 'horizontal', 'addition', 'mora'],
  ['ゆき:weather と くも:weather', 'くもとくも', 'horizontal', 'substitution', 'word'],
  [
    'あかまきがみ:stationery あおまきがみ:stationery きまきがみ:stationery',
    'あかまきがみあおまきがみきかきがみ',
    'horizontal',
    'substitution',
    'mora',
  ],
  // Vertical: a competitor from outside the sentence won.
  [NAMAMUGI, 'なまむぎなまごめなまだまご', 'vertical', 'substitution', 'mora', 'similar-mora'],
  ['ぱん:food と こーひー:drink', 'ぱんとじゅーす', 'vertical', 'substitution', 'word', 'same-category'],
  ['ぱん:food と こーひー:drink', 'ぱんとこうちゃ', 'vertical', 'substitution', 'word', 'same-category'],
  ['ゆき:weather が ふる:fall', 'くもがふる', 'vertical', 'substitution', 'word', 'same-category'],
  [NATSU, 'ことしのふゆはあつい', 'vertical', 'substitution', 'word', 'same-category'],
  [NATSU, 'ことしのなつはさむい', 'vertical', 'substitution', 'word', 'same-category'],
  [MIZU, 'じゅーすをのむ', 'vertical', 'substitution', 'word', 'same-category'],
  [KASA, 'がさをさす', 'vertical', 'substitution', 'mora', 'similar-mora'],
  // From outside, with no reason it competed: unrelated (す/み differ in consonant and vowel).
  [KASA, 'かさをさみ', 'unrelated', 'substitution', 'mora', 'other'],
  [KABUTO, 'あかかぶとむしきかぶとむしちゃがぶとむし', 'vertical', 'substitution', 'mora', 'similar-mora'],
  // An addition competes with nothing; an omission of sounds found nowhere else lost to nothing.
  ['ねこ:animal が ねる:rest', 'ねこがぽねる', 'unrelated', 'addition', 'mora', 'other'],
  ['とうきょう:place とっきょ:thing', 'とうきょうときょ', 'unrelated', 'omission', 'mora', 'other'],
  [PAN, 'ぱんをたべ', 'unrelated', 'omission', 'mora', 'other'],
  ['ぱじゃま:clothing を きる:wear', 'ぱまきをきる', 'vertical', 'blend', 'word', 'same-category'],
];

describe('forty sayings labelled by hand', () => {
  it('has forty', () => expect(SAYINGS).toHaveLength(40));

  it.each(SAYINGS)('%s said as %s: one %s %s (%s)', (intended, spoken, cls, type, unit, relation) => {
    const errors = annotate(sentence(intended), toMorae(spoken), lexicon);
    expect(
      errors.map((e) => [e.class, e.type, e.unit, ...(e.class !== 'horizontal' ? [e.relation] : [])]),
    ).toEqual([[cls, type, unit, ...(relation ? [relation] : [])]]);
  });
});

/** Whole-word substitutions, as the word stage makes them: [intended, spoken, class, relation]. */
const WORD_SUBSTITUTIONS: [string, string, 'horizontal' | 'vertical' | 'unrelated', string][] = [
  // A word of the same category from outside the sentence: the lemma competitor (タテ型).
  [MIZU, 'こーひーをのむ', 'vertical', 'same-category'],
  [NATSU, 'ことしのふゆはあつい', 'vertical', 'same-category'],
  ['あつい:temperature ひ:day', 'さむいひ', 'vertical', 'same-category'],
  // Another category, but it sounds like the intended word (same first mora): similar sound.
  ['たけ:plant を みる:see', 'たきをみる', 'vertical', 'similar-word'],
  // Another category, same length, each mora one segment from the intended one (ひ/じ).
  ['あつい:temperature ひ:day', 'あついじ', 'vertical', 'similar-word'],
  // Neither: a known word of another category that does not sound alike, unrelated.
  ['こーひー:drink を のむ:eat', 'やまをのむ', 'unrelated', 'other'],
  // A word of the sentence said in another word's place (ヨコ型).
  ['ゆき:weather と くも:weather', 'ゆきとゆき', 'horizontal', 'context'],
];

describe('whole-word substitutions are word-unit errors that say why the competitor won', () => {
  it.each(WORD_SUBSTITUTIONS)(
    '%s said as %s: a %s word substitution (%s)',
    (intended, spoken, cls, relation) => {
      const errors = annotate(sentence(intended), toMorae(spoken), lexicon);
      expect(errors.map((e) => [e.unit, e.type, e.class, e.relation])).toEqual([
        ['word', 'substitution', cls, relation],
      ]);
    },
  );
});

describe('a whole-word substitution beside a mora slip stays a word-unit error', () => {
  it('みずをのむ said as こーひーをのみ: a same-category word, then a mora from the sentence', () => {
    const errors = annotate(sentence(MIZU), toMorae('こーひーをのみ'), lexicon);
    expect(errors.map((e) => [e.unit, e.type, e.class, e.relation, e.spokenText])).toEqual([
      ['word', 'substitution', 'vertical', 'same-category', 'こーひー'],
      ['mora', 'substitution', 'horizontal', 'context', 'み'],
    ]);
  });

  it('an exchange of two words of the sentence is still one exchange', () => {
    const errors = annotate(sentence(KYAKU), toMorae('となりのかきはよくきゃくくうきゃくだ'), lexicon);
    expect(errors.map((e) => [e.unit, e.type])).toEqual([['word', 'exchange']]);
  });
});

/**
 * The third class, by its stated criterion: an intruder from outside the sentence is vertical
 * only when it is each intended mora's phonological neighbour (one segment apart: consonant or
 * vowel) or a competing word; chance material is unrelated. [intended, spoken, class, relation].
 */
const OUTSIDE: [string, string, 'vertical' | 'unrelated', string][] = [
  // ぬ/す share the vowel, and n is nowhere in the sentence: a neighbour from outside.
  [KASA, 'かさをさぬ', 'vertical', 'similar-mora'],
  // こ/か share the consonant (k is in the sentence, but so is the vowel: the mora is outside).
  [MIZU, 'みずをのも', 'vertical', 'similar-mora'],
  // Two morae, each a neighbour of its own: ぱ/か (the vowel), せ/さ (the consonant).
  [KASA, 'ぱせをさす', 'vertical', 'similar-mora'],
  // も → ぐ, as a new user saw it: from outside, and ぐ/も differ in both segments.
  ['すもも:fruit も もも:fruit も', 'すももぐももも', 'unrelated', 'other'],
  // と → ま, as a new user saw it: unrelated unless ま were a neighbour (it shares no segment).
  ['いと:thing を きる:cut', 'いまをきる', 'unrelated', 'other'],
  // Two morae, one of them unlike its counterpart: the pair is unrelated (しょー → にお).
  ['しょーゆ:food を かう:buy', 'におゆをかう', 'unrelated', 'other'],
];

describe('a long region said with the morae of the sentence itself is horizontal', () => {
  it('なまむぎなまごめなまたまご said as なまむぎなまむぎまなごめめ: material moved, not from outside', () => {
    // ご and め occur only inside the changed region, said in other places of it.
    const errors = annotate(sentence(NAMAMUGI), toMorae('なまむぎなまむぎまなごめめ'), lexicon);
    expect(errors.map((e) => [e.class, e.type])).toEqual([['horizontal', 'substitution']]);
  });
});

describe('an intruder from outside the sentence is vertical only with a reason', () => {
  it.each(OUTSIDE)('%s said as %s: %s (%s)', (intended, spoken, cls, relation) => {
    const errors = annotate(sentence(intended), toMorae(spoken), lexicon);
    expect(errors.map((e) => [e.class, e.relation])).toEqual([[cls, relation]]);
  });
});
