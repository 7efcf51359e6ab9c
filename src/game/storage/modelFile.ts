// One saved model as one file the player can keep, send and import again: JSON holding the
// summary (name, recipe, metrics, date), the checkpoint metadata and the weights in base64.
// Reading a file checks the envelope and the weights' bytes here (validate.ts: complete, finite);
// whether the checkpoint inside is a loadable model of the right vocabulary and shape is
// src/model/checkpoint.ts's call. The file's metrics are only claims: entries that are not
// numbers in range are dropped and named, and the importer measures the model itself.
import type { io } from '@tensorflow/tfjs-core';
import type { Bilingual } from '../i18n';
import type { SavedModelSummary, StoredEpoch } from './models';
import { checkArtifacts, checkEpochs, checkRecipe } from './validate';

export const MODEL_FILE_FORMAT = 'utakaruta-model-file';
export const MODEL_FILE_VERSION = 1;
export const MODEL_FILE_EXTENSION = '.utakaruta.json';

export interface ModelFile {
  readonly format: typeof MODEL_FILE_FORMAT;
  readonly version: typeof MODEL_FILE_VERSION;
  readonly name: string;
  readonly createdAt: string;
  readonly recipe: SavedModelSummary['recipe'];
  readonly metrics: readonly StoredEpoch[];
  readonly modelTopology: unknown;
  readonly weightSpecs: readonly io.WeightsManifestEntry[];
  /** Base64 of the little-endian float32 weights. */
  readonly weightData: string;
}

export type ModelFileError =
  'not-json' | 'not-a-model-file' | 'newer-version' | 'bad-weights-encoding' | 'bad-weights'; // decoded, but incomplete, or holding NaN or infinite values

export type ReadModelFile =
  | {
      readonly ok: true;
      readonly name: string;
      readonly createdAt: string;
      readonly recipe: SavedModelSummary['recipe'];
      /** The file's learning-curve entries that are numbers in range. */
      readonly metrics: readonly StoredEpoch[];
      /** What was wrong with the entries (and recipe) left out. */
      readonly dropped: readonly Bilingual[];
      readonly artifacts: io.ModelArtifacts;
    }
  | {
      readonly ok: false;
      readonly error: ModelFileError;
      readonly detail: string;
      readonly problems?: readonly Bilingual[];
    };

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function joined(data: io.WeightData | undefined): ArrayBuffer {
  if (!data) return new ArrayBuffer(0);
  if (!Array.isArray(data)) return data;
  const out = new Uint8Array(data.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out.buffer;
}

export function encodeModelFile(
  summary: Pick<SavedModelSummary, 'name' | 'createdAt' | 'recipe' | 'metrics'>,
  artifacts: io.ModelArtifacts,
): string {
  const file: ModelFile = {
    format: MODEL_FILE_FORMAT,
    version: MODEL_FILE_VERSION,
    name: summary.name,
    createdAt: summary.createdAt,
    recipe: summary.recipe,
    metrics: summary.metrics,
    modelTopology: artifacts.modelTopology ?? null,
    weightSpecs: artifacts.weightSpecs ?? [],
    weightData: toBase64(joined(artifacts.weightData)),
  };
  return JSON.stringify(file);
}

/** Reads the envelope of a model file; never throws. */
export function decodeModelFile(text: string): ReadModelFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'not-json', detail: e instanceof Error ? e.message : String(e) };
  }
  const file = parsed as Partial<ModelFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== MODEL_FILE_FORMAT) {
    return { ok: false, error: 'not-a-model-file', detail: 'no utakaruta model-file header' };
  }
  if (typeof file.version !== 'number' || file.version > MODEL_FILE_VERSION) {
    return { ok: false, error: 'newer-version', detail: `file version ${String(file.version)}` };
  }
  if (!Array.isArray(file.weightSpecs) || typeof file.weightData !== 'string') {
    return { ok: false, error: 'not-a-model-file', detail: 'the weights are missing' };
  }
  let weightData: ArrayBuffer;
  try {
    weightData = fromBase64(file.weightData);
  } catch (e) {
    return { ok: false, error: 'bad-weights-encoding', detail: e instanceof Error ? e.message : String(e) };
  }
  const weights = checkArtifacts({
    modelTopology: file.modelTopology ?? undefined,
    weightSpecs: file.weightSpecs,
    weightData,
  });
  if (!weights.ok) {
    return {
      ok: false,
      error: 'bad-weights',
      detail: weights.problems.map((p) => p.en).join('; '),
      problems: weights.problems,
    };
  }
  const name =
    typeof file.name === 'string' && file.name.trim() ? file.name.trim().slice(0, 80) : 'imported model';
  const recipe = checkRecipe(file.recipe);
  const curve = checkEpochs(file.metrics);
  const createdAt =
    typeof file.createdAt === 'string' && !Number.isNaN(Date.parse(file.createdAt)) ? file.createdAt : '';
  return {
    ok: true,
    name,
    createdAt,
    recipe: recipe.ok ? recipe.value : {},
    metrics: curve.epochs,
    dropped: [...(recipe.ok ? [] : recipe.problems), ...curve.problems],
    artifacts: weights.value,
  };
}
