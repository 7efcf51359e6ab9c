import { describe, expect, it } from 'vitest';
import { formatDuration, RecentMean, timeLeft } from '../../src/training/eta';

describe('time left in a run', () => {
  it('counts the evaluations as well as the steps', () => {
    // The reported case: 27 s of steps left and three evaluations of 10–11 s each.
    const left = timeLeft({
      stepsLeft: 54,
      secondsPerStep: 0.5,
      evaluationsLeft: 3,
      secondsPerEvaluation: 10.5,
    });
    expect(left.seconds).toBeCloseTo(27 + 31.5);
    expect(left.includesEvaluation).toBe(true);
  });

  it('says when no evaluation has been timed yet', () => {
    const left = timeLeft({
      stepsLeft: 10,
      secondsPerStep: 1,
      evaluationsLeft: 2,
      secondsPerEvaluation: NaN,
    });
    expect(left).toEqual({ seconds: 10, includesEvaluation: false });
  });

  it('subtracts the evaluation already under way', () => {
    const left = timeLeft({
      stepsLeft: 0,
      secondsPerStep: 1,
      evaluationsLeft: 1,
      secondsPerEvaluation: 10,
      evaluatingFor: 4,
    });
    expect(left.seconds).toBe(6);
  });
});

describe('formatDuration', () => {
  it.each([
    [45, '45 秒', '45 s'],
    [725, '12 分 05 秒', '12 min 05 s'],
    [3 * 3600 + 5 * 60, '3 時間 05 分', '3 h 05 min'],
    // 15813:47 as minutes:seconds was printed for this.
    [15813 * 60 + 47, '10 日 23 時間', '10 d 23 h'],
  ])('%d s reads %s / %s', (seconds, ja, en) => {
    expect(formatDuration(seconds, 'ja')).toBe(ja);
    expect(formatDuration(seconds, 'en')).toBe(en);
  });

  it('shows a dash for nonsense', () => {
    expect(formatDuration(NaN, 'en')).toBe('—');
    expect(formatDuration(-1, 'ja')).toBe('—');
  });
});

describe('RecentMean', () => {
  it('follows the recent samples and ignores non-numbers', () => {
    const mean = new RecentMean(2);
    expect(mean.mean).toBeNaN();
    mean.add(10);
    mean.add(NaN);
    mean.add(1);
    mean.add(3);
    expect(mean.mean).toBe(2);
  });
});
