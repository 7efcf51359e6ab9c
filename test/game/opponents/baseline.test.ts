import { describe, expect, it } from 'vitest';
import { toMorae } from '../../../src/data/mora';
import { poemByNo } from '../../../src/data/poems';
import { BASELINE_PRESETS, BaselineOpponent, MIN_REACTION_MS } from '../../../src/game/opponents/baseline';
import type { FieldView, Reach } from '../../../src/game/opponents/opponent';

const ALL = Array.from({ length: 100 }, (_, i) => i + 1);
const MORA_MS = 300;
const EXACT = { reactionMs: 500, reactionSdMs: 0, faultRate: 0 };

function view(own: number[], other: number[], unread: number[] = ALL): FieldView {
  return { own, other, common: [], unread };
}

/** Plays poem `no`'s upper half to the opponent; returns each reach with the mora it answered. */
function listen(opponent: BaselineOpponent, no: number, field: FieldView): { reach: Reach; mora: number }[] {
  opponent.beginReading(field);
  const reaches: { reach: Reach; mora: number }[] = [];
  toMorae(poemByNo(no).kami.reading).forEach((mora, index) => {
    const reach = opponent.hear({ index, mora, atMs: index * MORA_MS });
    if (reach) reaches.push({ reach, mora: index });
  });
  return reaches;
}

describe('the listening baseline', () => {
  it.each([
    { name: 'a one-sound card (87 む) after the first mora', no: 87, decidingMora: 0 },
    { name: '17 ちは after the second mora', no: 17, decidingMora: 1 },
    { name: 'the one-sound card 81 ほととぎす after ほ', no: 81, decidingMora: 0 },
    { name: 'a 大山札 (8 わがいおは) only after its kimariji', no: 8, decidingMora: 2 },
    { name: '70 さびしさに after さ', no: 70, decidingMora: 0 },
  ])('reaches for $name, a reaction time after the deciding mora', ({ no, decidingMora }) => {
    const reaches = listen(new BaselineOpponent(EXACT, 1), no, view([no, 1, 2], [3, 4]));
    expect(reaches).toEqual([
      { reach: { card: no, atMs: decidingMora * MORA_MS + 500 }, mora: decidingMora },
    ]);
  });

  it('reaches into either territory', () => {
    const reaches = listen(new BaselineOpponent(EXACT, 1), 17, view([1], [17]));
    expect(reaches.map((r) => r.reach.card)).toEqual([17]);
  });

  it('never reaches when the poem read is a karafuda, even with look-alikes on the field', () => {
    // 42 ちぎりき is read while 75 ちぎりお and 17 ちは are on the field.
    expect(listen(new BaselineOpponent(EXACT, 1), 42, view([75], [17]))).toEqual([]);
  });

  it('follows the dynamic kimariji: 63 いまは is decided at いま once 21 いまこ has been read', () => {
    const unread = ALL.filter((no) => no !== 21);
    const reaches = listen(new BaselineOpponent(EXACT, 1), 63, view([63], [], unread));
    expect(reaches[0]?.mora).toBe(1);
    const before = listen(new BaselineOpponent(EXACT, 1), 63, view([63], []));
    expect(before[0]?.mora).toBe(2);
  });

  it('stops listening to a reading once nothing consistent with it is on the field', () => {
    // After む only 87 is possible; it is not on the field, so nothing happens at any mora.
    expect(listen(new BaselineOpponent(EXACT, 1), 87, view([17], [42]))).toEqual([]);
  });

  it('with a fault rate of 1 jumps one sound early on tomofuda and corrects itself', () => {
    // 42 ちぎりき and 75 ちぎりお split at the fourth mora; both on the field.
    const reaches = listen(new BaselineOpponent({ ...EXACT, faultRate: 1 }, 7), 42, view([42], [75]));
    expect(reaches[0]?.mora).toBe(2);
    const guessed = reaches[0]?.reach.card;
    if (guessed === 42) expect(reaches).toHaveLength(1);
    else expect(reaches.map((r) => r.reach.card)).toEqual([75, 42]);
  });

  it('never jumps early with a fault rate of 0', () => {
    const reaches = listen(new BaselineOpponent(EXACT, 7), 42, view([42], [75]));
    expect(reaches.map((r) => r.mora)).toEqual([3]);
  });

  it('decides the same from the same sounds: two poems sharing an opening get the same answers so far', () => {
    // 42 and 75 share ちぎり: the answers to those three morae cannot depend on which is read.
    const a = new BaselineOpponent({ ...BASELINE_PRESETS.advanced }, 3);
    const b = new BaselineOpponent({ ...BASELINE_PRESETS.advanced }, 3);
    a.beginReading(view([42, 75], []));
    b.beginReading(view([42, 75], []));
    const heardA = toMorae(poemByNo(42).kami.reading).slice(0, 3);
    const heardB = toMorae(poemByNo(75).kami.reading).slice(0, 3);
    expect(heardA).toEqual(heardB);
    heardA.forEach((mora, index) => {
      expect(a.hear({ index, mora, atMs: index * MORA_MS })).toEqual(
        b.hear({ index, mora, atMs: index * MORA_MS }),
      );
    });
  });

  it('reacts no faster than a human can, and faster at higher difficulty', () => {
    const median = (preset: keyof typeof BASELINE_PRESETS): number => {
      const delays: number[] = [];
      for (let seed = 0; seed < 60; seed++) {
        const [first] = listen(new BaselineOpponent(BASELINE_PRESETS[preset], seed), 87, view([87], []));
        if (first) delays.push(first.reach.atMs);
      }
      delays.sort((x, y) => x - y);
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(MIN_REACTION_MS);
      return delays[Math.floor(delays.length / 2)] ?? Infinity;
    };
    const medians = (['beginner', 'intermediate', 'advanced', 'master'] as const).map(median);
    expect([...medians].sort((x, y) => y - x)).toEqual(medians);
  });

  it('samples reaction times around the preset mean from the first reading of a fresh seed', () => {
    const delays: number[] = [];
    for (let seed = 0; seed < 80; seed++) {
      const opponent = new BaselineOpponent({ reactionMs: 500, reactionSdMs: 100, faultRate: 0 }, seed);
      const [first] = listen(opponent, 87, view([87], []));
      if (first) delays.push(first.reach.atMs);
    }
    delays.sort((x, y) => x - y);
    expect(delays[40]).toBeGreaterThan(450);
    expect(delays[40]).toBeLessThan(550);
  });

  it('sends the card of its own decided last, never one from the other side', () => {
    // 8 わがいおは (3 sounds once 9 and others are in play) vs 87 む (1 sound): it sends 8.
    const opponent = new BaselineOpponent(EXACT, 1);
    expect(opponent.chooseSend(view([87, 8], [77]))).toBe(8);
  });
});
