import { describe, expect, it } from 'vitest';
import {
  HELD_OUT_SHARE,
  MAX_MORAE,
  corpusSources,
  hashedOut,
  lexiconByCategory,
  loadCorpus,
  parseAnnotated,
  splitSentences,
  textHash,
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

  // The held-out sentences themselves are read only by test/speech/heldout.test.ts.
  it('splits by a hash of the text: reordering or adding sentences moves no other one', () => {
    const sentences = corpusSources().flatMap(([, list]) => list);
    const ids = (list: readonly { id: string }[]) => list.map((s) => s.id).sort();
    const base = splitSentences(sentences);
    const reversed = splitSentences([...sentences].reverse());
    expect(ids(reversed.train)).toEqual(ids(base.train));
    const extra = parseAnnotated('ねこ:animal の ほし:place', 'new', 'everyday');
    const grown = splitSentences([...sentences, extra]);
    expect(ids(grown.train.filter((s) => s.id !== 'new'))).toEqual(ids(base.train));
    expect(hashedOut(['あ'])).toBe(textHash('あ') / 2 ** 32 < HELD_OUT_SHARE);
    expect(textHash('a')).toBe(0xe40c292c); // FNV-1a reference value
  });

  it('sends to training a would-be held-out sentence that contains, or is inside, a training one', () => {
    const inner = parseAnnotated('にわ:place に は にわ:place', 'inner', 'twister');
    const outer = parseAnnotated('うらにわ:place には にわ:place に は にわ:place', 'outer', 'twister');
    const other = parseAnnotated('ねこ:animal が ねる:rest', 'other', 'everyday');
    const innerOut = (m: readonly string[]) => m.join('') === inner.morae.join('');
    const outerOut = (m: readonly string[]) => m.join('') === outer.morae.join('');
    const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);
    expect(ids(splitSentences([inner, outer, other], innerOut).heldOut)).toEqual([]);
    expect(ids(splitSentences([inner, outer, other], outerOut).heldOut)).toEqual([]);
    // A sentence that overlaps nothing stays held out.
    const otherOut = (m: readonly string[]) => m.join('') === other.morae.join('');
    expect(ids(splitSentences([inner, outer, other], otherOut).heldOut)).toEqual(['other']);
  });

  it('trains on most of the corpus', () => {
    expect(corpus.train.length / corpus.all.length).toBeGreaterThan(0.8);
    expect(corpus.train.length / corpus.all.length).toBeLessThan(1 - HELD_OUT_SHARE + 0.05);
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
