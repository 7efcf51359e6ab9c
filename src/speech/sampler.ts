// Free-running decoding for the speaker: each step the decoder reads the intended sentence
// (encoder) and its own previous output, never the answer.
//
// The pressure knob mixes the output competition of two models at every step:
//   P(next) = (1 − pressure) · P_repeater(next) + pressure · P_slip(next)
// and a mora is drawn from P with the seeded RNG (as a choice of model, then a draw from it). At pressure 0 only the healthy repeater
// speaks (its distribution is sharp: hardly any errors); at 1 only the fine-tuned slip model
// does (it has learnt to slip once per sentence, somewhere). In between, the slip model wins the
// competition at a step with probability `pressure`, so the sentence error rate rises with it.
//
// The slip model is sampled from its own distribution (its nucleus, `topP`): the class of its
// slips (horizontal or vertical) comes from its weights, which were fine-tuned under a
// constraint in the objective (constraint.ts). The `teachingMask` option is a teaching view
// only (the panel labels it so; no figure uses it): it shows what a mask at generation time
// would force, true by construction.
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../data/random';
import { padBatch } from '../model/batch';
import type { Transformer } from '../model/transformer';
import { BOS, EOS } from '../model/vocab';

export interface SampleOptions {
  /** Weight of the slip model's distribution, 0–1. */
  readonly pressure: number;
  /** Softmax temperature of the slip model; 1 samples its learnt distribution. */
  readonly temperature: number;
  /** Softmax temperature of the repeater (default: `temperature`). Below 1 the healthy
   *  speaker is steadier, so the errors that remain are the slip model's. */
  readonly repeaterTemperature?: number;
  /** Nucleus sampling for the slip model: draw only from its most likely morae whose
   *  probabilities sum to at least this (1 = the whole distribution). */
  readonly topP?: number;
  /**
   * Teaching view only, never in a figure: a mask on the slip model's output competition.
   * 'inside' lets it say only morae that occur in the intended sentence, 'outside' only morae
   * absent from it or the repeater's own choice for this step, so the annotator's class is
   * forced whatever the weights are (an untrained model scores as well). Under either mask the
   * slip model may end the sentence only where the repeater would (masking the other
   * candidates would otherwise inflate its small end-of-sentence probability).
   */
  readonly teachingMask?: 'inside' | 'outside';
  /** Whether token `next` may follow token `previous` (BOS at the start): impossible strings
   *  such as っっ are never drawn, from either model. Default: anything goes. */
  readonly canFollow?: (previous: number, next: number) => boolean;
  readonly rng: Rng;
}

/** Outputs may run this many morae past the source before decoding stops. */
const EXTRA_STEPS = 6;

/**
 * Draws an index from row `row` of `probs` ([B·V], row-major) among the `allowed` entries: from
 * the smallest set of the most likely ones that holds at least `topP` of the allowed mass
 * (nucleus sampling; all of them when topP ≥ 1), in proportion to their probabilities. EOS
 * when nothing is allowed. Used by both stages of the speaker (speaker.ts, the word stage).
 */
export function draw(
  probs: Float32Array,
  row: number,
  V: number,
  topP: number,
  rng: Rng,
  allowed: (v: number) => boolean = () => true,
): number {
  const p = (v: number): number => probs[row * V + v] as number;
  let ids = Array.from({ length: V }, (_, v) => v).filter(allowed);
  if (ids.length === 0) return EOS;
  if (topP < 1) {
    ids.sort((a, b) => p(b) - p(a));
    let allowedMass = 0;
    for (const v of ids) allowedMass += p(v);
    let mass = 0;
    let keep = 0;
    while (keep < ids.length && mass < topP * allowedMass) mass += p(ids[keep++] as number);
    ids = ids.slice(0, Math.max(1, keep));
  }
  let total = 0;
  for (const v of ids) total += p(v);
  let r = rng.next() * total;
  for (const v of ids) {
    r -= p(v);
    if (r < 0) return v;
  }
  return ids[ids.length - 1] ?? EOS;
}

function argMax(probs: Float32Array, row: number, V: number): number {
  let best = 0;
  for (let v = 1; v < V; v++)
    if ((probs[row * V + v] as number) > (probs[row * V + best] as number)) best = v;
  return best;
}

/**
 * `count` independent spoken versions of one source (token ids), sampled free-running.
 * `slip` may be null (the repeater alone, sampled at `temperature`).
 */
export function sampleSpeech(
  repeater: Transformer,
  slip: Transformer | null,
  source: readonly number[],
  count: number,
  options: SampleOptions,
): number[][] {
  if (source.length === 0) throw new Error('nothing to say');
  if (count < 1) return [];
  const pressure = Math.min(1, Math.max(0, options.pressure));
  const temperature = Math.max(1e-3, options.temperature);
  const repeaterTemperature = Math.max(1e-3, options.repeaterTemperature ?? options.temperature);
  const topP = options.topP ?? 1;
  const constraint = options.teachingMask;
  const heard = new Set(source);
  const useSlip = slip !== null && pressure > 0;
  const steps = Math.min(repeater.config.maxTargetLength - 1, source.length + EXTRA_STEPS);
  const V = repeater.config.targetVocabSize;
  const rows: number[][] = Array.from({ length: count }, () => [BOS]);
  const finished = new Array<boolean>(count).fill(false);
  const src = padBatch(Array.from({ length: count }, () => source)); // [B, S]
  const memories = tf.tidy(() => [repeater.encode(src), ...(useSlip && slip ? [slip.encode(src)] : [])]); // each [B, S, C]
  try {
    for (let t = 0; t < steps && finished.some((f) => !f); t++) {
      // Drawing from the mixture = choosing, per row, which model speaks this step (the slip
      // model with probability `pressure`), then drawing from that model: only the models some
      // row chose are run, so a single sentence costs one decoder pass per mora.
      const speaks = rows.map(() => useSlip && options.rng.next() < pressure);
      const needRepeater = speaks.some((s, b) => (!s || constraint !== undefined) && !finished[b]);
      const needSlip = speaks.some((s, b) => s && !finished[b]);
      const probs = tf.tidy(() => {
        const input = padBatch(rows); // [B, t+1]
        const next = (model: Transformer, memory: tf.Tensor3D, heat: number): tf.Tensor2D => {
          const logits = model.decode(memory, src, input, true); // [B, t+1, V]
          const last = logits.slice([0, t, 0], [-1, 1, -1]).reshape([count, V]); // [B, V]
          return tf.softmax(last.div(heat)) as tf.Tensor2D; // [B, V]
        };
        const fromRepeater = needRepeater
          ? next(repeater, memories[0] as tf.Tensor3D, repeaterTemperature)
          : null; // [B, V]
        const fromSlip = needSlip && slip ? next(slip, memories[1] as tf.Tensor3D, temperature) : null; // [B, V]
        return tf.stack([fromRepeater ?? tf.zeros([count, V]), fromSlip ?? tf.zeros([count, V])]); // [2, B, V]
      });
      const both = probs.dataSync() as Float32Array;
      probs.dispose();
      const half = count * V;
      rows.forEach((row, b) => {
        if (finished[b]) {
          row.push(EOS);
          return;
        }
        let id: number;
        const previous = row[row.length - 1] as number;
        const possible = options.canFollow ? (v: number) => options.canFollow!(previous, v) : () => true;
        if (!speaks[b]) {
          id = draw(both.subarray(0, half), b, V, 1, options.rng, possible);
        } else {
          const repeaterChoice = constraint !== undefined ? argMax(both, b, V) : -1;
          const ends = (v: number): boolean => v === EOS && repeaterChoice === EOS;
          const masked =
            constraint === 'inside'
              ? (v: number) => ends(v) || (v !== EOS && heard.has(v))
              : constraint === 'outside'
                ? (v: number) => ends(v) || v === repeaterChoice || (v !== EOS && !heard.has(v))
                : () => true;
          id = draw(both.subarray(half, 2 * half), b, V, topP, options.rng, (v) => possible(v) && masked(v));
        }
        row.push(id);
        if (id === EOS) finished[b] = true;
      });
    }
  } finally {
    src.dispose();
    memories.forEach((m) => m.dispose());
  }
  return rows.map((row) => {
    const out = row.slice(1);
    const end = out.indexOf(EOS);
    return end < 0 ? out : out.slice(0, end);
  });
}
