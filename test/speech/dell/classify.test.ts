import { describe, expect, it } from 'vitest';
import { classifyResponse, normalise, profileFromArray, rmsd } from '../../../src/speech/dell/classify';
import { CODAS, ONSETS, spell, VOWELS } from '../../../src/speech/dell/lexicon';

// Written out by hand: the six words of the lexicon and what each counts as.
const WORD_OUTCOMES: Record<string, [string, string]> = {
  kæt: ['correct', 'correct'],
  dɒg: ['semantic', 'semantic'],
  mæt: ['formal', 'formal'],
  ræt: ['formal', 'mixed'],
  fɒg: ['unrelated', 'unrelated'],
  lɒg: ['unrelated', 'unrelated'],
};

describe('classifying a response', () => {
  const all = ONSETS.flatMap((_, onset) =>
    VOWELS.flatMap((_, vowel) => CODAS.map((_, coda) => ({ onset, vowel, coda }))),
  );

  it('covers all 24 onset–vowel–coda strings', () => {
    expect(new Set(all.map(spell)).size).toBe(24);
  });

  it.each(all.map((syllable) => [spell(syllable), syllable] as const))(
    'scores /%s/ as the table says on ordinary and mixed trials',
    (text, syllable) => {
      const [ordinary, mixed] = WORD_OUTCOMES[text] ?? ['nonword', 'nonword'];
      expect(classifyResponse(syllable, false)).toBe(ordinary);
      expect(classifyResponse(syllable, true)).toBe(mixed);
    },
  );

  it('finds 18 nonwords among the 24 strings', () => {
    expect(all.filter((s) => classifyResponse(s, true) === 'nonword')).toHaveLength(18);
  });
});

describe('comparing profiles', () => {
  it('computes the RMSD over the six categories', () => {
    const a = profileFromArray([0.9, 0.1, 0, 0, 0, 0]);
    const b = profileFromArray([0.8, 0.1, 0.1, 0, 0, 0]);
    expect(rmsd(a, b)).toBeCloseTo(Math.sqrt((0.01 + 0.01) / 6), 12);
    expect(rmsd(a, a)).toBe(0);
  });

  it('renormalises six values to sum to 1', () => {
    const p = normalise(profileFromArray([0.28, 0.07, 0.11, 0.04, 0.05, 0.17]));
    expect(Object.values(p).reduce((x, y) => x + y)).toBeCloseTo(1, 12);
    expect(p.correct).toBeCloseTo(0.28 / 0.72, 12);
  });
});
