import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/game/scenes/ResultsData';
import { mustApply, playReading, territoryMatch, touch } from '../rules/fixtures';

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

describe('the results summary of a match with a send', () => {
  // Player 0 takes the opponent's 87 (and owes a send), sends 1; player 1 holds 2 and 87.
  const rest = Array.from({ length: 100 }, (_, i) => i + 1).filter((no) => ![87, 2].includes(no));
  const start = territoryMatch([17, 1], [87, 2], [87, ...rest]);
  const settled = playReading(start, [touch(0, 87, 640, 1)]).state;
  const sentState = mustApply(settled, { type: 'send', player: 0, card: 1 });
  const summary = summarize(sentState);

  it('gives whose side the card lay on, who took it, in ms, and who sent what to whom', () => {
    expect(summary.cards[0]).toMatchObject({
      poem: 87,
      lay: 1,
      taker: 0,
      takeMs: 640,
      sent: [1],
      send: { from: 0, to: 1, count: 1 },
    });
  });

  it('gives the cards left on each side and the margin (枚差)', () => {
    expect(summary.left).toEqual([1, 2]);
    expect(summary.margin).toBe(1);
  });
});
