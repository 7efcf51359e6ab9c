// The shape of a Transformer, as plain data that travels with every checkpoint.
// One encoder-decoder serves every task in the game (the listener, the tongue-twister
// repeater): only the vocabularies and the sizes change.

export interface TransformerConfig {
  /** Source (encoder) vocabulary size, special tokens included. */
  readonly sourceVocabSize: number;
  /** Target (decoder) vocabulary size, special tokens included. */
  readonly targetVocabSize: number;
  /** Width of every hidden vector (d_model). */
  readonly dModel: number;
  /** Attention heads; must divide dModel. */
  readonly nHeads: number;
  /** Inner width of the position-wise feed-forward block. */
  readonly dFF: number;
  /** Encoder layers, and as many decoder layers. */
  readonly nLayers: number;
  /** Longest source sequence, in tokens. */
  readonly maxSourceLength: number;
  /** Longest decoder sequence, in tokens, BOS included. */
  readonly maxTargetLength: number;
  /**
   * The encoder reads an EOS after the last source token (added inside the model, so callers
   * pass sources as before). Why: a listener must tell a prefix from the same prefix one sound
   * longer (あさぼらけ from あさぼらけあ); with an end mark the sound just before it can be found
   * by relative position, which sinusoidal positions make a linear map. Off when absent.
   */
  readonly sourceEnd?: boolean;
  /**
   * Each encoder position also hears the sound before it: its input adds a learned projection
   * (`encoder.bigram`, [C, C], zero at the start) of the previous position's embedding, so a
   * sound heard right after the same sound (こ-こ, お-お) is a vector of its own. Why: with one
   * encoder layer and sinusoidal positions, cross-attention hardly tells an echoed sound from a
   * single one. Off when absent, so older checkpoints keep their parameters and outputs.
   */
  readonly sourceBigram?: boolean;
}

/** The sizes of a config; the vocabulary sizes come from the task's vocabularies. */
export type ModelSize = Omit<TransformerConfig, 'sourceVocabSize' | 'targetVocabSize'>;

export const PRESETS = {
  /** The 2023 talk's model: 1 layer, 32 units, 4 heads, feed-forward 32, max length 22. */
  talk: { dModel: 32, nHeads: 4, dFF: 32, nLayers: 1, maxSourceLength: 22, maxTargetLength: 22 },
  /** For unit tests: small enough to train in a second on the CPU backend. */
  tiny: { dModel: 16, nHeads: 2, dFF: 32, nLayers: 1, maxSourceLength: 12, maxTargetLength: 12 },
} as const satisfies Record<string, ModelSize>;

export type PresetName = keyof typeof PRESETS;

export function makeConfig(
  size: ModelSize,
  vocab: { sourceVocabSize: number; targetVocabSize: number },
): TransformerConfig {
  const config = { ...size, ...vocab };
  const problem = configProblem(config);
  if (problem) throw new Error(problem);
  return config;
}

/** Why a config cannot build a model, or null when it can. */
export function configProblem(c: TransformerConfig): string | null {
  const positive = [
    'sourceVocabSize',
    'targetVocabSize',
    'dModel',
    'nHeads',
    'dFF',
    'nLayers',
    'maxSourceLength',
    'maxTargetLength',
  ] as const;
  for (const key of positive) {
    const value: unknown = c[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      return `config.${key} must be a positive integer, got ${String(value)}`;
    }
  }
  if (c.sourceEnd !== undefined && typeof c.sourceEnd !== 'boolean')
    return `config.sourceEnd must be true or false, got ${String(c.sourceEnd as unknown)}`;
  if (c.sourceBigram !== undefined && typeof c.sourceBigram !== 'boolean')
    return `config.sourceBigram must be true or false, got ${String(c.sourceBigram as unknown)}`;
  if (c.dModel % c.nHeads !== 0) return `dModel ${c.dModel} is not divisible by nHeads ${c.nHeads}`;
  if (c.dModel % 2 !== 0) return `dModel ${c.dModel} must be even for sinusoidal positions`;
  return null;
}
