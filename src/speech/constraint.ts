// The constraint of the slip models' fine-tuning, in the objective (not at generation time).
//
// A slip model is fine-tuned on (intended → slip) pairs with cross-entropy, as the repeater was
// trained, plus a constraint on where its probability mass may go when it deviates:
//
//   minimise  CE(θ)   subject to   c(θ) ≤ ε
//
//   c(θ) = Σ_positions P_θ(out-of-class continuations) / Σ_positions P_θ(anything but the label)
//
// i.e. c is the share of the model's "deviation mass" (what it does not give to the teaching
// label) that falls on continuations of the other class. For the horizontal model the
// out-of-class continuations are the morae absent from the intended sentence (an intruder from
// outside would be a vertical slip); for the vertical model, the morae of the intended sentence
// other than the label (an intruder from elsewhere in the sentence would be a horizontal slip).
// For both, ending the sentence where the label does not end it is out of class (a truncated
// saying is neither), and so are the special tokens. The denominator is held constant in the
// gradient (it only normalises), so the term pushes out-of-class mass down, nowhere else.
//
// The vertical mora model's class is narrower (`unrelatedMorae`): an outside mora is in class
// only when it is a phonological neighbour of the label (one segment apart, similarMorae), the
// annotator's reason for calling an outside mora vertical; any other outside mora would make an
// 'unrelated' error, so its mass is out of class too.
//
// The constraint enters the Lagrangian  L(θ, λ) = CE(θ) + λ · c(θ)  with a multiplier learnt by
// dual ascent: after every step λ ← clamp(λ + η · (c − ε), 0, λmax), so λ grows while the
// constraint is violated and relaxes back to 0 once it holds (Lagrange duality, as the seed
// talk frames its fine-tuning). Generation then samples the fine-tuned model (its nucleus), with
// no mask: the class of a slip comes from the weights.
import * as tf from '@tensorflow/tfjs-core';
import { labelLogProbs, padBatch } from '../model/batch';
import type { Transformer } from '../model/transformer';
import { EOS, PAD, SPECIAL_TOKENS, type Vocabulary } from '../model/vocab';
import { similarMorae } from './phonology';
import type { FramedPair } from '../training/dataset';

export type SlipClass = 'horizontal' | 'vertical';

/** Tokens out of class for both kinds at a label position (the word stage's category tokens,
 *  slots that stand for no word of this sentence, words that do not fit the label's slot),
 *  given the sentence's source tokens and the label. */
export type AlwaysOut = (token: number, source: ReadonlySet<number>, label: number) => boolean;

/**
 * Out of class for the vertical mora model beside the sentence's own morae: an outside mora
 * that is not a phonological neighbour of the label (nor the label itself). A table built once.
 */
export function unrelatedMorae(vocab: Vocabulary): AlwaysOut {
  const V = vocab.size;
  const first = SPECIAL_TOKENS.length;
  const near = new Uint8Array(V * V);
  for (let a = first; a < V; a++)
    for (let b = first; b < V; b++)
      if (similarMorae(vocab.tokens[a] as string, vocab.tokens[b] as string)) near[a * V + b] = 1;
  return (token, source, label) => !source.has(token) && near[label * V + token] !== 1;
}

/**
 * 1 where continuation v at label position t of pair b is out of `kind`'s class, else 0:
 * a [B·T·V] mask for a batch padded to T label positions. Padding positions are all 0.
 */
export function outOfClassMask(
  batch: readonly FramedPair[],
  kind: SlipClass,
  T: number,
  V: number,
  alwaysOut: AlwaysOut = () => false,
): Float32Array {
  const mask = new Float32Array(batch.length * T * V);
  batch.forEach((pair, b) => {
    const heard = new Set(pair.source);
    pair.labels.forEach((label, t) => {
      if (label === PAD) return;
      const row = (b * T + t) * V;
      for (let v = 0; v < V; v++) {
        if (v === label) continue;
        const out =
          v === EOS || v < SPECIAL_TOKENS.length || alwaysOut(v, heard, label)
            ? true
            : kind === 'horizontal'
              ? !heard.has(v)
              : heard.has(v);
        if (out) mask[row + v] = 1;
      }
    });
  });
  return mask;
}

/** Cross-entropy per label token and the constraint value c (module header), as tensors. */
export function constrainedTerms(
  model: Transformer,
  batch: readonly FramedPair[],
  kind: SlipClass,
  alwaysOut?: AlwaysOut,
): { crossEntropy: tf.Scalar; constraint: tf.Scalar } {
  return tf.tidy(() => {
    const source = padBatch(batch.map((b) => b.source)); // [B, S]
    const input = padBatch(batch.map((b) => b.input)); // [B, T]
    const T = input.shape[1];
    const labels = padBatch(
      batch.map((b) => b.labels),
      T,
    ); // [B, T]
    const logits = model.forward(source, input, true); // [B, T, V]
    const V = logits.shape[2];
    const tokens = batch.reduce((n, b) => n + b.labels.length, 0);
    const logp = labelLogProbs(logits, labels); // [B, T], padding 0
    const crossEntropy = logp.sum().neg().div(tokens) as tf.Scalar;
    const probs = tf.softmax(logits); // [B, T, V]
    const mask = tf.tensor3d(outOfClassMask(batch, kind, T, V, alwaysOut), [batch.length, T, V]);
    const outMass = probs.mul(mask).sum(); // scalar
    const real = tf.notEqual(labels, PAD).cast('float32'); // [B, T]
    // Read out and made a fresh constant: no gradient flows through the normaliser.
    const deviationMass = real.sub(tf.exp(logp).mul(real)).sum().dataSync()[0] ?? 0;
    const deviation = tf.scalar(deviationMass + 1e-6);
    return { crossEntropy, constraint: outMass.div(deviation) as tf.Scalar };
  });
}

export interface MultiplierOptions {
  /** The bound ε on the constraint value. */
  readonly bound: number;
  /** Dual step size η. */
  readonly step: number;
  readonly initial?: number;
  readonly max?: number;
}

/** The Lagrange multiplier, learnt by projected dual ascent on the measured constraint. */
export class LagrangeMultiplier {
  value: number;
  readonly history: number[] = [];

  constructor(readonly options: MultiplierOptions) {
    this.value = options.initial ?? 0;
  }

  /** One dual step from a measured constraint value. */
  update(constraint: number): number {
    if (!Number.isFinite(constraint)) return this.value;
    const next = this.value + this.options.step * (constraint - this.options.bound);
    this.value = Math.min(this.options.max ?? 20, Math.max(0, next));
    return this.value;
  }
}

/** Running sums of the terms over the steps since the last `takeEpochTerms`, for epoch logs. */
export interface ConstraintLog {
  crossEntropy: number;
  constraint: number;
  steps: number;
}

/** One epoch's mean CE and c, and λ at its end, as the checkpoints' `notes.perEpoch` keep them. */
export interface EpochTerms {
  readonly epoch: number;
  readonly crossEntropy: number;
  readonly constraint: number;
  readonly lambda: number;
}

/**
 * The means of `log` since the last call (the epoch's loss when no constrained step ran), and
 * empties it for the next epoch.
 */
export function takeEpochTerms(
  log: ConstraintLog,
  epoch: number,
  loss: number,
  multiplier: LagrangeMultiplier | null | undefined,
): EpochTerms {
  const terms = {
    epoch,
    crossEntropy: log.steps ? log.crossEntropy / log.steps : loss,
    constraint: log.steps ? log.constraint / log.steps : NaN,
    lambda: multiplier?.value ?? 0,
  };
  log.crossEntropy = log.constraint = log.steps = 0;
  return terms;
}

/**
 * A batch loss for the trainer (`TrainOptions.loss`): CE + λ·c with `multiplier`'s current λ.
 * After each batch the measured c takes one dual step. A fixed λ (no dual step) is `fixed`.
 */
export function constrainedLoss(
  kind: SlipClass,
  multiplier: LagrangeMultiplier | { fixed: number },
  log?: ConstraintLog,
  alwaysOut?: AlwaysOut,
): (model: Transformer, batch: readonly FramedPair[]) => tf.Scalar {
  return (model, batch) => {
    const { crossEntropy, constraint } = constrainedTerms(model, batch, kind, alwaysOut);
    const lambda = 'fixed' in multiplier ? multiplier.fixed : multiplier.value;
    const c = constraint.dataSync()[0] ?? NaN;
    if (log) {
      log.crossEntropy += crossEntropy.dataSync()[0] ?? NaN;
      log.constraint += c;
      log.steps++;
    }
    if (!('fixed' in multiplier)) {
      multiplier.history.push(lambda);
      multiplier.update(c);
    }
    return crossEntropy.add(constraint.mul(lambda)) as tf.Scalar;
  };
}
