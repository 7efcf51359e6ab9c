import { describe, expect, it } from 'vitest';
import { sameInitial, staticKimariji, tomofuda } from '../../../src/data/kimariji';
import { cardStats } from '../../../src/game/stats/aggregate';
import { kikiwakeRounds, nagashiDeck, weakDeal } from '../../../src/game/stats/drills';
import { simulateMatch } from '../../../src/game/stats/synthetic';

describe('the drill dealers', () => {
  it('deal the same drill for the same seed and another for another seed', () => {
    expect(nagashiDeck(7)).toEqual(nagashiDeck(7));
    expect(nagashiDeck(7)).not.toEqual(nagashiDeck(8));
    expect(kikiwakeRounds(7)).toEqual(kikiwakeRounds(7));
  });

  it('札流し: four different kimariji per card, the right one at `answer`, weak cards first', () => {
    const deck = nagashiDeck(3, 20, [17, 77]);
    expect(
      deck
        .slice(0, 2)
        .map((f) => f.poem)
        .sort(),
    ).toEqual([17, 77]);
    expect(new Set(deck.map((f) => f.poem)).size).toBe(20);
    for (const flip of deck) {
      expect(new Set(flip.choices).size).toBe(4);
      expect(flip.choices[flip.answer]).toBe(staticKimariji(flip.poem).morae.join(''));
    }
  });

  it('聞き分け: the poem among its 友札 only', () => {
    for (const round of kikiwakeRounds(4, 20)) {
      expect(round.choices).toContain(round.poem);
      expect(round.choices.length).toBeGreaterThanOrEqual(2);
      const group = tomofuda(round.poem).length ? tomofuda(round.poem) : sameInitial(round.poem);
      for (const c of round.choices) if (c !== round.poem) expect(group).toContain(c);
    }
  });

  it('the weak-cards game deals the slowest cards far more often than chance', () => {
    const history = Array.from({ length: 20 }, (_, i) =>
      simulateMatch(i, { lateMorae: 0, faultRate: 0, slowOn: [8, 44, 77] }),
    );
    const stats = cardStats(history);
    let hits = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const deal = weakDeal(seed, stats, 12);
      expect(new Set(deal).size).toBe(12);
      hits += deal.filter((c) => [8, 44, 77].includes(c)).length;
    }
    // Chance would deal each card 12 % of the time: 3 × 200 × 0.12 = 72.
    expect(hits / (3 * 200)).toBeGreaterThan(0.5);
    expect(weakDeal(5, stats)).toEqual(weakDeal(5, stats));
  });
});
