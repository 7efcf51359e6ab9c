// The speaker's tensor code: shapes, determinism, no leaks, and a small train-and-corrupt run
// (a tiny repeater learns to copy four sentences; a copy fine-tuned on horizontal slips under
// the constraint then slips horizontally when sampled freely, far more than the same
// architecture with untrained slip weights at the same pressure, while pressure 0 still repeats).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/model/backendNode';
import { createRng } from '../../src/data/random';
import { makeConfig } from '../../src/model/config';
import { greedyDecode } from '../../src/model/inference';
import { Transformer } from '../../src/model/transformer';
import { EOS } from '../../src/model/vocab';
import { annotate, makeLexicon } from '../../src/speech/annotate';
import { parseAnnotated } from '../../src/speech/corpus';
import { sampleSpeech } from '../../src/speech/sampler';
import { makeSlip } from '../../src/speech/slips';
import { Speaker } from '../../src/speech/speaker';
import { constrainedLoss, LagrangeMultiplier } from '../../src/speech/constraint';
import { moraVocabulary } from '../../src/speech/vocab';
import { train } from '../../src/training/trainer';
import { constantSchedule } from '../../src/training/schedule';

const vocab = moraVocabulary();

beforeAll(async () => {
  await useNodeBackend('wasm');
});
const config = makeConfig(
  { dModel: 32, nHeads: 4, dFF: 64, nLayers: 1, maxSourceLength: 12, maxTargetLength: 13 },
  { sourceVocabSize: vocab.size, targetVocabSize: vocab.size },
);

describe('the sampler', () => {
  let repeater: Transformer;
  let slip: Transformer;
  beforeAll(() => {
    repeater = Transformer.create(config, createRng(1));
    slip = Transformer.create(config, createRng(2));
  });
  const source = vocab.encode(['な', 'ま', 'む', 'ぎ']);

  it('returns one row of vocabulary ids per sample, never longer than the source plus six', () => {
    const rows = sampleSpeech(repeater, slip, source, 5, {
      pressure: 0.5,
      temperature: 1,
      rng: createRng(3),
    });
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.length).toBeLessThanOrEqual(source.length + 6);
      expect(row.every((id) => Number.isInteger(id) && id >= 0 && id < vocab.size && id !== EOS)).toBe(true);
    }
  });

  it('gives the same speech for the same seed', () => {
    const say = () =>
      sampleSpeech(repeater, slip, source, 3, { pressure: 0.7, temperature: 1, rng: createRng(11) });
    expect(say()).toEqual(say());
  });

  it('leaves no tensor behind', () => {
    const say = () =>
      sampleSpeech(repeater, slip, source, 2, { pressure: 0.5, temperature: 1, rng: createRng(1) });
    say();
    const before = tf.memory().numTensors;
    say();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves no tensor behind when the speaker says, says 100 times and shows its attention', () => {
    const speaker = new Speaker({ repeater, horizontal: slip, vertical: slip }, vocab);
    const s = parseAnnotated('なまむぎ:food', 'x', 'twister');
    const all = () => {
      speaker.say(s, 'horizontal', 0.5, createRng(1));
      speaker.sayMany(s, 'vertical', 0.5, createRng(1), 10);
      speaker.say(s, 'intact', 0, createRng(1));
      return speaker.attention(s.morae, ['な', 'ま'], 'horizontal');
    };
    all();
    const before = tf.memory().numTensors;
    const attention = all();
    expect(tf.memory().numTensors).toBe(before);
    // Rows: two spoken morae and the end; columns: four intended morae; each row sums to 1.
    expect(attention).toHaveLength(3);
    for (const row of attention) {
      expect(row).toHaveLength(4);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    }
  });
});

describe('a small train-and-corrupt run', () => {
  const sentences = [
    'なまむぎ:food なまごめ:food',
    'あかまき:stationery',
    'すもも:fruit もも:fruit',
    'ばす:vehicle がす:thing',
  ].map((line, i) => parseAnnotated(line, `s${i}`, 'twister'));
  const lexicon = makeLexicon(sentences.flatMap((s) => s.words));

  it(
    'learns to repeat, then slips horizontally after constrained fine-tuning (untrained weights do not), and not at pressure 0',
    { timeout: 300_000 },
    async () => {
      const rng = createRng(4);
      const repeater = Transformer.create(config, rng);
      const copies = sentences.flatMap((s) =>
        Array.from({ length: 2 }, () => ({ source: vocab.encode(s.morae), target: vocab.encode(s.morae) })),
      );
      await train(repeater, copies, {
        objective: 'honest',
        epochs: 80,
        batchSize: 8,
        schedule: constantSchedule(1e-2),
        rng,
      });
      const repeated = greedyDecode(
        repeater,
        sentences.map((s) => vocab.encode(s.morae)),
      ).map((ids) => vocab.decode(ids).join(''));
      expect(repeated).toEqual(sentences.map((s) => s.morae.join('')));

      const slipModel = new Transformer(config, repeater.weights());
      const slips = sentences.flatMap((s) =>
        Array.from({ length: 4 }, () => makeSlip(s, 'horizontal', lexicon, rng))
          .filter((x): x is string[] => x !== null)
          .map((slip) => ({ source: vocab.encode(s.morae), target: vocab.encode(slip) })),
      );
      await train(slipModel, slips, {
        objective: 'honest',
        epochs: 60,
        batchSize: 8,
        schedule: constantSchedule(5e-3),
        rng,
        loss: constrainedLoss('horizontal', new LagrangeMultiplier({ bound: 0.1, step: 0.2 })),
      });

      // Sampled freely (no mask): the class of the slips comes from the weights.
      const horizontalShare = (slip: Transformer) => {
        const speaker = new Speaker({ repeater, horizontal: slip, vertical: slip }, vocab);
        const said = sentences.flatMap((s) =>
          speaker.sayMany(s, 'horizontal', 0.6, createRng(7), 10, lexicon),
        );
        const errors = said.flatMap((u) => u.errors);
        return {
          erroneous: said.filter((u) => u.errors.length > 0).length / said.length,
          share: errors.filter((e) => e.class === 'horizontal').length / Math.max(1, errors.length),
        };
      };
      const trained = horizontalShare(slipModel);
      const untrained = Transformer.create(config, createRng(99));
      const control = horizontalShare(untrained);
      untrained.dispose();
      expect(trained.erroneous).toBeGreaterThan(0.5);
      expect(trained.share).toBeGreaterThan(0.7);
      expect(trained.share).toBeGreaterThan(control.share + 0.25);
      const speaker = new Speaker({ repeater, horizontal: slipModel, vertical: slipModel }, vocab);

      const calm = sentences.flatMap((s) => speaker.sayMany(s, 'horizontal', 0, createRng(7), 5, lexicon));
      expect(calm.filter((u) => u.errors.length > 0).length).toBeLessThan(calm.length / 4);
      expect(annotate(sentences[0]!, sentences[0]!.morae, lexicon)).toEqual([]);
      repeater.dispose();
      slipModel.dispose();
    },
  );
});
