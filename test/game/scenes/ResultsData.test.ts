import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/game/scenes/ResultsData';
import { playReading, territoryMatch, touch } from '../rules/fixtures';

describe('the results summary', () => {
  // Player 0 holds 17 (ちは, two sounds while 42 and 75 are unread) and 1; player 1 holds 87 (む).
  const rest = Array.from({ length: 100 }, (_, i) => i + 1).filter((no) => ![17, 50, 87].includes(no));
  const start = territoryMatch([17, 1], [87], [17, 50, 87, ...rest]);
  const afterFirst = playReading(start, [touch(0, 17, 900, 3)]).state;
  const afterSecond = playReading(afterFirst, [touch(1, 1, 1000, 2)]).state;
  const sent = { ...afterSecond, phase: 'between' as const, pendingSend: null };
  const over = playReading(sent, [touch(1, 87, 700, 1)]).state;
  const summary = summarize(over);

  it('lists each field card with who took it and the sounds heard past its kimariji', () => {
    expect(summary.cards[0]).toMatchObject({
      poem: 17,
      kimariji: 'ちは',
      taker: 0,
      afterKimariji: 1,
      onField: true,
    });
    expect(summary.cards.find((c) => c.poem === 87)).toMatchObject({
      kimariji: 'む',
      taker: 1,
      afterKimariji: 0,
    });
  });

  it('lists a karafuda only when somebody faulted on it, with the faults', () => {
    expect(summary.cards[1]).toMatchObject({ poem: 50, onField: false, taker: null, faults: [0, 1] });
    expect(summary.faults).toEqual([0, 1]);
  });

  it('gives the winner, the cards taken and each player’s median sounds after the kimariji', () => {
    expect(summary.winner).toBe(over.winner);
    expect(summary.taken).toEqual([1, 1]);
    expect(summary.medianAfter).toEqual([1, 0]);
  });
});
