// Actions on models shared by the training and models tabs: export to a file, import from one
// (the checks and texts are storage/importModel.ts's; this adds the file and the worker).
import type { io } from '@tensorflow/tfjs-core';
import { encodeModelFile, MODEL_FILE_EXTENSION } from '../../storage/modelFile';
import type { SavedModelSummary } from '../../storage/models';
import { CHECKPOINT_ERRORS, importModelText, type ImportResult } from '../../storage/importModel';
import type { ModelLibrary } from './library';

import { TrainingWorker } from '../../../training/workerClient';

/** Offers `artifacts` as a download named after the model. */
export function downloadModelFile(
  summary: Pick<SavedModelSummary, 'name' | 'createdAt' | 'recipe' | 'metrics'>,
  artifacts: io.ModelArtifacts,
): void {
  downloadText(`${summary.name}${MODEL_FILE_EXTENSION}`, encodeModelFile(summary, artifacts));
}

/** Offers `text` as a JSON download named `fileName` (characters no file system allows replaced). */
export function downloadText(fileName: string, text: string): void {
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.replace(/[\\/:*?"<>|]+/g, '_');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads, validates and measures (in a worker, with tfjs) and stores a model file; nothing is replaced on failure. */
export async function importModelFile(file: File, library: ModelLibrary): Promise<ImportResult> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return {
      ok: false,
      reason: {
        ja: `「${file.name}」を読み込めません：${CHECKPOINT_ERRORS.io.ja}。`,
        en: `Cannot import “${file.name}”: ${CHECKPOINT_ERRORS.io.en}.`,
      },
    };
  }
  return importModelText(
    file.name,
    text,
    async ({ artifacts }) => {
      const worker = new TrainingWorker();
      try {
        return await worker.validate(artifacts);
      } finally {
        worker.terminate();
      }
    },
    (request) => library.use((store) => store.save(request)),
  );
}
