// The tongue-twister tour's captions, read from the annotator's real labels of a saying: where a
// horizontal intruder came from, that a vertical one is from outside, romaji on the English side,
// and the truth when a saying has no slip of the kind wanted.
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/speech/annotate';
import { parseAnnotated } from '../../../src/speech/corpus';
import { toMorae } from '../../../src/data/mora';
import { explainError } from '../../../src/game/panels/speech/text';
import {
  repetitionResult,
  slipResult,
  slipSentence,
  twisterIntro,
} from '../../../src/game/panels/speech/tourText';

const sentence = (line: string) => parseAnnotated(line, 't', 'twister');
const said = (kana: string) => toMorae(kana);

describe('the tongue-twister tour in plain words', () => {
  const namamugi = sentence('なまむぎ なまごめ なまたまご');

  it('names the source of a horizontal consonant slip, and spells it in romaji in English', () => {
    const spoken = said('なまむぎなまごめなまがまご');
    const [error] = annotate(namamugi, spoken);
    expect(error?.class).toBe('horizontal');
    const text = slipSentence(error!, namamugi);
    expect(text.ja).toMatch(/^た → が: /);
    // The nearest g is the ご of なまたまご itself, two morae on: an anticipation.
    expect(text.ja).toContain('「なまたまご」の「ご」の子音 g が先に出た');
    expect(text.en).toMatch(/^た \(ta\) → が \(ga\): the consonant g /);
    expect(text.en).toContain('g of the ご (go) in なまたまご (namatamago) came in early');
    expect(text.en).toContain('an intruder from later in the sentence');
    // The lab's own plain-word line spells the kana too.
    expect(explainError(error!).en).toBe(
      'た (ta) became が (ga): its consonant was carried over from elsewhere in the sentence.',
    );
  });

  it('says an anticipated mora came in early, from later in the sentence', () => {
    const s = sentence('あかまきがみ あおまきがみ きまきがみ');
    // The あお of the second word comes in early in the first: あおまきがみ… for あかまきがみ.
    const spoken = said('あおまきがみあおまきがみきまきがみ');
    const errors = annotate(s, spoken);
    const { caption, found } = slipResult('horizontal', s, spoken, errors);
    expect(found).toBe(true);
    expect(caption.en).toMatch(
      /^あかまきがみ \(akamakigami\) → あおまきがみ \(aomakigami\): the word あおまきがみ \(aomakigami\) came in early/,
    );
    expect(caption.en).toContain('from later in the sentence');
    expect(caption.ja).toContain('後で言うはずの「あおまきがみ」が先に出た');
  });

  it('says a vertical intruder is nowhere in the sentence', () => {
    const spoken = said('なまむぎなまごめなまだまご');
    const errors = annotate(namamugi, spoken);
    const { caption, found } = slipResult('vertical', namamugi, spoken, errors);
    expect(found).toBe(true);
    expect(caption.en).toMatch(/^た \(ta\) → だ \(da\): だ \(da\) is nowhere in the sentence/);
    expect(caption.ja).toContain('タテ型');
  });

  it('says so truthfully when a saying has no slip, or one of the other kind', () => {
    const right = said('なまむぎなまごめなまたまご');
    const none = slipResult('horizontal', namamugi, right, annotate(namamugi, right));
    expect(none.found).toBe(false);
    expect(none.caption.en).toBe(
      'This time it said なまむぎなまごめなまたまご (namamuginamagomenamatamago) right — no slip.',
    );
    const vertical = said('なまむぎなまごめなまだまご');
    const other = slipResult('horizontal', namamugi, vertical, annotate(namamugi, vertical));
    expect(other.found).toBe(false);
    expect(other.caption.en).toMatch(/^This slip was vertical instead: /);
  });

  it('introduces the twister and reports the repetition as it came out', () => {
    expect(twisterIntro('なまむぎ なまごめ').en).toContain('なまむぎなまごめ (namamuginamagome)');
    expect(repetitionResult(namamugi, namamugi.morae).en).toContain('all 13 morae right');
    expect(repetitionResult(namamugi, said('なまむぎなまごめ')).en).toContain(
      'even plain repetition slipped',
    );
  });
});
