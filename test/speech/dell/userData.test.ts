import { describe, expect, it } from 'vitest';
import { parseUserData } from '../../../src/speech/dell/userData';

describe('reading a visitor’s naming data', () => {
  it('accepts six counts and turns them into proportions', () => {
    const result = parseUserData(['150', '10', '5', '5', '3', '2'], 'counts');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.total).toBe(175);
    expect(result.target.correct).toBeCloseTo(150 / 175, 12);
  });

  it('accepts proportions that sum to about 1, with commas as decimal points and empty fields as 0', () => {
    const result = parseUserData(['0,80', '0.1', '0.05', '0.04', '', '0'], 'proportions');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.target.correct).toBeCloseTo(0.8 / 0.99, 12);
  });

  it.each([
    [['-1', '0', '0', '0', '0', '0'], 'counts', { code: 'negative', category: 'correct' }],
    [['0', '0', '0', '0', '0', '0'], 'counts', { code: 'all-zero' }],
    [['', '', '', '', '', ''], 'proportions', { code: 'all-zero' }],
    [['10', 'abc', '0', '0', '0', '0'], 'counts', { code: 'not-a-number', category: 'semantic' }],
    [['10', '2.5', '0', '0', '0', '0'], 'counts', { code: 'not-whole', category: 'semantic' }],
    [['0.5', '0.1', '0', '0', '0', '0'], 'proportions', { code: 'sum-not-one', sum: 0.6 }],
    [['0.9', '0.1', '0.1', '0', '0', '0'], 'proportions', { code: 'sum-not-one', sum: 1.1 }],
    [['150', '10', '0', '0', '0', '0'], 'proportions', { code: 'above-one', category: 'correct' }],
  ] as const)('rejects %j as %s with %j', (fields, mode, error) => {
    const result = parseUserData(fields, mode);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (error.code === 'sum-not-one' && result.error.code === 'sum-not-one') {
      expect(result.error.sum).toBeCloseTo(error.sum, 12);
    } else {
      expect(result.error).toEqual(error);
    }
  });
});
