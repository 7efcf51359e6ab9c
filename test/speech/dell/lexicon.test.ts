import { describe, expect, it } from 'vitest';
import {
  buildNetwork,
  CODA_BASE,
  nonwordNeighbourShare,
  ONSET_BASE,
  PHONEME_UNITS,
  SEMANTIC_UNITS,
  semanticFeatures,
  UNIT_COUNT,
  VOWEL_BASE,
  wordUnit,
  WORDS,
  type Word,
} from '../../../src/speech/dell/lexicon';

const shared = (a: Word, b: Word, mixed: boolean): number => {
  const fb = new Set(semanticFeatures(b, mixed));
  return semanticFeatures(a, mixed).filter((f) => fb.has(f)).length;
};

function neighbours(unit: number, mixed: boolean): { s: number[]; p: number[] } {
  const out = { s: [] as number[], p: [] as number[] };
  for (const link of buildNetwork(mixed).links) {
    if (link.a === unit) out[link.kind].push(link.b);
    if (link.b === unit) out[link.kind].push(link.a);
  }
  out.s.sort((x, y) => x - y);
  out.p.sort((x, y) => x - y);
  return out;
}

describe('the lexical network', () => {
  it('has 57 semantic units, 6 words and 10 phonemes (6 onsets, 2 vowels, 2 codas)', () => {
    expect(SEMANTIC_UNITS).toBe(57);
    expect(WORDS).toHaveLength(6);
    expect(PHONEME_UNITS).toBe(10);
    expect(UNIT_COUNT).toBe(73);
    expect(VOWEL_BASE - ONSET_BASE).toBe(6);
    expect(CODA_BASE - VOWEL_BASE).toBe(2);
  });

  it('links every word to 10 semantic features by s and to its onset, vowel and coda by p', () => {
    for (const mixed of [false, true]) {
      for (const word of WORDS) {
        const n = neighbours(wordUnit(word), mixed);
        expect(n.s).toHaveLength(10);
        expect(n.p).toHaveLength(3);
        expect(n.s.every((u) => u < SEMANTIC_UNITS)).toBe(true);
        const [onset, vowel, coda] = n.p as [number, number, number];
        expect(onset).toBeGreaterThanOrEqual(ONSET_BASE);
        expect(onset).toBeLessThan(VOWEL_BASE);
        expect(vowel).toBeGreaterThanOrEqual(VOWEL_BASE);
        expect(vowel).toBeLessThan(CODA_BASE);
        expect(coda).toBeGreaterThanOrEqual(CODA_BASE);
      }
    }
  });

  it('connects CAT to features 0–9 and to /k/, /æ/, /t/', () => {
    const n = neighbours(wordUnit('CAT'), false);
    expect(n.s).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(n.p).toEqual([ONSET_BASE + 0, VOWEL_BASE + 0, CODA_BASE + 0]);
  });

  it('never links a semantic feature to a phoneme or two units of the same layer', () => {
    for (const link of buildNetwork(true).links) {
      const layer = (u: number) => (u < SEMANTIC_UNITS ? 0 : u < ONSET_BASE ? 1 : 2);
      expect(Math.abs(layer(link.a) - layer(link.b))).toBe(1);
      expect(link.kind).toBe(layer(link.a) + layer(link.b) === 1 ? 's' : 'p');
    }
  });

  it('makes DOG a semantic neighbour of CAT (3 shared features, no shared phoneme)', () => {
    expect(shared('CAT', 'DOG', false)).toBe(3);
    expect(neighbours(wordUnit('DOG'), false).p).toEqual([ONSET_BASE + 1, VOWEL_BASE + 1, CODA_BASE + 1]);
  });

  it('makes MAT and RAT differ from CAT in the onset only', () => {
    const cat = neighbours(wordUnit('CAT'), false).p;
    for (const word of ['MAT', 'RAT'] as const) {
      const p = neighbours(wordUnit(word), false).p;
      expect(p.slice(1)).toEqual(cat.slice(1));
      expect(p[0]).not.toBe(cat[0]);
    }
  });

  it('relates RAT to CAT by meaning on mixed trials only, and never to DOG', () => {
    expect(shared('CAT', 'RAT', false)).toBe(0);
    expect(shared('CAT', 'RAT', true)).toBe(3);
    expect(shared('DOG', 'RAT', true)).toBe(0);
  });

  it('gives FOG and LOG nothing in common with CAT', () => {
    const cat = neighbours(wordUnit('CAT'), true);
    for (const word of ['FOG', 'LOG'] as const) {
      const n = neighbours(wordUnit(word), true);
      expect(n.s.filter((u) => cat.s.includes(u))).toEqual([]);
      expect(n.p.filter((u) => cat.p.includes(u))).toEqual([]);
    }
  });

  it('stores each link as two directed edges of the same kind', () => {
    const net = buildNetwork(false);
    expect(net.edgeFrom).toHaveLength(2 * net.links.length);
    net.links.forEach((link, i) => {
      expect([net.edgeFrom[2 * i], net.edgeTo[2 * i]]).toEqual([link.a, link.b]);
      expect([net.edgeFrom[2 * i + 1], net.edgeTo[2 * i + 1]]).toEqual([link.b, link.a]);
      expect(net.edgeIsP[2 * i]).toBe(link.kind === 'p' ? 1 : 0);
    });
  });

  it('leaves 5 of a word’s 7 one-phoneme neighbours as nonwords', () => {
    for (const word of WORDS) expect(nonwordNeighbourShare(word)).toBeCloseTo(5 / 7, 12);
  });
});
