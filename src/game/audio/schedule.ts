// The reading as a timeline: which clip starts when, when each mora is heard, the held last
// sound (余韻) and the pauses. Pure: the Reader plays it, tests read it.
//
// Competition protocol (全日協): 序歌 upper half, lower half, lower half again, pause, first card's
// upper half — stop until the take is settled — then each unit is the previous card's lower half,
// 余韻, pause, next card's upper half, stop. A last unit reads the final lower half and ends.
// Beginner protocol: each unit is one poem's upper half, pause, its lower half and 余韻, stop.
//
// Speed: `readingRate` is the clips' playback rate (the settings call it that), so every clip
// time scales by 1/rate; the 余韻 and pauses are in seconds of real time and do not scale.
// The recorded 余韻 is ~4 s of clip time; a longer one set in the settings fades out and the
// rest of it is silent, so the rhythm stays what was set.
import type { Protocol } from '../settings/settings';
import { timingOf, type ClipRef, type TimingLookup } from './timings';

export interface Rhythm {
  readonly protocol: Protocol;
  /** Playback rate of the recorded clips: 1 = as recorded. */
  readonly readingRate: number;
  /** Held last sound of a lower half (余韻), seconds. */
  readonly yoinSeconds: number;
  /** Silence between the 余韻 (or an upper half) and the next half, seconds. */
  readonly pauseSeconds: number;
  /** Read the 序歌 first; default true. */
  readonly joka?: boolean;
}

/** Longest fade-out at the end of the 余韻. */
export const FADE_MS = 300;
const MIN_FADE_MS = 40;

export type TimelineEvent =
  /** Start the clip now; fade it out from fadeAtMs over fadeMs (null: play to its end). */
  | {
      readonly kind: 'clip';
      readonly atMs: number;
      readonly clip: ClipRef;
      readonly rate: number;
      readonly fadeAtMs: number | null;
      readonly fadeMs: number;
    }
  /** Mora number `index` of the clip begins to be heard. */
  | {
      readonly kind: 'mora';
      readonly atMs: number;
      readonly clip: ClipRef;
      readonly index: number;
      readonly mora: string;
    }
  /** The last mora of the half is over (before any 余韻). */
  | { readonly kind: 'halfEnd'; readonly atMs: number; readonly clip: ClipRef }
  | { readonly kind: 'yoin'; readonly atMs: number; readonly untilMs: number; readonly clip: ClipRef }
  | { readonly kind: 'pause'; readonly atMs: number; readonly untilMs: number };

export type TimelineEventKind = TimelineEvent['kind'];

/** A stretch of reading played without a stop. Times are ms from the segment's start. */
export interface Segment {
  readonly events: readonly TimelineEvent[];
  readonly durationMs: number;
  /** 'settle': wait for the take to be settled after this; 'end': the reading is over. */
  readonly then: 'settle' | 'end';
  /** The poem in play once this segment is heard (its upper half was read); null at the end. */
  readonly poem: number | null;
}

class SegmentBuilder {
  readonly events: TimelineEvent[] = [];
  /** When the sound so far is over, ms. */
  private cursor = 0;
  private started = false;

  constructor(
    private readonly rhythm: Rhythm,
    private readonly timing: TimingLookup,
  ) {}

  half(clip: ClipRef, yoin: boolean): this {
    const rate = this.rhythm.readingRate;
    const timing = this.timing(clip);
    const firstMs = (timing.morae[0]?.startMs ?? 0) / rate;
    // The first mora of a half is heard exactly when the previous pause ends.
    const at = this.started ? Math.max(0, this.cursor - firstMs) : 0;
    this.started = true;
    const clipIndex = this.events.length;
    timing.morae.forEach(({ mora, startMs }, index) =>
      this.events.push({ kind: 'mora', atMs: at + startMs / rate, clip, index, mora }),
    );
    const halfEndMs = at + timing.speechEndMs / rate;
    this.events.push({ kind: 'halfEnd', atMs: halfEndMs, clip });
    let fadeAtMs: number | null = null;
    let fadeMs = 0;
    this.cursor = halfEndMs;
    if (yoin) {
      const holdMs = at + (timing.holdStartMs ?? timing.speechEndMs) / rate;
      const untilMs = holdMs + this.rhythm.yoinSeconds * 1000;
      const soundEndMs = at + timing.soundEndMs / rate;
      fadeMs = Math.min(FADE_MS, Math.max(MIN_FADE_MS, untilMs - holdMs));
      fadeAtMs = Math.max(at, Math.min(untilMs, soundEndMs) - fadeMs);
      this.events.push({ kind: 'yoin', atMs: holdMs, untilMs, clip });
      this.cursor = untilMs;
    }
    this.events.splice(clipIndex, 0, { kind: 'clip', atMs: at, clip, rate, fadeAtMs, fadeMs });
    return this;
  }

  pause(): this {
    const untilMs = this.cursor + this.rhythm.pauseSeconds * 1000;
    this.events.push({ kind: 'pause', atMs: this.cursor, untilMs });
    this.cursor = untilMs;
    return this;
  }

  /** The 序歌 as the competition reads it: upper, lower, lower again (each lower with 余韻). */
  joka(): this {
    this.half({ poem: 0, half: 'kami' }, false).pause();
    this.half({ poem: 0, half: 'shimo' }, true).pause();
    return this.half({ poem: 0, half: 'shimo' }, true);
  }

  build(then: Segment['then'], poem: number | null): Segment {
    // Stable sort: a clip stays before its own first mora when they share a time.
    const events = this.events
      .map((event, order) => ({ event, order }))
      .sort((a, b) => a.event.atMs - b.event.atMs || a.order - b.order)
      .map(({ event }) => event);
    return { events, durationMs: this.cursor, then, poem };
  }
}

/**
 * Plans the whole reading of `order` (poem numbers 1–100, in reading order) as segments; the
 * player plays one segment, waits for settle() when the segment says so, then plays the next.
 */
export function planReading(
  order: readonly number[],
  rhythm: Rhythm,
  timing: TimingLookup = (ref) => timingOf(ref),
): Segment[] {
  if (!(rhythm.readingRate > 0)) throw new Error(`readingRate must be > 0, got ${rhythm.readingRate}`);
  const segment = () => new SegmentBuilder(rhythm, timing);
  const kami = (poem: number): ClipRef => ({ poem, half: 'kami' });
  const shimo = (poem: number): ClipRef => ({ poem, half: 'shimo' });
  const withJoka = rhythm.joka ?? true;
  const segments: Segment[] = [];
  const [first] = order;
  if (first === undefined) return withJoka ? [segment().joka().build('end', null)] : [];

  switch (rhythm.protocol) {
    case 'competition': {
      const opening = segment();
      if (withJoka) opening.joka().pause();
      segments.push(opening.half(kami(first), false).build('settle', first));
      order.forEach((poem, i) => {
        const next = order[i + 1];
        const unit = segment().half(shimo(poem), true);
        segments.push(
          next === undefined
            ? unit.build('end', null)
            : unit.pause().half(kami(next), false).build('settle', next),
        );
      });
      return segments;
    }
    case 'beginner': {
      order.forEach((poem, i) => {
        const unit = segment();
        if (i === 0 && withJoka) {
          unit.half(kami(0), false).pause().half(shimo(0), true).pause();
        }
        unit.half(kami(poem), false).pause().half(shimo(poem), true);
        segments.push(unit.build('settle', poem));
      });
      return segments;
    }
    default: {
      const never: never = rhythm.protocol;
      throw new Error(`unknown protocol ${String(never)}`);
    }
  }
}

/** The clips a segment plays, each once, in order: what to load before it starts. */
export function clipsOf(segment: Segment): ClipRef[] {
  const seen = new Set<string>();
  const clips: ClipRef[] = [];
  for (const event of segment.events) {
    if (event.kind !== 'clip') continue;
    const key = `${event.clip.poem}-${event.clip.half}`;
    if (!seen.has(key)) clips.push(event.clip);
    seen.add(key);
  }
  return clips;
}
