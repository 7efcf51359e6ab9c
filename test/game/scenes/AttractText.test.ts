// The attract captions against the independent copy of the poems (/work/shared/reference):
// the count of poems still possible is recomputed there from the kana of the upper halves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toMorae } from '../../../src/data/mora';
import { apply, createMatch, type MatchState } from '../../../src/game/rules';
import { attractCaption } from '../../../src/game/scenes/AttractText';

const REFERENCE = JSON.parse(readFileSync('/work/shared/reference/hyakunin-isshu.json', 'utf8')) as {
  no: number;
  kami_reading: string;
}[];

function reading(seed: number): MatchState {
  let state = createMatch({ mode: 'competitive', seed });
  for (const action of [{ type: 'endMemorization' }, { type: 'read' }] as const) {
    const result = apply(state, action);
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
  }
  return state;
}

describe('the attract loop’s captions', () => {
  it('counts the poems whose opening still fits what was heard, as the reference does', () => {
    let counted = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const state = reading(seed);
      const poem = state.readings.at(-1)!.poem;
      const entry = REFERENCE.find((p) => p.no === poem)!;
      const first = toMorae(entry.kami_reading.replace(/\s/g, ''))[0]!;
      // At the first reading nothing has been read yet: every poem is unread.
      const expected = REFERENCE.filter((p) => p.kami_reading.startsWith(first)).length;
      if (expected < 2) continue; // a one-sound card is decided at once (the next test)
      counted++;
      const caption = attractCaption(state, [first]);
      expect(caption.ja).toBe(`「${first}」まで聞こえた — まだ ${expected} 首の可能性`);
      expect(caption.en).toMatch(
        new RegExp(`^It has heard ${first} \\(\\w+\\) — ${expected} poems still possible$`),
      );
    }
    expect(counted).toBeGreaterThan(3);
  });

  it('says the poem is decided once the heard sounds reach its kimariji, and not before', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const state = reading(seed);
      const poem = state.readings.at(-1)!.poem;
      const entry = REFERENCE.find((p) => p.no === poem)!;
      const morae = toMorae(entry.kami_reading.replace(/\s/g, ''));
      // The kimariji length from the reference: one sound past the longest opening shared.
      let shared = 0;
      for (const other of REFERENCE) {
        if (other.no === poem) continue;
        const o = toMorae(other.kami_reading.replace(/\s/g, ''));
        let k = 0;
        while (k < o.length && o[k] === morae[k]) k++;
        shared = Math.max(shared, k);
      }
      const length = shared + 1;
      expect(attractCaption(state, morae.slice(0, length)).en).toMatch(
        /^Decided at the kimariji .+ — no listener can know sooner$/,
      );
      if (length > 1)
        expect(attractCaption(state, morae.slice(0, length - 1)).en).toMatch(/poems? still possible$/);
    }
  });

  it('has a caption in both languages for every phase', () => {
    const memorizing = createMatch({ mode: 'competitive', seed: 2 });
    const caption = attractCaption(memorizing, []);
    expect(caption.ja).not.toBe('');
    expect(caption.en).not.toBe('');
  });
});
