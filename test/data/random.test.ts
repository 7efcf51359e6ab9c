import { describe, expect, it } from 'vitest';
import { createRng, rngFromState } from '../../src/data/random';

describe('the seeded random number generator', () => {
  it('gives the same stream for the same seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('makes even the first draw depend on the seed (nearby seeds are unrelated)', () => {
    const firsts = Array.from({ length: 200 }, (_, seed) => createRng(seed).next());
    const mean = firsts.reduce((sum, x) => sum + x, 0) / firsts.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.6);
    expect(firsts.filter((x) => x > 0.99).length).toBeLessThan(10);
  });

  it('resumes exactly from a saved state', () => {
    const rng = createRng(123);
    rng.next();
    const saved = JSON.parse(JSON.stringify(rng.state())) as number[];
    const expected = [rng.next(), rng.int(0, 99), rng.next()];
    const resumed = rngFromState(saved);
    expect([resumed.next(), resumed.int(0, 99), resumed.next()]).toEqual(expected);
  });

  it('shuffles into a permutation of the same items', () => {
    const items = Array.from({ length: 100 }, (_, i) => i + 1);
    const shuffled = createRng(5).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
  });

  it('draws integers inside the inclusive range, reaching both ends', () => {
    const rng = createRng(9);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
