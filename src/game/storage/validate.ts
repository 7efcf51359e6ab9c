// What a stored or imported model record must be before anything shows or plays it. IndexedDB
// hands back whatever an older build, another tab, a hand-edited import or a damaged disk left
// there, so every field is checked here as `unknown`: a summary whose numbers are not numbers in
// range is damaged (listed as such, never rendered as a model), weights whose bytes are not the
// declared float32 tensors, or hold NaN or ±Infinity, are refused. Pure: no tfjs, no DOM.
import type { io } from '@tensorflow/tfjs-core';
import type { Bilingual } from '../i18n';
import type { SavedModelSummary, StoredEpoch } from './models';

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Bilingual[] };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown, min = 0): v is number => Number.isInteger(v) && (v as number) >= min;

/** The largest evaluation set a record may claim (the game evaluates on the 100 poems). */
export const MAX_EVALUATION_TOTAL = 10_000;
/** A cross-entropy above this is not a loss a training run reports; it is a broken number. */
export const MAX_LOSS = 1_000;

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}

/** Why one learning-curve entry is unusable, or undefined when it is fine. */
export function epochProblem(raw: unknown, index: number): Bilingual | undefined {
  const at = { ja: `学習曲線の ${index + 1} 番目`, en: `learning-curve entry ${index + 1}` };
  if (!isObject(raw)) return { ja: `${at.ja}が記録になっていません`, en: `${at.en} is not a record` };
  const { epoch, loss, teacherForcedAccuracy, exactMatch, total } = raw;
  if (!isCount(epoch, 1))
    return { ja: `${at.ja}のエポックが ${show(epoch)} です`, en: `${at.en} has epoch ${show(epoch)}` };
  if (!isFiniteNumber(loss) || loss < 0 || loss > MAX_LOSS)
    return {
      ja: `${at.ja}の損失が ${show(loss)} です（0 から ${MAX_LOSS} の数のはず）`,
      en: `${at.en} has loss ${show(loss)} (must be a number from 0 to ${MAX_LOSS})`,
    };
  if (teacherForcedAccuracy !== undefined && teacherForcedAccuracy !== null) {
    if (!isFiniteNumber(teacherForcedAccuracy) || teacherForcedAccuracy < 0 || teacherForcedAccuracy > 1)
      return {
        ja: `${at.ja}の正解率が ${show(teacherForcedAccuracy)} です（0 から 1 のはず）`,
        en: `${at.en} has accuracy ${show(teacherForcedAccuracy)} (must be from 0 to 1)`,
      };
  }
  if (total !== undefined && !isCount(total, 1))
    return { ja: `${at.ja}の総数が ${show(total)} です`, en: `${at.en} has total ${show(total)}` };
  if (total !== undefined && total > MAX_EVALUATION_TOTAL)
    return { ja: `${at.ja}の総数 ${total} は大きすぎます`, en: `${at.en} claims a total of ${total}` };
  if (exactMatch !== undefined && exactMatch !== null) {
    const limit = total ?? 100;
    if (!isCount(exactMatch) || exactMatch > limit)
      return {
        ja: `${at.ja}の完全一致が ${show(exactMatch)} です（0 から ${limit} の整数のはず）`,
        en: `${at.en} has exact match ${show(exactMatch)} (must be a whole number from 0 to ${limit})`,
      };
  }
  return undefined;
}

/** A learning curve made only of plain, in-range numbers, in epoch order. */
function cleanEpoch(raw: Record<string, unknown>): StoredEpoch {
  const out: { -readonly [K in keyof StoredEpoch]: StoredEpoch[K] } = {
    epoch: raw.epoch as number,
    loss: raw.loss as number,
  };
  if (isFiniteNumber(raw.teacherForcedAccuracy)) out.teacherForcedAccuracy = raw.teacherForcedAccuracy;
  if (isCount(raw.exactMatch)) out.exactMatch = raw.exactMatch;
  if (isCount(raw.total, 1)) out.total = raw.total;
  return out;
}

/** Every entry checked; the good ones kept (copied, in epoch order), each bad one named. */
export function checkEpochs(raw: unknown): { epochs: StoredEpoch[]; problems: Bilingual[] } {
  if (raw === undefined || raw === null) return { epochs: [], problems: [] };
  if (!Array.isArray(raw))
    return {
      epochs: [],
      problems: [{ ja: '学習曲線が一覧になっていません', en: 'the learning curve is not a list' }],
    };
  const epochs: StoredEpoch[] = [];
  const problems: Bilingual[] = [];
  raw.forEach((entry: unknown, i) => {
    const problem = epochProblem(entry, i);
    if (problem) problems.push(problem);
    else epochs.push(cleanEpoch(entry as Record<string, unknown>));
  });
  epochs.sort((a, b) => a.epoch - b.epoch);
  const unique = epochs.filter((e, i) => i === 0 || e.epoch !== epochs[i - 1]?.epoch);
  if (unique.length < epochs.length)
    problems.push({ ja: '同じエポックが二度記録されています', en: 'an epoch is recorded twice' });
  return { epochs: unique, problems };
}

/** A recipe as stored: a flat record of strings, finite numbers and booleans. */
export function checkRecipe(raw: unknown): Checked<SavedModelSummary['recipe']> {
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  if (!isObject(raw))
    return {
      ok: false,
      problems: [{ ja: 'レシピが記録になっていません', en: 'the recipe is not a record' }],
    };
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(raw).slice(0, 64)) {
    if (typeof value === 'string') out[key] = value.slice(0, 200);
    else if (typeof value === 'boolean' || isFiniteNumber(value)) out[key] = value;
    else
      return {
        ok: false,
        problems: [
          {
            ja: `レシピの ${key.slice(0, 40)} が ${show(value)} です`,
            en: `recipe field ${key.slice(0, 40)} is ${show(value)}`,
          },
        ],
      };
  }
  return { ok: true, value: out };
}

/** A stored summary, checked field by field on every read. */
export function checkSummary(raw: unknown): Checked<SavedModelSummary> {
  if (!isObject(raw))
    return { ok: false, problems: [{ ja: '記録が壊れています', en: 'the record is not a model summary' }] };
  const problems: Bilingual[] = [];
  const text = (key: string, ja: string, en: string, allowEmpty = false) => {
    const v = raw[key];
    if (typeof v !== 'string' || (!allowEmpty && v.trim() === ''))
      problems.push({ ja: `${ja}が ${show(v)} です`, en: `${en} is ${show(v)}` });
  };
  text('id', 'ID', 'the id');
  text('name', '名前', 'the name');
  text('createdAt', '作成日時', 'the creation date', true);
  text('updatedAt', '更新日時', 'the update date', true);
  text('weightsKey', '重みの鍵', 'the weights key');
  if (!isCount(raw.sizeBytes))
    problems.push({ ja: `大きさが ${show(raw.sizeBytes)} です`, en: `the size is ${show(raw.sizeBytes)}` });
  const recipe = checkRecipe(raw.recipe);
  if (!recipe.ok) problems.push(...recipe.problems);
  const curve = checkEpochs(raw.metrics);
  if (!Array.isArray(raw.metrics))
    problems.push({ ja: '学習曲線がありません', en: 'the learning curve is missing' });
  problems.push(...curve.problems);
  if (problems.length > 0 || !recipe.ok) return { ok: false, problems };
  return {
    ok: true,
    value: {
      id: raw.id as string,
      name: (raw.name as string).slice(0, 80),
      createdAt: raw.createdAt as string,
      updatedAt: raw.updatedAt as string,
      recipe: recipe.value,
      metrics: curve.epochs,
      sizeBytes: raw.sizeBytes as number,
      weightsKey: raw.weightsKey as string,
    },
  };
}

const DTYPE_BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4 };

function joinedBytes(data: unknown): ArrayBuffer | undefined {
  if (data instanceof ArrayBuffer) return data;
  if (Array.isArray(data) && data.every((b) => b instanceof ArrayBuffer)) {
    const out = new Uint8Array(data.reduce((n: number, b: ArrayBuffer) => n + b.byteLength, 0));
    let at = 0;
    for (const b of data as ArrayBuffer[]) {
      out.set(new Uint8Array(b), at);
      at += b.byteLength;
    }
    return out.buffer;
  }
  return undefined;
}

/**
 * Weights as tfjs artifacts: a manifest of named float32/int32 tensors whose bytes are all there
 * and whose floats are all finite. Whether they are the shapes of a listener is checkpoint.ts's call.
 */
export function checkArtifacts(raw: unknown): Checked<io.ModelArtifacts> {
  const refuse = (ja: string, en: string): Checked<io.ModelArtifacts> => ({
    ok: false,
    problems: [{ ja, en }],
  });
  if (!isObject(raw)) return refuse('重みの記録が壊れています', 'the weights record is not readable');
  const specs = raw.weightSpecs;
  if (!Array.isArray(specs) || specs.length === 0)
    return refuse('重みの一覧がありません', 'the list of weights is missing');
  let bytesNeeded = 0;
  const floatRanges: [number, number][] = [];
  for (const spec of specs as unknown[]) {
    if (!isObject(spec) || typeof spec.name !== 'string' || !Array.isArray(spec.shape))
      return refuse('重みの一覧に読めない項目があります', 'an entry in the list of weights is unreadable');
    const shape = spec.shape as unknown[];
    if (!shape.every((d) => isCount(d)))
      return refuse(
        `重み ${spec.name.slice(0, 40)} の形が壊れています`,
        `weight ${spec.name.slice(0, 40)} has a broken shape`,
      );
    const size = DTYPE_BYTES[String(spec.dtype)];
    if (!size)
      return refuse(
        `重み ${spec.name.slice(0, 40)} の型が ${show(spec.dtype)} です`,
        `weight ${spec.name.slice(0, 40)} has dtype ${show(spec.dtype)}`,
      );
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (spec.dtype === 'float32') floatRanges.push([bytesNeeded / 4, count]);
    bytesNeeded += size * count;
    if (!Number.isSafeInteger(bytesNeeded))
      return refuse('重みが大きすぎます', 'the weights are impossibly large');
  }
  const data = joinedBytes(raw.weightData);
  if (!data) return refuse('重みのデータがありません', 'the weights data is missing');
  if (data.byteLength < bytesNeeded)
    return refuse(
      `重みのデータが途中で切れています（${data.byteLength} / ${bytesNeeded} バイト）`,
      `the weights data is truncated (${data.byteLength} of ${bytesNeeded} bytes)`,
    );
  const floats = new Float32Array(data, 0, bytesNeeded / 4);
  let bad = 0;
  for (const [start, count] of floatRanges) {
    for (let i = start; i < start + count; i++) if (!Number.isFinite(floats[i]!)) bad++;
  }
  if (bad > 0) {
    const all = floatRanges.reduce((n, [, c]) => n + c, 0);
    return refuse(
      `重みに数でない値（NaN・無限大）が ${bad.toLocaleString('ja-JP')} 個あります（全 ${all.toLocaleString('ja-JP')} 個）。このモデルは札を取れません`,
      `${bad.toLocaleString('en-GB')} of its ${all.toLocaleString('en-GB')} weights are not numbers (NaN or infinite); such a model cannot take a card`,
    );
  }
  return {
    ok: true,
    value: {
      modelTopology: raw.modelTopology as io.ModelArtifacts['modelTopology'],
      weightSpecs: specs as io.WeightsManifestEntry[],
      weightData: data,
    },
  };
}
