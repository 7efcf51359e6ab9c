// How well a model does on a set of (source, target) pairs, measured two ways that must not
// be confused: teacher-forced accuracy (each next token given the true previous ones, which
// the talk reported) and free-running exact match (the model feeds itself, as it must in use).
import * as tf from '@tensorflow/tfjs-core';
import type { Objective } from '../model/checkpoint';
import { CandidateScorer, greedyDecode } from '../model/inference';
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
  const { right, total } = teacherForcedCounts(model, pairs, objective);
  return total === 0 ? 0 : right / total;
}

/**
 * Teacher-forced accuracy and the number of pairs whose every label token (EOS included) is
 * the argmax: the pairs greedy decoding would write exactly, found in one batched pass.
 */
export function teacherForcedExact(
  model: Transformer,
  pairs: readonly Pair[],
): { readonly accuracy: number; readonly exact: number } {
  const { right, total, exact } = teacherForcedCounts(model, pairs, 'honest');
  return { accuracy: total === 0 ? 0 : right / total, exact };
}

function teacherForcedCounts(
  model: Transformer,
  pairs: readonly Pair[],
  objective: Objective,
): { right: number; total: number; exact: number } {
  if (pairs.length === 0) return { right: 0, total: 0, exact: 0 };
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
    const right = tf.logicalAnd(real, tf.equal(predicted, labels)).cast('float32'); // [B, T]
    const wrong = tf.logicalAnd(real, tf.notEqual(predicted, labels)).cast('float32'); // [B, T]
    const exact = wrong.sum(1).equal(0).cast('float32').sum(); // []
    return tf.stack([right.sum(), real.cast('float32').sum(), exact]); // [3]
  });
  const [right, total, exact] = Array.from(counts.dataSync()) as [number, number, number];
  counts.dispose();
  return { right, total, exact };
}

/**
 * Per pair, the belief the opponent would hold in its target after hearing its source: the
 * softmax over `candidates` of log P(candidate text | source), a uniform prior, as
 * TransformerListener computes it. Every pair's target must be one of the candidates.
 */
export function beliefInTargets(
  model: Transformer,
  pairs: readonly Pair[],
  candidates: readonly (readonly number[])[],
  /**
   * Called with each belief as it is found, in pair order; returning true stops there and the
   * beliefs found so far (this one included) are returned. A check that only needs to know
   * whether enough pairs pass can give up at the first failure too many.
   */
  stop?: (belief: number, index: number) => boolean,
): number[] {
  if (pairs.length === 0) return [];
  const rows = pairs.map((p) => candidates.findIndex((c) => sameIds(c, p.target)));
  if (rows.some((r) => r < 0)) throw new Error('a target is not among the candidates');
  const scorer = new CandidateScorer(model, candidates);
  // Pairs that share a source (one opening, several poems) are scored once.
  const scored = new Map<string, number[]>();
  const beliefs: number[] = [];
  try {
    for (const [i, p] of pairs.entries()) {
      const key = p.source.join(',');
      const logp = scored.get(key) ?? scorer.score(p.source);
      scored.set(key, logp);
      const max = Math.max(...logp);
      const total = logp.reduce((sum, lp) => sum + Math.exp(lp - max), 0);
      const belief = Math.exp((logp[rows[i] ?? 0] ?? -Infinity) - max) / total;
      beliefs.push(belief);
      if (stop?.(belief, i)) break;
    }
    return beliefs;
  } finally {
    scorer.dispose();
  }
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
