import { describe, expect, it } from 'vitest';
import { galleryOrder, kimarijiLength, kimarijiText, tomofudaOf } from '../../../src/game/scenes/GalleryData';

describe('the gallery orders', () => {
  it('shows every card exactly once in each order', () => {
    for (const sort of ['number', 'kimariji', 'learning'] as const) {
      expect([...galleryOrder(sort)].sort((a, b) => a - b)).toEqual(galleryOrder('number'));
    }
    expect(galleryOrder('number')).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('sorts by kimariji length from the seven one-sound cards to the six six-sound cards', () => {
    const order = galleryOrder('kimariji');
    const lengths = order.map(kimarijiLength);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(order.slice(0, 7)).toEqual([18, 22, 57, 70, 77, 81, 87]);
    expect(lengths.slice(-6)).toEqual([6, 6, 6, 6, 6, 6]);
  });

  it('starts the learning order with む す め ふ さ ほ せ', () => {
    expect(galleryOrder('learning').slice(0, 7).map(kimarijiText)).toEqual([
      'む',
      'す',
      'め',
      'ふ',
      'さ',
      'ほ',
      'せ',
    ]);
  });
});

describe('kimariji labels and tomofuda', () => {
  it('labels a card with its deciding sounds as written in the modern reading', () => {
    expect(kimarijiText(17)).toBe('ちは');
    expect(kimarijiText(44)).toBe('おうこ');
    expect(kimarijiText(76)).toBe('わたのはらこ');
  });

  it('lists the rivals of a card as its tomofuda, none for a one-sound card', () => {
    expect(tomofudaOf(17).sort((a, b) => a - b)).toEqual([42, 75]);
    expect(tomofudaOf(87)).toEqual([]);
  });
});
