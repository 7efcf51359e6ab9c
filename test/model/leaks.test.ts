// Every tensor-touching public function, called twice: the second call must not leave a
// single tensor behind (the first may warm caches).
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { checkpointArtifacts, checkpointFromArtifacts } from '../../src/model/checkpoint';
import { makeConfig, PRESETS } from '../../src/model/config';
import { attentionWeights, CandidateScorer, greedyDecode, scoreCandidates } from '../../src/model/inference';
import { Transformer } from '../../src/model/transformer';
import { Vocabulary } from '../../src/model/vocab';
import { freeRunning, teacherForcedAccuracy } from '../../src/training/metrics';
import { train } from '../../src/training/trainer';
import { constantSchedule } from '../../src/training/schedule';

const vocab = Vocabulary.fromSymbols(['a', 'b', 'c']);
const config = makeConfig(PRESETS.tiny, { sourceVocabSize: vocab.size, targetVocabSize: vocab.size });
const pairs = [
  { source: [4, 5], target: [5, 4] },
  { source: [6], target: [6] },
];

async function growth(action: () => unknown): Promise<number> {
  await action();
  const before = tf.memory().numTensors;
  await action();
  return tf.memory().numTensors - before;
}

describe('no tensor leaks', () => {
  const model = Transformer.create(config, createRng(1));
  afterAll(() => model.dispose());

  it.each([
    ['greedyDecode', () => greedyDecode(model, [[4, 5], [6]])],
    ['scoreCandidates', () => scoreCandidates(model, [4], [[4], [5, 6]])],
    ['attentionWeights', () => attentionWeights(model, [4, 5], [6])],
    ['teacherForcedAccuracy', () => teacherForcedAccuracy(model, pairs, 'honest')],
    ['freeRunning', () => freeRunning(model, pairs)],
  ])('%s leaves no tensor behind', async (_name, action) => {
    expect(await growth(action)).toBe(0);
  });

  it('a CandidateScorer leaves nothing behind once disposed, and scoring adds nothing', async () => {
    const scorer = new CandidateScorer(model, [[4], [5, 6]]);
    expect(await growth(() => scorer.score([4, 5], [1]))).toBe(0);
    const before = tf.memory().numTensors;
    scorer.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
    expect(await growth(() => new CandidateScorer(model, [[4]]).dispose())).toBe(0);
  });

  it('a training run leaves no tensor behind', async () => {
    const run = () =>
      train(model, pairs, {
        objective: 'honest',
        epochs: 2,
        batchSize: 2,
        schedule: constantSchedule(0.01),
        rng: createRng(2),
        evaluationPairs: pairs,
        clipNorm: 1,
      });
    expect(await growth(run)).toBe(0);
  });

  it('saving and loading a checkpoint leaves only the loaded model, which disposes cleanly', async () => {
    const info = { task: 't', objective: 'honest' as const, seed: 1, date: 'd', epochs: 0 };
    const roundTrip = async () => {
      const result = checkpointFromArtifacts(
        await checkpointArtifacts(model, { source: vocab, target: vocab }, info),
      );
      if (result.ok) result.checkpoint.model.dispose();
    };
    expect(await growth(roundTrip)).toBe(0);
  });

  it('a bigram encoder (sourceBigram) trains and scores without leaving a tensor behind', async () => {
    const bigram = Transformer.create({ ...config, sourceEnd: true, sourceBigram: true }, createRng(1));
    const run = () =>
      train(bigram, pairs, {
        objective: 'honest',
        epochs: 1,
        batchSize: 2,
        schedule: constantSchedule(0.01),
        rng: createRng(2),
        clipNorm: 1,
      });
    expect(await growth(run)).toBe(0);
    // It starts at zero; the steps moved it (its gradient flows through the shifted embeddings).
    const projection = bigram.weights().get('encoder.bigram') ?? [];
    expect(projection.some((v) => v !== 0)).toBe(true);
    expect(await growth(() => scoreCandidates(bigram, [4, 4], [[4], [5, 6]]))).toBe(0);
    bigram.dispose();
  });
});
