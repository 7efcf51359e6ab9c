import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/speech/dell/classify';
import { PATIENTS, patientTarget } from '../../../src/speech/dell/patients';
import { parseUserData, readNumber } from '../../../src/speech/dell/userData';

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
    ['１２０', 120],
    ['1,000', 1000],
    ['1，000', 1000],
    ['１，０００', 1000],
    ['12,345,678', 12345678],
    ['1 000', 1000],
    ['0,5', 0.5],
    ['12,5', 12.5],
    ['０．２５', 0.25],
    ['.5', 0.5],
    ['  7 ', 7],
    ['－3', -3],
    ['−3', -3],
    ['1e-3', 0.001],
    ['1e308', 1e308],
  ])('reads %j as %d', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  it.each(['abc', '0x10', '1,00,0', '1..2', '1,2,3', 'Infinity', 'NaN', '1e', '--1', '12a'])(
    'reads %j as no number',
    (text) => {
      expect(readNumber(text)).toBeUndefined();
    },
  );

  it('reads full-width digits and thousands separators in the fields, as counts', () => {
    const result = parseUserData(['１２０', '1,000', '1，000', '', '', ''], 'counts');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.total).toBe(2120);
  });

  it.each(PATIENTS.map((patient) => [patient.id, patient] as const))(
    'accepts %s’s published row with its “other” column and renormalises it as the lab does',
    (_id, patient) => {
      const fields = [...CATEGORIES.map((c) => String(patient.profile[c])), String(patient.others)];
      const result = parseUserData(fields, 'proportions');
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const expected = patientTarget(patient);
      for (const c of CATEGORIES) expect(result.target[c]).toBeCloseTo(expected[c], 12);
      expect(result.others).toBeCloseTo(patient.others, 2); // rows sum to 1 ± .01 (rounding)
    },
  );

  it('sets “other” counts aside and fits the six as shares of what remains', () => {
    const result = parseUserData(['70', '10', '10', '10', '0', '0', '75'], 'counts');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.total).toBe(175);
    expect(result.others).toBeCloseTo(75 / 175, 12);
    expect(result.target.correct).toBeCloseTo(0.7, 12);
  });

  it.each([
    [['-1', '0', '0', '0', '0', '0'], 'counts', { code: 'negative', field: 'correct', text: '-1' }],
    [['0', '0', '0', '0', '0', '0'], 'counts', { code: 'all-zero' }],
    [['', '', '', '', '', ''], 'proportions', { code: 'all-zero' }],
    [['0', '0', '0', '0', '0', '0', '12'], 'counts', { code: 'only-other' }],
    [['10', 'abc', '0', '0', '0', '0'], 'counts', { code: 'not-a-number', field: 'semantic', text: 'abc' }],
    [['10', '2.5', '0', '0', '0', '0'], 'counts', { code: 'not-whole', field: 'semantic', text: '2.5' }],
    [['1e308', '1', '0', '0', '0', '0'], 'counts', { code: 'too-large', field: 'correct', text: '1e308' }],
    [['9'.repeat(400), '1', '0', '0', '0', '0'], 'counts', { code: 'too-large', field: 'correct' }],
    [['10', '1', '0', '0', '0', '0', 'x'], 'counts', { code: 'not-a-number', field: 'other', text: 'x' }],
    [['0.5', '0.1', '0', '0', '0', '0'], 'proportions', { code: 'sum-not-one', sum: 0.6 }],
    [['0.9', '0.1', '0.1', '0', '0', '0'], 'proportions', { code: 'sum-not-one', sum: 1.1 }],
    [['150', '10', '0', '0', '0', '0'], 'proportions', { code: 'above-one', field: 'correct', text: '150' }],
    [
      ['1e308', '0', '0', '0', '0', '0'],
      'proportions',
      { code: 'above-one', field: 'correct', text: '1e308' },
    ],
  ] as const)('rejects %j as %s with %j', (fields, mode, error) => {
    const result = parseUserData(fields, mode);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject(
      error.code === 'sum-not-one' ? { code: 'sum-not-one' } : (error as Record<string, unknown>),
    );
    if (error.code === 'sum-not-one' && result.error.code === 'sum-not-one') {
      expect(result.error.sum).toBeCloseTo(error.sum, 12);
    }
  });

  it('quotes a very long entry shortened, so the message stays readable', () => {
    const result = parseUserData(['9'.repeat(400), '', '', '', '', ''], 'counts');
    expect(result.ok).toBe(false);
    if (!result.ok && 'text' in result.error) expect(result.error.text.length).toBeLessThanOrEqual(25);
  });
});
