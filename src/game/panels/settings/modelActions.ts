// Actions on models shared by the training and models tabs: texts for store errors, export to
// a file, import from one.
import type { io } from '@tensorflow/tfjs';
import type { Bilingual } from '../../i18n';
import { decodeModelFile, encodeModelFile, MODEL_FILE_EXTENSION } from '../../storage/modelFile';
import type { SavedModelSummary, StoreError } from '../../storage/models';
import type { CheckpointErrorCode } from '../../../model/checkpoint';
import type { ModelLibrary } from './library';
import { TrainingWorker } from '../../../training/workerClient';

export function storeErrorText(error: StoreError): Bilingual {
  switch (error.code) {
    case 'unavailable':
      return {
        ja: 'IndexedDB が使えないか、ブロックされています',
        en: 'IndexedDB is unavailable or blocked',
      };
    case 'quota':
      return { ja: '保存領域がいっぱいです', en: 'the storage quota is full' };
    case 'not-found':
      return { ja: 'そのモデルは見つかりません', en: 'that model was not found' };
    case 'failed':
      return { ja: `保存に失敗しました：${error.message}`, en: `saving failed: ${error.message}` };
    default: {
      const never: never = error.code;
      return never;
    }
  }
}

/** Offers `artifacts` as a download named after the model. */
export function downloadModelFile(
  summary: Pick<SavedModelSummary, 'name' | 'createdAt' | 'recipe' | 'metrics'>,
  artifacts: io.ModelArtifacts,
): void {
  const blob = new Blob([encodeModelFile(summary, artifacts)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${summary.name.replace(/[\\/:*?"<>|]+/g, '_')}${MODEL_FILE_EXTENSION}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const CHECKPOINT_ERRORS: Record<CheckpointErrorCode, Bilingual> = {
  io: { ja: 'ファイルを読めませんでした', en: 'the file could not be read' },
  'not-a-model': { ja: 'このゲームのモデルではありません', en: 'it is not a model of this game' },
  version: { ja: '対応していない版のモデルです', en: 'it is a model format this version cannot read' },
  'vocabulary-mismatch': {
    ja: '別の語彙（文字の一覧）で学習されたモデルです',
    en: 'the model was trained on another vocabulary',
  },
  'shape-mismatch': {
    ja: '重みの形が設定と合いません（別の大きさのモデルです）',
    en: 'its weights do not have the shapes its config declares (another model shape)',
  },
  'truncated-weights': { ja: '重みのデータが途中で切れています', en: 'the weights data is truncated' },
};

export type ImportResult = { ok: true; model: SavedModelSummary } | { ok: false; reason: Bilingual };

/** Reads, validates (in a worker, with tfjs) and stores a model file; nothing is replaced on failure. */
export async function importModelFile(file: File, library: ModelLibrary): Promise<ImportResult> {
  const refuse = (why: Bilingual, detail = ''): ImportResult => ({
    ok: false,
    reason: {
      ja: `「${file.name}」を読み込めません：${why.ja}。${detail}`,
      en: `Cannot import “${file.name}”: ${why.en}. ${detail}`,
    },
  });
  let text: string;
  try {
    text = await file.text();
  } catch {
    return refuse(CHECKPOINT_ERRORS.io);
  }
  const read = decodeModelFile(text);
  if (!read.ok) {
    return read.error === 'newer-version'
      ? refuse(CHECKPOINT_ERRORS.version)
      : read.error === 'bad-weights-encoding'
        ? refuse(CHECKPOINT_ERRORS['truncated-weights'])
        : refuse(CHECKPOINT_ERRORS['not-a-model']);
  }
  const worker = new TrainingWorker();
  let verdict: Awaited<ReturnType<TrainingWorker['validate']>>;
  try {
    verdict = await worker.validate(read.artifacts);
  } finally {
    worker.terminate();
  }
  if (!verdict.ok) return refuse(CHECKPOINT_ERRORS[verdict.code], verdict.message);
  const saved = await library.use((store) =>
    store.save({ name: read.name, recipe: read.recipe, metrics: read.metrics, artifacts: read.artifacts }),
  );
  if (!saved.ok) return refuse(storeErrorText(saved.error));
  return { ok: true, model: saved.value };
}
