import { describe, expect, it } from 'vitest';
import { clipsOf, planReading, type Rhythm, type Segment } from '../../../src/game/audio/schedule';
import type { ClipRef, ClipTiming } from '../../../src/game/audio/timings';

// A synthetic clip: 3 morae at 100, 400, 700 ms; speech ends at 1000; a lower half holds its
// vowel from 1000 to 5000; 200 ms of tail.
function fakeTiming(ref: ClipRef): ClipTiming {
  const hold = ref.half === 'shimo';
  return {
    durationMs: hold ? 5200 : 1200,
    speechEndMs: 1000,
    holdStartMs: hold ? 1000 : null,
    soundEndMs: hold ? 5000 : 1000,
    morae: ['a', 'b', 'c'].map((m, i) => ({ mora: `${ref.poem}${ref.half}${m}`, startMs: 100 + 300 * i })),
  };
}

const CLASSIC: Rhythm = { protocol: 'competition', readingRate: 1, yoinSeconds: 3, pauseSeconds: 1 };

function clipNames(segment: Segment): string[] {
  return segment.events.flatMap((e) => (e.kind === 'clip' ? [`${e.clip.poem}${e.clip.half}`] : []));
}

function kinds(segment: Segment): string[] {
  return segment.events.filter((e) => e.kind !== 'mora').map((e) => e.kind);
}

function firstMoraOf(segment: Segment, name: string, nth = 0): number {
  const morae = segment.events.filter(
    (e) => e.kind === 'mora' && `${e.clip.poem}${e.clip.half}` === name && e.index === 0,
  );
  const event = morae[nth];
  if (!event) throw new Error(`no mora of ${name}`);
  return event.atMs;
}

describe('planReading, competition protocol', () => {
  const segments = planReading([17, 3, 61], CLASSIC, fakeTiming);

  it('opens with the joka upper, lower, lower again, then the first upper half, and stops', () => {
    const [opening] = segments;
    expect(clipNames(opening!)).toEqual(['0kami', '0shimo', '0shimo', '17kami']);
    expect(kinds(opening!)).toEqual([
      ...['clip', 'halfEnd', 'pause'],
      ...['clip', 'halfEnd', 'yoin', 'pause'],
      ...['clip', 'halfEnd', 'yoin', 'pause'],
      ...['clip', 'halfEnd'],
    ]);
    expect(opening!.then).toBe('settle');
    expect(opening!.poem).toBe(17);
  });

  it('then reads each previous lower half, holds it, pauses, and reads the next upper half', () => {
    expect(segments.map(clipNames)).toEqual([
      ['0kami', '0shimo', '0shimo', '17kami'],
      ['17shimo', '3kami'],
      ['3shimo', '61kami'],
      ['61shimo'],
    ]);
    expect(kinds(segments[1]!)).toEqual(['clip', 'halfEnd', 'yoin', 'pause', 'clip', 'halfEnd']);
    expect(segments.map((s) => [s.then, s.poem])).toEqual([
      ['settle', 17],
      ['settle', 3],
      ['settle', 61],
      ['end', null],
    ]);
  });

  it('holds the last sound for the 余韻 and starts the next half exactly one pause later', () => {
    const unit = segments[1]!;
    const yoin = unit.events.find((e) => e.kind === 'yoin');
    expect(yoin).toMatchObject({ atMs: 1000, untilMs: 4000 });
    expect(unit.events.find((e) => e.kind === 'pause')).toMatchObject({ atMs: 4000, untilMs: 5000 });
    expect(firstMoraOf(unit, '3kami')).toBe(5000);
    // The upper half's clip starts early by its own lead-in so the first sound lands on time.
    const clip = unit.events.filter((e) => e.kind === 'clip')[1];
    expect(clip?.atMs).toBe(4900);
    expect(unit.durationMs).toBe(5000 + 900);
  });

  it('fades the held vowel out so that it is silent when the 余韻 is over', () => {
    const clip = segments[1]!.events.find((e) => e.kind === 'clip');
    expect(clip).toMatchObject({ fadeAtMs: 3700, fadeMs: 300 });
  });

  it('keeps the set rhythm when the 余韻 asked for is longer than the recorded hold', () => {
    const long = planReading([1, 2], { ...CLASSIC, yoinSeconds: 5 }, fakeTiming)[1]!;
    expect(long.events.find((e) => e.kind === 'clip')).toMatchObject({ fadeAtMs: 4700 });
    expect(firstMoraOf(long, '2kami')).toBe(1000 + 5000 + 1000);
  });

  it('emits every mora of every half once, in reading order', () => {
    const heard = segments.flatMap((s) => s.events.flatMap((e) => (e.kind === 'mora' ? [e.mora] : [])));
    const expected = [
      '0kami',
      '0shimo',
      '0shimo',
      '17kami',
      '17shimo',
      '3kami',
      '3shimo',
      '61kami',
      '61shimo',
    ].flatMap((h) => ['a', 'b', 'c'].map((m) => h + m));
    expect(heard).toEqual(expected);
    for (const s of segments) {
      const times = s.events.map((e) => e.atMs);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('can leave out the joka', () => {
    const plain = planReading([5, 6], { ...CLASSIC, joka: false }, fakeTiming);
    expect(plain.map(clipNames)).toEqual([['5kami'], ['5shimo', '6kami'], ['6shimo']]);
    expect(plain[0]!.events[0]).toMatchObject({ kind: 'clip', atMs: 0 });
  });
});

describe('planReading, beginner protocol', () => {
  it('reads the upper then the lower half of the same poem, then waits for the take', () => {
    const segments = planReading([8, 9], { ...CLASSIC, protocol: 'beginner' }, fakeTiming);
    expect(segments.map(clipNames)).toEqual([
      ['0kami', '0shimo', '8kami', '8shimo'],
      ['9kami', '9shimo'],
    ]);
    expect(segments.map((s) => [s.then, s.poem])).toEqual([
      ['settle', 8],
      ['settle', 9],
    ]);
    const unit = segments[1]!;
    expect(firstMoraOf(unit, '9shimo')).toBe(1000 + 1000);
    expect(unit.durationMs).toBe(2000 - 100 + 1000 + 3000);
  });
});

describe('planReading, speed and pauses', () => {
  it('scales every clip time by 1/readingRate and leaves the set pauses and 余韻 as set', () => {
    const slow = planReading([1, 2], { ...CLASSIC, joka: false }, fakeTiming)[1]!;
    const fast = planReading([1, 2], { ...CLASSIC, joka: false, readingRate: 2 }, fakeTiming)[1]!;
    const moraTimes = (s: Segment) => s.events.flatMap((e) => (e.kind === 'mora' ? [e.atMs] : []));
    expect(moraTimes(slow).slice(0, 3)).toEqual([100, 400, 700]);
    expect(moraTimes(fast).slice(0, 3)).toEqual([50, 200, 350]);
    // Speech ends at 500 instead of 1000; the 3 s 余韻 and 1 s pause follow unchanged.
    expect(firstMoraOf(fast, '2kami')).toBe(500 + 3000 + 1000);
    expect(fast.events.find((e) => e.kind === 'clip')).toMatchObject({ rate: 2 });
  });

  it('moves the next half by exactly the change in pause and 余韻', () => {
    const base = planReading([1, 2], { ...CLASSIC, joka: false }, fakeTiming)[1]!;
    const longer = planReading(
      [1, 2],
      { ...CLASSIC, joka: false, pauseSeconds: 2.5, yoinSeconds: 1 },
      fakeTiming,
    )[1]!;
    expect(firstMoraOf(longer, '2kami') - firstMoraOf(base, '2kami')).toBe(1500 - 2000);
  });

  it('refuses a non-positive reading rate', () => {
    expect(() => planReading([1], { ...CLASSIC, readingRate: 0 }, fakeTiming)).toThrow(/readingRate/);
  });
});

describe('clipsOf', () => {
  it('lists each clip a segment needs once, in order', () => {
    const [opening] = planReading([4], CLASSIC, fakeTiming);
    expect(clipsOf(opening!)).toEqual([
      { poem: 0, half: 'kami' },
      { poem: 0, half: 'shimo' },
      { poem: 4, half: 'kami' },
    ]);
  });
});
