import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { makeConfig, PRESETS } from '../../src/model/config';
import { Transformer } from '../../src/model/transformer';
import { TrainingControl } from '../../src/training/control';
import { frame } from '../../src/training/dataset';
import { freeRunning, teacherForcedAccuracy } from '../../src/training/metrics';
import { constantSchedule, cosineSchedule } from '../../src/training/schedule';
import { reverseTask } from '../../src/training/synthetic';
import { train, type TrainOptions } from '../../src/training/trainer';

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
