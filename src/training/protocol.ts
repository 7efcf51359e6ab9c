// The messages between the training panel (main thread) and its Web Worker. Only plain data
// crosses: numbers, strings, and the weights as a transferred ArrayBuffer.
import type { io } from '@tensorflow/tfjs-core';
import type { Divergence } from './divergence';
import type { ImportVerdict } from './importCheck';
import type { Backend, TrainingRecipe } from './recipe';

export type ToWorker =
  | {
      readonly type: 'start';
      readonly recipe: TrainingRecipe;
      /** Continue a saved model: its checkpoint, trained `recipe.epochs` more epochs from there. */
      readonly resume?: { readonly artifacts: io.ModelArtifacts };
    }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'cancel' }
  /** Checks that imported artifacts are a model of this game's task, vocabulary and shapes. */
  | { readonly type: 'validate'; readonly requestId: number; readonly artifacts: io.ModelArtifacts }
  /** Test and demo hook: lose the WebGL context now (WEBGL_lose_context), as a driver reset would. */
  | { readonly type: 'lose-webgl-context' };

/** Why this backend runs: chosen as asked, picked by Auto, or fallen back to. */
export type BackendReason =
  | { readonly kind: 'requested' }
  | { readonly kind: 'auto-hardware-webgl' }
  | { readonly kind: 'auto-software-webgl' }
  | { readonly kind: 'auto-no-webgl' }
  | { readonly kind: 'unavailable'; readonly requested: Backend }
  | { readonly kind: 'context-lost'; readonly resumeEpoch: number };

/** One evaluation example as the per-poem view shows it. */
export interface PoemExample {
  /** Poem number 1–100. */
  readonly no: number;
  /** The upper half the model reads. */
  readonly upper: string;
  /** The lower half it should write, one display symbol per token. */
  readonly target: readonly string[];
}

export interface EpochReport {
  readonly epoch: number;
  readonly loss: number;
  readonly teacherForcedAccuracy: number;
  readonly exactMatch: number;
  readonly total: number;
  /** What the model wrote for each example, free-running, one symbol per token. */
  readonly outputs: readonly (readonly string[])[];
  readonly trainSeconds: number;
  /** Seconds from the epoch's last step to this report: evaluation and checkpoint. */
  readonly evaluationSeconds: number;
  /** False when this epoch's loss rose: not a candidate for the last good epoch. */
  readonly good: boolean;
  readonly backend: Backend;
}

export type FromWorker =
  | {
      readonly type: 'backend';
      readonly backend: Backend;
      readonly reason: BackendReason;
      /** The WebGL renderer string, when WebGL was probed. */
      readonly renderer?: string;
    }
  | {
      readonly type: 'started';
      readonly examples: readonly PoemExample[];
      readonly stepsPerEpoch: number;
      /** Steps of this run (a continued model counts only the new ones). */
      readonly totalSteps: number;
      readonly parameters: number;
      /** Epochs the model had before this run (0 from scratch). */
      readonly firstEpoch: number;
      /** The epoch this run ends at. */
      readonly lastEpoch: number;
    }
  | {
      readonly type: 'progress';
      readonly epoch: number;
      /** Steps done in the whole run. */
      readonly step: number;
      readonly totalSteps: number;
      readonly loss: number;
      readonly stepsPerSecond: number;
      /** Mean measured seconds per recent step (compute only; pauses excluded). */
      readonly secondsPerStep: number;
    }
  /** The epoch's steps are done; its evaluation (free-running, 100 poems) has begun. */
  | { readonly type: 'evaluating'; readonly epoch: number }
  /** The run stopped itself: the loss went NaN or kept rising. `goodEpoch` is what to keep. */
  | { readonly type: 'diverged'; readonly divergence: Divergence; readonly goodEpoch: number }
  | {
      readonly type: 'epoch';
      readonly report: EpochReport;
      /** The model after this epoch: the last good one, to save or export. */
      readonly artifacts: io.ModelArtifacts;
    }
  | {
      readonly type: 'validated';
      readonly requestId: number;
      readonly result: ImportVerdict;
    }
  | { readonly type: 'paused' }
  | { readonly type: 'resumed' }
  | { readonly type: 'finished'; readonly reason: 'done' | 'cancelled' | 'diverged' }
  | { readonly type: 'failed'; readonly message: string };
