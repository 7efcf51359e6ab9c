// The one place that says how big each named listener is. Pure data (no tfjs), so the training
// panel can offer the presets without loading tensors, and the recipes that train the shipped
// checkpoint (recipes.ts) and the panel's presets (recipe.ts) cannot drift apart.

export interface ModelSizes {
  readonly nLayers: number;
  readonly dModel: number;
  readonly nHeads: number;
  readonly dFF: number;
}

/** Every listener sequence fits in this many tokens with BOS/EOS (the talk's maximum). */
export const LISTENER_MAX_LENGTH = 22;

export const MODEL_SIZES = {
  /** The 2023 talk's model. */
  talk: { nLayers: 1, dModel: 32, nHeads: 4, dFF: 32 },
  /** The shipped opponent (assets/checkpoints/opponent, recipe 'strong'): the talk's width, FF 64. */
  shipped: { nLayers: 1, dModel: 32, nHeads: 4, dFF: 64 },
  /** The speed recipe ('fast'): wider, learns the talk's task in fewer steps. */
  fast: { nLayers: 1, dModel: 48, nHeads: 4, dFF: 96 },
  wide: { nLayers: 2, dModel: 64, nHeads: 4, dFF: 128 },
  large: { nLayers: 3, dModel: 128, nHeads: 8, dFF: 256 },
} as const satisfies Record<string, ModelSizes>;

export type ModelSizeName = keyof typeof MODEL_SIZES;

/** A listener's full shape (sizes plus sequence lengths), as src/model/config.ts wants it. */
export function listenerShape(sizes: ModelSizes) {
  return { ...sizes, maxSourceLength: LISTENER_MAX_LENGTH, maxTargetLength: LISTENER_MAX_LENGTH };
}
