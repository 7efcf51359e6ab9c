// A training recipe as the training panel edits it: a preset or hand-set sizes, the schedule,
// the seed, the objective and the backend. Pure (no tfjs: the panel must not load it on the main
// thread, and no src/game: the training worker reads it too). `recipeProblems` refuses, with reasons, what cannot or should not be trained before a
// worker is even started.
import { MODEL_SIZES, type ModelSizes } from './sizes';

export type { ModelSizes } from './sizes';

/** A text in both interface languages (the same shape as src/game/i18n.ts's, which training cannot import). */
export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

export const BACKEND_CHOICES = ['auto', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type Backend = Exclude<BackendChoice, 'auto'>;

export const OBJECTIVES = ['honest', 'talk'] as const;
export type TrainingObjective = (typeof OBJECTIVES)[number];

/** The presets the training panel offers, each a size from sizes.ts. */
export const RECIPE_PRESETS = {
  talk: MODEL_SIZES.talk,
  /** Kept as 'listener' so recipes saved by earlier builds still name it. */
  listener: MODEL_SIZES.shipped,
  wide: MODEL_SIZES.wide,
  large: MODEL_SIZES.large,
} as const satisfies Record<string, ModelSizes>;
export type RecipePreset = keyof typeof RECIPE_PRESETS | 'custom';

const PRESET_NAMES: Record<keyof typeof RECIPE_PRESETS, Bilingual> = {
  talk: { ja: '2023年の発表', en: 'The 2023 talk' },
  listener: { ja: '同梱モデルの大きさ', en: 'Shipped model size' },
  wide: { ja: '広い', en: 'Wide' },
  large: { ja: '大きい', en: 'Large' },
};

/** "Shipped model size (1 layer, 32 units, 4 heads, feed-forward 64)": the numbers come from the sizes. */
export function sizeLabel(name: Bilingual, s: ModelSizes): Bilingual {
  return {
    ja: `${name.ja}（${s.nLayers}層・${s.dModel}ユニット・${s.nHeads}ヘッド・FF ${s.dFF}）`,
    en: `${name.en} (${s.nLayers} layer${s.nLayers === 1 ? '' : 's'}, ${s.dModel} units, ${s.nHeads} heads, feed-forward ${s.dFF})`,
  };
}

export const PRESET_LABELS: Record<RecipePreset, Bilingual> = {
  ...(Object.fromEntries(
    (Object.keys(RECIPE_PRESETS) as (keyof typeof RECIPE_PRESETS)[]).map((k) => [
      k,
      sizeLabel(PRESET_NAMES[k], RECIPE_PRESETS[k]),
    ]),
  ) as Record<keyof typeof RECIPE_PRESETS, Bilingual>),
  custom: { ja: '自分で決める', en: 'Custom' },
};

export interface TrainingRecipe extends ModelSizes {
  readonly preset: RecipePreset;
  readonly epochs: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly objective: TrainingObjective;
  readonly backend: BackendChoice;
}

export const DEFAULT_RECIPE: TrainingRecipe = {
  preset: 'talk',
  ...RECIPE_PRESETS.talk,
  epochs: 30,
  learningRate: 0.005,
  batchSize: 32,
  seed: 2023,
  objective: 'honest',
  backend: 'auto',
};

/** Hard limits: beyond them a run would not fit a browser tab or would never end. */
export const LIMITS = {
  nLayers: { min: 1, max: 12 },
  dModel: { min: 4, max: 1024 },
  nHeads: { min: 1, max: 32 },
  dFF: { min: 4, max: 4096 },
  epochs: { min: 1, max: 2000 },
  learningRate: { min: 1e-6, max: 1 },
  batchSize: { min: 1, max: 100 },
  seed: { min: 0, max: 2 ** 31 - 1 },
} as const;

/** Above this estimate (weights, Adam state, gradients and activations) a run is refused. */
export const MEMORY_BUDGET_BYTES = 1024 * 1024 * 1024;

/** The sizes of the data the recipe will meet (vocabularies, sequence lengths, examples). */
export interface DataShape {
  readonly sourceVocabSize: number;
  readonly targetVocabSize: number;
  readonly maxLength: number;
}

/** The listener task: about 67 sounds in, 51 card kana out, sequences up to 22 tokens. */
export const POEM_DATA_SHAPE: DataShape = { sourceVocabSize: 70, targetVocabSize: 55, maxLength: 22 };

export function parameterCount(s: ModelSizes, data: DataShape): number {
  const C = s.dModel;
  const attention = 4 * (C * C + C);
  const norm = 2 * C;
  const ff = C * s.dFF + s.dFF + s.dFF * C + C;
  const encoder = s.nLayers * (attention + ff + 2 * norm) + norm;
  const decoder = s.nLayers * (2 * attention + ff + 3 * norm) + norm;
  const embeddings = (data.sourceVocabSize + data.targetVocabSize) * C;
  const output = C * data.targetVocabSize + data.targetVocabSize;
  return encoder + decoder + embeddings + output;
}

/** A rough upper estimate of the bytes a training step holds at once (float32 everywhere). */
export function estimatedTrainingBytes(recipe: TrainingRecipe, data: DataShape): number {
  const B = recipe.batchSize;
  const T = data.maxLength;
  const params = parameterCount(recipe, data);
  // Weights, two Adam moments, gradients.
  const state = 4 * params;
  // Per layer: attention maps [B, H, T, T] (3 kinds in the decoder) and about 12 [B, T, C]
  // and 2 [B, T, F] intermediates, kept for the backward pass; plus the logits [B, T, V].
  const perLayer = 3 * B * recipe.nHeads * T * T + 12 * B * T * recipe.dModel + 2 * B * T * recipe.dFF;
  const activations = 2 * recipe.nLayers * perLayer + 3 * B * T * data.targetVocabSize;
  return 4 * (state + 2 * activations);
}

export interface RecipeProblem {
  readonly field: keyof TrainingRecipe | 'memory';
  readonly reason: Bilingual;
}

function integerIn(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

const FIELD_NAMES: Record<keyof typeof LIMITS, Bilingual> = {
  nLayers: { ja: '層の数', en: 'layers' },
  dModel: { ja: '幅（ユニット数）', en: 'width (units)' },
  nHeads: { ja: 'ヘッド数', en: 'heads' },
  dFF: { ja: 'フィードフォワードの幅', en: 'feed-forward width' },
  epochs: { ja: 'エポック数', en: 'epochs' },
  learningRate: { ja: '学習率', en: 'learning rate' },
  batchSize: { ja: 'バッチサイズ', en: 'batch size' },
  seed: { ja: 'シード', en: 'seed' },
};

/** Every reason the recipe cannot be trained; empty when it can. */
export function recipeProblems(recipe: TrainingRecipe, data: DataShape = POEM_DATA_SHAPE): RecipeProblem[] {
  const problems: RecipeProblem[] = [];
  for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const range = LIMITS[key];
    const value = recipe[key];
    const valid =
      key === 'learningRate'
        ? Number.isFinite(value) && value >= range.min && value <= range.max
        : integerIn(value, range);
    if (!valid) {
      const name = FIELD_NAMES[key];
      const kind =
        key === 'learningRate' ? { ja: '数', en: 'a number' } : { ja: '整数', en: 'a whole number' };
      problems.push({
        field: key,
        reason: {
          ja: `${name.ja}は ${range.min} から ${range.max} までの${kind.ja}にしてください（いま ${String(value)}）。`,
          en: `The ${name.en} must be ${kind.en} from ${range.min} to ${range.max} (now ${String(value)}).`,
        },
      });
    }
  }
  if (problems.some((p) => p.field === 'dModel' || p.field === 'nHeads')) return problems;
  if (recipe.dModel % recipe.nHeads !== 0) {
    problems.push({
      field: 'nHeads',
      reason: {
        ja: `ヘッド数 ${recipe.nHeads} は幅 ${recipe.dModel} を割り切れません（各ヘッドが同じ幅を受け持つため）。`,
        en: `${recipe.nHeads} heads do not divide the width ${recipe.dModel} (each head takes an equal share).`,
      },
    });
  }
  if (recipe.dModel % 2 !== 0) {
    problems.push({
      field: 'dModel',
      reason: {
        ja: `幅 ${recipe.dModel} は偶数にしてください（位置の符号化が sin と cos の対のため）。`,
        en: `The width ${recipe.dModel} must be even (positions are encoded as sine/cosine pairs).`,
      },
    });
  }
  if (problems.length > 0) return problems;
  const bytes = estimatedTrainingBytes(recipe, data);
  if (bytes > MEMORY_BUDGET_BYTES) {
    const mb = Math.round(bytes / 2 ** 20);
    const budget = Math.round(MEMORY_BUDGET_BYTES / 2 ** 20);
    problems.push({
      field: 'memory',
      reason: {
        ja: `この大きさでは約 ${mb} MB のメモリが必要で、ブラウザの上限の目安 ${budget} MB を超えます。`,
        en: `This size would need about ${mb} MB of memory, over the ${budget} MB a browser tab can be trusted with.`,
      },
    });
  }
  return problems;
}

/**
 * A recipe read back from storage (or anywhere untrusted), field by field: a field that is not a
 * finite number or a known choice takes the default, and a preset whose sizes were changed
 * becomes 'custom'. Out-of-range numbers are kept: the form shows them with `recipeProblems`.
 */
export function parseRecipe(raw: unknown): TrainingRecipe {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const num = (key: keyof typeof LIMITS): number => {
    const v = r[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : DEFAULT_RECIPE[key];
  };
  const pick = <T extends string>(v: unknown, choices: readonly T[], fallback: T): T =>
    choices.includes(v as T) ? (v as T) : fallback;
  const sizes = { nLayers: num('nLayers'), dModel: num('dModel'), nHeads: num('nHeads'), dFF: num('dFF') };
  const presets = Object.keys(RECIPE_PRESETS) as (keyof typeof RECIPE_PRESETS)[];
  const named = pick(r.preset, [...presets, 'custom'] as const, 'custom');
  const matches = (p: keyof typeof RECIPE_PRESETS) =>
    (Object.keys(sizes) as (keyof ModelSizes)[]).every((k) => RECIPE_PRESETS[p][k] === sizes[k]);
  const preset: RecipePreset =
    named !== 'custom' && matches(named) ? named : (presets.find(matches) ?? 'custom');
  return {
    preset,
    ...sizes,
    epochs: num('epochs'),
    learningRate: num('learningRate'),
    batchSize: num('batchSize'),
    seed: num('seed'),
    objective: pick(r.objective, OBJECTIVES, DEFAULT_RECIPE.objective),
    backend: pick(r.backend, BACKEND_CHOICES, DEFAULT_RECIPE.backend),
  };
}
