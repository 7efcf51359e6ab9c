import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JOKA, POEMS } from '../../../src/data/poems';
import { toMorae } from '../../../src/data/mora';
import { clipId, HALVES, TIMINGS, timingOf } from '../../../src/game/audio/timings';

const ALL = [JOKA, ...POEMS].flatMap((poem) => HALVES.map((half) => ({ poem, half })));

describe('assets/audio/timings.json', () => {
  it('has a timing for both halves of the 100 poems and the 序歌, and nothing else', () => {
    expect(ALL).toHaveLength(202);
    expect(Object.keys(TIMINGS.clips).sort()).toEqual(
      ALL.map(({ poem, half }) => clipId({ poem: poem.no, half })).sort(),
    );
  });

  it('gives one timing per mora of the modern reading, with the same mora text, in order', () => {
    for (const { poem, half } of ALL) {
      const timing = timingOf({ poem: poem.no, half });
      expect(
        timing.morae.map((m) => m.mora),
        clipId({ poem: poem.no, half }),
      ).toEqual(toMorae(poem[half].reading));
    }
  });

  it('has mora times strictly increasing and inside the clip, speech before any held vowel', () => {
    for (const { poem, half } of ALL) {
      const t = timingOf({ poem: poem.no, half });
      const id = clipId({ poem: poem.no, half });
      const starts = t.morae.map((m) => m.startMs);
      starts.forEach((start, i) => {
        if (i > 0) expect(start, `${id} mora ${i}`).toBeGreaterThan(starts[i - 1]!);
      });
      expect(starts[0], id).toBeGreaterThanOrEqual(0);
      expect(starts.at(-1)!, id).toBeLessThan(t.speechEndMs);
      expect(t.soundEndMs, id).toBeLessThanOrEqual(t.durationMs);
      if (half === 'shimo') {
        // Lower halves carry their held last sound (余韻): about 4 s of it.
        expect(t.holdStartMs, id).toBe(t.speechEndMs);
        expect(t.soundEndMs - t.holdStartMs!, id).toBeGreaterThanOrEqual(3500);
      } else {
        expect(t.holdStartMs, id).toBeNull();
      }
    }
  });

  it('stamps each mora when it is heard: after its first phoneme, in its vowel, before the next mora', () => {
    for (const { poem, half } of ALL) {
      const t = timingOf({ poem: poem.no, half });
      const id = clipId({ poem: poem.no, half });
      t.morae.forEach((m, i) => {
        expect(m.onsetMs, `${id} mora ${i}`).toBeDefined();
        // A stop's closure, a fricative: the consonant comes first, the vowel is what is heard.
        expect(m.startMs, `${id} mora ${i}`).toBeGreaterThanOrEqual(m.onsetMs! + 20);
        const next = t.morae[i + 1];
        if (next) expect(m.startMs, `${id} mora ${i}`).toBeLessThan(next.startMs);
      });
    }
  });

  it('ships an Opus and an MP3 file for every clip', () => {
    for (const { poem, half } of ALL) {
      for (const ext of ['opus', 'mp3']) {
        const file = `assets/audio/${clipId({ poem: poem.no, half })}.${ext}`;
        expect(existsSync(file) && statSync(file).size > 2000, file).toBe(true);
      }
    }
  });
});
