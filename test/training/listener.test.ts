import { describe, expect, it } from 'vitest';
import { POEMS } from '../../src/data/poems';
import { fullReadingPairs, listenerTask, prefixPairs } from '../../src/training/listener';

describe('the listener data set', () => {
  const task = listenerTask();

  it('hears 44 おうことの as お お こ と の, by sound, not as written', () => {
    const poem44 = task.poems[43]!;
    expect(task.sourceVocab.decode(poem44.source).slice(0, 5)).toEqual(['お', 'お', 'こ', 'と', 'の']);
  });

  it('writes the card kana of the lower half, without spaces', () => {
    const poem17 = task.poems[16]!;
    expect(task.targetVocab.decode(poem17.target).join('')).toBe(POEMS[16]!.shimo.card.replace(/ /g, ''));
    expect(task.targetVocab.decode(poem17.target).join('')).toBe('からくれなゐにみつくくるとは');
  });

  it('pairs every prefix of every upper half with its card', () => {
    const pairs = prefixPairs(task);
    const morae = task.poems.reduce((n, p) => n + p.source.length, 0);
    expect(pairs).toHaveLength(morae);
    expect(pairs[0]).toEqual({ source: task.poems[0]!.source.slice(0, 1), target: task.poems[0]!.target });
  });

  it('can keep only short prefixes plus the full reading', () => {
    const pairs = prefixPairs(task, 3);
    expect(pairs).toHaveLength(400);
    expect(pairs[3]!.source).toEqual(task.poems[0]!.source);
    expect(fullReadingPairs(task)).toHaveLength(100);
  });
});
