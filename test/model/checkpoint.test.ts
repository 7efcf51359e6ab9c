import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import {
  checkpointArtifacts,
  loadCheckpoint,
  saveCheckpoint,
  type CheckpointInfo,
  type LoadResult,
} from '../../src/model/checkpoint';
import { makeConfig, PRESETS } from '../../src/model/config';
import { fileCheckpoint } from '../../src/model/fileHandler';
import { greedyDecode, scoreCandidates } from '../../src/model/inference';
import { Transformer } from '../../src/model/transformer';
import { Vocabulary } from '../../src/model/vocab';

const source = Vocabulary.fromSymbols(['あ', 'い', 'う', 'え', 'お']);
const target = Vocabulary.fromSymbols(['か', 'き', 'く']);
const config = makeConfig(PRESETS.tiny, { sourceVocabSize: source.size, targetVocabSize: target.size });
const info: CheckpointInfo = {
  task: 'test',
  objective: 'honest',
  seed: 5,
  date: '2026-01-01T00:00:00Z',
  epochs: 0,
};

function memoryHandler(): { handler: tf.io.IOHandler; saved: () => tf.io.ModelArtifacts } {
  let artifacts: tf.io.ModelArtifacts | undefined;
  return {
    handler: {
      save: async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) };
      },
      load: async () => {
        if (!artifacts) throw new Error('nothing saved');
        return artifacts;
      },
    },
    saved: () => artifacts as tf.io.ModelArtifacts,
  };
}

function errorCode(result: LoadResult): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('checkpoints', () => {
  const model = Transformer.create(config, createRng(11));
  afterAll(() => model.dispose());

  it('round-trips through an IO handler: same metadata, same outputs', async () => {
    const memory = memoryHandler();
    await saveCheckpoint(model, { source, target }, info, memory.handler);
    const result = await loadCheckpoint(memory.handler, { sourceVocab: source, targetVocab: target });
    if (!result.ok) throw new Error(result.error.message);
    const loaded = result.checkpoint;
    expect(loaded.metadata).toMatchObject({ ...info, version: 1, config });
    expect(loaded.targetVocab.equals(target)).toBe(true);
    expect(greedyDecode(loaded.model, [[4, 5, 6]])).toEqual(greedyDecode(model, [[4, 5, 6]]));
    expect(scoreCandidates(loaded.model, [4], [[4, 5]])).toEqual(scoreCandidates(model, [4], [[4, 5]]));
    loaded.model.dispose();
  });

  it('writes model.json and weights.bin to a folder and reads them back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ckpt-'));
    try {
      await saveCheckpoint(model, { source, target }, info, fileCheckpoint(dir));
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
        weightsManifest: unknown[];
      };
      expect(json.weightsManifest).toHaveLength(1);
      const result = await loadCheckpoint(fileCheckpoint(dir));
      expect(errorCode(result)).toBe('ok');
      if (result.ok) result.checkpoint.model.dispose();

      const bytes = readFileSync(join(dir, 'weights.bin'));
      writeFileSync(join(dir, 'weights.bin'), bytes.subarray(0, bytes.length - 8));
      expect(errorCode(await loadCheckpoint(fileCheckpoint(dir)))).toBe('truncated-weights');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers with a clear error value for each way a file can be wrong', async () => {
    const good = await checkpointArtifacts(model, { source, target }, info);
    const load = (a: tf.io.ModelArtifacts, expect = {}) => loadCheckpoint(tf.io.fromMemory(a), expect);
    const topology = good.modelTopology as Record<string, unknown>;

    expect(errorCode(await load({ ...good, modelTopology: { class_name: 'Sequential' } }))).toBe(
      'not-a-model',
    );
    expect(errorCode(await load({ ...good, modelTopology: { ...topology, version: 99 } }))).toBe('version');
    expect(errorCode(await load(good, { targetVocab: source }))).toBe('vocabulary-mismatch');
    expect(errorCode(await load(good, { config: { dModel: 32 } }))).toBe('shape-mismatch');
    const widened = { ...topology, config: { ...config, dFF: 64 } };
    expect(errorCode(await load({ ...good, modelTopology: widened }))).toBe('shape-mismatch');
    const data = tf.io.CompositeArrayBuffer.join(good.weightData!);
    expect(errorCode(await load({ ...good, weightData: data.slice(0, 100) }))).toBe('truncated-weights');
    const failing: tf.io.IOHandler = { load: () => Promise.reject(new Error('disk on fire')) };
    const io = await loadCheckpoint(failing);
    expect(io.ok ? '' : io.error.message).toMatch(/disk on fire/);
  });

  it('keeps a bigram encoder (sourceBigram) through a save, and refuses one whose projection is missing', async () => {
    const bigramConfig = { ...config, sourceEnd: true, sourceBigram: true };
    const fresh = Transformer.create(bigramConfig, createRng(11));
    const weights = fresh.weights();
    fresh.dispose();
    const rng = createRng(12);
    weights.set(
      'encoder.bigram',
      Float32Array.from(weights.get('encoder.bigram')!, () => rng.normal()),
    );
    const bigram = new Transformer(bigramConfig, weights);
    const good = await checkpointArtifacts(bigram, { source, target }, info);
    const result = await loadCheckpoint(tf.io.fromMemory(good));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.checkpoint.model.config.sourceBigram).toBe(true);
    expect(result.checkpoint.model.weights().get('encoder.bigram')).toEqual(weights.get('encoder.bigram'));
    expect(scoreCandidates(result.checkpoint.model, [4, 4], [[4, 5]])).toEqual(
      scoreCandidates(bigram, [4, 4], [[4, 5]]),
    );
    result.checkpoint.model.dispose();
    // A file that claims the bigram but lacks its weight, or the reverse, never builds a model.
    const topology = good.modelTopology as Record<string, unknown>;
    const specs = good.weightSpecs!.filter((s) => s.name !== 'encoder.bigram');
    expect(errorCode(await loadCheckpoint(tf.io.fromMemory({ ...good, weightSpecs: specs })))).toBe(
      'shape-mismatch',
    );
    const claimed = { ...topology, config: { ...config, sourceBigram: 'yes' } };
    expect(errorCode(await loadCheckpoint(tf.io.fromMemory({ ...good, modelTopology: claimed })))).toBe(
      'not-a-model',
    );
    bigram.dispose();
  });
});
