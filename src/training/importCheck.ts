// Whether imported artifacts are a listener this game can play and train, and how good it is,
// measured here. Shared by the training worker (the import and "continue training") and the
// fuzz test of the import path, so both run the same checks.
import type * as tf from '@tensorflow/tfjs-core';
import { checkpointFromArtifacts, type CheckpointErrorCode, type Objective } from '../model/checkpoint';
import { measureModel, type MeasuredMetrics } from './measure';
import type { PanelTask } from './panelTask';
import { LIMITS } from './recipe';

export type ImportVerdict =
  | {
      readonly ok: true;
      readonly epochs: number;
      readonly objective: Objective;
      readonly measured: MeasuredMetrics;
    }
  | { readonly ok: false; readonly code: CheckpointErrorCode; readonly message: string };

/** The longest sequence a checkpoint may declare: the listener needs 22; a huge one would exhaust memory. */
export const MAX_SEQUENCE_LENGTH = 512;

/**
 * Sizes a browser can build, checked before any tensor is made: a file that declares a
 * sequence length of 10^15 (its weights do not depend on it) must be refused, not allocated.
 */
export function buildableProblem(topology: unknown): string | null {
  const config = (topology as { config?: Record<string, unknown> } | null | undefined)?.config;
  if (typeof config !== 'object' || config === null) return null; // checkpoint.ts says what is missing
  const within = (key: string, max: number) => {
    const v = config[key];
    return typeof v !== 'number' || v <= max ? null : `config.${key} is ${v}, above ${max}`;
  };
  return (
    within('maxSourceLength', MAX_SEQUENCE_LENGTH) ??
    within('maxTargetLength', MAX_SEQUENCE_LENGTH) ??
    within('dModel', LIMITS.dModel.max) ??
    within('dFF', LIMITS.dFF.max) ??
    within('nLayers', LIMITS.nLayers.max) ??
    within('nHeads', LIMITS.nHeads.max)
  );
}

/** Checks `artifacts` against the panel's task and measures the model (loss, accuracy, exact match). */
export function checkImport(
  artifacts: tf.io.ModelArtifacts,
  task: PanelTask,
  sample: { training?: number; evaluation?: number } = {},
): ImportVerdict {
  const tooBig = buildableProblem(artifacts.modelTopology);
  if (tooBig) return { ok: false, code: 'shape-mismatch', message: tooBig };
  const loaded = checkpointFromArtifacts(artifacts, {
    task: task.task,
    sourceVocab: task.dataset.sourceVocab,
    targetVocab: task.dataset.targetVocab,
  });
  if (!loaded.ok) return { ok: false, ...loaded.error };
  const { metadata, model } = loaded.checkpoint;
  const objective: Objective = metadata.objective === 'talk' ? 'talk' : 'honest';
  try {
    // The file's metrics are claims; these are measured, as after every epoch of a run.
    const measured = measureModel(
      model,
      task.dataset.pairs.slice(0, sample.training),
      task.evaluation.slice(0, sample.evaluation),
      objective,
    );
    const epochs = Number.isInteger(metadata.epochs) && metadata.epochs >= 1 ? metadata.epochs : 1;
    return { ok: true, epochs, objective, measured };
  } finally {
    model.dispose();
  }
}
