import { describe, expect, it } from 'vitest';
import { decodeModelFile, encodeModelFile } from '../../../src/game/storage/modelFile';

const summary = {
  name: '百人一首 talk',
  createdAt: '2026-11-29T12:00:00.000Z',
  recipe: { preset: 'talk', epochs: 5 },
  metrics: [{ epoch: 1, loss: 3.1, exactMatch: 0, total: 100 }],
};
const weights = new Float32Array([0.5, -1.25, 3e-8, 1234.5, 0, -0]);
const artifacts = {
  modelTopology: { format: 'utakaruta-transformer', version: 1 },
  weightSpecs: [{ name: 'w', shape: [6], dtype: 'float32' as const }],
  weightData: weights.buffer,
};

describe('model files', () => {
  it('round-trip the summary, the metadata and every weight bit for bit', () => {
    const read = decodeModelFile(encodeModelFile(summary, artifacts));
    if (!read.ok) throw new Error(read.detail);
    expect(read.name).toBe(summary.name);
    expect(read.recipe).toEqual(summary.recipe);
    expect(read.metrics).toEqual(summary.metrics);
    expect(read.artifacts.modelTopology).toEqual(artifacts.modelTopology);
    expect(read.artifacts.weightSpecs).toEqual(artifacts.weightSpecs);
    expect(new Float32Array(read.artifacts.weightData as ArrayBuffer)).toEqual(weights);
  });

  it('joins weights given as several buffers', () => {
    const split = { ...artifacts, weightData: [weights.buffer.slice(0, 8), weights.buffer.slice(8)] };
    const read = decodeModelFile(encodeModelFile(summary, split));
    expect(read.ok && new Float32Array(read.artifacts.weightData as ArrayBuffer)).toEqual(weights);
  });

  it.each([
    ['text that is not JSON', 'PNG\u0000\u0001', 'not-json'],
    ['another JSON document', '{"hello":"world"}', 'not-a-model-file'],
    ['a file from a newer game', '{"format":"utakaruta-model-file","version":99}', 'newer-version'],
    [
      'a file without weights',
      '{"format":"utakaruta-model-file","version":1,"weightSpecs":[]}',
      'not-a-model-file',
    ],
    [
      'weights that are not base64',
      '{"format":"utakaruta-model-file","version":1,"weightSpecs":[],"weightData":"%%%"}',
      'bad-weights-encoding',
    ],
  ])('refuse %s with a reason', (_name, text, error) => {
    const read = decodeModelFile(text);
    expect(read.ok ? 'accepted' : read.error).toBe(error);
  });

  it('refuses a truncated weights payload, saying how much is there', () => {
    const file = JSON.parse(encodeModelFile(summary, artifacts)) as { weightData: string };
    file.weightData = file.weightData.slice(0, 12);
    const read = decodeModelFile(JSON.stringify(file));
    expect(!read.ok && read.error).toBe('bad-weights');
    expect(!read.ok && read.problems?.[0]?.en).toBe('the weights data is truncated (9 of 24 bytes)');
  });

  it('refuses weights that are all NaN (a file that would play an opponent that never takes a card)', () => {
    const nan = { ...artifacts, weightData: new Float32Array(6).fill(NaN).buffer };
    const read = decodeModelFile(encodeModelFile(summary, nan));
    expect(!read.ok && read.error).toBe('bad-weights');
    expect(!read.ok && read.problems?.[0]?.ja).toContain('NaN・無限大）が 6 個');
  });

  it('keeps the learning-curve entries that are numbers in range and names the others', () => {
    const edited = {
      ...summary,
      metrics: [
        { epoch: 1, loss: 3.1, exactMatch: 0, total: 100 },
        { epoch: 2, loss: 'abc', exactMatch: 1000, total: 100 },
        { epoch: 3, loss: 2, exactMatch: 1000, total: 100 },
      ],
    } as unknown as typeof summary;
    const read = decodeModelFile(encodeModelFile(edited, artifacts));
    if (!read.ok) throw new Error(read.detail);
    expect(read.metrics).toEqual([{ epoch: 1, loss: 3.1, exactMatch: 0, total: 100 }]);
    expect(read.dropped.map((d) => d.en)).toEqual([
      'learning-curve entry 2 has loss "abc" (must be a number from 0 to 1000)',
      'learning-curve entry 3 has exact match 1000 (must be a whole number from 0 to 100)',
    ]);
  });
});
