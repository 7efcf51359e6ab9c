// The reader (読手): plays the reading of a match and tells the game, mora by mora, what has
// just been heard.
//
//   const reader = new Reader({ order, rhythm: settings, volume, muted });
//   reader.on('mora', ({ clip, index, mora, atMs }) => …);   // this mora is being heard now
//   reader.on('awaitingSettle', ({ poem }) => …);            // upper half of `poem` read; stopped
//   reader.on('notice', ({ message }) => showOnce(tr(message))); // audio cannot play: say so
//   await reader.start();
//   reader.settle();   // the take is settled: read on (the previous lower half, then the next)
//   reader.pause(); reader.resume(); reader.stop();
//
// Events: clip (a half starts), mora, halfEnd, yoin (held last sound until untilMs), pause,
// awaitingSettle, finished, notice. `atMs`/`untilMs` are performance.now() times at which the
// sound reaches the listener (mapped from the AudioContext clock through getOutputTimestamp when
// the voice plays): exact even when a busy main thread delivers the event late.
// Clock: when the voice plays, a segment is laid on the AudioContext clock as it starts: every
// clip of it is scheduled there with start(when), its fade too, and each event is due at its
// planned time on that same clock (plus the output latency). Pausing freezes that clock
// (backend.suspend), so a pause and resume moves nothing and replays nothing.
// Calling settle() while a segment is still being read lets it finish and then go straight on.
// `reader.segments` is the planned timeline (schedule.ts), for callers that want to look ahead.
// Speed: rhythm.readingRate is the clips' playback rate (pitch moves with it); the 余韻 and the
// pauses are real seconds. Decoded clips are freed once no longer needed.
//
// If the voice cannot be heard (autoplay blocked, a clip missing, no audio device, muted), the
// reader says so once through 'notice' and keeps reading on a timer with the same rhythm, so the
// game is playable muted. A blocked context is tried again before each segment.
// `timeScale` (default: ?testSpeed=N in the URL, else 1) runs the whole timeline N times faster,
// silently, keeping the order and relative timing of every event: for tests only.
import type { Bilingual } from '../i18n';
import { testSpeedFromUrl } from '../testHooks';
import {
  AUDIO_NOTICES,
  WebAudioBackend,
  type AudioBackend,
  type AudioProblem,
  type PlayingClip,
} from './backend';
import { clipsOf, planReading, type Rhythm, type Segment, type TimelineEvent } from './schedule';
import type { ClipRef, TimingLookup } from './timings';

export interface ReaderEvents {
  clip: { readonly clip: ClipRef; readonly atMs: number };
  mora: { readonly clip: ClipRef; readonly index: number; readonly mora: string; readonly atMs: number };
  halfEnd: { readonly clip: ClipRef; readonly atMs: number };
  yoin: { readonly clip: ClipRef; readonly atMs: number; readonly untilMs: number };
  pause: { readonly atMs: number; readonly untilMs: number };
  awaitingSettle: { readonly poem: number; readonly atMs: number };
  finished: { readonly atMs: number };
  notice: { readonly problem: AudioProblem; readonly message: Bilingual };
}

export type ReaderEventName = keyof ReaderEvents;
export type ReaderState =
  'idle' | 'loading' | 'reading' | 'paused' | 'awaitingSettle' | 'finished' | 'stopped';

export interface ReaderOptions {
  /** Poem numbers 1–100 in reading order (karafuda included). */
  readonly order: readonly number[];
  /** Protocol, readingRate, yoinSeconds, pauseSeconds (the Settings record fits), joka. */
  readonly rhythm: Rhythm;
  /** 0…1, default 1. */
  readonly volume?: number;
  readonly muted?: boolean;
  readonly timeScale?: number;
  readonly backend?: AudioBackend;
  /** Wall clock, ms; default performance.now. */
  readonly now?: () => number;
  readonly timings?: TimingLookup;
}

type Step = TimelineEvent;

/** How far ahead of the clock a segment is laid: start(when) must lie in the future. The
 * timer (no voice) keeps the same rhythm. */
export const SCHEDULE_AHEAD_MS = 60;
/** Longest sleep between two looks at the clock (a suspended or drifting clock is noticed). */
const MAX_SLEEP_MS = 250;

export class Reader {
  readonly segments: readonly Segment[];
  private readonly listeners = new Map<ReaderEventName, Set<(payload: never) => void>>();
  private readonly backend: AudioBackend;
  private readonly now: () => number;
  private readonly timeScale: number;
  private readonly volume: number;
  private readonly muted: boolean;
  private stateNow: ReaderState = 'idle';
  private noticeGiven = false;
  private segmentIndex = -1;
  private steps: Step[] = [];
  private nextStep = 0;
  /** Clock reading at segment time 0 (in the clock of the current mode). */
  private anchor = 0;
  private pausedAt = 0;
  private audio = false;
  private latency = 0;
  private settledEarly = false;
  private suspending: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Clips scheduled in the current segment. */
  private playing: PlayingClip[] = [];
  /** Clips decoded and kept, by `poem-half`. */
  private loaded = new Map<string, ClipRef>();

  constructor(options: ReaderOptions) {
    this.segments = planReading(options.order, options.rhythm, options.timings);
    this.backend = options.backend ?? new WebAudioBackend();
    this.now = options.now ?? (() => performance.now());
    this.timeScale = options.timeScale ?? testSpeedFromUrl();
    this.volume = options.volume ?? 1;
    this.muted = options.muted ?? false;
  }

  get state(): ReaderState {
    return this.stateNow;
  }

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends ReaderEventName>(type: K, listener: (payload: ReaderEvents[K]) => void): () => void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.listeners.set(type, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Loads the first clips and starts reading. */
  async start(): Promise<void> {
    if (this.stateNow !== 'idle') return;
    await this.runSegment(0);
  }

  /** The take is settled: read on. Before the upper half is over, read on once it is. */
  settle(): void {
    if (this.stateNow === 'awaitingSettle') void this.runSegment(this.segmentIndex + 1);
    else if (this.stateNow === 'reading' || this.stateNow === 'paused' || this.stateNow === 'loading') {
      this.settledEarly = true;
    }
  }

  pause(): void {
    if (this.stateNow !== 'reading') return;
    clearTimeout(this.timer);
    this.stateNow = 'paused';
    // The voice: the audio clock stops, with every clip scheduled on it. The timer: remember
    // where the timeline stood.
    if (this.audio) this.suspending = this.backend.suspend();
    else this.pausedAt = this.elapsed();
  }

  resume(): void {
    if (this.stateNow !== 'paused') return;
    this.stateNow = 'reading';
    if (!this.audio) {
      this.anchor = this.clock() - this.pausedAt / this.timeScale;
      this.tick();
      return;
    }
    const paused = this.suspending;
    void paused.then(async () => {
      if (this.stateNow !== 'reading') return; // paused (or stopped) again meanwhile
      await this.backend.resume();
      if (this.stateNow === 'reading') this.tick();
    });
  }

  /** Stops for good and frees the audio. */
  stop(): void {
    clearTimeout(this.timer);
    for (const clip of this.playing) clip.stop();
    this.playing = [];
    this.stateNow = 'stopped';
    this.backend.dispose();
  }

  private emit<K extends ReaderEventName>(type: K, payload: ReaderEvents[K]): void {
    for (const listener of this.listeners.get(type) ?? []) {
      (listener as (p: ReaderEvents[K]) => void)(payload);
    }
  }

  private problem(problem: AudioProblem): void {
    if (this.noticeGiven) return;
    this.noticeGiven = true;
    this.emit('notice', { problem, message: AUDIO_NOTICES[problem] });
  }

  private clock(): number {
    return this.audio ? this.backend.nowMs() : this.now();
  }

  /** Segment time, ms of the (unscaled) timeline. */
  private elapsed(): number {
    return (this.clock() - this.anchor) * this.timeScale;
  }

  private async runSegment(index: number): Promise<void> {
    const segment = this.segments[index];
    if (!segment) return this.finish();
    this.segmentIndex = index;
    this.settledEarly = false;
    this.stateNow = 'loading';
    this.release(index);
    this.audio = await this.prepare(segment);
    if (this.stateNow !== 'loading') return; // stopped while loading
    const following = this.segments[index + 1];
    if (following && this.audio) for (const clip of clipsOf(following)) void this.load(clip);
    this.latency = this.audio ? this.backend.latencyMs() : 0;
    this.steps = [...segment.events];
    this.nextStep = 0;
    this.playing = [];
    this.anchor = this.clock() + SCHEDULE_AHEAD_MS / this.timeScale;
    if (this.audio) this.schedule(segment);
    this.stateNow = 'reading';
    this.tick();
  }

  /** Lays every clip of the segment, and its fade, on the audio clock. */
  private schedule(segment: Segment): void {
    for (const event of segment.events) {
      if (event.kind !== 'clip' || !this.loaded.has(`${event.clip.poem}-${event.clip.half}`)) continue;
      const playing = this.backend.play(event.clip, event.rate, this.volume, this.anchor + event.atMs);
      if (!playing) {
        for (const clip of this.playing) clip.stop();
        this.playing = [];
        return this.switchToTimer('blocked');
      }
      if (event.fadeAtMs !== null) playing.fadeOut(this.anchor + event.fadeAtMs, event.fadeMs);
      this.playing.push(playing);
    }
  }

  /** Frees the clips that neither this segment nor the next one plays. */
  private release(index: number): void {
    const needed = [index, index + 1].flatMap((i) => {
      const segment = this.segments[i];
      return segment ? clipsOf(segment) : [];
    });
    const keep = new Set(needed.map((clip) => `${clip.poem}-${clip.half}`));
    for (const [key, clip] of [...this.loaded]) {
      if (keep.has(key)) continue;
      this.backend.unload(clip);
      this.loaded.delete(key);
    }
  }

  /** True when the voice can play this segment; otherwise says why, once. */
  private async prepare(segment: Segment): Promise<boolean> {
    if (this.timeScale !== 1) return false;
    if (this.muted) {
      this.problem('muted');
      return false;
    }
    const results = await Promise.all(clipsOf(segment).map((clip) => this.load(clip)));
    const problem = await this.backend.check();
    if (problem) this.problem(problem);
    else if (results.includes(false)) this.problem('missing');
    return problem === null && results.includes(true);
  }

  private async load(clip: ClipRef): Promise<boolean> {
    const ok = await this.backend.load(clip);
    if (ok) this.loaded.set(`${clip.poem}-${clip.half}`, clip);
    return ok;
  }

  private tick = (): void => {
    if (this.stateNow !== 'reading') return;
    for (;;) {
      const step = this.steps[this.nextStep];
      if (!step || this.due(step) > this.elapsed()) break;
      this.nextStep += 1;
      this.dispatch(step);
      if (this.stateNow !== 'reading') return;
    }
    const step = this.steps[this.nextStep];
    const segment = this.segments[this.segmentIndex];
    if (!step && segment) {
      if (this.elapsed() >= segment.durationMs) return this.endSegment(segment);
    }
    const target = step ? this.due(step) : (segment?.durationMs ?? 0);
    const waitMs = Math.max(0, (target - this.elapsed()) / this.timeScale);
    // Sleep until the next event is due on the clock; look again at least every 250 ms, as
    // timers and the audio clock drift apart.
    this.timer = setTimeout(this.tick, Math.min(Math.ceil(waitMs), MAX_SLEEP_MS));
  };

  /** Segment time at which a step reaches the listener (sounds travel through the output). */
  private due(step: Step): number {
    return step.atMs + (this.audio ? this.latency : 0);
  }

  /** performance.now() time at which segment time `segmentMs` is heard, however late we woke. */
  private wallTimeOf(segmentMs: number): number {
    const clockMs = this.anchor + segmentMs / this.timeScale;
    return this.audio ? this.backend.wallTimeOf(clockMs) : clockMs;
  }

  private dispatch(step: Step): void {
    switch (step.kind) {
      case 'clip':
        this.emit('clip', { clip: step.clip, atMs: this.wallTimeOf(step.atMs) });
        return;
      case 'mora':
        this.emit('mora', {
          clip: step.clip,
          index: step.index,
          mora: step.mora,
          atMs: this.wallTimeOf(step.atMs),
        });
        return;
      case 'halfEnd':
        this.emit('halfEnd', { clip: step.clip, atMs: this.wallTimeOf(step.atMs) });
        return;
      case 'yoin':
        this.emit('yoin', {
          clip: step.clip,
          atMs: this.wallTimeOf(step.atMs),
          untilMs: this.wallTimeOf(step.untilMs),
        });
        return;
      case 'pause':
        this.emit('pause', {
          atMs: this.wallTimeOf(step.atMs),
          untilMs: this.wallTimeOf(step.untilMs),
        });
        return;
      default: {
        const never: never = step;
        throw new Error(`unknown step ${String(never)}`);
      }
    }
  }

  /** The voice failed mid-segment: carry on from the same point on the wall clock. */
  private switchToTimer(problem: AudioProblem): void {
    const elapsed = this.elapsed();
    this.audio = false;
    this.latency = 0;
    this.anchor = this.now() - elapsed / this.timeScale;
    this.problem(problem);
  }

  private endSegment(segment: Segment): void {
    if (segment.then === 'end') return this.finish();
    if (this.settledEarly) {
      void this.runSegment(this.segmentIndex + 1);
      return;
    }
    this.stateNow = 'awaitingSettle';
    this.emit('awaitingSettle', { poem: segment.poem ?? 0, atMs: this.wallTimeOf(segment.durationMs) });
  }

  private finish(): void {
    this.stateNow = 'finished';
    this.emit('finished', { atMs: this.now() });
  }
}
