// The per-mora timings of the recorded readings (assets/audio/timings.json, written by
// scripts/audio/generate.ts from the durations it gave the synthesiser, checked against the
// audio) and the names of the clips. Times are in ms of clip time (playback rate 1) from the
// first decoded sample; Opus and MP3 decode to the same timeline (MP3 through LAME's gapless
// header), so one set of timings serves both.
import timingsJson from '../../../assets/audio/timings.json';

export const HALVES = ['kami', 'shimo'] as const;
export type Half = (typeof HALVES)[number];

/** One half-poem of the reading; poem 0 is the 序歌 (なにわづに). */
export interface ClipRef {
  readonly poem: number;
  readonly half: Half;
}

export interface MoraTiming {
  readonly mora: string;
  /** When this mora is heard: its vowel (or ん) has begun; never before (audio:check). */
  readonly startMs: number;
  /** Where its first phoneme begins (a stop's silent closure included). */
  readonly onsetMs?: number;
}

export interface ClipTiming {
  readonly durationMs: number;
  /** End of the reading's last mora, before the held vowel. */
  readonly speechEndMs: number;
  /** Start of the recorded held last vowel (余韻) of a lower half; null for upper halves. */
  readonly holdStartMs: number | null;
  /** End of the last sounding phoneme (held vowel included). */
  readonly soundEndMs: number;
  readonly morae: readonly MoraTiming[];
}

export interface TimingsFile {
  readonly version: number;
  readonly voice: string;
  readonly speakingRate: number;
  readonly clips: Readonly<Record<string, ClipTiming>>;
}

export const TIMINGS: TimingsFile = timingsJson as TimingsFile;

/** 'joka-kami', '017-shimo': the file name of the clip without extension. */
export function clipId(ref: ClipRef): string {
  const base = ref.poem === 0 ? 'joka' : String(ref.poem).padStart(3, '0');
  return `${base}-${ref.half}`;
}

export type TimingLookup = (ref: ClipRef) => ClipTiming;

/** Looks up the timing of a clip; a missing clip is a build defect, so it throws. */
export function timingOf(ref: ClipRef, timings: TimingsFile = TIMINGS): ClipTiming {
  const timing = timings.clips[clipId(ref)];
  if (!timing) throw new Error(`no timing for clip ${clipId(ref)}`);
  return timing;
}
