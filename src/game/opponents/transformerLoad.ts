// Browser side: builds a Transformer opponent from the shipped checkpoint. The weights and the
// wasm binaries are bundled by Vite (local URLs), so this works offline. Every level uses the
// same listener; levels differ in commit threshold and reaction time (TRANSFORMER_PRESETS).
// (A less-trained checkpoint was tried for the easy levels: at 6 epochs it took a wrong card
// on a quarter of the readings, which teaches a beginner nothing, so it is not shipped.)
import modelUrl from '../../../assets/checkpoints/opponent/model.json?url';
import weightsUrl from '../../../assets/checkpoints/opponent/weights.bin?url';
import { useBrowserBackend } from '../../model/backendBrowser';
import { httpCheckpoint, loadCheckpoint, type CheckpointError } from '../../model/checkpoint';
import { LISTENER_TASK } from '../../training/listener';
import { TRANSFORMER_PRESETS, TransformerOpponent } from './transformer';
import { TransformerListener } from './transformerListener';

export type TransformerLevel = keyof typeof TRANSFORMER_PRESETS;

let backendReady: Promise<void> | null = null;

/** The page's tfjs backend for the opponent: wasm (fast for a model this small), else cpu. */
function ensureBackend(): Promise<void> {
  backendReady ??= (async () => {
    if (!(await useBrowserBackend('wasm'))) await useBrowserBackend('cpu');
  })();
  return backendReady;
}

export async function loadTransformerOpponent(
  level: TransformerLevel,
  seed: number,
): Promise<{ ok: true; opponent: TransformerOpponent } | { ok: false; error: CheckpointError }> {
  await ensureBackend();
  const loaded = await loadCheckpoint(httpCheckpoint(modelUrl, weightsUrl), { task: LISTENER_TASK });
  if (!loaded.ok) return loaded;
  const listener = TransformerListener.fromCheckpoint(loaded.checkpoint);
  return { ok: true, opponent: new TransformerOpponent(listener, TRANSFORMER_PRESETS[level], seed) };
}
