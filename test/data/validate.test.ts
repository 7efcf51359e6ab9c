import { describe, expect, it } from 'vitest';
import { POEMS, poemByNo } from '../../src/data/poems';
import { validatePoem, validatePoems } from '../../src/data/validate';
import type { Poem } from '../../src/data/types';

// Deliberately broken copies of real poems. The casts stand in for data that arrives malformed
// (a hand-edited table, a JSON file): the type system cannot see those.
function broken(no: number, change: (p: Record<string, unknown>) => void): Poem {
  const copy = structuredClone(poemByNo(no)) as unknown as Record<string, unknown>;
  change(copy);
  return copy as unknown as Poem;
}

function half(p: Record<string, unknown>, which: 'kami' | 'shimo'): Record<string, unknown> {
  return p[which] as Record<string, unknown>;
}

const CASES: [string, Poem, string][] = [
  ['an empty reading', broken(17, (p) => (half(p, 'shimo').reading = '')), 'poem 17: shimo.reading is empty'],
  ['a missing poet', broken(3, (p) => delete p.poet), 'poem 3: poet is missing'],
  ['a missing lower half', broken(5, (p) => delete p.shimo), 'poem 5: shimo is missing'],
  [
    'an upper half with two phrases',
    broken(9, (p) => (half(p, 'kami').kana = 'はなのいろは うつりにけりないたづらに')),
    'poem 9: kami.kana has 2 phrases, expected 3',
  ],
  [
    'a lower half with three phrases',
    broken(10, (p) => (half(p, 'shimo').reading = 'しるも しらぬも おうさかのせき')),
    'poem 10: shimo.reading has 3 phrases, expected 2',
  ],
  [
    'katakana in the kana',
    broken(20, (p) => (half(p, 'kami').kana = 'ワびぬれば いまはたおなじ なにはなる')),
    'poem 20: kami.kana has characters outside hiragana in "ワびぬれば"',
  ],
  [
    'kanji in the reading',
    broken(30, (p) => (half(p, 'kami').reading = '有明の つれなくみえし わかれより')),
    'poem 30: kami.reading has characters outside hiragana in "有明の"',
  ],
  [
    'dakuten on the card',
    broken(2, (p) => (half(p, 'kami').card = 'はるすぎて なつきにけらし しろたへの')),
    'poem 2: kami.card contains dakuten',
  ],
  [
    'a card that is not the kana',
    broken(2, (p) => (half(p, 'kami').card = 'はるすきて なつきにけらし しろたえの')),
    'poem 2: kami.card is not kami.kana without dakuten',
  ],
  [
    'ゐ left in a modern reading',
    broken(17, (p) => (half(p, 'shimo').reading = 'からくれなゐに みずくくるとわ')),
    'poem 17: shimo.reading contains historical kana ゐ/ゑ',
  ],
  [
    'a reading with a mora too many',
    broken(54, (p) => (half(p, 'shimo').reading = 'きようをかぎりの いのちともがな')),
    'poem 54: shimo.reading phrase 1 has 8 morae, shimo.kana has 7',
  ],
  [
    'two torifuda lines',
    broken(17, (p) => (p.torifuda = ['からくれなゐに', 'みつくくるとは'])),
    'poem 17: torifuda is not 3 lines',
  ],
  [
    'torifuda split 4 / 6 / rest',
    broken(17, (p) => (p.torifuda = ['からくれ', 'なゐにみつ', 'くくるとは'])),
    'poem 17: torifuda lines are not 5 / 5 / the rest',
  ],
  [
    'torifuda of another poem',
    broken(17, (p) => (p.torifuda = poemByNo(18).torifuda)),
    'poem 17: torifuda does not spell shimo.card',
  ],
  [
    'an unknown colour',
    broken(40, (p) => (p.goshiki = '赤')),
    'poem 40: goshiki is not one of 桃 青 黄 緑 橙',
  ],
  [
    'a kanji text of four phrases',
    broken(1, (p) => (p.kanji = '秋の田の かりほの庵の 苫をあらみ わが衣手は露にぬれつつ')),
    'poem 1: kanji has 4 phrases, expected 5',
  ],
  ['a number out of range', broken(1, (p) => (p.no = 101)), 'poem 101: no must be an integer from 0 to 100'],
];

describe('validatePoem', () => {
  it.each(CASES)('reports %s naming the poem and field', (_what, poem, message) => {
    expect(validatePoem(poem)).toContain(message);
  });

  it('reports nothing for every real poem', () => {
    for (const poem of POEMS) expect(validatePoem(poem), `poem ${poem.no}`).toEqual([]);
  });
});

describe('validatePoems', () => {
  it('reports a poem out of place and a missing poem', () => {
    const swapped = [...POEMS];
    swapped[3] = POEMS[4]!;
    swapped[4] = POEMS[3]!;
    const problems = validatePoems(swapped);
    expect(problems).toContain('poem 5: found at position 4');
    expect(validatePoems(POEMS.slice(0, 99))).toContain('the list has 99 poems, expected 100');
  });

  it('reports a colour group that is not 20 poems', () => {
    const moved = POEMS.map((p) => (p.no === 1 ? { ...p, goshiki: '青' as const } : p));
    const problems = validatePoems(moved);
    expect(problems).toContain('goshiki 桃 has 19 poems, expected 20');
    expect(problems).toContain('goshiki 青 has 21 poems, expected 20');
  });

  it('carries each poem’s own problems through', () => {
    const list = POEMS.map((p) => (p.no === 17 ? CASES[0]![1] : p));
    expect(validatePoems(list)).toEqual(['poem 17: shimo.reading is empty']);
  });
});
