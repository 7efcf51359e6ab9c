import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { configProblem, makeConfig, PRESETS } from '../../src/model/config';
import { padBatch } from '../../src/model/batch';
import { CandidateScorer, scoreCandidates } from '../../src/model/inference';
import {
  initialWeights,
  parameterShapes,
  sinusoidalPositions,
  Transformer,
} from '../../src/model/transformer';

const config = makeConfig(PRESETS.tiny, { sourceVocabSize: 9, targetVocabSize: 7 });

function logits(model: Transformer, source: number[][], target: number[][], causal = true): number[][][] {
  return tf.tidy(() => model.forward(padBatch(source), padBatch(target), causal).arraySync());
}

describe('Transformer', () => {
  const model = Transformer.create(config, createRng(7));
  afterAll(() => model.dispose());

  it('refuses a width that the heads do not divide', () => {
    expect(configProblem({ ...config, dModel: 18, nHeads: 4 })).toMatch(/divisible/);
    expect(() =>
      makeConfig({ ...PRESETS.tiny, nHeads: 3 }, { sourceVocabSize: 9, targetVocabSize: 7 }),
    ).toThrow();
  });

  it('has the talk preset the issue asks for', () => {
    expect(PRESETS.talk).toEqual({
      dModel: 32,
      nHeads: 4,
      dFF: 32,
      nLayers: 1,
      maxSourceLength: 22,
      maxTargetLength: 22,
    });
  });

  it('starts from the same weights for the same seed and from other weights for another', () => {
    const again = Transformer.create(config, createRng(7));
    const other = Transformer.create(config, createRng(8));
    const w = model.weights().get('decoder.layer0.crossAttention.wq');
    expect(again.weights().get('decoder.layer0.crossAttention.wq')).toEqual(w);
    expect(other.weights().get('decoder.layer0.crossAttention.wq')).not.toEqual(w);
    again.dispose();
    other.dispose();
  });

  it('counts its parameters from the config', () => {
    const expected = parameterShapes(config).reduce((n, [, s]) => n + s.reduce((a, b) => a * b, 1), 0);
    expect(model.parameterCount).toBe(expected);
  });

  it('gives logits of shape [batch, target length, target vocabulary]', () => {
    const out = logits(
      model,
      [
        [4, 5, 6],
        [7, 8, 0],
      ],
      [
        [1, 4],
        [1, 5],
      ],
    );
    expect(out.length).toBe(2);
    expect(out[0]!.length).toBe(2);
    expect(out[0]![0]!.length).toBe(7);
  });

  it('with the causal mask, a later target token does not change earlier predictions', () => {
    const a = logits(model, [[4, 5, 6]], [[1, 4, 5]]);
    const b = logits(model, [[4, 5, 6]], [[1, 4, 6]]);
    expect(b[0]![1]).toEqual(a[0]![1]);
    expect(b[0]![2]).not.toEqual(a[0]![2]);
    const open = logits(model, [[4, 5, 6]], [[1, 4, 6]], false);
    const openA = logits(model, [[4, 5, 6]], [[1, 4, 5]], false);
    expect(open[0]![0]).not.toEqual(openA[0]![0]);
  });

  it('ignores padding in the source: a padded copy of a source gives the same logits', () => {
    const short = logits(model, [[4, 5]], [[1, 4]]);
    const padded = tf.tidy(() => model.forward(padBatch([[4, 5]], 5), padBatch([[1, 4]])).arraySync());
    padded[0]!.flat().forEach((v, i) => expect(v).toBeCloseTo(short[0]!.flat()[i]!, 5));
  });

  it('refuses a source longer than the config allows', () => {
    expect(() => logits(model, [Array(13).fill(4) as number[]], [[1]])).toThrow(/source length/);
  });

  it('uses the sinusoidal positions of the paper', () => {
    const pe = sinusoidalPositions(3, 4);
    expect(pe[0]).toBe(0);
    expect(pe[1]).toBe(1);
    expect(pe[4]).toBeCloseTo(Math.sin(1), 6);
    expect(pe[5]).toBeCloseTo(Math.cos(1), 6);
    expect(pe[2 * 4 + 2]).toBeCloseTo(Math.sin(2 / 100), 6);
    expect(pe[2 * 4 + 3]).toBeCloseTo(Math.cos(2 / 100), 6);
  });
});

describe('an end mark on the source (sourceEnd)', () => {
  const marked = makeConfig({ ...PRESETS.tiny, sourceEnd: true }, { sourceVocabSize: 9, targetVocabSize: 7 });
  const withEnd = Transformer.create(marked, createRng(7));
  // The same weights without the flag: it must be fed the EOS by hand to agree.
  const plain = new Transformer(config, withEnd.weights());
  afterAll(() => {
    withEnd.dispose();
    plain.dispose();
  });

  it('reads an EOS after the last sound of every row, whatever the padding', () => {
    const sources = [[4, 5, 6], [7], [8, 4]];
    const got = logits(withEnd, sources, [
      [1, 4],
      [1, 5],
      [1, 6],
    ]);
    const byHand = logits(
      plain,
      sources.map((s) => [...s, 2]),
      [
        [1, 4],
        [1, 5],
        [1, 6],
      ],
    );
    got.flat(2).forEach((v, i) => expect(v).toBeCloseTo(byHand.flat(2)[i]!, 5));
    const withoutMark = logits(plain, sources, [
      [1, 4],
      [1, 5],
      [1, 6],
    ]);
    expect(withoutMark.flat(2).some((v, i) => Math.abs(v - got.flat(2)[i]!) > 1e-3)).toBe(true);
  });

  it('encodes S sounds into S + 1 memory rows and still ignores padding', () => {
    const shape = tf.tidy(() => withEnd.encode(padBatch([[4, 5]])).shape);
    expect(shape).toEqual([1, 3, marked.dModel]);
    const short = logits(withEnd, [[4, 5]], [[1, 4]]);
    const padded = tf.tidy(() => withEnd.forward(padBatch([[4, 5]], 6), padBatch([[1, 4]])).arraySync());
    padded[0]!.flat().forEach((v, i) => expect(v).toBeCloseTo(short[0]!.flat()[i]!, 5));
  });

  it('scores candidates the same through the cached scorer as in one plain pass', () => {
    const candidates = [[4], [5, 6], [6, 6, 6, 4]];
    const scorer = new CandidateScorer(withEnd, candidates);
    const fast = scorer.score([4, 5]);
    scorer.dispose();
    scoreCandidates(withEnd, [4, 5], candidates).forEach((s, i) => expect(fast[i]).toBeCloseTo(s, 4));
  });

  it('is refused unless true or false', () => {
    expect(configProblem({ ...marked, sourceEnd: 'yes' as unknown as boolean })).toMatch(/sourceEnd/);
  });
});

describe('the sound before, heard (sourceBigram)', () => {
  const sizes = { sourceVocabSize: 9, targetVocabSize: 7 };
  const bigramConfig = makeConfig({ ...PRESETS.tiny, sourceEnd: true, sourceBigram: true }, sizes);
  const endConfig = makeConfig({ ...PRESETS.tiny, sourceEnd: true }, sizes);
  const sources = [[4, 5, 6], [7], [8, 4]];
  const targets = [
    [1, 4],
    [1, 5],
    [1, 6],
  ];

  it('adds one [C, C] projection, last, and is refused unless true or false', () => {
    const extra = parameterShapes(bigramConfig).slice(parameterShapes(endConfig).length);
    expect(extra).toEqual([['encoder.bigram', [bigramConfig.dModel, bigramConfig.dModel]]]);
    expect(parameterShapes(endConfig).some(([name]) => name === 'encoder.bigram')).toBe(false);
    expect(configProblem({ ...bigramConfig, sourceBigram: 1 as unknown as boolean })).toMatch(/sourceBigram/);
    expect(configProblem({ ...endConfig, sourceBigram: false })).toBeNull();
  });

  it('off (absent or false), draws the same weights and gives the same logits to the bit', () => {
    const absent = Transformer.create(endConfig, createRng(7));
    const off = Transformer.create({ ...endConfig, sourceBigram: false }, createRng(7));
    expect([...off.weights().keys()]).toEqual([...absent.weights().keys()]);
    for (const [name, values] of absent.weights()) expect(off.weights().get(name)).toEqual(values);
    expect(logits(off, sources, targets)).toEqual(logits(absent, sources, targets));
    absent.dispose();
    off.dispose();
  });

  it('on and untrained, is the same seed’s model without it, to the bit (the projection starts at zero)', () => {
    const on = Transformer.create(bigramConfig, createRng(7));
    const without = Transformer.create(endConfig, createRng(7));
    for (const [name, values] of without.weights()) expect(on.weights().get(name)).toEqual(values);
    expect(
      on
        .weights()
        .get('encoder.bigram')!
        .every((v) => v === 0),
    ).toBe(true);
    expect(logits(on, sources, targets)).toEqual(logits(without, sources, targets));
    on.dispose();
    without.dispose();
  });

  // An encoder that cannot mix positions (self-attention's output projection zeroed) sees one
  // sound at a time: without the bigram, the second sound of [こ, こ] and of [く, こ] is the
  // same vector; with it, an echoed sound is a vector of its own.
  function positionWise(c: typeof endConfig, withBigram: boolean): Transformer {
    const weights = initialWeights(c, createRng(3));
    weights.get('encoder.layer0.selfAttention.wo')!.fill(0);
    const bigram = weights.get('encoder.bigram');
    if (withBigram && bigram) {
      const rng = createRng(4);
      for (let i = 0; i < bigram.length; i++) bigram[i] = rng.normal() * 0.3;
    }
    return new Transformer(c, weights);
  }
  const secondRow = (m: Transformer, source: number[]) =>
    tf.tidy(() => m.encode(padBatch([source])).arraySync()[0]![1]!);
  const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

  it('tells a sound heard after itself ([4, 4]) from the same sound after another ([5, 4]) and from it alone', () => {
    const plain = positionWise(endConfig, false);
    const bigram = positionWise(bigramConfig, true);
    expect(distance(secondRow(plain, [4, 4]), secondRow(plain, [5, 4]))).toBeLessThan(1e-5);
    expect(distance(secondRow(bigram, [4, 4]), secondRow(bigram, [5, 4]))).toBeGreaterThan(0.1);
    // [4] alone: its end mark sits where [4, 4]'s echo does, and now also hears a 4 before it.
    const ends = (m: Transformer) => distance(secondRow(m, [4]), secondRow(m, [4, 4]));
    expect(ends(bigram)).toBeGreaterThan(0.1);
    plain.dispose();
    bigram.dispose();
  });

  it('scores candidates the same through the cached scorer as in one plain pass', () => {
    const model = positionWise(bigramConfig, true);
    const candidates = [[4], [5, 6], [6, 6, 6, 4]];
    const scorer = new CandidateScorer(model, candidates);
    const fast = scorer.score([4, 4]);
    scorer.dispose();
    scoreCandidates(model, [4, 4], candidates).forEach((s, i) => expect(fast[i]).toBeCloseTo(s, 4));
    model.dispose();
  });
});
