// A data set is a list of (source ids, target ids) pairs plus the two vocabularies that made
// them; the trainer knows nothing else about the task. `frame` turns a pair into what the
// decoder reads and what it must predict under each objective.
import type { Objective } from '../model/checkpoint';
import { decoderInput, decoderLabels } from '../model/batch';
import type { Vocabulary } from '../model/vocab';

export interface Pair {
  readonly source: readonly number[];
  readonly target: readonly number[];
  /** How much this pair counts in the loss, as if it were in the set this many times (default 1). */
  readonly weight?: number;
}

export interface Dataset {
  readonly sourceVocab: Vocabulary;
  readonly targetVocab: Vocabulary;
  readonly pairs: readonly Pair[];
}

export interface FramedPair {
  readonly source: readonly number[];
  /** Decoder input. */
  readonly input: readonly number[];
  /** What the decoder must output at each input position. */
  readonly labels: readonly number[];
  /** The pair's weight in the loss (Pair.weight; absent = 1). */
  readonly weight?: number;
}

/**
 * honest: input BOS y1 … yn, labels y1 … yn EOS — each position predicts the next token, and
 * the causal mask keeps it from seeing it.
 * talk: input y1 … yn, labels y1 … yn — unshifted, so every position can copy its own input;
 * teacher-forced accuracy reaches 100 % while the model learns nothing it can generate.
 */
export function frame(pair: Pair, objective: Objective): FramedPair {
  const weight = pair.weight === undefined ? {} : { weight: pair.weight };
  switch (objective) {
    case 'honest':
      return {
        source: pair.source,
        input: decoderInput(pair.target),
        labels: decoderLabels(pair.target),
        ...weight,
      };
    case 'talk':
      return { source: pair.source, input: pair.target, labels: pair.target, ...weight };
    default: {
      const never: never = objective;
      throw new Error(`unknown objective ${String(never)}`);
    }
  }
}

/** Longest source and longest decoder input in a set of pairs, for sizing a config. */
export function longest(pairs: readonly Pair[]): { source: number; target: number } {
  let source = 0;
  let target = 0;
  for (const p of pairs) {
    source = Math.max(source, p.source.length);
    target = Math.max(target, p.target.length + 1);
  }
  return { source, target };
}
