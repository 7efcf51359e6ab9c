// What the Reader needs from an audio engine, and the one it uses in the game: Howler on Web
// Audio (html5: false, so the clips are decoded buffers that start at once and share the
// AudioContext clock the Reader schedules against). Tests swap in a fake.
import { Howl, Howler } from 'howler';
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

/** A clip that has started playing. */
export interface PlayingClip {
  fadeOut(ms: number): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

export interface AudioBackend {
  /** Loads a clip; false when it is missing or cannot be decoded. Safe to call twice. */
  load(clip: ClipRef): Promise<boolean>;
  /** Frees a clip's decoded audio (a match reads 200 halves; each is ~1 MB decoded). */
  unload(clip: ClipRef): void;
  /** Null when audio can play now; may first try to resume a suspended context. */
  check(): Promise<AudioProblem | null>;
  /** Starts a loaded clip at once; null if it cannot. */
  play(clip: ClipRef, rate: number, volume: number): PlayingClip | null;
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

export class HowlerBackend implements AudioBackend {
  private readonly howls = new Map<string, Howl>();
  private readonly loads = new Map<string, Promise<boolean>>();

  /** `urls` maps a clip id to its sources, best first; the default is the bundled clips. */
  constructor(private readonly urls: (id: string) => string[] = bundledUrls) {
    // Howler suspends the context after 30 s of silence; resuming costs latency at the exact
    // moment the next half should start.
    Howler.autoSuspend = false;
  }

  load(clip: ClipRef): Promise<boolean> {
    const id = clipId(clip);
    const known = this.loads.get(id);
    if (known) return known;
    const src = this.urls(id);
    const loading =
      src.length === 0
        ? Promise.resolve(false)
        : new Promise<boolean>((resolve) => {
            const howl = new Howl({
              src,
              format: src.map((url) => url.split('?')[0]?.split('.').pop() ?? ''),
              html5: false,
              preload: true,
              onload: () => resolve(true),
              onloaderror: () => resolve(false),
            });
            this.howls.set(id, howl);
            void wait(LOAD_TIMEOUT_MS).then(() => resolve(howl.state() === 'loaded'));
          });
    this.loads.set(id, loading);
    return loading;
  }

  unload(clip: ClipRef): void {
    const id = clipId(clip);
    this.howls.get(id)?.unload();
    this.howls.delete(id);
    this.loads.delete(id);
  }

  async check(): Promise<AudioProblem | null> {
    if (Howler.noAudio) return 'no-device';
    const ctx = Howler.ctx as AudioContext | undefined;
    if (!ctx) return 'no-device';
    if (ctx.state !== 'running') {
      await Promise.race([ctx.resume().catch(() => undefined), wait(RESUME_TIMEOUT_MS)]);
    }
    return (ctx.state as string) === 'running' ? null : 'blocked';
  }

  play(clip: ClipRef, rate: number, volume: number): PlayingClip | null {
    const howl = this.howls.get(clipId(clip));
    if (!howl || howl.state() !== 'loaded') return null;
    const id = howl.play();
    howl.rate(rate, id);
    howl.volume(volume, id);
    return {
      fadeOut: (ms) => howl.fade(volume, 0, ms, id),
      pause: () => howl.pause(id),
      resume: () => void howl.play(id),
      stop: () => howl.stop(id),
    };
  }

  nowMs(): number {
    return (Howler.ctx?.currentTime ?? 0) * 1000;
  }

  latencyMs(): number {
    const ctx = Howler.ctx as AudioContext | undefined;
    return ((ctx?.outputLatency ?? 0) + (ctx?.baseLatency ?? 0)) * 1000;
  }

  wallTimeOf(audioMs: number): number {
    // The output timestamp pairs the two clocks at the speaker, exactly; reading each clock in
    // turn would be off by up to an audio callback (tens of ms on a busy machine).
    const ctx = Howler.ctx as AudioContext | undefined;
    const stamp = ctx?.getOutputTimestamp?.();
    if (stamp?.performanceTime && stamp.contextTime !== undefined) {
      return stamp.performanceTime + audioMs - stamp.contextTime * 1000;
    }
    return performance.now() + audioMs - this.nowMs() + this.latencyMs();
  }

  dispose(): void {
    for (const howl of this.howls.values()) howl.unload();
    this.howls.clear();
    this.loads.clear();
  }
}

/** Opus first (smaller), MP3 for Safari/iPad, which cannot decode Ogg Opus. */
function bundledUrls(id: string): string[] {
  const key = `/assets/audio/${id}`;
  return [OPUS_URLS[`${key}.opus`], MP3_URLS[`${key}.mp3`]].filter((u): u is string => !!u);
}
