// The listener's training recipes, shared by scripts/train-opponent.ts (Node), the eval page
// (Chromium) and anyone who wants to retrain the shipped checkpoint. A recipe is plain data.
import { staticKimariji } from '../data/kimariji';
import { POEMS } from '../data/poems';
import { createRng } from '../data/random';
import type { Objective } from '../model/checkpoint';
import type { ModelSize } from '../model/config';
import { makeConfig } from '../model/config';
import { Transformer } from '../model/transformer';
import type { TrainingControl } from './control';
import { scheduleFromSpec, type ScheduleSpec } from './schedule';
import { train, type EpochMetrics, type TrainResult } from './trainer';
import { fullReadingPairs, listenerTask, prefixPairs, type ListenerTask } from './listener';
import { listenerShape, MODEL_SIZES } from './sizes';

export interface ListenerRecipe {
  readonly size: ModelSize;
  readonly batchSize: number;
  readonly epochs: number;
  readonly schedule: ScheduleSpec;
  /** Train on prefixes up to this many morae, plus the full reading (0: full readings only). */
  readonly maxPrefix: number;
  readonly batching: 'random' | 'bucketed';
  /**
   * What the listener learns: every poem (default), or only the poems whose kimariji against
   * all 100 is at most this many sounds (a beginner learns those first). The vocabularies stay
   * those of all 100, so its checkpoint scores every card.
   */
  readonly knowsUpToKimariji?: number;
  /**
   * Stop rule, decided during the run: stop after this many consecutive evaluated epochs that
   * write every learnt lower half exactly (free-running). Without it, all `epochs` run.
   */
  readonly stopAfterStableEpochs?: number;
}

export const LISTENER_RECIPES = {
  /**
   * The speed recipe, on the talk's own task (full reading → card, 100 pairs): all 100 lower
   * halves exactly, free-running, from epoch ~50 of 60 and to the end. The cosine decay is
   * what makes it stay there; batches of 16 and the width make it quick.
   */
  fast: {
    size: listenerShape(MODEL_SIZES.fast),
    batchSize: 16,
    epochs: 60,
    schedule: { kind: 'cosine', peak: 0.01, warmupSteps: 30, floor: 0 },
    maxPrefix: 0,
    batching: 'bucketed',
  },
  /**
   * The shipped opponent: the talk's width (32) with a wider feed-forward (64), trained longer
   * on prefixes up to 8 morae, so its belief after a short prefix is sharp as well as right
   * (commits at the kimariji, not one sound later). Half the width of 'fast' halves the cost of
   * scoring 100 cards after every mora, and measured no worse at the kimariji.
   */
  strong: {
    size: listenerShape(MODEL_SIZES.shipped),
    batchSize: 64,
    epochs: 48,
    schedule: { kind: 'cosine', peak: 0.01, warmupSteps: 30, floor: 0 },
    maxPrefix: 8,
    batching: 'bucketed',
  },
  /**
   * The beginner's listener (level 'beginner'): the 49 poems of one- or two-sound kimariji
   * only, the way a beginner learns them first; the shipped recipe's size, stopped once it
   * writes all 49 for 3 epochs in a row.
   */
  novice: {
    size: listenerShape(MODEL_SIZES.shipped),
    batchSize: 64,
    epochs: 48,
    schedule: { kind: 'cosine', peak: 0.01, warmupSteps: 30, floor: 0 },
    maxPrefix: 8,
    batching: 'bucketed',
    knowsUpToKimariji: 2,
    stopAfterStableEpochs: 3,
  },
  /** The intermediate's listener: the 86 poems of up to three sounds (not the 14 longest). */
  learner: {
    size: listenerShape(MODEL_SIZES.shipped),
    batchSize: 64,
    epochs: 48,
    schedule: { kind: 'cosine', peak: 0.01, warmupSteps: 30, floor: 0 },
    maxPrefix: 8,
    batching: 'bucketed',
    knowsUpToKimariji: 3,
    stopAfterStableEpochs: 3,
  },
} as const satisfies Record<string, ListenerRecipe>;

/** The poems a recipe's listener learns (all 100 unless `knowsUpToKimariji`). */
export function knownPoems(recipe: ListenerRecipe): number[] {
  const limit = recipe.knowsUpToKimariji;
  return POEMS.filter((p) => limit === undefined || staticKimariji(p.no).length <= limit).map((p) => p.no);
}

export type ListenerRecipeName = keyof typeof LISTENER_RECIPES;

export interface ListenerRun {
  readonly task: ListenerTask;
  readonly model: Transformer;
  readonly result: TrainResult;
  /** First epoch from which every later evaluation wrote all 100 cards exactly; null if never. */
  readonly stableFromEpoch: number | null;
  /** Optimizer seconds up to that epoch. */
  readonly secondsToStable: number | null;
  /**
   * Wall-clock seconds from the start (task, model, every step and every evaluation included)
   * until the stop rule ended the run, or until the last epoch without one.
   */
  readonly wallSeconds: number;
  /** Poem numbers the listener was trained on. */
  readonly known: readonly number[];
}

/** Trains a listener from scratch with `recipe`; evaluates free-running on all 100 every epoch. */
export async function trainListener(
  recipe: ListenerRecipe,
  seed: number,
  hooks: { onEpoch?: (m: EpochMetrics) => void; control?: TrainingControl } = {},
  objective: Objective = 'honest',
): Promise<ListenerRun> {
  const started = performance.now();
  const full = listenerTask();
  const known = knownPoems(recipe);
  const task =
    known.length === POEMS.length
      ? full
      : listenerTask(
          POEMS.filter((p) => known.includes(p.no)),
          { source: full.sourceVocab, target: full.targetVocab },
        );
  const config = makeConfig(recipe.size, {
    sourceVocabSize: task.sourceVocab.size,
    targetVocabSize: task.targetVocab.size,
  });
  const rng = createRng(seed);
  const model = Transformer.create(config, rng);
  const evaluationPairs = fullReadingPairs(task);
  let streak = 0;
  const result = await train(model, prefixPairs(task, recipe.maxPrefix), {
    objective,
    epochs: recipe.epochs,
    batchSize: recipe.batchSize,
    schedule: scheduleFromSpec(recipe.schedule),
    batching: recipe.batching,
    rng,
    evaluationPairs,
    ...(hooks.control ? { control: hooks.control } : {}),
    onEpoch: (m) => {
      hooks.onEpoch?.(m);
      const k = recipe.stopAfterStableEpochs;
      if (k === undefined || !m.evaluation) return;
      streak = m.evaluation.exactMatch === m.evaluation.total ? streak + 1 : 0;
      return streak >= k ? 'stop' : undefined;
    },
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const stable = stableFrom(result.epochs, evaluationPairs.length);
  return {
    task,
    model,
    result,
    stableFromEpoch: stable?.epoch ?? null,
    secondsToStable: stable?.trainSeconds ?? null,
    wallSeconds,
    known,
  };
}

/** The first evaluated epoch from which every evaluation is a full exact match. */
export function stableFrom(epochs: readonly EpochMetrics[], total: number): EpochMetrics | null {
  let first: EpochMetrics | null = null;
  for (const e of epochs) {
    if (!e.evaluation) continue;
    if (e.evaluation.exactMatch === total) first ??= e;
    else first = null;
  }
  return first;
}
