import { describe, expect, it } from 'vitest';
import { moraCount, soundKeys, toMorae, vowelOf } from '../../src/data/mora';
import { POEMS } from '../../src/data/poems';

describe('toMorae', () => {
  it.each([
    ['きょう', ['きょ', 'う']],
    ['こいすちょう', ['こ', 'い', 'す', 'ちょ', 'う']],
    ['ほっしょうじ', ['ほ', 'っ', 'しょ', 'う', 'じ']],
    ['いまこんと', ['い', 'ま', 'こ', 'ん', 'と']],
    ['あきのたの かりおの', ['あ', 'き', 'の', 'た', 'の', 'か', 'り', 'お', 'の']],
    ['くゎ', ['くゎ']],
  ])('splits %s into its morae', (reading, morae) => {
    expect(toMorae(reading)).toEqual(morae);
  });

  it('keeps a stray small kana at the start as a mora of its own instead of losing it', () => {
    expect(toMorae('ょう')).toEqual(['ょ', 'う']);
  });

  it('returns nothing for an empty or all-space reading', () => {
    expect(toMorae('')).toEqual([]);
    expect(toMorae('  ')).toEqual([]);
  });

  it('counts five, seven and five morae in a regular upper half (poem 2)', () => {
    const kami = POEMS[1]!.kami.reading.split(' ');
    expect(kami.map(moraCount)).toEqual([5, 7, 5]);
  });
});

describe('soundKeys', () => {
  it('hears う after an o-row mora as お, so 44 おうこと opens like 60 おおえ', () => {
    expect(soundKeys('おうことの')).toEqual(['お', 'お', 'こ', 'と', 'の']);
    expect(soundKeys('おおえやま').slice(0, 2)).toEqual(soundKeys('おうことの').slice(0, 2));
  });

  it('hears the long o of a yōon too (ちょう → ちょ お)', () => {
    expect(soundKeys('ちょう')).toEqual(['ちょ', 'お']);
  });

  it('keeps う after other rows as う (ゆう, くう)', () => {
    expect(soundKeys('ゆうされば').slice(0, 2)).toEqual(['ゆ', 'う']);
    expect(soundKeys('くう')).toEqual(['く', 'う']);
  });

  it('hears を as お', () => {
    expect(soundKeys('よを')).toEqual(['よ', 'お']);
  });
});

describe('vowelOf', () => {
  it.each([
    ['か', 'a'],
    ['しょ', 'o'],
    ['ゐ', 'i'],
    ['ん', null],
    ['っ', null],
  ])('gives the vowel of %s', (mora, vowel) => {
    expect(vowelOf(mora)).toBe(vowel);
  });
});
