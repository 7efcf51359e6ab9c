// A matrix product whose gradient is taken with explicit transposes. Why: tfjs's own matMul
// gradient multiplies with the transpose flags (dA = dy·Bᵀ as matMul(dy, b, false, true)), and
// on the wasm backend a flagged product is 3–9× slower than transposing first and multiplying
// plainly (`npm run bench:kernels`: dW = Aᵀ·dy for A [1024, 32], dy [1024, 80] 2.6 ms flagged,
// 0.3 ms transposed first). Backward products were most of a training step. Same values, to rounding.
import * as tf from '@tensorflow/tfjs-core';

/** Swaps the last two axes of a rank-2, -3 or -4 tensor. */
function swapLast(x: tf.Tensor): tf.Tensor {
  const rank = x.rank;
  if (rank < 2) throw new Error(`matMul needs rank ≥ 2, got ${rank}`);
  const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
  return tf.transpose(x, perm);
}

const product = tf.customGrad((a, b, save) => {
  const x = a as tf.Tensor;
  const y = b as tf.Tensor;
  (save as (tensors: tf.Tensor[]) => void)([x, y]);
  return {
    value: tf.matMul(x, y),
    gradFunc: (dy, saved) => {
      const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
      const g = dy as tf.Tensor;
      return [tf.matMul(g, swapLast(sb)), tf.matMul(swapLast(sa), g)];
    },
  };
});

/**
 * a [..., M, K] · b [..., K, N] → [..., M, N] (same batch shape, no broadcasting), or with
 * `transposeB` a · bᵀ for b [..., N, K]: the transpose is explicit, so the product and both
 * gradients run unflagged.
 */
export function matMul<T extends tf.Tensor>(a: T, b: tf.Tensor, transposeB = false): T {
  return product(a, transposeB ? swapLast(b) : b) as T;
}
