// Checkpoints through tfjs IO handlers (indexeddb://, http, tf.io.fromMemory/withSaveHandler,
// the Node file handler in fileHandler.ts). The model.json topology slot carries versioned
// metadata: config, both vocabularies, objective, seed, date, metrics. Loading validates all
// of it and answers with an error value a panel can show, never a half-built model.
import * as tf from '@tensorflow/tfjs-core';
import type { TransformerConfig } from './config';
import { configProblem } from './config';
import { parameterShapes, Transformer } from './transformer';
import { Vocabulary } from './vocab';

export const CHECKPOINT_FORMAT = 'utakaruta-transformer';
export const CHECKPOINT_VERSION = 1;

export type Objective = 'honest' | 'talk';

/** What a training run wants remembered next to the weights. */
export interface CheckpointInfo {
  /** What the model does, e.g. 'listener' or 'repeater'. */
  readonly task: string;
  readonly objective: Objective;
  readonly seed: number;
  /** ISO 8601. */
  readonly date: string;
  readonly epochs: number;
  /** Free-form: the recipe, the last metrics, training seconds … (JSON values only). */
  readonly notes?: Readonly<Record<string, unknown>>;
}

export interface CheckpointMetadata extends CheckpointInfo {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly version: typeof CHECKPOINT_VERSION;
  readonly config: TransformerConfig;
  readonly sourceVocab: readonly string[];
  readonly targetVocab: readonly string[];
}

export type CheckpointErrorCode =
  | 'io' // the handler could not read or write
  | 'not-a-model' // readable, but not one of our checkpoints
  | 'version' // ours, from a format version this build cannot read
  | 'vocabulary-mismatch' // other vocabulary than the caller expects
  | 'shape-mismatch' // other config than the caller expects, or weights not of the config's shapes
  | 'truncated-weights'; // fewer weight bytes than the manifest declares

export interface CheckpointError {
  readonly code: CheckpointErrorCode;
  readonly message: string;
}

export interface LoadedCheckpoint {
  readonly model: Transformer;
  readonly sourceVocab: Vocabulary;
  readonly targetVocab: Vocabulary;
  readonly metadata: CheckpointMetadata;
}

export type LoadResult = { ok: true; checkpoint: LoadedCheckpoint } | { ok: false; error: CheckpointError };

/** What the caller expects; anything given is checked against the file. */
export interface LoadExpectation {
  readonly sourceVocab?: Vocabulary;
  readonly targetVocab?: Vocabulary;
  readonly config?: Partial<TransformerConfig>;
  readonly task?: string;
}

/** The artifacts of a model (also what an in-memory handler receives). */
export async function checkpointArtifacts(
  model: Transformer,
  vocabs: { source: Vocabulary; target: Vocabulary },
  info: CheckpointInfo,
): Promise<tf.io.ModelArtifacts> {
  if (
    vocabs.source.size !== model.config.sourceVocabSize ||
    vocabs.target.size !== model.config.targetVocabSize
  ) {
    throw new Error('vocabulary sizes do not match the model config');
  }
  const metadata: CheckpointMetadata = {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    config: model.config,
    sourceVocab: vocabs.source.tokens,
    targetVocab: vocabs.target.tokens,
    ...info,
  };
  const named = parameterShapes(model.config).map(([name]) => {
    const tensor = model.params.get(name);
    if (!tensor) throw new Error(`no parameter ${name}`);
    return { name, tensor };
  });
  const { data, specs } = await tf.io.encodeWeights(named);
  return {
    modelTopology: JSON.parse(JSON.stringify(metadata)) as object,
    weightSpecs: specs,
    weightData: data,
    format: CHECKPOINT_FORMAT,
    generatedBy: `utakaruta checkpoint v${CHECKPOINT_VERSION}`,
  };
}

export async function saveCheckpoint(
  model: Transformer,
  vocabs: { source: Vocabulary; target: Vocabulary },
  info: CheckpointInfo,
  handler: tf.io.IOHandler,
): Promise<tf.io.SaveResult> {
  if (!handler.save) throw new Error('this IO handler cannot save');
  return handler.save(await checkpointArtifacts(model, vocabs, info));
}

export async function loadCheckpoint(
  handler: tf.io.IOHandler,
  expect: LoadExpectation = {},
): Promise<LoadResult> {
  if (!handler.load) return fail('io', 'this IO handler cannot load');
  let artifacts: tf.io.ModelArtifacts;
  try {
    artifacts = await handler.load();
  } catch (e) {
    return fail('io', `could not read the checkpoint: ${e instanceof Error ? e.message : String(e)}`);
  }
  return checkpointFromArtifacts(artifacts, expect);
}

/** Validates artifacts and builds the model; the single place that decides what is loadable. */
export function checkpointFromArtifacts(
  artifacts: tf.io.ModelArtifacts,
  expect: LoadExpectation = {},
): LoadResult {
  const meta = artifacts.modelTopology as Partial<CheckpointMetadata> | undefined;
  if (!meta || meta instanceof ArrayBuffer || meta.format !== CHECKPOINT_FORMAT) {
    return fail('not-a-model', 'this file is not a utakaruta Transformer checkpoint');
  }
  if (meta.version !== CHECKPOINT_VERSION) {
    return fail(
      'version',
      `checkpoint format version ${String(meta.version)}; this game reads ${CHECKPOINT_VERSION}`,
    );
  }
  const config = meta.config;
  const problem = config ? configProblem(config) : 'no config';
  if (!config || problem) return fail('not-a-model', `the checkpoint's config is invalid: ${problem}`);
  let sourceVocab: Vocabulary;
  let targetVocab: Vocabulary;
  try {
    sourceVocab = Vocabulary.fromTokens(meta.sourceVocab ?? []);
    targetVocab = Vocabulary.fromTokens(meta.targetVocab ?? []);
  } catch (e) {
    return fail('not-a-model', `the checkpoint's vocabulary is invalid: ${(e as Error).message}`);
  }
  if (sourceVocab.size !== config.sourceVocabSize || targetVocab.size !== config.targetVocabSize) {
    return fail('not-a-model', 'the vocabularies do not match the config sizes');
  }
  if (expect.task !== undefined && meta.task !== expect.task) {
    return fail('not-a-model', `a checkpoint for task "${String(meta.task)}", expected "${expect.task}"`);
  }
  if (expect.sourceVocab && !expect.sourceVocab.equals(sourceVocab)) {
    return fail('vocabulary-mismatch', 'the checkpoint was trained on another input vocabulary');
  }
  if (expect.targetVocab && !expect.targetVocab.equals(targetVocab)) {
    return fail('vocabulary-mismatch', 'the checkpoint was trained on another output vocabulary');
  }
  for (const [key, value] of Object.entries(expect.config ?? {})) {
    const actual = config[key as keyof TransformerConfig];
    if (actual !== value)
      return fail('shape-mismatch', `config.${key} is ${actual}, expected ${String(value)}`);
  }
  const expected = parameterShapes(config);
  const specs = artifacts.weightSpecs ?? [];
  const bySpec = new Map(specs.map((s) => [s.name, s]));
  let bytesNeeded = 0;
  for (const [name, shape] of expected) {
    const spec = bySpec.get(name);
    if (!spec || spec.dtype !== 'float32' || spec.shape.join() !== shape.join()) {
      return fail('shape-mismatch', `weight ${name} is missing or not float32 [${shape}]`);
    }
  }
  for (const s of specs) bytesNeeded += 4 * s.shape.reduce((a, b) => a * b, 1);
  const data = artifacts.weightData
    ? tf.io.CompositeArrayBuffer.join(artifacts.weightData)
    : new ArrayBuffer(0);
  if (data.byteLength < bytesNeeded) {
    return fail('truncated-weights', `weights hold ${data.byteLength} bytes of the ${bytesNeeded} declared`);
  }
  const tensors = tf.io.decodeWeights(data, specs);
  const weights = new Map<string, Float32Array>();
  for (const [name] of expected) weights.set(name, (tensors[name] as tf.Tensor).dataSync() as Float32Array);
  for (const t of Object.values(tensors)) t.dispose();
  const metadata = meta as CheckpointMetadata;
  return {
    ok: true,
    checkpoint: { model: new Transformer(config, weights), sourceVocab, targetVocab, metadata },
  };
}

function fail(code: CheckpointErrorCode, message: string): LoadResult {
  return { ok: false, error: { code, message } };
}

/** A load handler for a checkpoint served over HTTP (e.g. URLs from Vite `?url` imports). */
export function httpCheckpoint(modelJsonUrl: string, weightsUrl: string): tf.io.IOHandler {
  return tf.io.http(modelJsonUrl, { weightUrlConverter: () => Promise.resolve(weightsUrl) });
}
