import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { annotate, makeLexicon } from '../../src/speech/annotate';
import { loadCorpus } from '../../src/speech/corpus';
import { makeSlip } from '../../src/speech/slips';

const corpus = loadCorpus();
const lexicon = makeLexicon(corpus.train.flatMap((s) => s.words));

describe('teaching slips for fine-tuning', () => {
  it.each(['horizontal', 'vertical'] as const)('%s slips carry only errors of their class', (kind) => {
    const rng = createRng(5);
    let made = 0;
    for (const s of corpus.train.slice(0, 120)) {
      const slip = makeSlip(s, kind, lexicon, rng);
      if (!slip) continue;
      made++;
      const errors = annotate(s, slip, lexicon);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.class === kind)).toBe(true);
    }
    expect(made).toBeGreaterThan(100);
  });

  it('are reproducible from the seed', () => {
    const s = corpus.train[0]!;
    expect(makeSlip(s, 'horizontal', lexicon, createRng(9))).toEqual(
      makeSlip(s, 'horizontal', lexicon, createRng(9)),
    );
  });

  it('vertical word slips bring in a word of the same category from outside the sentence', () => {
    const s =
      corpus.train.find((x) => x.text === 'あさ は こーひー を のみます') ??
      corpus.all.find((x) => x.text.startsWith('あさ は こーひー'))!;
    const rng = createRng(1);
    const seen = new Set<string>();
    for (let k = 0; k < 40; k++) {
      const slip = makeSlip(s, 'vertical', lexicon, rng);
      const word = slip && annotate(s, slip, lexicon).find((e) => e.unit === 'word');
      if (word) {
        expect(word.relation).toBe('same-category');
        seen.add(word.spokenText);
      }
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});
