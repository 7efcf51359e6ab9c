// The import path, fuzzed: 1,000 seeded mutations of a real export (fields removed, wrong types,
// NaN and out-of-range numbers, truncated text, flipped characters, NaN weights, broken
// manifests) go through the same code the panel runs, with the checkpoint validated and the
// model measured as the worker does, into a real (fake-indexeddb) store. Whatever is accepted
// must read back as valid; nothing may throw; the library must always list.
import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/data/random';
import { checkpointArtifacts } from '../../../src/model/checkpoint';
import { makeConfig } from '../../../src/model/config';
import { Transformer } from '../../../src/model/transformer';
import { importModelText, type ValidationVerdict } from '../../../src/game/storage/importModel';
import { encodeModelFile } from '../../../src/game/storage/modelFile';
import { ModelStore, type SaveRequest } from '../../../src/game/storage/models';
import { checkArtifacts, checkSummary } from '../../../src/game/storage/validate';
import { checkImport } from '../../../src/training/importCheck';
import { panelTask } from '../../../src/training/panelTask';

const task = panelTask();
let good: string;
let store: ModelStore;

const verdicts = new Map<string, ValidationVerdict>();

/** What the training worker does with imported artifacts, in-process on the CPU backend. */
async function validate({ artifacts }: Pick<SaveRequest, 'artifacts'>): Promise<ValidationVerdict> {
  // Most mutations leave the checkpoint alone (name, dates, curve): the same checkpoint gets the
  // same verdict, so measure it once. A slice of the data keeps each measurement quick.
  const key = [
    JSON.stringify(artifacts.modelTopology),
    JSON.stringify(artifacts.weightSpecs),
    Buffer.from(artifacts.weightData as ArrayBuffer).toString('base64'),
  ].join('|');
  const verdict = verdicts.get(key) ?? checkImport(artifacts, task, { training: 64, evaluation: 10 });
  verdicts.set(key, verdict);
  return verdict;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  const config = makeConfig(
    { nLayers: 1, dModel: 8, nHeads: 2, dFF: 8, maxSourceLength: 22, maxTargetLength: 22 },
    { sourceVocabSize: task.dataset.sourceVocab.size, targetVocabSize: task.dataset.targetVocab.size },
  );
  const model = Transformer.create(config, createRng(7));
  const artifacts = await checkpointArtifacts(
    model,
    { source: task.dataset.sourceVocab, target: task.dataset.targetVocab },
    { task: task.task, objective: 'honest', seed: 7, date: '2026-12-01T00:00:00.000Z', epochs: 3 },
  );
  model.dispose();
  good = encodeModelFile(
    {
      name: 'fuzz base',
      createdAt: '2026-12-01T00:00:00.000Z',
      recipe: { preset: 'custom', epochs: 3 },
      metrics: [
        { epoch: 1, loss: 3.2, teacherForcedAccuracy: 0.2, exactMatch: 0, total: 100 },
        { epoch: 2, loss: 2.9, teacherForcedAccuracy: 0.3, exactMatch: 1, total: 100 },
        { epoch: 3, loss: 2.5, teacherForcedAccuracy: 0.4, exactMatch: 2, total: 100 },
      ],
    },
    artifacts,
  );
  const opened = await ModelStore.open({ name: 'import-fuzz' });
  if (!opened.ok) throw new Error(opened.error.message);
  store = opened.value;
});
afterAll(() => store.close());

type Json = ReturnType<typeof JSON.parse>;

const wrongValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('abc', '', 'NaN', '1e308'),
  fc.constantFrom(1000, -1, 1e308, -0, 0.5, 2 ** 53, Number.MAX_VALUE),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

function floats(file: Json): Float32Array {
  const bytes = Buffer.from(file.weightData as string, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** One seeded mutation of the good export, as text. */
const mutation = fc.oneof(
  // A top-level field removed or given a wrong type.
  fc.record({
    kind: fc.constant('remove'),
    key: fc.constantFrom(
      'format',
      'version',
      'name',
      'createdAt',
      'recipe',
      'metrics',
      'modelTopology',
      'weightSpecs',
      'weightData',
    ),
  }),
  fc.record({
    kind: fc.constant('retype'),
    key: fc.constantFrom(
      'format',
      'version',
      'name',
      'createdAt',
      'recipe',
      'metrics',
      'modelTopology',
      'weightSpecs',
      'weightData',
    ),
    value: wrongValue,
  }),
  // A learning-curve number broken (the reported `"loss":"abc","exactMatch":1000` among them).
  fc.record({
    kind: fc.constant('metric'),
    index: fc.nat(3),
    field: fc.constantFrom('epoch', 'loss', 'teacherForcedAccuracy', 'exactMatch', 'total'),
    value: wrongValue,
  }),
  // The checkpoint's metadata broken.
  fc.record({
    kind: fc.constant('topology'),
    field: fc.constantFrom(
      'format',
      'version',
      'config',
      'sourceVocab',
      'targetVocab',
      'task',
      'objective',
      'epochs',
    ),
    value: wrongValue,
  }),
  fc.record({
    kind: fc.constant('config'),
    field: fc.constantFrom(
      'dModel',
      'nHeads',
      'dFF',
      'nLayers',
      'sourceVocabSize',
      'maxSourceLength',
      'sourceEnd',
      'sourceBigram',
    ),
    value: wrongValue,
  }),
  // The weight manifest broken.
  fc.record({
    kind: fc.constant('spec'),
    index: fc.nat(40),
    field: fc.constantFrom('name', 'shape', 'dtype'),
    value: wrongValue,
  }),
  // Weights overwritten with NaN, infinities or huge numbers, a few or all of them.
  fc.record({
    kind: fc.constant('weights'),
    at: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    value: fc.constantFrom(NaN, Infinity, -Infinity, 3e38),
    all: fc.boolean(),
  }),
  // The text itself damaged.
  fc.record({ kind: fc.constant('truncate'), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    char: fc.string({ minLength: 1, maxLength: 1 }),
  }),
  fc.record({ kind: fc.constant('nan-literal'), index: fc.nat(2) }),
);

function apply(m: Record<string, unknown>, text: string): string {
  const file = JSON.parse(text) as Json;
  switch (m.kind) {
    case 'remove':
      delete file[m.key as string];
      return JSON.stringify(file);
    case 'retype':
      file[m.key as string] = m.value;
      return JSON.stringify(file);
    case 'metric': {
      const entry = file.metrics[(m.index as number) % file.metrics.length];
      entry[m.field as string] = m.value;
      return JSON.stringify(file);
    }
    case 'topology':
      file.modelTopology[m.field as string] = m.value;
      return JSON.stringify(file);
    case 'config':
      file.modelTopology.config[m.field as string] = m.value;
      return JSON.stringify(file);
    case 'spec': {
      const spec = file.weightSpecs[(m.index as number) % file.weightSpecs.length];
      spec[m.field as string] = m.value;
      return JSON.stringify(file);
    }
    case 'weights': {
      const values = floats(file);
      if (m.all) values.fill(m.value as number);
      else for (const at of m.at as number[]) values[at % values.length] = m.value as number;
      file.weightData = Buffer.from(values.buffer).toString('base64');
      return JSON.stringify(file);
    }
    case 'truncate':
      return text.slice(0, Math.floor((m.at as number) * text.length));
    case 'flip': {
      const at = Math.floor((m.at as number) * (text.length - 1));
      return text.slice(0, at) + (m.char as string) + text.slice(at + 1);
    }
    case 'nan-literal':
      return text.replace(`"loss":${file.metrics[m.index as number].loss}`, '"loss":NaN');
    default:
      throw new Error(`unknown mutation ${String(m.kind)}`);
  }
}

async function libraryIsSound(newId?: string): Promise<void> {
  const listed = await store.inspect();
  expect(listed.ok).toBe(true);
  if (!listed.ok) return;
  expect(listed.value.damaged).toEqual([]);
  for (const model of listed.value.models.filter((m) => newId === undefined || m.id === newId)) {
    expect(checkSummary(model).ok).toBe(true);
    const weights = await store.artifacts(model.id);
    expect(weights.ok).toBe(true);
    if (weights.ok) expect(checkArtifacts(weights.value).ok).toBe(true);
    const last = model.metrics[model.metrics.length - 1];
    // Whatever the file said, the stored last epoch is what the importer measured.
    expect(last?.total).toBe(10);
  }
}

describe('importing model files', () => {
  it('stores the good export with metrics measured on import', async () => {
    const result = await importModelText('good.json', good, validate, (r) => store.save(r));
    expect(result.ok).toBe(true);
    await libraryIsSound();
  });

  it('refuses a file whose weights are all NaN, saying so in both languages', async () => {
    const file = JSON.parse(good) as Json;
    file.weightData = Buffer.from(floats(file).fill(NaN).buffer).toString('base64');
    const result = await importModelText('nan.json', JSON.stringify(file), validate, (r) => store.save(r));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.ja).toMatch(/NaN・無限大）が [\d,]+ 個/);
    expect(result.reason.en).toMatch(/weights are not numbers \(NaN or infinite\)/);
  });

  it('imports the reported "loss":"abc","exactMatch":1000 file with measured numbers, and lists it', async () => {
    const file = JSON.parse(good) as Json;
    file.metrics[2].loss = 'abc';
    file.metrics[2].exactMatch = 1000;
    const result = await importModelText('edited.json', JSON.stringify(file), validate, (r) => store.save(r));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dropped.map((d) => d.en).join()).toContain('has loss "abc"');
    const last = result.model.metrics[result.model.metrics.length - 1]!;
    expect(typeof last.loss).toBe('number');
    expect(last.exactMatch).toBeLessThanOrEqual(last.total!);
    await libraryIsSound();
  });

  it('survives 1,000 seeded mutations: nothing damaged is stored and the library always lists', async () => {
    const outcomes = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const text = apply(m as Record<string, unknown>, good);
        const result = await importModelText('mutated.json', text, validate, (r) => store.save(r));
        if (result.ok) outcomes.stored++;
        else {
          outcomes.refused++;
          expect(result.reason.ja).toMatch(/読み込めません/);
          expect(result.reason.en).toMatch(/Cannot import/);
        }
        await libraryIsSound(result.ok ? result.model.id : '');
        // Keep the library at its earlier models: listing hundreds in fake-indexeddb is slow.
        if (result.ok) expect((await store.delete(result.model.id)).ok).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000), seed: 20261201 },
    );
    // Both sides of the property were exercised.
    const runs = outcomes.stored + outcomes.refused;
    expect(outcomes.stored).toBeGreaterThan(runs / 20);
    expect(outcomes.refused).toBeGreaterThan(runs / 3);
    console.log('import fuzz:', outcomes);
  }, 900_000);
});

describe('checkImport', () => {
  it('refuses a file declaring a sequence length that would exhaust memory, before building anything', async () => {
    // Found by the fuzz test: the weights do not depend on it, so only this check stops it.
    const file = JSON.parse(good) as Json;
    file.modelTopology.config.maxSourceLength = 2 ** 53;
    const result = await importModelText('huge.json', JSON.stringify(file), validate, (r) => store.save(r));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason.en).toContain('maxSourceLength is 9007199254740992, above 512');
  });
});
