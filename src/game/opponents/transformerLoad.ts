// Browser side: builds a Transformer opponent from the shipped checkpoint or from a model the
// player trained and saved (IndexedDB). The weights and the wasm binaries are bundled by Vite
// (local URLs), so this works offline. Every level uses the same listener; levels differ in
// commit threshold and reaction time (TRANSFORMER_PRESETS).
// (A less-trained checkpoint was tried for the easy levels: at 6 epochs it took a wrong card
// on a quarter of the readings, which teaches a beginner nothing, so it is not shipped.)
import * as tf from '@tensorflow/tfjs-core';
import modelUrl from '../../../assets/checkpoints/opponent/model.json?url';
import weightsUrl from '../../../assets/checkpoints/opponent/weights.bin?url';
import { useBrowserBackend } from '../../model/backendBrowser';
import { httpCheckpoint, loadCheckpoint, type CheckpointError } from '../../model/checkpoint';
import { LISTENER_TASK } from '../../training/listener';
import { savedModelIOHandler } from '../storage/models';
import { testHooks } from '../testHooks';
import { TRANSFORMER_PRESETS, TransformerOpponent } from './transformer';
import { TransformerListener } from './transformerListener';

export type TransformerLevel = keyof typeof TRANSFORMER_PRESETS;

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
  const handler =
    'saved' in source ? savedModelIOHandler(source.saved) : httpCheckpoint(modelUrl, weightsUrl);
  const loaded = await loadCheckpoint(handler, { task: LISTENER_TASK });
  if (!loaded.ok) return loaded;
  const listener = TransformerListener.fromCheckpoint(loaded.checkpoint);
  return { ok: true, opponent: new TransformerOpponent(listener, TRANSFORMER_PRESETS[level], seed) };
}
