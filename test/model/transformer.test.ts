import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { configProblem, makeConfig, PRESETS } from '../../src/model/config';
import { padBatch } from '../../src/model/batch';
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
