// The constraint term of the slip models' fine-tuning (src/speech/constraint.ts) on a toy batch:
// which continuations it counts as out of class, that it moves probability mass the way the
// sign of its multiplier says, and that the multiplier is learnt by dual ascent.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core leaves gradients out; the trainer registers them, and this test takes its own.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { useNodeBackend } from '../../src/model/backendNode';
import { makeConfig } from '../../src/model/config';
import { Transformer } from '../../src/model/transformer';
import { EOS } from '../../src/model/vocab';
import { frame, type FramedPair } from '../../src/training/dataset';
import {
  constrainedLoss,
  constrainedTerms,
  LagrangeMultiplier,
  outOfClassMask,
  unrelatedMorae,
  type AlwaysOut,
  type SlipClass,
} from '../../src/speech/constraint';
import { moraVocabulary } from '../../src/speech/vocab';

const vocab = moraVocabulary();
const V = vocab.size;

beforeAll(async () => {
  await useNodeBackend('wasm');
});

const pair = (intended: string[], said: string[]): FramedPair =>
  frame({ source: vocab.encode(intended), target: vocab.encode(said) }, 'honest');

// なまむぎ said as なまなぎ (horizontal: な from the sentence) and as なまかぎ (vertical).
const batch = [
  pair(['な', 'ま', 'む', 'ぎ'], ['な', 'ま', 'な', 'ぎ']),
  pair(['た', 'け', 'や'], ['た', 'け', 'や']),
];

describe('the out-of-class mask', () => {
  const T = 5;
  const at = (mask: Float32Array, b: number, t: number, mora: string) =>
    mask[(b * T + t) * V + vocab.encode([mora])[0]!];

  it('counts, for the horizontal class, the morae absent from the sentence', () => {
    const mask = outOfClassMask(batch, 'horizontal', T, V);
    expect(at(mask, 0, 1, 'か')).toBe(1); // outside the sentence
    expect(at(mask, 0, 1, 'む')).toBe(0); // in the sentence: a horizontal intruder
    expect(at(mask, 0, 1, 'ま')).toBe(0); // the label itself never counts
  });

  it('counts, for the vertical class, the morae of the sentence other than the label', () => {
    const mask = outOfClassMask(batch, 'vertical', T, V);
    expect(at(mask, 0, 1, 'か')).toBe(0);
    expect(at(mask, 0, 1, 'む')).toBe(1);
    expect(at(mask, 0, 1, 'ま')).toBe(0);
  });

  it('counts an early end for both classes, the end where the label ends for neither, padding never', () => {
    for (const kind of ['horizontal', 'vertical'] as const) {
      const mask = outOfClassMask(batch, kind, T, V);
      expect(mask[(0 * T + 1) * V + EOS]).toBe(1);
      expect(mask[(0 * T + 4) * V + EOS]).toBe(0); // label EOS after なまなぎ
      const padded = mask.subarray((1 * T + 4) * V, (1 * T + 5) * V); // たけや has 4 labels
      expect(padded.every((x) => x === 0)).toBe(true);
    }
  });
});

describe('the vertical mora model: outside morae in class only as neighbours of the label', () => {
  const T = 5;
  const neighbours = unrelatedMorae(vocab);
  const at = (mask: Float32Array, t: number, mora: string) => mask[t * V + vocab.encode([mora])[0]!];

  it('keeps an outside neighbour in class and puts an outside non-neighbour and the sentence out', () => {
    // Label ま at position 1 of なまむぎ → なまなぎ.
    const mask = outOfClassMask(batch, 'vertical', T, V, neighbours);
    expect(at(mask, 1, 'か')).toBe(0); // same vowel as ま, outside: a reason to compete
    expect(at(mask, 1, 'も')).toBe(0); // same consonant
    expect(at(mask, 1, 'き')).toBe(1); // outside, but neither segment shared: unrelated
    expect(at(mask, 1, 'む')).toBe(1); // in the sentence: horizontal
    expect(at(mask, 1, 'ま')).toBe(0); // the label
    // Without it, an outside non-neighbour was in class.
    expect(at(outOfClassMask(batch, 'vertical', T, V), 1, 'き')).toBe(0);
  });
});

describe('the constraint term', () => {
  const config = makeConfig(
    { dModel: 16, nHeads: 2, dFF: 32, nLayers: 1, maxSourceLength: 8, maxTargetLength: 9 },
    { sourceVocabSize: V, targetVocabSize: V },
  );

  /** Out-of-class share after `steps` Adam steps on CE + λ·c with a fixed λ, from one seed. */
  function trainedShare(kind: SlipClass, lambda: number, steps = 25, alwaysOut?: AlwaysOut): number {
    const model = Transformer.create(config, createRng(3));
    const variables = [...model.params.values()];
    const optimizer = tf.train.adam(0.01);
    const loss = constrainedLoss(kind, { fixed: lambda }, undefined, alwaysOut);
    for (let k = 0; k < steps; k++)
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => loss(model, batch), variables);
        optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
      });
    const share = tf.tidy(() => constrainedTerms(model, batch, kind, alwaysOut).constraint.dataSync()[0]!);
    optimizer.dispose();
    model.dispose();
    return share;
  }

  it.each(['horizontal', 'vertical'] as const)(
    'a positive multiplier moves %s out-of-class mass away, a negative one towards it',
    (kind) => {
      const neutral = trainedShare(kind, 0);
      const pushed = trainedShare(kind, 5);
      const pulled = trainedShare(kind, -5);
      expect(pushed).toBeLessThan(neutral * 0.7);
      expect(pulled).toBeGreaterThan(neutral * 1.2);
    },
  );

  it("a positive multiplier moves the vertical model's mass off unrelated outside morae, a negative one towards them", () => {
    const neighbours = unrelatedMorae(vocab);
    const neutral = trainedShare('vertical', 0, 25, neighbours);
    expect(trainedShare('vertical', 5, 25, neighbours)).toBeLessThan(neutral * 0.7);
    expect(trainedShare('vertical', -5, 25, neighbours)).toBeGreaterThan(neutral * 1.05);
  });

  it('measures c as a share of the deviation mass, between 0 and 1', () => {
    const model = Transformer.create(config, createRng(4));
    const c = tf.tidy(() => constrainedTerms(model, batch, 'horizontal').constraint.dataSync()[0]!);
    // Untrained: nearly uniform, and most of the 126 tokens are outside a 4-mora sentence.
    expect(c).toBeGreaterThan(0.8);
    expect(c).toBeLessThanOrEqual(1);
    model.dispose();
  });
});

describe('the Lagrange multiplier', () => {
  it('rises while the constraint is violated, falls back to 0 once it holds, and ignores NaN', () => {
    const lambda = new LagrangeMultiplier({ bound: 0.1, step: 1 });
    lambda.update(0.6);
    lambda.update(0.6);
    expect(lambda.value).toBeCloseTo(1);
    lambda.update(Number.NaN);
    expect(lambda.value).toBeCloseTo(1);
    for (let k = 0; k < 20; k++) lambda.update(0);
    expect(lambda.value).toBe(0);
  });
});
