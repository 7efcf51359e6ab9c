// A model's numbers measured on this game's data, exactly as after every epoch of a run: what
// an imported model is stored with (a file's own metrics are only claims). Synchronous tensor
// work; only plain numbers leave.
import type { Objective } from '../model/checkpoint';
import type { Transformer } from '../model/transformer';
import { frame, type Pair } from './dataset';
import { freeRunning, teacherForcedAccuracy } from './metrics';
import { batchLoss } from './trainer';

export interface MeasuredMetrics {
  /** Mean cross-entropy per label token over the training pairs. */
  readonly loss: number;
  readonly teacherForcedAccuracy: number;
  readonly exactMatch: number;
  readonly total: number;
}

/** Mean loss over `pairs` in batches of 64 (bounded memory), teacher-forced as in training. */
export function meanLoss(model: Transformer, pairs: readonly Pair[], objective: Objective): number {
  const framed = pairs.map((p) => frame(p, objective));
  let sum = 0;
  let tokens = 0;
  for (let i = 0; i < framed.length; i += 64) {
    const batch = framed.slice(i, i + 64);
    const n = batch.reduce((k, b) => k + b.labels.length, 0);
    const loss = batchLoss(model, batch, objective); // []
    sum += (loss.dataSync()[0] ?? NaN) * n;
    tokens += n;
    loss.dispose();
  }
  return sum / Math.max(1, tokens);
}

export function measureModel(
  model: Transformer,
  training: readonly Pair[],
  evaluation: readonly Pair[],
  objective: Objective,
): MeasuredMetrics {
  return {
    loss: meanLoss(model, training, objective),
    teacherForcedAccuracy: teacherForcedAccuracy(model, evaluation, objective),
    exactMatch: freeRunning(model, evaluation).exactMatch,
    total: evaluation.length,
  };
}
