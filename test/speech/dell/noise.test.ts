import { describe, expect, it } from 'vitest';
import { fastRng, FastRng } from '../../../src/speech/dell/noise';

describe('the fast noise generator', () => {
  it('draws standard normal samples (mean 0, variance 1, the right tails)', () => {
    const rng = fastRng(3);
    const n = 400_000;
    let sum = 0;
    let squares = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.normal();
      sum += x;
      squares += x * x;
      if (Math.abs(x) > 2) beyond2++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(squares / n).toBeCloseTo(1, 1);
    expect(beyond2 / n).toBeCloseTo(0.0455, 2);
  });

  it('replays exactly from a saved state', () => {
    const rng = fastRng(8);
    rng.normal();
    const copy = new FastRng(rng.state());
    const a = Array.from({ length: 50 }, () => rng.normal());
    const b = Array.from({ length: 50 }, () => copy.normal());
    expect(b).toEqual(a);
  });

  it('fills a buffer with the same samples one-by-one calls would give', () => {
    const one = fastRng(12);
    const batch = new FastRng(one.state());
    const expected = Array.from({ length: 5000 }, () => one.normal());
    const out = new Float64Array(5000);
    batch.fillNormals(out, 5000);
    expect(Array.from(out)).toEqual(expected);
    expect(batch.state()).toEqual(one.state());
  });

  it('draws uniforms in [0, 1)', () => {
    const rng = fastRng(1);
    const xs = Array.from({ length: 10_000 }, () => rng.uniform());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b) / xs.length).toBeCloseTo(0.5, 1);
  });
});
