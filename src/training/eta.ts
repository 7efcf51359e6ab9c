// How long a run has left, from what it measured: seconds per optimizer step (paused time is
// never counted: the trainer times the step itself) and seconds per end-of-epoch evaluation
// (free-running decoding of 100 poems, plus the checkpoint), which on a slow backend is as long
// as the epoch's steps. Pure numbers and formatting; the panel shows them.

export interface RunTimes {
  /** Optimizer steps still to run. */
  readonly stepsLeft: number;
  /** Mean measured seconds per step; NaN before the first step. */
  readonly secondsPerStep: number;
  /** Evaluations still to run, the one under way included. */
  readonly evaluationsLeft: number;
  /** Mean measured seconds per evaluation; NaN before the first one ended. */
  readonly secondsPerEvaluation: number;
  /** Seconds the evaluation under way has run already (0 when none is). */
  readonly evaluatingFor?: number;
}

export interface TimeLeft {
  /** Seconds left as far as measured; NaN when nothing is measured yet. */
  readonly seconds: number;
  /** False while no evaluation has been timed: `seconds` then counts the steps only. */
  readonly includesEvaluation: boolean;
}

export function timeLeft(t: RunTimes): TimeLeft {
  const steps = t.stepsLeft > 0 ? t.stepsLeft * t.secondsPerStep : 0;
  const known = Number.isFinite(t.secondsPerEvaluation);
  const evaluations = known
    ? Math.max(0, t.evaluationsLeft * t.secondsPerEvaluation - (t.evaluatingFor ?? 0))
    : 0;
  return { seconds: steps + evaluations, includesEvaluation: known || t.evaluationsLeft === 0 };
}

export type DurationLang = 'ja' | 'en';

/** "45 s", "12 min 05 s", "3 h 05 min", "2 d 04 h" (and the Japanese forms); "—" for nonsense. */
export function formatDuration(seconds: number, lang: DurationLang): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  const ja = lang === 'ja';
  if (s < 60) return ja ? `${s} 秒` : `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return ja ? `${minutes} 分 ${two(s % 60)} 秒` : `${minutes} min ${two(s % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return ja ? `${hours} 時間 ${two(minutes % 60)} 分` : `${hours} h ${two(minutes % 60)} min`;
  const days = Math.floor(hours / 24);
  return ja ? `${days} 日 ${two(hours % 24)} 時間` : `${days} d ${two(hours % 24)} h`;
}

/**
 * The mean of the last `window` samples: follows the current speed (the first WebGL steps
 * compile shaders and are many times slower than the rest) without jumping on one odd sample.
 */
export class RecentMean {
  private readonly samples: number[] = [];
  constructor(private readonly window = 50) {}

  add(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) return;
    this.samples.push(seconds);
    if (this.samples.length > this.window) this.samples.shift();
  }

  get mean(): number {
    return this.samples.length > 0 ? this.samples.reduce((a, b) => a + b, 0) / this.samples.length : NaN;
  }

  get count(): number {
    return this.samples.length;
  }
}
