// Browser side: builds a Transformer opponent from a shipped checkpoint. The weights and the
// wasm binaries are bundled by Vite (local URLs), so this works offline. Easy levels use the
// less-trained checkpoint, which still confuses poems now and then.
import strongModelUrl from '../../../assets/checkpoints/opponent/model.json?url';
import strongWeightsUrl from '../../../assets/checkpoints/opponent/weights.bin?url';
import weakModelUrl from '../../../assets/checkpoints/opponent-weak/model.json?url';
import weakWeightsUrl from '../../../assets/checkpoints/opponent-weak/weights.bin?url';
import { useBrowserBackend } from '../../model/backendBrowser';
import { httpCheckpoint, loadCheckpoint, type CheckpointError } from '../../model/checkpoint';
import { LISTENER_TASK } from '../../training/listener';
import { TRANSFORMER_PRESETS, TransformerOpponent } from './transformer';
import { TransformerListener } from './transformerListener';

export type TransformerLevel = keyof typeof TRANSFORMER_PRESETS;

const CHECKPOINT_OF: Record<TransformerLevel, 'strong' | 'weak'> = {
  beginner: 'weak',
  intermediate: 'strong',
  advanced: 'strong',
  master: 'strong',
};

const URLS = {
  strong: [strongModelUrl, strongWeightsUrl],
  weak: [weakModelUrl, weakWeightsUrl],
} as const;

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
  const [modelUrl, weightsUrl] = URLS[CHECKPOINT_OF[level]];
  const loaded = await loadCheckpoint(httpCheckpoint(modelUrl, weightsUrl), { task: LISTENER_TASK });
  if (!loaded.ok) return loaded;
  const listener = TransformerListener.fromCheckpoint(loaded.checkpoint);
  return { ok: true, opponent: new TransformerOpponent(listener, TRANSFORMER_PRESETS[level], seed) };
}
