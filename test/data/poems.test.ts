import { describe, expect, it } from 'vitest';
import {
  JOKA,
  POEMS,
  parsePoemLine,
  parsePoemTable,
  poemByNo,
  toCardKana,
  torifudaLines,
} from '../../src/data/poems';
import { GOSHIKI_GROUPS, goshikiIndex } from '../../src/data/goshiki';
import { validatePoem, validatePoems } from '../../src/data/validate';
import { GOSHIKI_COLORS } from '../../src/data/types';

describe('the poem data', () => {
  it('holds the 100 poems in order and validates clean', () => {
    expect(POEMS).toHaveLength(100);
    expect(POEMS.map((p) => p.no)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(validatePoems(POEMS)).toEqual([]);
  });

  it('holds the joka as poem 0 with no colour group', () => {
    expect(validatePoem(JOKA)).toEqual([]);
    expect(JOKA.no).toBe(0);
    expect(JOKA.poet).toBe('王仁');
    expect(JOKA.kami.kana).toBe('なにはづに さくやこのはな ふゆごもり');
    expect(JOKA.shimo.kana).toBe('いまをはるべと さくやこのはな');
    expect(JOKA.goshiki).toBeNull();
  });

  it('prints poem 17 as the card a player knows: からくれな / ゐにみつく / くるとは', () => {
    const p = poemByNo(17);
    expect(p.kami.card).toBe('ちはやふる かみよもきかす たつたかは');
    expect(p.kami.reading).toBe('ちはやぶる かみよもきかず たつたがわ');
    expect(p.torifuda).toEqual(['からくれな', 'ゐにみつく', 'くるとは']);
  });

  it("prints poem 21's last card line with six kana", () => {
    expect(poemByNo(21).torifuda).toEqual(['ありあけの', 'つきをまち', 'いてつるかな']);
  });

  it('finds poems by number and refuses numbers outside 0–100', () => {
    expect(poemByNo(0)).toBe(JOKA);
    expect(poemByNo(100).poet).toBe('順徳院');
    for (const bad of [-1, 101, 1.5, Number.NaN]) expect(() => poemByNo(bad)).toThrow(RangeError);
  });

  it('puts 20 poems in each five-colour group, each poem in exactly one', () => {
    const all = GOSHIKI_COLORS.flatMap((c) => GOSHIKI_GROUPS[c]);
    expect(new Set(all).size).toBe(100);
    for (const c of GOSHIKI_COLORS) expect(POEMS.filter((p) => p.goshiki === c)).toHaveLength(20);
    expect(goshikiIndex(86)).toBe(1);
    expect(goshikiIndex(0)).toBeNull();
  });
});

describe('card kana and torifuda derivation', () => {
  it('strips dakuten and handakuten but keeps small and historical kana', () => {
    expect(toCardKana('がぎぐげご ぱぴ ゐゑ きょ')).toBe('かきくけこ はひ ゐゑ きょ');
  });

  it('splits a lower half 5 / 5 / the rest, ignoring spaces', () => {
    expect(torifudaLines('わかころもては つゆにぬれつつ')).toEqual(['わかころも', 'てはつゆに', 'ぬれつつ']);
  });
});

describe('parsing the table', () => {
  const good =
    '17|在原業平朝臣|ありわらのなりひらあそん|ちはやぶる 神代も聞かず 竜田川 からくれなゐに 水くくるとは|ちはやぶる かみよもきかず たつたがは|からくれなゐに みづくくるとは|ちはやぶる かみよもきかず たつたがわ|からくれないに みずくくるとわ';

  it('parses a good line into the same poem as the data', () => {
    expect(parsePoemLine(good)).toEqual(poemByNo(17));
  });

  it('names the poem when a line is missing a field', () => {
    const broken = good.split('|').slice(0, 7).join('|');
    expect(() => parsePoemLine(broken)).toThrow(/^poem 17: expected 8 fields/);
  });

  it('names the poem when a line has a field too many', () => {
    expect(() => parsePoemTable(`${good}|extra`)).toThrow(/^poem 17: expected 8 fields .*found 9/);
  });

  it('names the line when the poem number itself is malformed', () => {
    expect(() => parsePoemLine(good.replace(/^17/, 'x7'))).toThrow(/^line "x7\|在原業平朝臣/);
  });
});
