import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { makeConfig, PRESETS } from '../../src/model/config';
import { Transformer } from '../../src/model/transformer';
import type { Pair } from '../../src/training/dataset';
import { beliefInTargets } from '../../src/training/metrics';

describe('beliefInTargets', () => {
  const model = Transformer.create(
    makeConfig(PRESETS.tiny, { sourceVocabSize: 9, targetVocabSize: 9 }),
    createRng(5),
  );
  const candidates = [
    [4, 5, 6],
    [4, 6, 5],
    [7, 8],
    [8, 7, 4],
  ];
  const pairs: Pair[] = [
    { source: [4, 5], target: [4, 5, 6] },
    { source: [6], target: [7, 8] },
    { source: [4, 5], target: [4, 6, 5] },
    { source: [7, 7, 8], target: [8, 7, 4] },
    { source: [5], target: [4, 5, 6] },
  ];

  it('gives each pair its softmax share among the candidates: the beliefs of one source sum to 1', () => {
    const all = beliefInTargets(model, pairs, candidates);
    expect(all).toHaveLength(pairs.length);
    for (const p of all) expect(p).toBeGreaterThan(0);
    const sameSource = beliefInTargets(
      model,
      candidates.map((target) => ({ source: [4, 5], target })),
      candidates,
    );
    expect(sameSource.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('stops at the first belief the caller says is enough, with the beliefs found so far', () => {
    const all = beliefInTargets(model, pairs, candidates);
    const seen: number[] = [];
    const cut = beliefInTargets(model, pairs, candidates, (p, i) => {
      expect(p).toBe(all[i]);
      seen.push(i);
      return i === 2;
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(cut).toEqual(all.slice(0, 3));
    expect(beliefInTargets(model, pairs, candidates, () => false)).toEqual(all);
  });
});
