// The word stage's data (src/speech/words.ts): its vocabulary and slots, the teaching slips it
// builds, and the constrained objective on word tokens (it moves mass the way its sign says).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { useNodeBackend } from '../../src/model/backendNode';
import { makeConfig } from '../../src/model/config';
import { Transformer } from '../../src/model/transformer';
import { frame } from '../../src/training/dataset';
import { annotate, makeLexicon } from '../../src/speech/annotate';
import { parseAnnotated, type Sentence } from '../../src/speech/corpus';
import {
  constrainedLoss,
  constrainedTerms,
  outOfClassMask,
  type SlipClass,
} from '../../src/speech/constraint';
import {
  intendedOf,
  makeWordSlip,
  SLOTS,
  WordVocabulary,
  wordRepetitionPairs,
  wordSlipPairs,
} from '../../src/speech/words';

const lines = [
  'あさ:time は こーひー:drink を のみます:eat',
  'ひる:time は じゅーす:drink を のみます:eat',
  'よる:time は おちゃ:drink を のみます:eat',
  'ねこ:animal が みず:drink を のむ:eat',
  'いぬ:animal と ねこ:animal が あそぶ:play',
];
const train: Sentence[] = lines.map((l, k) => parseAnnotated(l, `t-${k}`, 'everyday'));
const vocab = WordVocabulary.fromTraining(train);
const lexicon = makeLexicon(train.flatMap((s) => s.words));
const words = [...new Map(train.flatMap((s) => s.words).map((w) => [w.kana, w])).values()];

describe('the word vocabulary', () => {
  it('holds the slots, one token per category, content words with their category and repeated function words', () => {
    const tokens = vocab.vocab.tokens;
    expect(tokens.filter((t) => t.startsWith('@'))).toHaveLength(SLOTS);
    expect(tokens).toContain('#drink');
    expect(tokens).toContain('こーひー:drink');
    expect(tokens).toContain('を'); // five times
    expect(tokens).not.toContain('と'); // once: said through a slot
    expect(WordVocabulary.fromTraining([...train].reverse()).vocab.tokens).toEqual(tokens);
  });

  it('puts each content word after its category token, and unknown words through slots that decode back', () => {
    const s = parseAnnotated('あさ:time は こーちゃ:drink を のみます:eat', 'x', 'everyday');
    const e = vocab.encode(s);
    expect(vocab.vocab.tokens[e.source[0]!]).toBe('#time');
    expect(vocab.vocab.tokens[e.source[1]!]).toBe('あさ:time');
    expect(vocab.isSlot(e.target[2]!)).toBe(true); // こーちゃ is not a training word
    expect(vocab.vocab.tokens[e.source[3]!]).toBe('#drink'); // its category still goes in
    expect(vocab.decode(e.target, e.slots)?.map((w) => w.kana)).toEqual(s.words.map((w) => w.kana));
    // A slot that stands for no word of the sentence cannot be said, nor a category token.
    const heard = new Set(e.source);
    const otherSlot = vocab.slotIds.find((id) => !heard.has(id))!;
    expect(vocab.canSay(otherSlot, heard)).toBe(false);
    expect(vocab.canSay(e.source[0]!, heard)).toBe(false);
    expect(vocab.decode([otherSlot], e.slots)).toBeNull();
  });
});

describe('whole-word teaching slips', () => {
  it('vertical: a word of the same category from outside the sentence takes one slot', () => {
    const rng = createRng(1);
    for (let k = 0; k < 20; k++) {
      const slip = makeWordSlip(train[0]!, 'vertical', lexicon, rng)!;
      const errors = annotate(train[0]!, intendedOf(slip).morae, lexicon);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ unit: 'word', class: 'vertical', relation: 'same-category' });
    }
  });

  it('horizontal: another word of the sentence takes a word’s place, or two words exchange', () => {
    const rng = createRng(2);
    const types = new Set<string>();
    for (let k = 0; k < 30; k++) {
      const slip = makeWordSlip(train[4]!, 'horizontal', lexicon, rng)!;
      const kana = new Set(train[4]!.words.map((w) => w.kana));
      expect(slip.every((w) => kana.has(w.kana))).toBe(true);
      const errors = annotate(train[4]!, intendedOf(slip).morae, lexicon);
      expect(errors.every((e) => e.class === 'horizontal')).toBe(true);
      expect(errors.some((e) => e.unit === 'word')).toBe(true);
      for (const e of errors) types.add(e.type);
    }
    expect(types).toContain('exchange');
    expect(types).toContain('substitution');
  });

  it('pairs decode to sentences of the corpus’s words, the same for a seed', () => {
    const pairs = wordSlipPairs(train, 'vertical', lexicon, vocab, words, createRng(3));
    expect(pairs.length).toBeGreaterThan(20);
    expect(wordSlipPairs(train, 'vertical', lexicon, vocab, words, createRng(3))).toEqual(pairs);
    const copies = wordRepetitionPairs(train, vocab, words, createRng(4));
    expect(
      copies.every((p) => p.target.length === p.source.filter((id) => !vocab.isCategoryToken(id)).length),
    ).toBe(true);
  });
});

describe('the constrained objective on word tokens', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });
  const config = makeConfig(
    { dModel: 16, nHeads: 2, dFF: 32, nLayers: 1, maxSourceLength: 12, maxTargetLength: 8 },
    { sourceVocabSize: vocab.size, targetVocabSize: vocab.size },
  );
  const framed = wordSlipPairs(train, 'horizontal', lexicon, vocab, words, createRng(5))
    .slice(0, 8)
    .map((p) => frame(p, 'honest'));

  it('counts category tokens, foreign slots and words of another part of speech out of class for both kinds', () => {
    // あさ は こーひー を のみます said back; label position 0 is あさ (a noun).
    const e = vocab.encode(train[0]!);
    const batch = [frame({ source: e.source, target: e.target }, 'honest')];
    const T = batch[0]!.labels.length;
    const V = vocab.size;
    const heard = new Set(e.source);
    const id = (token: string) => vocab.vocab.id(token);
    const foreignSlot = vocab.slotIds.find((slot) => !heard.has(slot))!;
    for (const kind of ['horizontal', 'vertical'] as const) {
      const mask = outOfClassMask(batch, kind, T, V, vocab.alwaysOut);
      const at = (token: number) => mask[token]; // label position 0
      expect(at(id('#drink'))).toBe(1);
      expect(at(foreignSlot)).toBe(1);
      expect(at(id('のむ:eat'))).toBe(1); // a verb cannot take a noun's slot
      expect(at(id('を'))).toBe(1); // nor a particle of the sentence
      expect(at(id('あさ:time'))).toBe(0); // the label
      // Nouns: one of the sentence is in class for horizontal, one from outside for vertical.
      expect(at(id('こーひー:drink'))).toBe(kind === 'horizontal' ? 0 : 1);
      expect(at(id('いぬ:animal'))).toBe(kind === 'horizontal' ? 1 : 0);
    }
  });

  function trainedShare(kind: SlipClass, lambda: number): number {
    const model = Transformer.create(config, createRng(3));
    const variables = [...model.params.values()];
    const optimizer = tf.train.adam(0.01);
    const loss = constrainedLoss(kind, { fixed: lambda }, undefined, vocab.alwaysOut);
    for (let k = 0; k < 20; k++)
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => loss(model, framed), variables);
        optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
      });
    const share = tf.tidy(
      () => constrainedTerms(model, framed, kind, vocab.alwaysOut).constraint.dataSync()[0]!,
    );
    optimizer.dispose();
    model.dispose();
    return share;
  }

  it.each(['horizontal', 'vertical'] as const)(
    'a positive multiplier moves %s out-of-class word mass away, a negative one towards it',
    (kind) => {
      const neutral = trainedShare(kind, 0);
      expect(trainedShare(kind, 5)).toBeLessThan(neutral * 0.7);
      expect(trainedShare(kind, -5)).toBeGreaterThan(Math.min(0.99, neutral * 1.2));
    },
  );
});
