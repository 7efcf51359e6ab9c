// Importing a model file: read the envelope and the weights (modelFile.ts), have the checkpoint
// validated and the model measured (in the panel, by the training worker), then store it with
// the measured numbers as its last epoch. Whatever the file holds, this answers a value with a
// bilingual reason; it never throws, and nothing is stored unless every check passed.
import type { Bilingual } from '../i18n';
import type { CheckpointErrorCode } from '../../model/checkpoint';
import type { ImportVerdict } from '../../training/importCheck';
import { decodeModelFile } from './modelFile';
import type { SaveRequest, SavedModelSummary, StoreError, StoreResult, StoredEpoch } from './models';

/** The worker's answer about imported artifacts (src/training/importCheck.ts). */
export type ValidationVerdict = ImportVerdict;

export const CHECKPOINT_ERRORS: Record<CheckpointErrorCode, Bilingual> = {
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
    case 'damaged':
      return {
        ja: `記録が壊れています：${(error.problems ?? []).map((p) => p.ja).join('、') || error.message}`,
        en: `the record is damaged: ${(error.problems ?? []).map((p) => p.en).join('; ') || error.message}`,
      };
    case 'failed':
      return { ja: `保存に失敗しました：${error.message}`, en: `saving failed: ${error.message}` };
    default: {
      const never: never = error.code;
      return never;
    }
  }
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly model: SavedModelSummary;
      /** What the file claimed that was left out (bad learning-curve entries, a bad recipe). */
      readonly dropped: readonly Bilingual[];
    }
  | { readonly ok: false; readonly reason: Bilingual };

const join = (items: readonly Bilingual[]): Bilingual => ({
  ja: items.map((p) => p.ja).join('、'),
  en: items.map((p) => p.en).join('; '),
});

export async function importModelText(
  fileName: string,
  text: string,
  validate: (request: Pick<SaveRequest, 'artifacts'>) => Promise<ValidationVerdict>,
  save: (request: SaveRequest) => Promise<StoreResult<SavedModelSummary>>,
): Promise<ImportResult> {
  const refuse = (why: Bilingual, detail = ''): ImportResult => ({
    ok: false,
    reason: {
      ja: `「${fileName}」を読み込めません：${why.ja}。${detail}`,
      en: `Cannot import “${fileName}”: ${why.en}. ${detail}`,
    },
  });
  const read = decodeModelFile(text);
  if (!read.ok) {
    switch (read.error) {
      case 'newer-version':
        return refuse(CHECKPOINT_ERRORS.version);
      case 'bad-weights-encoding':
        return refuse(CHECKPOINT_ERRORS['truncated-weights']);
      case 'bad-weights':
        return refuse(join(read.problems ?? []));
      case 'not-json':
      case 'not-a-model-file':
        return refuse(CHECKPOINT_ERRORS['not-a-model']);
      default: {
        const never: never = read.error;
        return never;
      }
    }
  }
  let verdict: ValidationVerdict;
  try {
    verdict = await validate({ artifacts: read.artifacts });
  } catch (e) {
    return refuse(CHECKPOINT_ERRORS['not-a-model'], e instanceof Error ? e.message : String(e));
  }
  if (!verdict.ok)
    return refuse(CHECKPOINT_ERRORS[verdict.code] ?? CHECKPOINT_ERRORS['not-a-model'], verdict.message);
  const { measured } = verdict;
  if (![measured.loss, measured.teacherForcedAccuracy, measured.exactMatch].every(Number.isFinite))
    return refuse({
      ja: 'このモデルの出力が数になりません（NaN）',
      en: 'the model computes no numbers (NaN)',
    });
  // The file's curve up to the checkpoint, then the epoch of the weights as measured here.
  const metrics: StoredEpoch[] = [
    ...read.metrics.filter((m) => m.epoch < verdict.epochs),
    {
      epoch: verdict.epochs,
      loss: measured.loss,
      teacherForcedAccuracy: measured.teacherForcedAccuracy,
      exactMatch: measured.exactMatch,
      total: measured.total,
    },
  ];
  const recipe = { ...read.recipe, measuredOnImport: true };
  const saved = await save({ name: read.name, recipe, metrics, artifacts: read.artifacts });
  if (!saved.ok) return refuse(storeErrorText(saved.error));
  return { ok: true, model: saved.value, dropped: read.dropped };
}
