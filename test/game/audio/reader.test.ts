import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AudioBackend, AudioProblem, PlayingClip } from '../../../src/game/audio/backend';
import { Reader, SCHEDULE_AHEAD_MS as AHEAD, type ReaderEvents } from '../../../src/game/audio/reader';
import type { Rhythm } from '../../../src/game/audio/schedule';
import type { ClipRef, ClipTiming } from '../../../src/game/audio/timings';
import { testSpeedFromUrl } from '../../../src/game/testHooks';

// Clips of 3 morae at 100/400/700 ms, speech over at 1000; lower halves hold to 5000.
function fakeTiming(ref: ClipRef): ClipTiming {
  const hold = ref.half === 'shimo';
  return {
    durationMs: hold ? 5200 : 1200,
    speechEndMs: 1000,
    holdStartMs: hold ? 1000 : null,
    soundEndMs: hold ? 5000 : 1000,
    morae: ['a', 'b', 'c'].map((m, i) => ({ mora: `${ref.poem}${ref.half[0]}${m}`, startMs: 100 + 300 * i })),
  };
}

const RHYTHM: Rhythm = {
  protocol: 'competition',
  readingRate: 1,
  yoinSeconds: 2,
  pauseSeconds: 1,
  joka: false,
};

/** Audio clock = Date.now() (fake timers) standing still while suspended; a clip plays from its
 * scheduled time for its duration, fades where told. */
class FakeBackend implements AudioBackend {
  readonly played: { clip: string; at: number; rate: number }[] = [];
  readonly fades: { at: number; ms: number }[] = [];
  readonly unloaded: string[] = [];
  readonly stopped: string[] = [];
  problem: AudioProblem | null = null;
  missing = new Set<string>();
  failPlay = false;
  private frozenAt: number | null = null;
  private frozenFor = 0;
  load(clip: ClipRef) {
    return Promise.resolve(!this.missing.has(`${clip.poem}${clip.half}`));
  }
  check() {
    return Promise.resolve(this.problem);
  }
  unload(clip: ClipRef) {
    this.unloaded.push(`${clip.poem}${clip.half}`);
  }
  play(clip: ClipRef, rate: number, _volume: number, atMs: number): PlayingClip | null {
    if (this.failPlay) return null;
    const id = `${clip.poem}${clip.half}`;
    this.played.push({ clip: id, at: atMs, rate });
    return {
      fadeOut: (at, ms) => this.fades.push({ at, ms }),
      stop: () => this.stopped.push(id),
    };
  }
  suspend() {
    this.frozenAt ??= Date.now();
    return Promise.resolve();
  }
  resume() {
    if (this.frozenAt !== null) this.frozenFor += Date.now() - this.frozenAt;
    this.frozenAt = null;
    return Promise.resolve();
  }
  nowMs() {
    return (this.frozenAt ?? Date.now()) - this.frozenFor;
  }
  latencyMs() {
    return 0;
  }
  wallTimeOf(audioMs: number) {
    return audioMs + this.frozenFor;
  }
  dispose() {}
}

function record(reader: Reader) {
  const log: { type: keyof ReaderEvents; at: number; what: string }[] = [];
  const names: (keyof ReaderEvents)[] = [
    'clip',
    'mora',
    'halfEnd',
    'yoin',
    'pause',
    'awaitingSettle',
    'finished',
    'notice',
  ];
  for (const type of names) {
    reader.on(type, (e: ReaderEvents[typeof type]) => {
      const what = 'mora' in e ? e.mora : 'problem' in e ? e.problem : 'poem' in e ? String(e.poem) : '';
      log.push({ type, at: Date.now() - T0, what });
    });
  }
  return log;
}

let T0 = 0;
beforeEach(() => {
  vi.useFakeTimers();
  T0 = Date.now();
});
afterEach(() => vi.useRealTimers());

const make = (backend: AudioBackend, extra: Partial<ConstructorParameters<typeof Reader>[0]> = {}) =>
  new Reader({
    order: [7, 9],
    rhythm: RHYTHM,
    backend,
    now: () => Date.now(),
    timings: fakeTiming,
    timeScale: 1,
    ...extra,
  });

describe('Reader', () => {
  it('plays the upper half, stops until settle(), then reads the lower half, 余韻 and next upper half', async () => {
    const backend = new FakeBackend();
    const reader = make(backend);
    const log = record(reader);
    await reader.start();
    await vi.advanceTimersByTimeAsync(1500);
    expect(reader.state).toBe('awaitingSettle');
    // A segment is laid on the clock AHEAD ms after it begins (start(when) lies in the future).
    expect(log.filter((e) => e.type === 'mora')).toEqual([
      { type: 'mora', at: AHEAD + 100, what: '7ka' },
      { type: 'mora', at: AHEAD + 400, what: '7kb' },
      { type: 'mora', at: AHEAD + 700, what: '7kc' },
    ]);
    expect(log.find((e) => e.type === 'awaitingSettle')).toMatchObject({ at: AHEAD + 1000, what: '7' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(backend.played.map((p) => p.clip)).toEqual(['7kami']);

    const settledAt = Date.now() - T0;
    reader.settle();
    await vi.advanceTimersByTimeAsync(5000);
    // Every clip of the segment is scheduled on the audio clock when it begins.
    expect(backend.played.map((p) => [p.clip, p.at - T0 - settledAt])).toEqual([
      ['7kami', AHEAD - settledAt],
      ['7shimo', AHEAD],
      ['9kami', AHEAD + 1000 + 2000 + 1000 - 100],
    ]);
    // The held vowel fades out so that it is silent when the 2 s 余韻 ends.
    expect(backend.fades).toEqual([{ at: T0 + settledAt + AHEAD + 3000 - 300, ms: 300 }]);
    expect(log.filter((e) => e.type === 'notice')).toEqual([]);
  });

  it('ends after the last lower half once every take is settled', async () => {
    const reader = make(new FakeBackend());
    const log = record(reader);
    await reader.start();
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(10_000);
      reader.settle();
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reader.state).toBe('finished');
    expect(log.filter((e) => e.type === 'awaitingSettle').map((e) => e.what)).toEqual(['7', '9']);
    expect(log.filter((e) => e.type === 'finished')).toHaveLength(1);
  });

  it('when muted, says so once and keeps the same rhythm on a timer', async () => {
    const audible = make(new FakeBackend());
    const muted = make(new FakeBackend(), { muted: true });
    const logs = [record(audible), record(muted)];
    await audible.start();
    await muted.start();
    await vi.advanceTimersByTimeAsync(2000);
    audible.settle();
    muted.settle();
    await vi.advanceTimersByTimeAsync(8000);
    const [withVoice, silent] = logs.map((log) => log.filter((e) => e.type === 'mora'));
    expect(silent).toEqual(withVoice);
    expect(logs[1]!.filter((e) => e.type === 'notice')).toEqual([{ type: 'notice', at: 0, what: 'muted' }]);
  });

  it('when the browser blocks audio, gives one notice for the whole reading and reads on', async () => {
    const backend = new FakeBackend();
    backend.problem = 'blocked';
    const reader = make(backend);
    const log = record(reader);
    await reader.start();
    await vi.advanceTimersByTimeAsync(2000);
    reader.settle();
    await vi.advanceTimersByTimeAsync(8000);
    expect(backend.played).toEqual([]);
    expect(log.filter((e) => e.type === 'notice').map((e) => e.what)).toEqual(['blocked']);
    expect(log.filter((e) => e.type === 'mora')).toHaveLength(9);
  });

  it('brings the voice back at the next segment once the context runs again', async () => {
    const backend = new FakeBackend();
    backend.problem = 'blocked';
    const reader = make(backend);
    await reader.start();
    await vi.advanceTimersByTimeAsync(2000);
    backend.problem = null;
    reader.settle();
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.played.map((p) => p.clip)).toEqual(['7shimo', '9kami']);
  });

  it('reads on without the voice for a missing clip, saying so once', async () => {
    const backend = new FakeBackend();
    backend.missing.add('7kami');
    const reader = make(backend);
    const log = record(reader);
    await reader.start();
    await vi.advanceTimersByTimeAsync(2000);
    expect(log.filter((e) => e.type === 'notice').map((e) => e.what)).toEqual(['missing']);
    expect(log.filter((e) => e.type === 'mora').map((e) => e.at - AHEAD)).toEqual([100, 400, 700]);
  });

  it('falls back to the timer when a clip refuses to play, keeping the timing', async () => {
    const backend = new FakeBackend();
    backend.failPlay = true;
    const reader = make(backend);
    const log = record(reader);
    await reader.start();
    await vi.advanceTimersByTimeAsync(2000);
    expect(log.filter((e) => e.type === 'notice').map((e) => e.what)).toEqual(['blocked']);
    expect(log.filter((e) => e.type === 'mora').map((e) => e.at - AHEAD)).toEqual([100, 400, 700]);
  });

  it('runs a test speed-up silently with the same order and timing divided by the factor', async () => {
    const backend = new FakeBackend();
    const reader = make(backend, { timeScale: 20 });
    const log = record(reader);
    await reader.start();
    await vi.advanceTimersByTimeAsync(200);
    reader.settle();
    await vi.advanceTimersByTimeAsync(1000);
    const morae = log.filter((e) => e.type === 'mora');
    expect(morae.map((e) => e.what)).toEqual(['7ka', '7kb', '7kc', '7sa', '7sb', '7sc', '9ka', '9kb', '9kc']);
    expect(morae.slice(0, 3).map((e) => e.at)).toEqual([5, 20, 35].map((t) => t + AHEAD / 20));
    expect(backend.played).toEqual([]);
    expect(log.filter((e) => e.type === 'notice')).toEqual([]);
  });

  it('shifts everything after a pause by the time spent paused', async () => {
    const reader = make(new FakeBackend());
    const log = record(reader);
    await reader.start();
    await vi.advanceTimersByTimeAsync(250);
    reader.pause();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(log.filter((e) => e.type === 'mora')).toHaveLength(1);
    reader.resume();
    await vi.advanceTimersByTimeAsync(1000);
    expect(log.filter((e) => e.type === 'mora').map((e) => e.at - AHEAD)).toEqual([100, 10_400, 10_700]);
  });

  it('after a pause and resume during an upper half, replays nothing that had finished', async () => {
    // Issue 12: P during an upper half, P again, and the previous lower half (or, in the first
    // reading, both 序歌 clips) started over. Failed on the old reader, which resumed every clip
    // of the segment, finished or not (its fake modelled Howler's play(id) on an ended sound).
    const backend = new FakeBackend();
    const reader = make(backend, { rhythm: { ...RHYTHM, joka: true, yoinSeconds: 4 } });
    const log = record(reader);
    await reader.start();
    // Opening segment: 序歌 upper, lower, lower again, pause, then poem 7's upper half.
    await vi.advanceTimersByTimeAsync(12_500);
    const playedBefore = backend.played.length;
    const stamps = log.filter((e) => e.type === 'mora').length;
    reader.pause();
    await vi.advanceTimersByTimeAsync(5000);
    reader.resume();
    await vi.advanceTimersByTimeAsync(5000);
    expect(reader.state).toBe('awaitingSettle');
    expect(backend.played.map((p) => p.clip)).toEqual(['0kami', '0shimo', '0shimo', '7kami']);
    expect(backend.played).toHaveLength(playedBefore);
    expect(backend.stopped).toEqual([]);
    // Nothing was heard twice and the rest of the half came after the pause, in order.
    const morae = log.filter((e) => e.type === 'mora');
    expect(morae.map((e) => e.what)).toEqual([
      ...['0ka', '0kb', '0kc', '0sa', '0sb', '0sc', '0sa', '0sb', '0sc'],
      ...['7ka', '7kb', '7kc'],
    ]);
    expect(morae.slice(stamps).every((e) => e.at >= 12_500 + 5000)).toBe(true);

    // And in a later unit: the previous lower half is not played again over the upper half.
    reader.settle();
    await vi.advanceTimersByTimeAsync(6000 + 200);
    reader.pause();
    await vi.advanceTimersByTimeAsync(3000);
    reader.resume();
    await vi.advanceTimersByTimeAsync(5000);
    expect(backend.played.map((p) => p.clip)).toEqual([
      '0kami',
      '0shimo',
      '0shimo',
      '7kami',
      '7shimo',
      '9kami',
    ]);
  });

  it('pauses the voice by freezing the audio clock, so the rest of the segment moves with it', async () => {
    const backend = new FakeBackend();
    const reader = make(backend);
    const log = record(reader);
    await reader.start();
    await vi.advanceTimersByTimeAsync(300);
    reader.pause();
    await vi.advanceTimersByTimeAsync(2000);
    expect(backend.nowMs() - T0).toBe(300);
    reader.resume();
    await vi.advanceTimersByTimeAsync(1000);
    // Heard (wall clock) 2 s later than planned after the pause, exactly; played once.
    expect(log.filter((e) => e.type === 'mora').map((e) => e.at - AHEAD)).toEqual([100, 2400, 2700]);
    expect(backend.played).toHaveLength(1);
  });

  it('goes straight on when the take was settled before the upper half ended', async () => {
    const backend = new FakeBackend();
    const reader = make(backend);
    const log = record(reader);
    await reader.start();
    await vi.advanceTimersByTimeAsync(500);
    reader.settle();
    await vi.advanceTimersByTimeAsync(600);
    expect(log.filter((e) => e.type === 'awaitingSettle')).toEqual([]);
    expect(backend.played.map((p) => [p.clip, p.at - T0])).toEqual([
      ['7kami', AHEAD],
      ['7shimo', AHEAD + 1000 + AHEAD],
      ['9kami', AHEAD + 1000 + AHEAD + 1000 + 2000 + 1000 - 100],
    ]);
  });
});

describe('Reader memory', () => {
  it('frees each clip once neither the segment being read nor the next one needs it', async () => {
    const backend = new FakeBackend();
    const reader = new Reader({
      order: [7, 9, 11],
      rhythm: RHYTHM,
      backend,
      now: () => Date.now(),
      timings: fakeTiming,
      timeScale: 1,
    });
    await reader.start();
    const seen: string[][] = [];
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(10_000);
      seen.push([...backend.unloaded]);
      reader.settle();
    }
    // Segments: [7k] [7s 9k] [9s 11k] [11s]: 7k goes when [7s 9k] starts, and so on.
    expect(seen).toEqual([
      [],
      ['7kami'],
      ['7kami', '7shimo', '9kami'],
      ['7kami', '7shimo', '9kami', '9shimo', '11kami'],
    ]);
  });
});

describe('Reader timestamps', () => {
  it('stamps each mora with when it is heard, even if the page hears of it late', async () => {
    const backend = new FakeBackend();
    const reader = make(backend);
    const stamps: number[] = [];
    reader.on('mora', ({ atMs }) => stamps.push(atMs - T0));
    await reader.start();
    // The main thread is blocked for 650 ms: the timers wake late, the stamps stay exact.
    vi.setSystemTime(Date.now() + 650);
    await vi.advanceTimersByTimeAsync(1000);
    expect(stamps).toEqual([100, 400, 700].map((t) => t + AHEAD));
  });
});

describe('testSpeedFromUrl', () => {
  it('reads a positive ?testSpeed and otherwise plays at real speed', () => {
    expect(testSpeedFromUrl('?testSpeed=20')).toBe(20);
    expect(testSpeedFromUrl('?x=1')).toBe(1);
    expect(testSpeedFromUrl('?testSpeed=-3')).toBe(1);
  });
});
