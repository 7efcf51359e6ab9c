// Matrix products whose gradients can be taken with explicit transposes. Why: tfjs's own matMul
// gradient multiplies with the transpose flags (dA = dy·Bᵀ as matMul(dy, b, false, true)), and
// on the wasm backend a flagged product is 5–11× slower than transposing first and multiplying
// plainly (`npm run bench:kernels`: dA = dy·Wᵀ for dy [1024, 64], W [32, 64] 2.09 ms flagged,
// 0.18 ms transposed first); backward products were most of a training step. The value is
// tf.matMul's either way, so inference is unchanged to the bit; the gradients agree to
// rounding, which is why the choice is the trainer's (a checkpoint trained one way reruns
// byte-identically only that way).
import * as tf from '@tensorflow/tfjs-core';

/**
 * How a model's products are differentiated: 'tfjs' (tfjs's own gradients, as every checkpoint
 * before them was trained) or 'transposed' (transposes first, then unflagged products).
 */
export type Gradients = 'tfjs' | 'transposed';

/** Swaps the last two axes of a tensor of rank ≥ 2. */
function swapLast(x: tf.Tensor): tf.Tensor {
  const rank = x.rank;
  if (rank < 2) throw new Error(`matMul needs rank ≥ 2, got ${rank}`);
  return tf.transpose(x, [...Array(rank - 2).keys(), rank - 1, rank - 2]);
}

/** a·b with dA = dy·bᵀ and dB = aᵀ·dy, each transposed first. */
const plain = tf.customGrad((a, b, save) => {
  const [x, y] = [a as tf.Tensor, b as tf.Tensor];
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

/** a·bᵀ with dA = dy·b (no transpose at all) and dB = dyᵀ·a. */
const againstTransposed = tf.customGrad((a, b, save) => {
  const [x, y] = [a as tf.Tensor, b as tf.Tensor];
  (save as (tensors: tf.Tensor[]) => void)([x, y]);
  return {
    value: tf.matMul(x, y, false, true),
    gradFunc: (dy, saved) => {
      const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
      const g = dy as tf.Tensor;
      return [tf.matMul(g, sb), tf.matMul(swapLast(g), sa)];
    },
  };
});

/**
 * a [..., M, K] · b [..., K, N] → [..., M, N], or with `transposeB` a · bᵀ for b [..., N, K]
 * (same batch shape, no broadcasting). The value is tf.matMul(a, b, false, transposeB) either
 * way; `gradients` says how it is differentiated.
 */
export function matMul<T extends tf.Tensor>(
  a: T,
  b: tf.Tensor,
  transposeB: boolean,
  gradients: Gradients,
): T {
  if (gradients === 'tfjs') return tf.matMul(a, b, false, transposeB) as T;
  return (transposeB ? againstTransposed(a, b) : plain(a, b)) as T;
}
