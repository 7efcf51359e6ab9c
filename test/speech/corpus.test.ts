import { describe, expect, it } from 'vitest';
import {
  HELD_OUT_SHARE,
  MAX_MORAE,
  lexiconByCategory,
  loadCorpus,
  parseAnnotated,
} from '../../src/speech/corpus';
import { isKnownMora } from '../../src/speech/vocab';

describe('the speech corpus', () => {
  const corpus = loadCorpus();
  const count = (source: string) => corpus.all.filter((s) => s.source === source).length;

  it('ships at least 60 tongue twisters, 400 everyday sentences and both halves of the 100 poems', () => {
    expect(count('twister')).toBeGreaterThanOrEqual(60);
    expect(count('everyday')).toBeGreaterThanOrEqual(400);
    expect(count('poem')).toBe(200);
  });

  it('holds out about 15 % of each source, disjoint from training', () => {
    const train = new Set(corpus.train.map((s) => s.morae.join('')));
    expect(corpus.heldOut.every((s) => !train.has(s.morae.join('')))).toBe(true);
    for (const source of ['twister', 'everyday', 'poem']) {
      const held = corpus.heldOut.filter((s) => s.source === source).length;
      expect(held / count(source)).toBeGreaterThan(HELD_OUT_SHARE - 0.05);
      expect(held / count(source)).toBeLessThanOrEqual(HELD_OUT_SHARE + 0.01);
    }
  });

  it('splits the same way every time', () => {
    expect(loadCorpus().heldOut.map((s) => s.id)).toEqual(corpus.heldOut.map((s) => s.id));
  });

  it('writes every sentence in morae the speaker knows, within its length', () => {
    for (const s of corpus.all) {
      expect(s.morae.length).toBeLessThanOrEqual(MAX_MORAE);
      expect(s.morae.filter((m) => !isKnownMora(m))).toEqual([]);
    }
  });

  it('gives nouns, verbs and adjectives a category with competitors outside most sentences', () => {
    const lexicon = lexiconByCategory(corpus.all);
    const drinks = (lexicon.get('drink') ?? []).map((w) => w.kana);
    expect(drinks).toEqual(expect.arrayContaining(['こーひー', 'じゅーす', 'こうちゃ']));
    const everyday = corpus.all.filter((s) => s.source === 'everyday');
    const withRival = everyday.filter((s) =>
      s.words.some(
        (w) =>
          w.category && (lexicon.get(w.category) ?? []).some((r) => !s.words.some((x) => x.kana === r.kana)),
      ),
    );
    expect(withRival.length / everyday.length).toBeGreaterThan(0.95);
  });

  it('parses an annotated line into words with part of speech and category', () => {
    const s = parseAnnotated('ねこ:animal が みず:drink を のむ:eat', 'x', 'everyday');
    expect(s.words.map((w) => [w.kana, w.pos, w.category])).toEqual([
      ['ねこ', 'noun', 'animal'],
      ['が', 'function', null],
      ['みず', 'noun', 'drink'],
      ['を', 'function', null],
      ['のむ', 'verb', 'eat'],
    ]);
    expect(s.morae.join('')).toBe('ねこがみずをのむ');
  });

  it('refuses an unknown category', () => {
    expect(() => parseAnnotated('ねこ:cat', 'x', 'everyday')).toThrow(/unknown category/);
  });
});
