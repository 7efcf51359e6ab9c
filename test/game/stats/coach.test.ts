import { describe, expect, it } from 'vitest';
import { habits, timeline } from '../../../src/game/stats/coach';
import { simulateMatch } from '../../../src/game/stats/synthetic';

describe('the coach', () => {
  it('draws one timeline row per reading with a field card or a fault', () => {
    const record = simulateMatch(5);
    const rows = timeline(record);
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(row.spanMs).toBeGreaterThan(row.reading.decideMs);
      if (row.reading.touchMs !== null)
        expect(row.playerAfterMs).toBe(row.reading.touchMs - row.reading.decideMs);
    }
    expect(rows.some((r) => r.reading.lay === null)).toBe(rows.some((r) => r.reading.faults.karafuda > 0));
  });

  it('names a late player waiting on 1-sound cards and a model sure before them', () => {
    const late = Array.from({ length: 5 }, (_, i) => simulateMatch(i, { lateMorae: 2, faultRate: 0 }));
    const ids = habits(late).map((h) => h.id);
    expect(ids).toContain('waitOnShort');
    expect(ids).toContain('modelAhead');
    expect(ids.length).toBeLessThanOrEqual(3);
  });

  it('names tomofuda faults for a player who jumps on shared first sounds', () => {
    const jumpy = Array.from({ length: 5 }, (_, i) => simulateMatch(i, { lateMorae: 0, faultRate: 0.5 }));
    expect(habits(jumpy).map((h) => h.id)).toContain('tomofudaFaults');
  });

  it('names nothing for a quick, clean player, and nothing from an empty history', () => {
    const quick = Array.from({ length: 5 }, (_, i) => simulateMatch(i, { lateMorae: 0, faultRate: 0 }));
    expect(habits(quick).map((h) => h.id)).not.toContain('waitOnShort');
    expect(habits([])).toEqual([]);
  });

  it('writes every habit in Japanese and English with its numbers', () => {
    const late = Array.from({ length: 5 }, (_, i) => simulateMatch(i, { lateMorae: 2, faultRate: 0.5 }));
    for (const h of habits(late)) {
      expect(h.text.ja).toMatch(/\d/);
      expect(h.text.en).toMatch(/\d/);
    }
  });
});
