// One training loop for Node and the browser (page or Web Worker): no DOM, no Node APIs, the
// tfjs backend is the caller's choice. It knows pairs of token ids, an objective, a schedule
// and a seeded RNG; nothing about poems.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core leaves the gradients out (the @tensorflow/tfjs umbrella registers them): training needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Rng } from '../data/random';
import type { Objective } from '../model/checkpoint';
import { labelLogProbs, padBatch } from '../model/batch';
import type { Transformer } from '../model/transformer';
import { TrainingControl } from './control';
import { frame, type FramedPair, type Pair } from './dataset';
import { freeRunning, teacherForcedAccuracy, teacherForcedExact } from './metrics';
import type { LearningRateSchedule } from './schedule';

/** Adam whose learning rate the trainer sets before every step. */
class ScheduledAdam extends tf.AdamOptimizer {
  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }
}

export interface StepInfo {
  readonly epoch: number;
  readonly step: number;
  readonly totalSteps: number;
  readonly learningRate: number;
  readonly loss: number;
  /** Seconds this step took (compute only: time spent paused is not in it). */
  readonly seconds: number;
}

export interface EpochMetrics {
  /** 1-based. */
  readonly epoch: number;
  /** Mean training loss over the epoch's steps. */
  readonly loss: number;
  /** Seconds spent in optimizer steps so far (evaluation excluded). */
  readonly trainSeconds: number;
  /** Present on evaluated epochs. */
  readonly evaluation?: {
    readonly teacherForcedAccuracy: number;
    readonly exactMatch: number;
    readonly total: number;
    /** Free-running output ids per evaluation pair (empty when `freeRunning` is false). */
    readonly outputs: number[][];
    /**
     * False when free-running decoding was skipped (`confirmFreeRunning`): `exactMatch` then
     * counts the pairs whose every token, EOS included, is the argmax teacher-forced, which is
     * the same count (greedy decoding fed its own right tokens sees exactly those inputs).
     */
    readonly freeRunning?: boolean;
    readonly seconds: number;
  };
}

export interface TrainOptions {
  readonly objective: Objective;
  readonly epochs: number;
  readonly batchSize: number;
  readonly schedule: LearningRateSchedule;
  /** Shuffles the pairs each epoch; the model's initial weights are seeded by the caller. */
  readonly rng: Rng;
  /** Pairs measured after evaluated epochs (teacher-forced and free-running). */
  readonly evaluationPairs?: readonly Pair[];
  /**
   * Decode free-running only on epochs where every evaluation pair is already right
   * teacher-forced (then to confirm it); otherwise count exact pairs teacher-forced. Saves the
   * sequential greedy decode, most of an evaluation's time, on the epochs that cannot pass.
   */
  readonly confirmFreeRunning?: boolean;
  /**
   * Count exact pairs teacher-forced only, never decoding free-running (`freeRunning` false on
   * every evaluation): for a caller that confirms free-running itself on the epochs where it
   * decides something (the listener's stop rule), so the other epochs do not pay for it.
   */
  readonly teacherForcedOnly?: boolean;
  /** Evaluate every N epochs (and after the last); default 1. */
  readonly evaluateEvery?: number;
  /**
   * 'bucketed' sorts the shuffled pairs by source length before cutting batches (then shuffles
   * the batches), so short sources are not padded to the longest: much less work when lengths
   * vary, as with the listener's prefixes. Default 'random'.
   */
  readonly batching?: 'random' | 'bucketed';
  /**
   * Weigh the loss on the first label positions more (`leadingWeights`); default: every
   * position alike, the plain per-token mean.
   */
  readonly leadWeight?: LeadWeight;
  /** Clip the global gradient norm; none by default. */
  readonly clipNorm?: number;
  /**
   * The loss of a batch, in place of `batchLoss` (for an objective with extra terms, such as
   * the speaker's constrained fine-tuning); called inside the gradient tape.
   */
  readonly loss?: (model: Transformer, batch: readonly FramedPair[]) => tf.Scalar;
  readonly control?: TrainingControl;
  onStep?(info: StepInfo): void;
  /** Called when an epoch's steps are done and its evaluation begins (evaluated epochs only). */
  onEvaluate?(epoch: number): void;
  /** Return 'stop' to end training after this epoch. */
  onEpoch?(metrics: EpochMetrics): void | 'stop' | Promise<void | 'stop'>;
}

export interface TrainResult {
  readonly epochs: EpochMetrics[];
  readonly reason: 'done' | 'stopped' | 'cancelled';
  readonly trainSeconds: number;
}

/**
 * How much more the first label positions count in the loss: position t (0-based) weighs
 * 1 + (first − 1)·max(0, 1 − t / positions), i.e. `first`× at the first token, falling
 * linearly to 1× at position `positions` and after.
 */
export interface LeadWeight {
  readonly first: number;
  readonly positions: number;
}

/**
 * The weight of each of T label positions under `lead` (all 1 without it). Why: a listener's
 * belief is a softmax over whole-card log-probabilities, and once a poem is decided its card's
 * later tokens are copied, so what tells the cards apart sits in the first few tokens; a plain
 * per-token mean gives those one share in ~15.
 */
export function leadingWeights(T: number, lead?: LeadWeight): number[] {
  if (lead && !(lead.first >= 1 && lead.positions >= 1))
    throw new Error(`leadWeight needs first ≥ 1 and positions ≥ 1, got ${lead.first}, ${lead.positions}`);
  return Array.from({ length: T }, (_, t) =>
    lead ? 1 + (lead.first - 1) * Math.max(0, 1 - t / lead.positions) : 1,
  );
}

/**
 * Cross-entropy of the framed batch: the mean over real (non-padding) label tokens, each
 * weighted by its position (`leadingWeights`) and by its pair's `weight` (a weighted mean, so
 * with neither it is the plain per-token mean, and a pair of weight w counts as w copies).
 */
export function batchLoss(
  model: Transformer,
  batch: readonly FramedPair[],
  objective: Objective,
  lead?: LeadWeight,
): tf.Scalar {
  return tf.tidy(() => {
    const source = padBatch(batch.map((b) => b.source)); // [B, S]
    const input = padBatch(batch.map((b) => b.input)); // [B, T]
    const labels = padBatch(
      batch.map((b) => b.labels),
      input.shape[1],
    ); // [B, T]
    const logits = model.forward(source, input, objective === 'honest'); // [B, T, V]
    const logp = labelLogProbs(logits, labels); // [B, T], padding 0
    const weighted = lead !== undefined || batch.some((b) => b.weight !== undefined);
    if (!weighted) {
      const tokens = batch.reduce((n, b) => n + b.labels.length, 0);
      return logp.sum().neg().div(tokens) as tf.Scalar;
    }
    const T = input.shape[1];
    const perPosition = leadingWeights(T, lead);
    const rows = batch.map((b) => {
      const w = b.weight ?? 1;
      if (!(w >= 0)) throw new Error(`a pair weight must be ≥ 0, got ${w}`);
      return perPosition.map((pw, t) => (t < b.labels.length ? w * pw : 0));
    });
    const total = rows.flat().reduce((a, w) => a + w, 0);
    const weights = tf.tensor2d(rows, [batch.length, T]); // [B, T]
    return logp
      .mul(weights)
      .sum()
      .neg()
      .div(total || 1) as tf.Scalar;
  });
}

export async function train(
  model: Transformer,
  pairs: readonly Pair[],
  options: TrainOptions,
): Promise<TrainResult> {
  if (pairs.length === 0) throw new Error('no training pairs');
  if (options.batchSize < 1 || options.epochs < 1) throw new Error('batchSize and epochs must be ≥ 1');
  const control = options.control ?? new TrainingControl();
  const framed = pairs.map((p) => frame(p, options.objective));
  const stepsPerEpoch = Math.ceil(framed.length / options.batchSize);
  const totalSteps = stepsPerEpoch * options.epochs;
  const variables = [...model.params.values()];
  const optimizer = new ScheduledAdam(options.schedule(0, totalSteps), 0.9, 0.98, 1e-9);
  const history: EpochMetrics[] = [];
  let trainMs = 0;
  let step = 0;
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const batches = makeBatches(framed, options.batchSize, options.batching ?? 'random', options.rng);
      let lossSum = 0;
      for (const batch of batches) {
        if (!(await control.between()))
          return { epochs: history, reason: 'cancelled', trainSeconds: trainMs / 1000 };
        const rate = options.schedule(step, totalSteps);
        optimizer.setLearningRate(rate);
        const started = performance.now();
        const loss = tf.tidy(() => {
          const { value, grads } = tf.variableGrads(
            () =>
              options.loss
                ? options.loss(model, batch)
                : batchLoss(model, batch, options.objective, options.leadWeight),
            variables,
          );
          const clipped = options.clipNorm ? clipByGlobalNorm(grads, options.clipNorm) : grads;
          optimizer.applyGradients(Object.entries(clipped).map(([name, tensor]) => ({ name, tensor })));
          return value;
        });
        const lossValue = (await loss.data())[0] ?? NaN;
        loss.dispose();
        const stepMs = performance.now() - started;
        trainMs += stepMs;
        lossSum += lossValue;
        options.onStep?.({
          epoch,
          step,
          totalSteps,
          learningRate: rate,
          loss: lossValue,
          seconds: stepMs / 1000,
        });
        step++;
      }
      const every = options.evaluateEvery ?? 1;
      const evaluate = options.evaluationPairs && (epoch % every === 0 || epoch === options.epochs);
      // A run cancelled (or diverged) during the last step does not spend an evaluation on it.
      if (control.state === 'cancelled')
        return { epochs: history, reason: 'cancelled', trainSeconds: trainMs / 1000 };
      if (evaluate) options.onEvaluate?.(epoch);
      const metrics: EpochMetrics = {
        epoch,
        loss: lossSum / stepsPerEpoch,
        trainSeconds: trainMs / 1000,
        ...(evaluate && options.evaluationPairs
          ? {
              evaluation: evaluation(
                model,
                options.evaluationPairs,
                options.objective,
                options.teacherForcedOnly ? 'never' : (options.confirmFreeRunning ?? false),
              ),
            }
          : {}),
      };
      history.push(metrics);
      if ((await options.onEpoch?.(metrics)) === 'stop') {
        return { epochs: history, reason: 'stopped', trainSeconds: trainMs / 1000 };
      }
    }
    return { epochs: history, reason: 'done', trainSeconds: trainMs / 1000 };
  } finally {
    optimizer.dispose();
  }
}

function makeBatches(
  framed: readonly FramedPair[],
  size: number,
  batching: 'random' | 'bucketed',
  rng: Rng,
): FramedPair[][] {
  const order = rng.shuffle(framed);
  if (batching === 'bucketed') order.sort((a, b) => a.source.length - b.source.length); // stable
  const batches: FramedPair[][] = [];
  for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
  return batching === 'bucketed' ? rng.shuffle(batches) : batches;
}

function evaluation(
  model: Transformer,
  pairs: readonly Pair[],
  objective: Objective,
  confirmFreeRunning: boolean | 'never',
): NonNullable<EpochMetrics['evaluation']> {
  const started = performance.now();
  if (confirmFreeRunning !== false && objective === 'honest') {
    const { accuracy, exact } = teacherForcedExact(model, pairs);
    if (exact < pairs.length || confirmFreeRunning === 'never')
      return {
        teacherForcedAccuracy: accuracy,
        exactMatch: exact,
        total: pairs.length,
        outputs: [],
        freeRunning: false,
        seconds: (performance.now() - started) / 1000,
      };
  }
  const teacherForced = teacherForcedAccuracy(model, pairs, objective);
  const { exactMatch, outputs } = freeRunning(model, pairs);
  return {
    teacherForcedAccuracy: teacherForced,
    exactMatch,
    total: pairs.length,
    outputs,
    freeRunning: true,
    seconds: (performance.now() - started) / 1000,
  };
}

function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {
  const all = Object.values(grads);
  const norm = tf.sqrt(tf.addN(all.map((g) => g.square().sum())));
  const scale = tf.minimum(1, tf.div(maxNorm, norm.add(1e-6)));
  const out: tf.NamedTensorMap = {};
  for (const [name, g] of Object.entries(grads)) out[name] = g.mul(scale);
  return out;
}
