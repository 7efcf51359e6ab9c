// Plain token-id sequences → padded int32 tensors, and the decoder framing of a target.
import * as tf from '@tensorflow/tfjs-core';
import { BOS, EOS, PAD } from './vocab';

/** Sequences → [B, L] int32, right-padded with PAD to the longest (or to `length`). */
export function padBatch(sequences: readonly (readonly number[])[], length?: number): tf.Tensor2D {
  const L = length ?? Math.max(1, ...sequences.map((s) => s.length));
  const values = new Int32Array(sequences.length * L).fill(PAD);
  sequences.forEach((s, b) => {
    if (s.length > L) throw new Error(`sequence of ${s.length} tokens does not fit in ${L}`);
    values.set(s, b * L);
  });
  return tf.tensor2d(values, [sequences.length, L], 'int32');
}

/** What the decoder reads while predicting `target`: BOS, then the target shifted right. */
export function decoderInput(target: readonly number[]): number[] {
  return [BOS, ...target];
}

/** What the decoder must predict at each position of `decoderInput(target)`. */
export function decoderLabels(target: readonly number[]): number[] {
  return [...target, EOS];
}

/**
 * Log-probability of each label under logits [B, T, V], padding positions zeroed → [B, T].
 * Used by the training loss and by candidate scoring alike.
 */
export function labelLogProbs(logits: tf.Tensor3D, labels: tf.Tensor2D): tf.Tensor2D {
  const V = logits.shape[2];
  const logp = tf.logSoftmax(logits); // [B, T, V]
  const picked = logp.mul(tf.oneHot(labels, V)).sum(-1); // [B, T]
  const real = tf.notEqual(labels, PAD).cast('float32'); // [B, T]
  return picked.mul(real) as tf.Tensor2D;
}
