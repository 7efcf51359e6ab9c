import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/speech/dell/classify';
import { ONSET_BASE, VOWEL_BASE, WORD_BASE, wordUnit } from '../../../src/speech/dell/lexicon';
import {
  createSimulator,
  isMixedTrial,
  NORMAL_PARAMS,
  simulate,
  wordSlipReclassification,
  type Frame,
} from '../../../src/speech/dell/model';
import { fastRng } from '../../../src/speech/dell/noise';

const NOISELESS = { ...NORMAL_PARAMS, sd1: 0, sd2: 0 };

describe('one naming trial with the noise off', () => {
  const frames: Frame[] = [];
  const result = createSimulator(NOISELESS).trial(fastRng(1), false, frames);
  const at = (i: number) => frames[i]?.activations as Float64Array;
  const { s, p, q } = NOISELESS;

  it('records the jolt, 8 steps, the word jolt and 8 more steps', () => {
    expect(frames.map((f) => `${f.phase}:${f.step}`)).toEqual([
      'semantic-jolt:0',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((t) => `spread-to-words:${t}`),
      'word-jolt:0',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((t) => `spread-to-phonemes:${t}`),
    ]);
  });

  it('puts 10 on each of CAT’s features and nothing elsewhere at the jolt', () => {
    const jolt = Array.from(at(0));
    expect(jolt.slice(0, 10)).toEqual(Array(10).fill(10));
    expect(jolt.slice(10).every((x) => x === 0)).toBe(true);
  });

  it('spreads as A(t) = A(t−1)(1−q) + Σ w·A(t−1), checked by hand for two steps', () => {
    // Step 1: CAT gets 10 features × 10 × s, DOG 3 shared features × 10 × s.
    expect(at(1)[wordUnit('CAT')]).toBeCloseTo(100 * s, 12);
    expect(at(1)[wordUnit('DOG')]).toBeCloseTo(30 * s, 12);
    expect(at(1)[wordUnit('MAT')]).toBe(0);
    expect(at(1)[0]).toBeCloseTo(10 * (1 - q), 12);
    expect(at(1)[ONSET_BASE]).toBe(0);
    // Step 2: CAT keeps (1−q) of itself and hears its 10 features back; /k/ hears CAT.
    expect(at(2)[wordUnit('CAT')]).toBeCloseTo(100 * s * (1 - q) + 10 * s * 10 * (1 - q), 12);
    expect(at(2)[ONSET_BASE]).toBeCloseTo(p * 100 * s, 12);
    expect(at(2)[VOWEL_BASE]).toBeCloseTo(p * 100 * s, 12);
    // Feature 0 is shared by CAT and DOG: decay plus s × (CAT + DOG).
    expect(at(2)[0]).toBeCloseTo(10 * (1 - q) ** 2 + s * (100 * s + 30 * s), 12);
  });

  it('adds the word jolt of 100 to the selected word only', () => {
    const before = at(8);
    const after = at(9);
    for (let u = 0; u < before.length; u++) {
      expect(after[u]).toBe(u === wordUnit('CAT') ? (before[u] as number) + 100 : before[u]);
    }
  });

  it('selects CAT and says /kæt/: correct, the same for every seed', () => {
    expect(result).toMatchObject({ selectedWord: 'CAT', category: 'correct', phonologicalSlip: false });
    expect(createSimulator(NOISELESS).trial(fastRng(99), false)).toEqual(result);
    expect(Math.max(...Array.from(at(8).slice(WORD_BASE + 1, WORD_BASE + 6)))).toBeLessThan(
      at(8)[WORD_BASE] as number,
    );
  });
});

describe('naming many times', () => {
  it('gives the same counts for the same seed and different counts for another', () => {
    const a = simulate(NORMAL_PARAMS, 2000, 5);
    expect(simulate(NORMAL_PARAMS, 2000, 5)).toEqual(a);
    expect(simulate(NORMAL_PARAMS, 2000, 6).counts).not.toEqual(a.counts);
  });

  it('makes exactly 20 % of the trials mixed trials', () => {
    const mixed = Array.from({ length: 1000 }, (_, i) => isMixedTrial(i, 0.2)).filter(Boolean);
    expect(mixed).toHaveLength(200);
  });

  it('names CAT correctly about 97 % of the time at the normal weights, errors mostly semantic and mixed', () => {
    const { proportions } = simulate(NORMAL_PARAMS, 10_000, 11);
    expect(proportions.correct).toBeGreaterThan(0.95);
    expect(proportions.correct).toBeLessThan(0.985);
    expect(proportions.semantic + proportions.mixed).toBeGreaterThan(
      proportions.formal + proportions.nonword,
    );
    expect(CATEGORIES.reduce((sum, c) => sum + proportions[c], 0)).toBeCloseTo(1, 12);
  });

  it('makes more semantic and mixed errors when s is lowered', () => {
    const normal = simulate(NORMAL_PARAMS, 10_000, 3).proportions;
    const lesioned = simulate({ ...NORMAL_PARAMS, s: 0.01 }, 10_000, 3).proportions;
    expect(lesioned.semantic).toBeGreaterThan(normal.semantic * 2);
    expect(lesioned.mixed).toBeGreaterThan(normal.mixed * 1.5);
  });

  it('makes more formal and nonword errors when p is lowered', () => {
    const normal = simulate(NORMAL_PARAMS, 10_000, 3).proportions;
    const lesioned = simulate({ ...NORMAL_PARAMS, p: 0.01 }, 10_000, 3).proportions;
    expect(lesioned.nonword).toBeGreaterThan(normal.nonword * 5);
    expect(lesioned.formal).toBeGreaterThan(normal.formal * 2);
  });

  it('gives different, still sensible, results with the variance-proportional noise form', () => {
    const sd = simulate({ ...NORMAL_PARAMS, s: 0.03, p: 0.03 }, 4000, 8).proportions;
    const variance = simulate(
      { ...NORMAL_PARAMS, s: 0.03, p: 0.03, noiseForm: 'variance-proportional' },
      4000,
      8,
    ).proportions;
    expect(variance.correct).not.toBe(sd.correct);
    expect(variance.correct).toBeGreaterThan(0.3);
  });
});

describe('the nonword-opportunity adjustment', () => {
  it('rescores 30 % of word-landing slips when 80 % of slips should make nonwords', () => {
    expect(wordSlipReclassification(0.8)).toBeCloseTo((0.8 - 5 / 7) / (1 - 5 / 7), 12);
    expect(wordSlipReclassification(null)).toBe(0);
    expect(wordSlipReclassification(0.5)).toBe(0);
  });

  it('moves phonological slips from words to nonwords and leaves word-step errors alone', () => {
    const lesion = { ...NORMAL_PARAMS, s: 0.04, p: 0.015 };
    const off = simulate({ ...lesion, nonwordOpportunity: null }, 6000, 21).proportions;
    const on = simulate(lesion, 6000, 21).proportions;
    expect(on.nonword).toBeGreaterThan(off.nonword);
    expect(on.formal).toBeLessThan(off.formal);
    const sim = createSimulator(lesion);
    const rng = fastRng(4);
    for (let i = 0; i < 3000; i++) {
      const t = sim.trial(rng, false);
      if (t.rescored) expect(t.phonologicalSlip && t.category === 'nonword').toBe(true);
      if (!t.phonologicalSlip) expect(t.rescored).toBe(false);
    }
  });

  it('scores a slip that lands back on /kæt/ as correct, never as a rescored nonword', () => {
    // DOG selected, then the phonemes of CAT win anyway (they were primed by the picture): the
    // response string is the target, so it is correct, as the patients' responses are scored.
    const lesion = { ...NORMAL_PARAMS, s: 0.01, p: 0.01 };
    const sim = createSimulator(lesion);
    const rng = fastRng(7);
    let landedOnTarget = 0;
    for (let i = 0; i < 20_000; i++) {
      const t = sim.trial(rng, isMixedTrial(i, lesion.mixedFraction));
      const saidCat = t.response.onset === 0 && t.response.vowel === 0 && t.response.coda === 0;
      if (!saidCat) continue;
      if (t.phonologicalSlip) landedOnTarget++;
      expect(t.category).toBe('correct');
      expect(t.rescored).toBe(false);
    }
    expect(landedOnTarget).toBeGreaterThan(10);
  });
});
