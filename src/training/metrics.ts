// How well a model does on a set of (source, target) pairs, measured two ways that must not
// be confused: teacher-forced accuracy (each next token given the true previous ones, which
// the talk reported) and free-running exact match (the model feeds itself, as it must in use).
import * as tf from '@tensorflow/tfjs-core';
import type { Objective } from '../model/checkpoint';
import { greedyDecode } from '../model/inference';
import { padBatch } from '../model/batch';
import type { Transformer } from '../model/transformer';
import { PAD } from '../model/vocab';
import { frame, type Pair } from './dataset';

/** Share of target tokens predicted right with the true previous tokens fed in. */
export function teacherForcedAccuracy(
  model: Transformer,
  pairs: readonly Pair[],
  objective: Objective,
): number {
  if (pairs.length === 0) return 0;
  const framed = pairs.map((p) => frame(p, objective));
  const counts = tf.tidy(() => {
    const source = padBatch(framed.map((f) => f.source)); // [B, S]
    const input = padBatch(framed.map((f) => f.input)); // [B, T]
    const labels = padBatch(
      framed.map((f) => f.labels),
      input.shape[1],
    ); // [B, T]
    const predicted = model
      .forward(source, input, objective === 'honest')
      .argMax(-1)
      .cast('int32'); // [B, T]
    const real = tf.notEqual(labels, PAD); // [B, T]
    const right = tf.logicalAnd(real, tf.equal(predicted, labels)); // [B, T]
    return tf.stack([right.cast('float32').sum(), real.cast('float32').sum()]); // [2]
  });
  const [right, total] = Array.from(counts.dataSync()) as [number, number];
  counts.dispose();
  return total === 0 ? 0 : right / total;
}

export interface FreeRunning {
  /** Pairs whose whole target came out exactly. */
  exactMatch: number;
  /** The model's output per pair, as token ids (EOS and after cut off). */
  outputs: number[][];
}

/** Free-running (greedy) decoding of every source, compared with its target. */
export function freeRunning(model: Transformer, pairs: readonly Pair[]): FreeRunning {
  const outputs = greedyDecode(
    model,
    pairs.map((p) => p.source),
  );
  const exactMatch = outputs.filter((out, i) => sameIds(out, pairs[i]?.target ?? [])).length;
  return { exactMatch, outputs };
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
