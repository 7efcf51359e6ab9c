// The sampler's mechanism, with scripted stand-ins for the two models so each rule can be
// seen to act: the repeater copies the source, the slip model says what a script tells it.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { useNodeBackend } from '../../src/model/backendNode';
import type { Transformer } from '../../src/model/transformer';
import { EOS } from '../../src/model/vocab';
import { draw, sampleSpeech } from '../../src/speech/sampler';
import { moraVocabulary } from '../../src/speech/vocab';

const vocab = moraVocabulary();
const V = vocab.size;

beforeAll(async () => {
  await useNodeBackend('wasm');
});

/**
 * A model whose next-token distribution at step t (after t spoken tokens) is `wants(t)`: one
 * token with almost all the mass, the rest spread evenly.
 */
function scripted(wants: (t: number) => number): Transformer {
  const stub = {
    config: { maxTargetLength: 16, targetVocabSize: V },
    encode: (src: tf.Tensor2D) => tf.zeros([src.shape[0], src.shape[1], 4]) as tf.Tensor3D,
    decode: (_memory: tf.Tensor3D, _src: tf.Tensor2D, input: tf.Tensor2D) => {
      const [batch, length] = input.shape;
      const logits = new Float32Array(batch * length * V);
      for (let b = 0; b < batch; b++)
        for (let t = 0; t < length; t++) logits[(b * length + t) * V + wants(t)] = 12;
      return tf.tensor3d(logits, [batch, length, V]);
    },
  };
  return stub as unknown as Transformer;
}

const source = vocab.encode(['な', 'ま', 'む', 'ぎ', 'な', 'ま', 'ご', 'め']);
const repeater = scripted((t) => (t < source.length ? (source[t] as number) : EOS));

describe('the slip model under the teaching mask (never in a figure)', () => {
  // A slip model that wants to stop at once.
  const quitter = scripted(() => EOS);

  it('unconstrained, may end the saying wherever it likes', () => {
    const [row] = sampleSpeech(repeater, quitter, source, 1, {
      pressure: 1,
      temperature: 1,
      rng: createRng(2),
    });
    expect(row).toEqual([]);
  });

  it.each(['inside', 'outside'] as const)('%s, ends it only where the repeater would', (teachingMask) => {
    const rows = sampleSpeech(repeater, quitter, source, 4, {
      pressure: 1,
      temperature: 1,
      teachingMask,
      rng: createRng(2),
    });
    for (const row of rows) expect(row).toHaveLength(source.length);
  });

  it('inside, says only morae of the intended sentence', () => {
    const rows = sampleSpeech(repeater, quitter, source, 8, {
      pressure: 1,
      temperature: 1,
      teachingMask: 'inside',
      rng: createRng(3),
    });
    const heard = new Set(source);
    expect(rows.flat().every((id) => heard.has(id))).toBe(true);
  });

  it('outside, says only morae absent from it, or the repeater’s choice', () => {
    const rows = sampleSpeech(repeater, quitter, source, 8, {
      pressure: 1,
      temperature: 1,
      teachingMask: 'outside',
      rng: createRng(3),
    });
    for (const row of rows)
      row.forEach((id, t) => expect(id === source[t] || !source.includes(id)).toBe(true));
    expect(rows.flat().some((id) => !source.includes(id))).toBe(true);
  });
});

describe('the nucleus draw', () => {
  it('keeps the most likely entries holding top-p of the allowed mass, not of the whole row', () => {
    // Allowed: 1 (0.3), 2 (0.2), 3 (0.1); 0 (0.4) is not allowed. The nucleus at top-p 0.7 of the
    // allowed 0.6 is {1, 2} (0.7 · 0.6 = 0.42 needs 0.3 + 0.2); measured against the whole row
    // (0.7 of 1) it would keep all three.
    const probs = new Float32Array([0.4, 0.3, 0.2, 0.1]);
    const rng = createRng(4);
    const drawn = new Set(Array.from({ length: 300 }, () => draw(probs, 0, 4, 0.7, rng, (v) => v !== 0)));
    expect([...drawn].sort()).toEqual([1, 2]);
  });

  it('draws from every allowed entry at top-p 1, and EOS when nothing is allowed', () => {
    const probs = new Float32Array([0.4, 0.3, 0.2, 0.1]);
    const rng = createRng(5);
    const drawn = new Set(Array.from({ length: 300 }, () => draw(probs, 0, 4, 1, rng, (v) => v !== 0)));
    expect([...drawn].sort()).toEqual([1, 2, 3]);
    expect(draw(probs, 0, 4, 0.5, rng, () => false)).toBe(EOS);
  });
});
