import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { configProblem, makeConfig, PRESETS } from '../../src/model/config';
import { padBatch } from '../../src/model/batch';
import { CandidateScorer, scoreCandidates } from '../../src/model/inference';
import { parameterShapes, sinusoidalPositions, Transformer } from '../../src/model/transformer';

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
