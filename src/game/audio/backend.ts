// What the Reader needs from an audio engine, and the one it uses in the game: the Web Audio
// API on Howler's AudioContext (Howler sets the context up, unlocks it on mobile and owns the
// master volume and mute, which every clip goes through). Clips are fetched and decoded by the
// context (Ogg Opus; MP3 where the browser cannot decode Opus, as Safari and iPad), and each is
// scheduled on the context's clock with AudioBufferSourceNode.start(when): the Reader plans a
// whole segment ahead, so the voice starts on the sample it was planned for, however busy the
// main thread is. Pausing suspends the context: the clock and everything scheduled on it stop
// together and go on together, so nothing that had finished plays again. Tests swap in a fake.
import { Howler } from 'howler';
import type { Bilingual } from '../i18n';
import { clipId, type ClipRef } from './timings';

/** Why the voice cannot be heard; the reading then goes on, on screen, at the same rhythm. */
export type AudioProblem = 'blocked' | 'missing' | 'no-device' | 'muted';

export const AUDIO_NOTICES: Readonly<Record<AudioProblem, Bilingual>> = {
  blocked: {
    ja: 'ブラウザが音声の再生を止めています。読み上げは画面の文字で同じ間合いのまま続きます。画面をクリックすると声が戻ります。',
    en: 'The browser is blocking audio. The reading goes on as on-screen text at the same rhythm; click or tap to bring the voice back.',
  },
  missing: {
    ja: '読み上げの音声ファイルを読み込めませんでした。読み上げは画面の文字で同じ間合いのまま続きます。',
    en: 'Some of the reading audio could not be loaded. The reading goes on as on-screen text at the same rhythm.',
  },
  'no-device': {
    ja: 'この端末では音声を再生できません。読み上げは画面の文字で同じ間合いのまま続きます。',
    en: 'This device cannot play audio. The reading goes on as on-screen text at the same rhythm.',
  },
  muted: {
    ja: '消音中です。読み上げは画面の文字で続きます。',
    en: 'Sound is off. The reading goes on as on-screen text.',
  },
};

/** A clip scheduled to play. */
export interface PlayingClip {
  /** Fades to silence from audio-clock time `atMs` over `ms`. */
  fadeOut(atMs: number, ms: number): void;
  stop(): void;
}

export interface AudioBackend {
  /** Loads a clip; false when it is missing or cannot be decoded. Safe to call twice. */
  load(clip: ClipRef): Promise<boolean>;
  /** Frees a clip's decoded audio (a match reads 200 halves; each is ~1 MB decoded). */
  unload(clip: ClipRef): void;
  /** Null when audio can play now; may first try to resume a suspended context. */
  check(): Promise<AudioProblem | null>;
  /** Schedules a loaded clip to start at audio-clock time `atMs` (late: joins it where it
   * would be by now); null if it cannot. */
  play(clip: ClipRef, rate: number, volume: number, atMs: number): PlayingClip | null;
  /** Freezes the audio clock and everything scheduled on it; resume() lets it run on. */
  suspend(): Promise<void>;
  resume(): Promise<void>;
  /** The audio clock, ms. */
  nowMs(): number;
  /** Time from play() to the listener's ear, ms. */
  latencyMs(): number;
  /** The performance.now() time at which audio-clock time `audioMs` reaches the listener. */
  wallTimeOf(audioMs: number): number;
  dispose(): void;
}

type UrlMap = Readonly<Record<string, string>>;

const OPUS_URLS = import.meta.glob('/assets/audio/*.opus', {
  query: '?url',
  import: 'default',
  eager: true,
}) as UrlMap;
const MP3_URLS = import.meta.glob('/assets/audio/*.mp3', {
  query: '?url',
  import: 'default',
  eager: true,
}) as UrlMap;

const LOAD_TIMEOUT_MS = 8000;
const RESUME_TIMEOUT_MS = 300;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class WebAudioBackend implements AudioBackend {
  private readonly buffers = new Map<string, AudioBuffer>();
  private readonly loads = new Map<string, Promise<boolean>>();
  private readonly sources = new Set<AudioBufferSourceNode>();

  /** `urls` maps a clip id to its sources, best first; the default is the bundled clips. */
  constructor(private readonly urls: (id: string) => string[] = bundledUrls) {
    // Howler suspends the context after 30 s of silence; resuming costs latency at the exact
    // moment the next half should start.
    Howler.autoSuspend = false;
    Howler.volume(Howler.volume()); // creates Howler's context if there is none yet
  }

  private get ctx(): AudioContext | undefined {
    return (Howler.ctx as AudioContext | null | undefined) ?? undefined;
  }

  load(clip: ClipRef): Promise<boolean> {
    const id = clipId(clip);
    const known = this.loads.get(id);
    if (known) return known;
    const loading = Promise.race([
      this.decodeFirst(id, this.urls(id)),
      wait(LOAD_TIMEOUT_MS).then(() => false),
    ]);
    this.loads.set(id, loading);
    return loading;
  }

  /** Decodes the first of `src` that the browser can; false if none. */
  private async decodeFirst(id: string, src: readonly string[]): Promise<boolean> {
    for (const url of src) {
      const ctx = this.ctx;
      if (!ctx) return false;
      try {
        const response = await fetch(url);
        if (!response.ok) continue;
        const buffer = await ctx.decodeAudioData(await response.arrayBuffer());
        if (!this.loads.has(id)) return false; // unloaded meanwhile
        this.buffers.set(id, buffer);
        return true;
      } catch {
        // Cannot fetch or decode this format here: try the next one.
      }
    }
    return false;
  }

  unload(clip: ClipRef): void {
    const id = clipId(clip);
    this.buffers.delete(id);
    this.loads.delete(id);
  }

  async check(): Promise<AudioProblem | null> {
    if (Howler.noAudio) return 'no-device';
    const ctx = this.ctx;
    if (!ctx) return 'no-device';
    if (ctx.state !== 'running') {
      await Promise.race([ctx.resume().catch(() => undefined), wait(RESUME_TIMEOUT_MS)]);
    }
    return (ctx.state as string) === 'running' ? null : 'blocked';
  }

  play(clip: ClipRef, rate: number, volume: number, atMs: number): PlayingClip | null {
    const ctx = this.ctx;
    const buffer = this.buffers.get(clipId(clip));
    const output = Howler.masterGain as GainNode | null;
    if (!ctx || !buffer || !output || ctx.state !== 'running') return null;
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.playbackRate.value = rate;
    const gain = ctx.createGain();
    gain.gain.value = volume;
    source.connect(gain).connect(output);
    const when = atMs / 1000;
    const now = ctx.currentTime;
    if (when >= now) source.start(when);
    else source.start(now, (now - when) * rate);
    this.sources.add(source);
    source.onended = () => {
      this.sources.delete(source);
      gain.disconnect();
    };
    return {
      fadeOut: (fromMs, ms) => {
        gain.gain.setValueAtTime(volume, fromMs / 1000);
        gain.gain.linearRampToValueAtTime(0, (fromMs + ms) / 1000);
      },
      stop: () => {
        try {
          source.stop();
        } catch {
          // Never started (the context closed): nothing to stop.
        }
      },
    };
  }

  async suspend(): Promise<void> {
    await this.ctx?.suspend().catch(() => undefined);
  }

  async resume(): Promise<void> {
    await this.ctx?.resume().catch(() => undefined);
  }

  nowMs(): number {
    return (this.ctx?.currentTime ?? 0) * 1000;
  }

  latencyMs(): number {
    const ctx = this.ctx;
    return ((ctx?.outputLatency ?? 0) + (ctx?.baseLatency ?? 0)) * 1000;
  }

  wallTimeOf(audioMs: number): number {
    // The output timestamp pairs the two clocks at the speaker, exactly; reading each clock in
    // turn would be off by up to an audio callback (tens of ms on a busy machine).
    const stamp = this.ctx?.getOutputTimestamp?.();
    if (stamp?.performanceTime && stamp.contextTime !== undefined) {
      return stamp.performanceTime + audioMs - stamp.contextTime * 1000;
    }
    return performance.now() + audioMs - this.nowMs() + this.latencyMs();
  }

  dispose(): void {
    for (const source of [...this.sources]) {
      try {
        source.stop();
      } catch {
        // already stopped
      }
    }
    this.sources.clear();
    this.buffers.clear();
    this.loads.clear();
  }
}

/** Opus first (smaller), MP3 for Safari/iPad, which cannot decode Ogg Opus. */
function bundledUrls(id: string): string[] {
  const key = `/assets/audio/${id}`;
  return [OPUS_URLS[`${key}.opus`], MP3_URLS[`${key}.mp3`]].filter((u): u is string => !!u);
}
