import { describe, expect, it } from 'vitest';
import { heardOffsets, maxDipDb, median, offsetMs } from '../../../scripts/audio/metrics';
import { parseEbur128 } from '../../../scripts/audio/measure';

const RATE = 48000;

/** A 100 Hz buzz (voice-like: periodic) or a seeded noise (a fricative), amp(t) in seconds. */
function signal(
  seconds: number,
  amp: (t: number) => number,
  kind: (t: number) => 'voice' | 'noise' = () => 'voice',
) {
  const x = new Float32Array(Math.round(seconds * RATE));
  let seed = 12345;
  const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  x.forEach((_, i) => {
    const t = i / RATE;
    const v =
      kind(t) === 'voice' ? Math.sin(2 * Math.PI * 100 * t) + 0.5 * Math.sin(2 * Math.PI * 200 * t) : noise();
    x[i] = amp(t) * v * 0.3;
  });
  return x;
}

describe('maxDipDb', () => {
  it('finds no dip in a level that only falls, and the depth of a gap that comes back', () => {
    const falling = signal(2, (t) => 10 ** ((-8 * t) / 2 / 20));
    expect(maxDipDb(falling, RATE, 0, 2000)).toBeLessThan(0.2);
    const pulsing = signal(2, (t) => (t > 1 && t < 1.1 ? 0.25 : 1)); // 12 dB down for 100 ms
    expect(maxDipDb(pulsing, RATE, 0, 2000)).toBeCloseTo(12, 0);
  });
});

describe('offsetMs', () => {
  it('measures how much later one copy of a sound plays than the other', () => {
    const a = signal(1, (t) => (t > 0.1 && t < 0.6 ? 1 : 0));
    const late = new Float32Array(a.length);
    late.set(a.subarray(0, a.length - 2208), 2208); // 46 ms
    expect(offsetMs(a, late, RATE)).toBeCloseTo(46, 0);
    expect(offsetMs(a, a, RATE)).toBeCloseTo(0, 3);
  });
});

describe('heardOffsets', () => {
  // A mora: 80 ms of noise (a consonant like s) from 200 ms, then the vowel from 280 ms.
  const audio = signal(
    1,
    (t) => (t >= 0.2 && t < 0.6 ? 1 : 0),
    (t) => (t < 0.28 ? 'noise' : 'voice'),
  );
  const timing = (startMs: number) => ({
    speechEndMs: 600,
    holdStartMs: null,
    soundEndMs: 600,
    morae: [{ mora: 'さ', startMs, onsetMs: 200 }],
  });

  it('says a timestamp at the consonant is early by the consonant, one at the vowel is not', () => {
    const [early] = heardOffsets(audio, RATE, timing(200));
    expect(early!).toBeLessThan(-60);
    const [onVowel] = heardOffsets(audio, RATE, timing(300));
    expect(onVowel!).toBeGreaterThanOrEqual(0);
    expect(onVowel!).toBeLessThan(30);
  });

  it('reports a mora without any voicing (a devoiced vowel) as not measurable', () => {
    const whisper = signal(
      1,
      (t) => (t >= 0.2 && t < 0.6 ? 1 : 0),
      () => 'noise',
    );
    expect(heardOffsets(whisper, RATE, timing(300))).toEqual([null]);
  });
});

describe('parseEbur128 and median', () => {
  it("reads ffmpeg's loudness summary and refuses output without one", () => {
    const report = [
      '[Parsed_ebur128_0 @ 0x1] Summary:',
      '  Integrated loudness:',
      '    I:         -24.1 LUFS',
      '    Threshold: -34.5 LUFS',
      '  True peak:',
      '    Peak:       -3.2 dBFS',
    ].join('\n');
    expect(parseEbur128(report)).toEqual({ integratedLufs: -24.1, truePeakDbtp: -3.2 });
    expect(() => parseEbur128('garbage')).toThrow(/summary/);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
