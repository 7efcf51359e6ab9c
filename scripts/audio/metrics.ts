// What audio:check measures in decoded samples. Pure functions over Float32Array (mono).

/** The parts of a timings.json clip the measurements need (version 1 files have no onsetMs). */
export interface ClipTimingLike {
  readonly speechEndMs: number;
  readonly holdStartMs: number | null;
  readonly soundEndMs: number;
  readonly morae: readonly { readonly mora: string; readonly startMs: number; readonly onsetMs?: number }[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const DECIMATED_RATE = 8000;

/** Averages blocks of samples down to 8 kHz (enough for voicing and alignment). */
export function decimate(samples: Float32Array, rate: number): Float32Array {
  const factor = Math.max(1, Math.round(rate / DECIMATED_RATE));
  const out = new Float32Array(Math.floor(samples.length / factor));
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (let k = 0; k < factor; k++) sum += samples[i * factor + k]!;
    out[i] = sum / factor;
  }
  return out;
}

function rms(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  const a = Math.max(0, from);
  const b = Math.min(samples.length, to);
  for (let i = a; i < b; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / Math.max(1, b - a));
}

/**
 * The deepest dip of the envelope (RMS in 50 ms windows, 10 ms apart) between fromMs and toMs:
 * for each window, how far it lies below the lower of the loudest windows before and after it.
 * A level that only falls (a held sound dying away) has no dip; a pulse or a gap has one.
 */
export function maxDipDb(samples: Float32Array, rate: number, fromMs: number, toMs: number): number {
  const at = (ms: number) => Math.round((ms * rate) / 1000);
  const window = at(50);
  const env: number[] = [];
  for (let start = at(fromMs); start + window <= at(toMs); start += at(10)) {
    env.push(20 * Math.log10(Math.max(1e-9, rms(samples, start, start + window))));
  }
  const before = env.map((_, i) => Math.max(...env.slice(0, i + 1)));
  const after = env.map((_, i) => Math.max(...env.slice(i)));
  return env.reduce((deepest, level, i) => Math.max(deepest, Math.min(before[i]!, after[i]!) - level), 0);
}

/**
 * How much later `b` plays than `a` (ms; negative: earlier), from the cross-correlation of the
 * two signals' first two seconds at 8 kHz within ±60 ms, refined to a fraction of a sample.
 */
export function offsetMs(a: Float32Array, b: Float32Array, rate: number): number {
  const x = decimate(a, rate);
  const y = decimate(b, rate);
  const n = Math.min(x.length, y.length, 2 * DECIMATED_RATE);
  const maxLag = Math.round(0.06 * DECIMATED_RATE);
  const score = (lag: number) => {
    let sum = 0;
    for (let i = Math.max(0, -lag); i < n && i + lag < y.length; i++) sum += x[i]! * y[i + lag]!;
    return sum;
  };
  let best = 0;
  let bestScore = -Infinity;
  const scores = new Map<number, number>();
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const s = score(lag);
    scores.set(lag, s);
    if (s > bestScore) [best, bestScore] = [lag, s];
  }
  const left = scores.get(best - 1) ?? bestScore;
  const right = scores.get(best + 1) ?? bestScore;
  const curve = left - 2 * bestScore + right;
  const refined = curve < 0 ? best + (0.5 * (left - right)) / curve : best;
  return (refined * 1000) / DECIMATED_RATE;
}

const VOICING_WINDOW_MS = 25;
const VOICING_HOP_MS = 2.5;
/** Normalised autocorrelation above which a window is voiced (a periodic, vowel-like sound). */
const VOICED_CORRELATION = 0.5;
/** Quieter than this under the clip's speech level is not the voice. */
const VOICED_FLOOR_DB = -30;
/** A vowel is within this of the loudest window of its mora. */
const VOWEL_BELOW_PEAK_DB = -12;

/** Whether the 8 kHz window starting at `start` is periodic at a voice pitch (80–400 Hz). */
function isVoiced(x: Float32Array, start: number, length: number, floor: number): boolean {
  if (rms(x, start, start + length) < floor) return false;
  const minLag = Math.round(DECIMATED_RATE / 400);
  const maxLag = Math.round(DECIMATED_RATE / 80);
  const n = length - maxLag;
  let energy0 = 0;
  for (let i = 0; i < n; i++) energy0 += x[start + i]! ** 2;
  for (let lag = minLag; lag <= maxLag; lag++) {
    let cross = 0;
    let energy1 = 0;
    for (let i = 0; i < n; i++) {
      const v = x[start + i + lag]!;
      cross += x[start + i]! * v;
      energy1 += v * v;
    }
    if (cross / Math.sqrt(energy0 * energy1 + 1e-12) > VOICED_CORRELATION) return true;
  }
  return false;
}

/**
 * For each mora: its timestamp minus the vowel onset measured in the audio (the middle of the
 * first voiced 25 ms window within 12 dB of the mora's loudest, starting at or after its first phoneme — `onsetMs`, else its
 * timestamp — and before the next mora's); null when no voicing is found there (a devoiced
 * vowel, as in あき's き). Where voicing runs on from the sound before (a vowel after a
 * vowel, a voiced consonant), the onset reads 12.5 ms late: the measure errs against us.
 * Positive: the timestamp is after the onset, as a "heard" time must be.
 */
export function heardOffsets(samples: Float32Array, rate: number, timing: ClipTimingLike): (number | null)[] {
  const x = decimate(samples, rate);
  const at = (ms: number) => Math.round((ms * DECIMATED_RATE) / 1000);
  const length = at(VOICING_WINDOW_MS);
  const speech = rms(
    x,
    at(timing.morae[0]?.onsetMs ?? timing.morae[0]?.startMs ?? 0),
    at(timing.speechEndMs),
  );
  const floor = speech * 10 ** (VOICED_FLOOR_DB / 20);
  return timing.morae.map((mora, i) => {
    const from = mora.onsetMs ?? mora.startMs;
    const next = timing.morae[i + 1];
    // A held vowel swells well after its onset: look at the mora's first 300 ms only.
    const until = Math.min(from + 300, next ? (next.onsetMs ?? next.startMs) : timing.speechEndMs);
    // Windows looking forward from the mora's first phoneme, so the vowel before it never
    // counts; a window turns voiced once about half of it is, so the onset is its middle. A
    // vowel is the loud part of the mora: a nasal or a voiced closure before it is quieter.
    const starts: number[] = [];
    for (let t = from; t + VOICING_WINDOW_MS / 2 <= until; t += VOICING_HOP_MS) starts.push(t);
    const levels = starts.map((t) => rms(x, at(t), at(t) + length));
    const loud = Math.max(0, ...levels) * 10 ** (VOWEL_BELOW_PEAK_DB / 20);
    for (const [k, t] of starts.entries()) {
      if (levels[k]! >= loud && isVoiced(x, at(t), length, floor)) {
        return mora.startMs - (t + VOICING_WINDOW_MS / 2);
      }
    }
    return null;
  });
}
