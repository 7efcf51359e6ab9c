import { describe, expect, it } from 'vitest';
import { align, editDistance } from '../../src/training/align';
import { markOutput } from '../../src/game/panels/settings/poemView';

const chars = (s: string) => [...s];

describe('aligning what the model wrote with the right answer', () => {
  it('marks one missing character as one mark, and the rest of the line stays right', () => {
    // ひとにはつげよ with the second character left out.
    const marks = markOutput(chars('ひとにはつげよ'), chars('ひにはつげよ'));
    expect(marks.map((m) => m.char).join('')).toBe('ひ＿にはつげよ');
    expect(marks.map((m) => m.answer).join('')).toBe('ひとにはつげよ');
    expect(marks.filter((m) => !m.right)).toHaveLength(1);
  });

  it('marks one extra character over a gap in the answer', () => {
    const marks = markOutput(chars('わがみよにふる'), chars('わがみよよにふる'));
    expect(marks.filter((m) => !m.right).map((m) => m.kind)).toEqual(['extra']);
    expect(marks.filter((m) => m.right)).toHaveLength(7);
  });

  it('lines up outputs of the right length position by position', () => {
    expect(align(chars('あいう'), chars('あえう')).map((c) => c.kind)).toEqual([
      'match',
      'substitute',
      'match',
    ]);
  });

  it('handles empty outputs and empty answers', () => {
    expect(markOutput(chars('あい'), []).map((m) => m.char)).toEqual(['＿', '＿']);
    expect(markOutput([], chars('あ')).map((m) => m.kind)).toEqual(['extra']);
    expect(align([], [])).toEqual([]);
  });

  it('counts the edits of the Levenshtein distance', () => {
    expect(editDistance(chars('kitten'), chars('sitting'))).toBe(3);
    expect(editDistance(chars('あいう'), chars('あいう'))).toBe(0);
  });
});
