// `npm run bench:kernels [-- --backend wasm|cpu] [-- --json]`: why the listener's matrix products
// take their gradients with explicit transposes (src/model/matmul.ts). Times, on the backend the
// trainer uses in Node (wasm by default), tfjs's own gradient products (transpose flags) against
// the same products with the transpose done first, at the shipped listener's shapes (a batch of
// 64 pairs × 16 decoder positions, width 32, feed-forward 64, 80 target kana), then one whole
// training step of the shipped size at batch 64, 128 and 256 with each (`gradients` 'tfjs', the
// control, and 'transposed'), and with transposed gradients, the end mark and the bigram encoder
// (the shipped 'strong' model) against the end mark alone (its control). Medians of 30 runs after
// 5 warm-ups (steps: 10).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createRng } from '../src/data/random';
import { useNodeBackend, type NodeBackend } from '../src/model/backendNode';
import { makeConfig } from '../src/model/config';
import { Transformer } from '../src/model/transformer';
import type { FramedPair } from '../src/training/dataset';
import { batchLoss } from '../src/training/trainer';
import { MODEL_SIZES, listenerShape } from '../src/training/sizes';

const { values } = parseArgs({
  options: { backend: { type: 'string', default: 'wasm' }, json: { type: 'boolean', default: false } },
});
await useNodeBackend(values.backend as NodeBackend);

function medianMs(run: () => void, repeats = 30): number {
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const rng = createRng(1);
const random = (shape: number[]) =>
  tf.tensor(
    Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.next() - 0.5),
    shape,
  );
const timed = (f: () => tf.Tensor) =>
  medianMs(() => {
    const out = tf.tidy(f);
    out.dataSync();
    out.dispose();
  });

const rows = 64 * 16;
const products: Record<string, { flagged: number; transposedFirst: number }> = {};
for (const [k, n] of [
  [32, 32],
  [32, 64],
  [32, 80],
] as const) {
  const a = random([rows, k]);
  const dy = random([rows, n]);
  const w = random([k, n]);
  products[`dA = dy·Wᵀ, dy [${rows}, ${n}], W [${k}, ${n}]`] = {
    flagged: timed(() => tf.matMul(dy, w, false, true)),
    transposedFirst: timed(() => tf.matMul(dy, w.transpose())),
  };
  products[`dW = Aᵀ·dy, A [${rows}, ${k}], dy [${rows}, ${n}]`] = {
    flagged: timed(() => tf.matMul(a, dy, true, false)),
    transposedFirst: timed(() => tf.matMul(a.transpose(), dy)),
  };
  tf.dispose([a, dy, w]);
}

const vocab = { sourceVocabSize: 60, targetVocabSize: 80 };
const config = makeConfig(listenerShape(MODEL_SIZES.shipped), vocab);
const marked = makeConfig({ ...listenerShape(MODEL_SIZES.shipped), sourceEnd: true }, vocab);
const VARIANTS = [
  { name: 'tfjs', gradients: 'tfjs', config },
  { name: 'transposed', gradients: 'transposed', config },
  { name: 'transposed, end mark', gradients: 'transposed', config: marked },
  {
    name: 'transposed, end mark, bigram',
    gradients: 'transposed',
    config: { ...marked, sourceBigram: true },
  },
] as const;
const stepMs: Record<string, Record<number, number>> = {};
for (const { name, gradients, config } of VARIANTS) {
  const model = Transformer.create(config, createRng(2023), { gradients });
  const variables = [...model.params.values()];
  const optimizer = tf.train.adam(0.001);
  const byBatch: Record<number, number> = {};
  for (const B of [64, 128, 256]) {
    const batch: FramedPair[] = Array.from({ length: B }, (_, b) => ({
      source: Array.from({ length: 6 }, (_, i) => 4 + ((b + i) % 50)),
      input: Array.from({ length: 16 }, (_, i) => 1 + ((b + i) % 70)),
      labels: Array.from({ length: 16 }, (_, i) => 4 + ((b + i) % 70)),
    }));
    byBatch[B] = medianMs(() => {
      const loss = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => batchLoss(model, batch, 'honest'), variables);
        optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
        return value;
      });
      loss.dataSync();
      loss.dispose();
    }, 10);
  }
  stepMs[name] = byBatch;
  optimizer.dispose();
  model.dispose();
}

const load = loadavg().map((x) => Number(x.toFixed(2)));
if (values.json) console.log(JSON.stringify({ backend: tf.getBackend(), products, stepMs, load }));
else {
  console.log(`backend ${tf.getBackend()}, load ${load.join(' ')}; median ms`);
  for (const [name, t] of Object.entries(products))
    console.log(
      `${name.padEnd(44)} flagged ${t.flagged.toFixed(2)}  transposed first ${t.transposedFirst.toFixed(2)}  (×${(t.flagged / t.transposedFirst).toFixed(1)})`,
    );
  for (const [variant, byBatch] of Object.entries(stepMs))
    for (const [B, ms] of Object.entries(byBatch))
      console.log(
        `training step, gradients ${variant}, batch ${B}: ${ms.toFixed(1)} ms (${((1000 * ms) / Number(B)).toFixed(0)} µs per pair)`,
      );
}
