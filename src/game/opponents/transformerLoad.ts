// Browser side: builds a Transformer opponent from the shipped checkpoint of its level's
// knowledge (levels.ts: all 100 poems, or the 86 / 49 a weaker player has learnt) or from a
// model the player trained and saved (IndexedDB), which then stands for the level's knowledge.
// The weights and the wasm binaries are bundled by Vite (local URLs), so this works offline.
// (A less-trained checkpoint on all 100 was tried for the easy levels: at 6 epochs it took a
// wrong card on a quarter of the readings at random, which teaches a beginner nothing; a
// listener that has learnt fewer poems errs where a beginner does.)
import * as tf from '@tensorflow/tfjs-core';
import modelUrl from '../../../assets/checkpoints/opponent/model.json?url';
import weightsUrl from '../../../assets/checkpoints/opponent/weights.bin?url';
import learnerModelUrl from '../../../assets/checkpoints/opponent-learner/model.json?url';
import learnerWeightsUrl from '../../../assets/checkpoints/opponent-learner/weights.bin?url';
import noviceModelUrl from '../../../assets/checkpoints/opponent-novice/model.json?url';
import noviceWeightsUrl from '../../../assets/checkpoints/opponent-novice/weights.bin?url';
import { useBrowserBackend } from '../../model/backendBrowser';
import { httpCheckpoint, loadCheckpoint, type CheckpointError } from '../../model/checkpoint';
import { LISTENER_TASK } from '../../training/listener';
import { savedModelIOHandler } from '../storage/models';
import { testHooks } from '../testHooks';
import { OPPONENT_LEVELS, type Knowledge, type LevelName } from './levels';
import { TransformerOpponent } from './transformer';
import { TransformerListener } from './transformerListener';

export type TransformerLevel = LevelName;

const SHIPPED_URLS: Record<Knowledge, { model: string; weights: string }> = {
  all: { model: modelUrl, weights: weightsUrl },
  threeSound: { model: learnerModelUrl, weights: learnerWeightsUrl },
  twoSound: { model: noviceModelUrl, weights: noviceWeightsUrl },
};

/** Where the weights come from: the shipped checkpoint, or a saved model's id. */
export type TransformerSource = { readonly shipped: true } | { readonly saved: string };

export type TransformerLoad =
  | { ok: true; opponent: TransformerOpponent }
  | { ok: false; error: CheckpointError | { code: 'backend'; message: string } };

let backendReady: Promise<boolean> | null = null;

/** The page's tfjs backend for the opponent: wasm (fast for a model this small), else cpu. */
function ensureBackend(): Promise<boolean> {
  backendReady ??= (async () => {
    const ready = (await useBrowserBackend('wasm')) || (await useBrowserBackend('cpu'));
    // For the leak test: tensors alive on the page, so two matches can be compared.
    if (ready) testHooks().tensorCount = () => tf.memory().numTensors;
    return ready;
  })();
  return backendReady;
}

export async function loadTransformerOpponent(
  level: TransformerLevel,
  seed: number,
  source: TransformerSource = { shipped: true },
): Promise<TransformerLoad> {
  if (!(await ensureBackend()))
    return { ok: false, error: { code: 'backend', message: 'no tfjs backend could start' } };
  const spec = OPPONENT_LEVELS[level];
  const urls = SHIPPED_URLS[spec.knowledge];
  const handler =
    'saved' in source ? savedModelIOHandler(source.saved) : httpCheckpoint(urls.model, urls.weights);
  const loaded = await loadCheckpoint(handler, { task: LISTENER_TASK });
  if (!loaded.ok) return loaded;
  const listener = TransformerListener.fromCheckpoint(loaded.checkpoint);
  return {
    ok: true,
    opponent: new TransformerOpponent(
      listener,
      'saved' in source
        ? {
            ...spec,
            label: { ja: `${spec.short.ja}（あなたのモデル）`, en: `${spec.short.en} (your model)` },
          }
        : spec,
      seed,
    ),
  };
}
