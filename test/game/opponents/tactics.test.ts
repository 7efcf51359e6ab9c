import { describe, expect, it } from 'vitest';
import { staticKimariji } from '../../../src/data/kimariji';
import { arrangeTerritory, sendCandidates, tomofudaOf } from '../../../src/game/opponents/tactics';
import { apply, createMatch, layRows } from '../../../src/game/rules';

const ALL = Array.from({ length: 100 }, (_, i) => i + 1);

describe('the 定位置 layout', () => {
  it('keeps the same cards and row sizes, and is the same for the same hand', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const dealt = createMatch({ mode: 'competitive', seed }).territories[1];
      const rows = arrangeTerritory(dealt);
      expect(rows.map((r) => r.length)).toEqual(dealt.map((r) => r.length));
      expect(rows.flat().sort((a, b) => a - b)).toEqual(dealt.flat().sort((a, b) => a - b));
      expect(arrangeTerritory([[...dealt[2]], [...dealt[0]], [...dealt[1]]].map((r) => r))).toBeDefined();
      // The rules accept it as a rearrangement during memorization.
      const state = createMatch({ mode: 'competitive', seed });
      const result = apply(state, { type: 'layout', player: 1, rows: rows as never });
      expect(result.ok).toBe(true);
    }
  });

  it('puts the quickest cards in the 下段 and the 大山札 in the 上段', () => {
    // 87 (む, one sound), 31 and 64 (あさぼらけ, six sounds), and 3 others.
    const rows = arrangeTerritory(layRows([31, 87, 64, 18, 57, 22, 15, 50, 70, 81, 77, 2, 5, 72, 99]));
    const bottom = rows[2]!;
    expect(bottom).toContain(87);
    expect(rows[0]).toContain(31);
    expect(rows[0]).toContain(64);
    // 友札 lie side by side.
    const top = rows[0]!;
    expect(Math.abs(top.indexOf(31) - top.indexOf(64))).toBe(1);
    expect(Math.max(...bottom.map((no) => staticKimariji(no).length))).toBeLessThanOrEqual(
      Math.min(...top.map((no) => staticKimariji(no).length)),
    );
  });

  it('is refused by the rules with other cards or other row sizes, and after memorization', () => {
    const state = createMatch({ mode: 'competitive', seed: 1 });
    const own = state.territories[1];
    const moved = [own[0].slice(1), [...own[1], own[0][0]!], own[2]] as const;
    expect(apply(state, { type: 'layout', player: 1, rows: moved }).ok).toBe(false);
    const foreign = [own[0], own[1], [...own[2].slice(1), state.territories[0][0][0]!]] as const;
    expect(apply(state, { type: 'layout', player: 1, rows: foreign }).ok).toBe(false);
    const started = apply(state, { type: 'endMemorization' });
    if (!started.ok) throw new Error('endMemorization refused');
    expect(apply(started.state, { type: 'layout', player: 1, rows: own }).ok).toBe(false);
  });
});

describe('送り札', () => {
  it('splits a 友札 pair it holds: one of あさぼらけ (31, 64) rather than a lone card', () => {
    expect(tomofudaOf(31, ALL)).toEqual([64]);
    const choices = sendCandidates([31, 64, 87, 18, 44], ALL);
    expect(choices.sort()).toEqual([31, 64]);
  });

  it('without a pair to split, sends the card decided last (longest kimariji now)', () => {
    // 87 む and 18 す are decided at one sound, 44 おおこ at three.
    expect(sendCandidates([87, 44, 18], ALL)).toEqual([44]);
    // With 64 read, 31 is no longer a pair with anything it holds: the longest wins.
    expect(
      sendCandidates(
        [87, 31, 18],
        ALL.filter((no) => no !== 64),
      ),
    ).toEqual([31]);
  });
});
