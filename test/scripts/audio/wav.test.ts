import { describe, expect, it } from 'vitest';
import { cutPcm, durationMs, levelHeldVowel, readWav, writeWav, type Pcm } from '../../../scripts/audio/wav';

const RATE = 8000;

/** A 100 Hz tone whose amplitude is amp(t) for t in seconds. */
function tone(seconds: number, amp: (t: number) => number): Pcm {
  const samples = new Int16Array(Math.round(seconds * RATE));
  samples.forEach((_, i) => {
    samples[i] = Math.round(amp(i / RATE) * Math.sin((2 * Math.PI * 100 * i) / RATE));
  });
  return { sampleRate: RATE, channels: 1, bitsPerSample: 16, data: Buffer.from(samples.buffer) };
}

function dbAt(pcm: Pcm, fromMs: number, toMs: number): number {
  const s = new Int16Array(pcm.data.buffer, pcm.data.byteOffset, pcm.data.length / 2);
  const a = Math.round((fromMs * RATE) / 1000);
  const b = Math.round((toMs * RATE) / 1000);
  let sum = 0;
  for (let i = a; i < b; i++) sum += (s[i] ?? 0) ** 2;
  return 20 * Math.log10(Math.sqrt(sum / (b - a)));
}

describe('WAV helpers', () => {
  it('writes a WAV that reads back to the same samples', () => {
    const pcm = tone(0.5, () => 1000);
    const back = readWav(writeWav(pcm));
    expect(back).toMatchObject({ sampleRate: RATE, channels: 1, bitsPerSample: 16 });
    expect(back.data.equals(pcm.data)).toBe(true);
  });

  it('cuts whole frames between two times', () => {
    const cut = cutPcm(
      tone(2, () => 1000),
      250,
      1250,
    );
    expect(durationMs(cut)).toBe(1000);
  });
});

describe('levelHeldVowel', () => {
  // Speech at 8000 for 1 s, then a held vowel that drops 15 dB (to ~1420) after another second.
  const held = tone(5, (t) => (t < 2 ? 8000 : 1423));

  it('lifts a held vowel that drops away so it dies away evenly by the set amount', () => {
    const levelled = levelHeldVowel(held, 1000, 5000, 8);
    const reference = dbAt(held, 800, 1000);
    // Level at each second of the hold follows the 8 dB slope within 1.5 dB, and the 15 dB drop
    // at 2 s is smoothed to a couple of dB across 100 ms.
    for (const [at, progress] of [
      [1500, 0.125],
      [2500, 0.375],
      [3500, 0.625],
    ] as const) {
      expect(Math.abs(dbAt(levelled, at - 100, at + 100) - (reference - 8 * progress))).toBeLessThan(1.5);
    }
    expect(Math.abs(dbAt(levelled, 1900, 2000) - dbAt(levelled, 2000, 2100))).toBeLessThan(2.5);
  });

  it('leaves the speech before the hold untouched and fades the hold out at its end', () => {
    const levelled = levelHeldVowel(held, 1000, 5000, 8);
    const firstSecondBytes = RATE * 2;
    expect(levelled.data.subarray(0, firstSecondBytes).equals(held.data.subarray(0, firstSecondBytes))).toBe(
      true,
    );
    expect(levelled.data.equals(held.data)).toBe(false);
    expect(dbAt(levelled, 4950, 5000)).toBeLessThan(dbAt(levelled, 4500, 4600) - 12);
  });
});
