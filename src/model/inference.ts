// What the game and the trainer ask of a model, with plain numbers in and out: free-running
// (greedy) decoding, batched scoring of candidate outputs, and attention weights for display.
// Every function tidies its tensors; nothing leaks (test/model/leaks.test.ts).
import * as tf from '@tensorflow/tfjs-core';
import { decoderInput, decoderLabels, labelLogProbs, padBatch } from './batch';
import type { AttentionTrace, Transformer } from './transformer';
import { BOS, EOS } from './vocab';

function checkSources(model: Transformer, sources: readonly (readonly number[])[]): void {
  for (const s of sources) {
    if (s.length === 0) throw new Error('a source needs at least one token');
    if (s.length > model.config.maxSourceLength) {
      throw new Error(`source of ${s.length} tokens > maxSourceLength ${model.config.maxSourceLength}`);
    }
  }
}

/**
 * Free-running decoding: each step feeds the model its own previous outputs (never the
 * answer). Returns, per source, the ids produced before EOS (at most maxTargetLength − 1).
 */
export function greedyDecode(model: Transformer, sources: readonly (readonly number[])[]): number[][] {
  if (sources.length === 0) return [];
  checkSources(model, sources);
  const steps = model.config.maxTargetLength - 1;
  const produced = tf.tidy(() => {
    const source = padBatch(sources); // [B, S]
    const memory = model.encode(source); // [B, S, C]
    let tokens = tf.fill([sources.length, 1], BOS, 'int32') as tf.Tensor2D; // [B, 1]
    for (let t = 0; t < steps; t++) {
      const logits = model.decode(memory, source, tokens, true); // [B, t+1, V]
      const last = logits.slice([0, t, 0], [-1, 1, -1]); // [B, 1, V]
      const next = last.argMax(-1).cast('int32') as tf.Tensor2D; // [B, 1]
      tokens = tf.concat([tokens, next], 1); // [B, t+2]
    }
    return tokens.slice([0, 1], [-1, steps]); // [B, steps]
  });
  const rows = produced.arraySync() as number[][];
  produced.dispose();
  return rows.map((row) => {
    const end = row.indexOf(EOS);
    return end < 0 ? row : row.slice(0, end);
  });
}

/**
 * log P(candidate, then EOS | source) for every candidate, in one forward pass: the source is
 * encoded once and shared. The listener turns these into a belief over the cards.
 */
export function scoreCandidates(
  model: Transformer,
  source: readonly number[],
  candidates: readonly (readonly number[])[],
): number[] {
  if (candidates.length === 0) return [];
  checkSources(model, [source]);
  const scores = tf.tidy(() => {
    const N = candidates.length;
    const src = padBatch([source]); // [1, S]
    const memory = model.encode(src); // [1, S, C]
    const inputs = padBatch(candidates.map(decoderInput)); // [N, T]
    const labels = padBatch(candidates.map(decoderLabels), inputs.shape[1]); // [N, T]
    const logits = model.decode(memory.tile([N, 1, 1]), src.tile([N, 1]), inputs, true); // [N, T, V]
    return labelLogProbs(logits, labels).sum(1); // [N]
  });
  const out = Array.from(scores.dataSync());
  scores.dispose();
  return out;
}

/**
 * Scores a fixed set of candidates against many sources, fast: the decoder's self-attention
 * over the candidates does not depend on the source, so it is computed once here and kept;
 * each `score` runs only the encoder, one cross-attention batch and the position-wise layers.
 * Gives the same numbers as scoreCandidates (one-layer models; deeper ones fall back to it).
 * Call dispose() when done.
 */
export class CandidateScorer {
  private readonly context: tf.Tensor3D | null; // [N, T, C]
  private readonly labels: tf.Tensor2D; // [N, T]

  constructor(
    private readonly model: Transformer,
    private readonly candidates: readonly (readonly number[])[],
  ) {
    if (candidates.length === 0) throw new Error('no candidates to score');
    const inputs = padBatch(candidates.map(decoderInput)); // [N, T]
    this.labels = padBatch(candidates.map(decoderLabels), inputs.shape[1]);
    this.context = model.config.nLayers === 1 ? tf.tidy(() => model.targetContext(inputs)) : null;
    inputs.dispose();
  }

  /** log P(candidate i, then EOS | source) for the candidates at `indices` (default: all). */
  score(source: readonly number[], indices?: readonly number[]): number[] {
    checkSources(this.model, [source]);
    if (!this.context) {
      const chosen = indices ? indices.map((i) => this.candidates[i] ?? []) : this.candidates;
      return scoreCandidates(this.model, source, chosen);
    }
    const context = this.context;
    const scores = tf.tidy(() => {
      const src = padBatch([source]); // [1, S]
      const memory = this.model.encode(src); // [1, S, C]
      const rows = indices ? tf.tensor1d(indices as number[], 'int32') : null;
      const ctx = rows ? tf.gather(context, rows) : context; // [n, T, C]
      const labels = rows ? tf.gather(this.labels, rows) : this.labels; // [n, T]
      const logits = this.model.decodeSharedSource(ctx as tf.Tensor3D, memory, src); // [n, T, V]
      return labelLogProbs(logits, labels as tf.Tensor2D).sum(1); // [n]
    });
    const out = Array.from(scores.dataSync());
    scores.dispose();
    return out;
  }

  dispose(): void {
    this.context?.dispose();
    this.labels.dispose();
  }
}

/** Attention weights per layer as [head][query][key] arrays, for one source and target. */
export interface AttentionMaps {
  encoderSelf: number[][][][];
  decoderSelf: number[][][][];
  cross: number[][][][];
}

/**
 * The attention of a teacher-forced pass over `target` (decoder input BOS + target): row t of
 * a cross map shows which source tokens the decoder read while writing target token t.
 */
export function attentionWeights(
  model: Transformer,
  source: readonly number[],
  target: readonly number[],
): AttentionMaps {
  checkSources(model, [source]);
  const trace: AttentionTrace = { encoderSelf: [], decoderSelf: [], cross: [] };
  const kept = tf.tidy(() => {
    model.forward(padBatch([source]), padBatch([decoderInput(target)]), true, trace);
    const all = [...trace.encoderSelf, ...trace.decoderSelf, ...trace.cross];
    return all.map((w) => w.squeeze([0])); // each [H, Tq, Tk]
  });
  const arrays = kept.map((w) => w.arraySync() as number[][][]);
  kept.forEach((w) => w.dispose());
  const n = model.config.nLayers;
  return { encoderSelf: arrays.slice(0, n), decoderSelf: arrays.slice(n, 2 * n), cross: arrays.slice(2 * n) };
}
