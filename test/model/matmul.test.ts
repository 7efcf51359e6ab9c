import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { matMul } from '../../src/model/matmul';

function random(shape: number[], seed: number): tf.Tensor {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Array.from({ length: n }, () => rng.next() * 2 - 1),
    shape,
  );
}

/** Value and both gradients of sum(w ⊙ f(a, b)) — w makes every output count differently. */
function valueAndGrads(
  f: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor,
  a: tf.Tensor,
  b: tf.Tensor,
): { value: number[]; da: number[]; db: number[] } {
  return tf.tidy(() => {
    const out = f(a, b);
    const w = random(out.shape, 99);
    const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => f(x, y).mul(w).sum())([a, b]);
    return {
      value: Array.from(out.dataSync()),
      da: Array.from((da as tf.Tensor).dataSync()),
      db: Array.from((db as tf.Tensor).dataSync()),
    };
  });
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((x, i) => expect(x).toBeCloseTo(expected[i] ?? NaN, 5));
}

describe('matMul with explicit transposes in its gradient (gradients transposed)', () => {
  const cases: { name: string; a: number[]; b: number[]; transposeB: boolean }[] = [
    { name: 'a plain product [5, 3]·[3, 4]', a: [5, 3], b: [3, 4], transposeB: false },
    { name: 'a product with bᵀ [5, 3]·[4, 3]ᵀ', a: [5, 3], b: [4, 3], transposeB: true },
    { name: 'batched heads [2, 3, 4, 2]·[2, 3, 5, 2]ᵀ', a: [2, 3, 4, 2], b: [2, 3, 5, 2], transposeB: true },
    { name: 'batched heads [2, 3, 4, 5]·[2, 3, 5, 2]', a: [2, 3, 4, 5], b: [2, 3, 5, 2], transposeB: false },
  ];
  for (const c of cases)
    it(`gives tfjs matMul's value and gradients for ${c.name}`, () => {
      const a = random(c.a, 1);
      const b = random(c.b, 2);
      const ours = valueAndGrads((x, y) => matMul(x, y, c.transposeB, 'transposed'), a, b);
      const theirs = valueAndGrads((x, y) => tf.matMul(x, y, false, c.transposeB), a, b);
      expectClose(ours.value, theirs.value);
      expectClose(ours.da, theirs.da);
      expectClose(ours.db, theirs.db);
      // Not all zero: the gradients carry the weights' pattern.
      expect(ours.db.some((g) => Math.abs(g) > 1e-3)).toBe(true);
      a.dispose();
      b.dispose();
    });

  it('gives exactly tf.matMul, value and gradients, with gradients tfjs', () => {
    const a = random([5, 3], 1);
    const b = random([4, 3], 2);
    const ours = valueAndGrads((x, y) => matMul(x, y, true, 'tfjs'), a, b);
    const theirs = valueAndGrads((x, y) => tf.matMul(x, y, false, true), a, b);
    expect(ours).toEqual(theirs);
    tf.dispose([a, b]);
  });

  it('matches a gradient worked by hand on [1, 2]·[2, 1]', () => {
    // d/da (a·b) = bᵀ, d/db = aᵀ.
    const a = tf.tensor2d([[2, 3]]);
    const b = tf.tensor2d([[5], [7]]);
    const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => matMul(x, y, false, 'transposed').sum())([
      a,
      b,
    ]);
    expect(Array.from((da as tf.Tensor).dataSync())).toEqual([5, 7]);
    expect(Array.from((db as tf.Tensor).dataSync())).toEqual([2, 3]);
    tf.dispose([a, b, da, db]);
  });

  it('leaves no tensor behind when called under tidy', () => {
    const a = random([4, 3], 3);
    const b = random([3, 2], 4);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads((x: tf.Tensor, y: tf.Tensor) => matMul(x, y, false, 'transposed').sum())([a, b]);
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });
});
