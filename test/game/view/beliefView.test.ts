// The belief list's choice of candidates: most believed first, poems off the field marked as
// karafuda, faint beliefs left out.
import { describe, expect, it } from 'vitest';
import { topCandidates } from '../../../src/game/view/beliefView';

describe('topCandidates', () => {
  const belief = new Map([
    [83, 0.2],
    [93, 0.7],
    [12, 0.005],
    [1, 0.05],
    [2, 0.05],
  ]);

  it('lists the most believed first, ties by number, and leaves out beliefs under 1 %', () => {
    expect(topCandidates(belief, new Set([83, 1, 2])).map((c) => c.poem)).toEqual([93, 83, 1, 2]);
  });

  it('marks a poem whose card is not on the field as karafuda', () => {
    const [first, second] = topCandidates(belief, new Set([83]));
    expect(first).toEqual({ poem: 93, p: 0.7, karafuda: true });
    expect(second).toEqual({ poem: 83, p: 0.2, karafuda: false });
  });

  it('shows at most n', () => {
    expect(topCandidates(belief, new Set(), 2)).toHaveLength(2);
  });
});
