import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LEARNING_INITIALS,
  decidedAfter,
  kimariji,
  kimarijiLength,
  kimarijiTable,
  learningOrder,
  sameInitial,
  shimoKimariji,
  staticKimariji,
  tomofuda,
} from '../../src/data/kimariji';
import { POEMS } from '../../src/data/poems';

const ALL = POEMS.map((p) => p.no);
const without = (...read: number[]): number[] => ALL.filter((no) => !read.includes(no));
const shown = (no: number, unread: number[] = ALL): string => kimariji(no, unread).morae.join('');

describe('kimariji at the start of a game', () => {
  it('has the published distribution of lengths: 7 / 42 / 37 / 6 / 2 / 6', () => {
    const counts = [0, 0, 0, 0, 0, 0, 0];
    for (const no of ALL) counts[staticKimariji(no).length]! += 1;
    expect(counts).toEqual([0, 7, 42, 37, 6, 2, 6]);
  });

  it('has exactly the seven one-sound cards む す め ふ さ ほ せ', () => {
    const one = ALL.filter((no) => staticKimariji(no).length === 1);
    expect(one.map((no) => shown(no)).sort()).toEqual([...'むすめふさほせ'].sort());
    expect(one).toEqual([18, 22, 57, 70, 77, 81, 87]);
  });

  it('has the three pairs of six-sound cards (大山札)', () => {
    const six = ALL.filter((no) => staticKimariji(no).length === 6).map((no) => shown(no));
    expect(six.sort()).toEqual(
      ['あさぼらけあ', 'あさぼらけう', 'きみがためお', 'きみがためは', 'わたのはらこ', 'わたのはらや'].sort(),
    );
  });

  it('decides 44 おうこ by sound, as お-お-こ against 60 おおえ and 95 おおけ', () => {
    expect(staticKimariji(44)).toEqual({
      length: 3,
      morae: ['お', 'う', 'こ'],
      sounds: ['お', 'お', 'こ'],
      kana: ['あ', 'ふ', 'こ'],
    });
    expect(shown(60)).toBe('おおえ');
    expect(shown(95)).toBe('おおけ');
    expect(shown(26)).toBe('おぐ');
  });

  it('decides the two-sound ちは and the three-sound ちぎりき / ちぎりお', () => {
    expect(shown(17)).toBe('ちは');
    expect(shown(42)).toBe('ちぎりき');
    expect(shown(75)).toBe('ちぎりお');
  });
});

describe('kimariji during a game', () => {
  it('shortens いまは (63) to いま once いまこ (21) is read, then to い once いに (61) is read too', () => {
    expect(shown(63)).toBe('いまわ');
    expect(shown(63, without(21))).toBe('いま');
    expect(shown(63, without(21, 61))).toBe('い');
  });

  it('shortens はるす (2) to はる once はるの (67) is read', () => {
    expect(shown(2)).toBe('はるす');
    expect(shown(2, without(67))).toBe('はる');
  });

  it('compares a poem with the other unread poems whether or not it is in the set itself', () => {
    const others = without(63, 21);
    expect(kimarijiLength(63, others)).toBe(kimarijiLength(63, without(21)));
  });

  it('gives length 0 to the last poem left to read', () => {
    expect(kimariji(5, [5])).toEqual({ length: 0, morae: [], sounds: [], kana: [] });
    expect(kimarijiLength(5, [])).toBe(0);
  });

  it('never lengthens a kimariji as poems are read (any subset of the 100)', () => {
    fc.assert(
      fc.property(fc.subarray(ALL, { minLength: 1 }), (unread) => {
        for (const no of unread)
          expect(kimarijiLength(no, unread)).toBeLessThanOrEqual(staticKimariji(no).length);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('decides exactly one unread poem after hearing its kimariji, and not before', () => {
    fc.assert(
      fc.property(fc.subarray(ALL, { minLength: 2 }), (unread) => {
        for (const no of unread) {
          const k = kimariji(no, unread);
          expect(decidedAfter(k.morae, unread)).toEqual([no]);
          expect(decidedAfter(k.morae.slice(0, -1), unread).length).toBeGreaterThan(1);
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('recomputes every unread poem at once', () => {
    const table = kimarijiTable(without(21));
    expect(table.size).toBe(99);
    expect(table.get(63)?.length).toBe(2);
    expect(table.has(21)).toBe(false);
  });

  it('refuses a poem number that is not a card', () => {
    expect(() => kimariji(0, ALL)).toThrow(RangeError);
    expect(() => kimariji(5, [101])).toThrow(RangeError);
  });
});

describe('decidedAfter', () => {
  it('keeps every unread poem before a sound is heard', () => {
    expect(decidedAfter([], without(1))).toEqual(without(1));
  });

  it('narrows the お cards by sound: お then お leaves 44, 60 and 95', () => {
    expect(decidedAfter(['お'], ALL)).toEqual([5, 26, 44, 60, 72, 82, 95]);
    expect(decidedAfter(['お', 'お'], ALL)).toEqual([44, 60, 95]);
    expect(decidedAfter(['お', 'う'], ALL)).toEqual([44, 60, 95]);
  });

  it('leaves nothing when what was heard opens no unread poem', () => {
    expect(decidedAfter(['む'], without(87))).toEqual([]);
  });
});

describe('tomofuda and same initial', () => {
  it('groups the poems that share the opening up to the deciding sound', () => {
    expect(tomofuda(17)).toEqual([42, 75]);
    expect(tomofuda(44)).toEqual([60, 95]);
    expect(tomofuda(31)).toEqual([64]);
    expect(tomofuda(15)).toEqual([50]);
    expect(tomofuda(87)).toEqual([]);
  });

  it('is mutual between cards decided at the same depth (ちぎりき and ちぎりお)', () => {
    for (const no of ALL) {
      for (const other of tomofuda(no)) {
        if (staticKimariji(other).length === staticKimariji(no).length) expect(tomofuda(other)).toContain(no);
      }
    }
    expect(tomofuda(42)).toEqual([75]);
    expect(tomofuda(3)).toEqual(sameInitial(3));
  });

  it('lists the poems with the same first sound', () => {
    expect(sameInitial(17)).toEqual([42, 75]);
    expect(sameInitial(18)).toEqual([]);
    expect(sameInitial(1)).toHaveLength(15);
  });
});

describe('learning order', () => {
  it('lists all 100 poems once, the seven one-sound cards first', () => {
    const order = learningOrder();
    expect(new Set(order).size).toBe(100);
    expect(order.slice(0, 7).map((no) => shown(no))).toEqual([...'むすめふさほせ']);
  });

  it('groups initials in order of how many poems share them', () => {
    const sizes = LEARNING_INITIALS.slice(7).map((s) => decidedAfter([s], ALL).length);
    expect(sizes).toEqual([2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 6, 6, 7, 7, 8, 16]);
  });

  it('keeps tomofuda next to each other and ends with the six-sound あさぼらけ pair', () => {
    const order = learningOrder();
    expect(order.slice(-2)).toEqual([31, 64]);
    const at = (no: number): number => order.indexOf(no);
    expect(Math.abs(at(42) - at(75))).toBe(1);
    expect(at(17)).toBeLessThan(at(42));
  });
});

describe('lower-half kimariji on the card face', () => {
  it('tells apart the two わかころもて cards only at their seventh kana', () => {
    expect(shimoKimariji(1)).toBe('わがころもでは');
    expect(shimoKimariji(15)).toBe('わがころもでに');
  });

  it('decides ころもほ (2) against ころもか (91) and こゑ (5) against the other こ cards', () => {
    expect(shimoKimariji(2)).toBe('ころもほ');
    expect(shimoKimariji(91)).toBe('ころもか');
    expect(shimoKimariji(5)).toBe('こゑ');
  });

  it('is a different opening for every card', () => {
    expect(new Set(POEMS.map((p) => shimoKimariji(p.no))).size).toBe(100);
  });
});
