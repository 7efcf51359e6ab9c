import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { labelLogProbs, padBatch } from '../../src/model/batch';
import { makeConfig, PRESETS } from '../../src/model/config';
import { Transformer } from '../../src/model/transformer';
import { TrainingControl } from '../../src/training/control';
import { frame } from '../../src/training/dataset';
import { freeRunning, teacherForcedAccuracy } from '../../src/training/metrics';
import { constantSchedule, cosineSchedule } from '../../src/training/schedule';
import { reverseTask } from '../../src/training/synthetic';
import { batchLoss, leadingWeights, train, type TrainOptions } from '../../src/training/trainer';

const data = reverseTask(createRng(1), { count: 8, minLength: 2, maxLength: 4, letters: 4 });
const config = makeConfig(PRESETS.tiny, {
  sourceVocabSize: data.sourceVocab.size,
  targetVocabSize: data.targetVocab.size,
});
const options = (extra: Partial<TrainOptions> = {}): TrainOptions => ({
  objective: 'honest',
  epochs: 3,
  batchSize: 4,
  schedule: constantSchedule(0.01),
  rng: createRng(2),
  ...extra,
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('condition never became true');
}

describe('learning-rate schedules', () => {
  it('warms up linearly, peaks, then follows half a cosine down to the floor', () => {
    const lr = cosineSchedule(0.01, 4, 0.001);
    expect(lr(0, 104)).toBeCloseTo(0.0025);
    expect(lr(3, 104)).toBeCloseTo(0.01);
    expect(lr(4, 104)).toBeCloseTo(0.01);
    expect(lr(54, 104)).toBeCloseTo(0.0055);
    expect(lr(104, 104)).toBeCloseTo(0.001);
  });
});

describe('the objectives', () => {
  it('honest: the decoder reads BOS and the target shifted right, and predicts the next token', () => {
    expect(frame({ source: [9], target: [5, 6] }, 'honest')).toEqual({
      source: [9],
      input: [1, 5, 6],
      labels: [5, 6, 2],
    });
  });

  it('talk: the decoder reads the target itself and must output it unshifted (a copy)', () => {
    expect(frame({ source: [9], target: [5, 6] }, 'talk')).toEqual({
      source: [9],
      input: [5, 6],
      labels: [5, 6],
    });
  });
});

describe('train', () => {
  it('is reproducible: the same seeds give the same losses', async () => {
    const run = async () => {
      const model = Transformer.create(config, createRng(3));
      const result = await train(model, data.pairs, options());
      model.dispose();
      return result.epochs.map((e) => e.loss);
    };
    expect(await run()).toEqual(await run());
  });

  it('one step leaves the embedding rows of tokens it never saw exactly as they were', async () => {
    const model = Transformer.create(config, createRng(3));
    const before = model.weights().get('encoder.embedding')!;
    const pair = { source: [4, 4], target: [4] }; // only token 4 (and BOS/EOS on the target side)
    await train(model, [pair], options({ epochs: 1, batchSize: 1 }));
    const after = model.weights().get('encoder.embedding')!;
    const C = config.dModel;
    const row = (w: Float32Array, id: number) => Array.from(w.subarray(id * C, (id + 1) * C));
    expect(row(after, 5)).toEqual(row(before, 5));
    expect(row(after, 4)).not.toEqual(row(before, 4));
    model.dispose();
  });

  it('honest objective: learns to reverse strings, free-running', async () => {
    const model = Transformer.create(config, createRng(3));
    const result = await train(
      model,
      data.pairs,
      options({
        epochs: 60,
        batchSize: 8,
        schedule: cosineSchedule(0.02, 5, 0.001),
        evaluationPairs: data.pairs,
        evaluateEvery: 60,
      }),
    );
    expect(result.epochs.at(-1)?.evaluation?.exactMatch).toBe(data.pairs.length);
    expect(result.epochs.at(-1)!.loss).toBeLessThan(result.epochs[0]!.loss / 10);
    model.dispose();
  });

  it('with teacherForcedOnly, counts written teacher-forced on every epoch and never decodes free-running', async () => {
    const run = async (teacherForcedOnly: boolean) => {
      const model = Transformer.create(config, createRng(3));
      const result = await train(
        model,
        data.pairs,
        options({
          epochs: 60,
          batchSize: 8,
          schedule: cosineSchedule(0.02, 5, 0.001),
          evaluationPairs: data.pairs,
          evaluateEvery: 20,
          confirmFreeRunning: true,
          teacherForcedOnly,
        }),
      );
      model.dispose();
      return result.epochs.flatMap((e) => (e.evaluation ? [e.evaluation] : []));
    };
    const confirmed = await run(false);
    const teacherForced = await run(true);
    // The plain run decodes free-running once every pair is right teacher-forced (the last one).
    expect(confirmed.at(-1)?.freeRunning).toBe(true);
    expect(teacherForced.every((e) => e.freeRunning === false && e.outputs.length === 0)).toBe(true);
    // Same training, same counts: greedy decoding fed its own right tokens sees those inputs.
    expect(teacherForced.map((e) => e.exactMatch)).toEqual(confirmed.map((e) => e.exactMatch));
    expect(teacherForced.at(-1)?.exactMatch).toBe(data.pairs.length);
  });

  it('talk objective: 100 % teacher-forced, yet nothing right when the model feeds itself', async () => {
    const model = Transformer.create(config, createRng(3));
    await train(
      model,
      data.pairs,
      options({ objective: 'talk', epochs: 30, batchSize: 8, schedule: constantSchedule(0.02) }),
    );
    expect(teacherForcedAccuracy(model, data.pairs, 'talk')).toBe(1);
    expect(freeRunning(model, data.pairs).exactMatch).toBe(0);
    model.dispose();
  });

  it('pauses between steps, resumes, and stops when cancelled', async () => {
    const model = Transformer.create(config, createRng(3));
    const control = new TrainingControl(0);
    let steps = 0;
    const run = train(
      model,
      data.pairs,
      options({
        epochs: 50,
        batchSize: 1,
        control,
        onStep: () => {
          steps++;
          if (steps === 3) control.pause();
        },
      }),
    );
    await until(() => steps >= 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(steps).toBe(3);
    expect(control.state).toBe('paused');
    control.resume();
    await until(() => steps > 3);
    control.cancel();
    const result = await run;
    expect(result.reason).toBe('cancelled');
    expect(steps).toBeLessThan(50 * data.pairs.length);
    model.dispose();
  });

  it('stops after the epoch where onEpoch says so', async () => {
    const model = Transformer.create(config, createRng(3));
    const result = await train(
      model,
      data.pairs,
      options({ epochs: 10, onEpoch: (m) => (m.epoch === 2 ? 'stop' : undefined) }),
    );
    expect(result.reason).toBe('stopped');
    expect(result.epochs).toHaveLength(2);
    model.dispose();
  });
});

describe('the lead weight (loss weighted on the first target positions)', () => {
  it('weighs position t by 1 + (first − 1)·max(0, 1 − t/positions), plain 1 without it', () => {
    expect(leadingWeights(6, { first: 4, positions: 4 })).toEqual([4, 3.25, 2.5, 1.75, 1, 1]);
    expect(leadingWeights(3)).toEqual([1, 1, 1]);
    expect(() => leadingWeights(3, { first: 0.5, positions: 2 })).toThrow();
  });

  const batch = data.pairs.slice(0, 4).map((p) => frame(p, 'honest'));
  /** −log p of each real label, per pair and position, computed apart from batchLoss. */
  const tokenLosses = (model: Transformer): number[][] =>
    tf.tidy(() => {
      const source = padBatch(batch.map((b) => b.source));
      const input = padBatch(batch.map((b) => b.input));
      const labels = padBatch(
        batch.map((b) => b.labels),
        input.shape[1],
      );
      const logp = labelLogProbs(model.forward(source, input, true), labels).arraySync() as number[][];
      return logp.map((row, i) => row.slice(0, batch[i]!.labels.length).map((x) => -x));
    });

  it('is the weighted mean of the token losses; with no lead weight (or first 1) the plain mean', () => {
    const model = Transformer.create(config, createRng(3));
    const losses = tokenLosses(model);
    const lead = { first: 3, positions: 2 };
    const w = leadingWeights(8, lead);
    const weighted =
      losses.flatMap((row) => row.map((l, t) => w[t]! * l)).reduce((a, b) => a + b, 0) /
      losses.flatMap((row) => row.map((_, t) => w[t]!)).reduce((a, b) => a + b, 0);
    const plain = losses.flat().reduce((a, b) => a + b, 0) / losses.flat().length;
    const value = (l?: { first: number; positions: number }) => {
      const s = batchLoss(model, batch, 'honest', l);
      const v = s.dataSync()[0]!;
      s.dispose();
      return v;
    };
    expect(value(lead)).toBeCloseTo(weighted, 5);
    expect(value()).toBeCloseTo(plain, 5);
    expect(value({ first: 1, positions: 3 })).toBeCloseTo(plain, 5);
    expect(Math.abs(weighted - plain)).toBeGreaterThan(1e-3); // the toy batch can tell them apart
    model.dispose();
  });

  it('counts a pair of weight w as w copies of it', () => {
    const model = Transformer.create(config, createRng(3));
    const value = (pairs: readonly (typeof batch)[number][]) => {
      const s = batchLoss(model, pairs, 'honest');
      const v = s.dataSync()[0]!;
      s.dispose();
      return v;
    };
    const [a, b, c] = batch as [(typeof batch)[number], (typeof batch)[number], (typeof batch)[number]];
    expect(value([{ ...a, weight: 3 }, b, c])).toBeCloseTo(value([a, a, a, b, c]), 5);
    expect(value([{ ...a, weight: 1 }, b, c])).toBeCloseTo(value([a, b, c]), 5);
    expect(value([{ ...a, weight: 0 }, b, c])).toBeCloseTo(value([b, c]), 5);
    expect(Math.abs(value([{ ...a, weight: 3 }, b, c]) - value([a, b, c]))).toBeGreaterThan(1e-3);
    model.dispose();
  });

  it('moves the first token more and the later ones less than the plain loss, one step from the same weights', () => {
    const firstAndRest = (model: Transformer) => {
      const losses = tokenLosses(model);
      const first = losses.map((row) => row[0]!).reduce((a, b) => a + b, 0) / losses.length;
      const rest = losses.flatMap((row) => row.slice(2));
      return { first, rest: rest.reduce((a, b) => a + b, 0) / rest.length };
    };
    const oneStep = (lead?: { first: number; positions: number }) => {
      const model = Transformer.create(config, createRng(3));
      const before = firstAndRest(model);
      const optimizer = tf.train.sgd(0.05);
      tf.tidy(() => {
        const { grads } = tf.variableGrads(
          () => batchLoss(model, batch, 'honest', lead),
          [...model.params.values()],
        );
        optimizer.applyGradients(grads);
      });
      const after = firstAndRest(model);
      optimizer.dispose();
      model.dispose();
      return { first: before.first - after.first, rest: before.rest - after.rest };
    };
    const plain = oneStep();
    const weighted = oneStep({ first: 8, positions: 1 });
    expect(weighted.first).toBeGreaterThan(plain.first);
    expect(weighted.rest).toBeLessThan(plain.rest);
  });
});
