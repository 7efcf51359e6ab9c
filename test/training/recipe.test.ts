import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECIPE,
  MEMORY_BUDGET_BYTES,
  POEM_DATA_SHAPE,
  PRESET_LABELS,
  RECIPE_PRESETS,
  estimatedTrainingBytes,
  parameterCount,
  parseRecipe,
  recipeProblems,
  type TrainingRecipe,
} from '../../src/training/recipe';

const fields = (r: Partial<TrainingRecipe>) =>
  recipeProblems({ ...DEFAULT_RECIPE, ...r }).map((p) => p.field);

describe('recipeProblems', () => {
  it('accepts the default recipe and every preset', () => {
    expect(recipeProblems(DEFAULT_RECIPE)).toEqual([]);
    for (const sizes of Object.values(RECIPE_PRESETS)) {
      expect(recipeProblems({ ...DEFAULT_RECIPE, ...sizes })).toEqual([]);
    }
  });

  it('refuses heads that do not divide the width, and says why in both languages', () => {
    const problems = recipeProblems({ ...DEFAULT_RECIPE, dModel: 30, nHeads: 4 });
    expect(problems.map((p) => p.field)).toEqual(['nHeads']);
    expect(problems[0]?.reason.ja).toContain('割り切れません');
    expect(problems[0]?.reason.en).toContain('4 heads do not divide the width 30');
  });

  it.each([
    ['zero epochs', { epochs: 0 }, 'epochs'],
    ['a fractional batch', { batchSize: 2.5 }, 'batchSize'],
    ['a negative learning rate', { learningRate: -0.1 }, 'learningRate'],
    ['a NaN learning rate', { learningRate: Number.NaN }, 'learningRate'],
    ['zero layers', { nLayers: 0 }, 'nLayers'],
    ['a negative seed', { seed: -1 }, 'seed'],
    ['an odd width', { dModel: 33, nHeads: 1 }, 'dModel'],
  ])('refuses %s', (_name, change, field) => {
    expect(fields(change)).toContain(field);
  });

  it('refuses sizes within the field limits whose training would exhaust memory', () => {
    const absurd: TrainingRecipe = {
      ...DEFAULT_RECIPE,
      nLayers: 12,
      dModel: 1024,
      nHeads: 16,
      dFF: 4096,
      batchSize: 100,
    };
    expect(estimatedTrainingBytes(absurd, POEM_DATA_SHAPE)).toBeGreaterThan(MEMORY_BUDGET_BYTES);
    const problems = recipeProblems(absurd);
    expect(problems.map((p) => p.field)).toEqual(['memory']);
    expect(problems[0]?.reason.en).toMatch(/about \d+ MB/);
  });
});

describe('parameterCount', () => {
  it('counts the weights of a 1-layer, width-2 model by hand', () => {
    // C=2, F=3, V=5 each side. Attention 4·(4+2)=24, norm 4, FF 6+3+6+2=17.
    // Encoder 24+17+8 + 4 = 53; decoder 48+17+12 + 4 = 81; embeddings 20; output 10+5 = 15.
    const count = parameterCount(
      { nLayers: 1, dModel: 2, nHeads: 1, dFF: 3 },
      { sourceVocabSize: 5, targetVocabSize: 5, maxLength: 4 },
    );
    expect(count).toBe(53 + 81 + 20 + 15);
  });
});

describe('parameterCount agrees with the model', () => {
  it.each(Object.entries(RECIPE_PRESETS))('for the %s preset', async (_name, sizes) => {
    const { parameterShapes } = await import('../../src/model/transformer');
    const data = { sourceVocabSize: 77, targetVocabSize: 81, maxLength: 22 };
    const config = { ...sizes, ...data, maxSourceLength: 22, maxTargetLength: 22 };
    const expected = parameterShapes(config).reduce(
      (n, [, shape]) => n + shape.reduce((a, b) => a * b, 1),
      0,
    );
    expect(parameterCount(sizes, data)).toBe(expected);
  });
});

describe('the presets come from one recipe module', () => {
  it('names the shipped model by the sizes of the checkpoint that ships, in both languages', async () => {
    const { readFile } = await import('node:fs/promises');
    const shipped = JSON.parse(await readFile('assets/checkpoints/opponent/model.json', 'utf8')) as {
      modelTopology: { config: Record<string, number> };
    };
    const { nLayers, dModel, nHeads, dFF } = shipped.modelTopology.config;
    expect(RECIPE_PRESETS.listener).toEqual({ nLayers, dModel, nHeads, dFF });
    expect(PRESET_LABELS.listener.en).toBe(
      `Shipped model size (1 layer, ${dModel} units, ${nHeads} heads, feed-forward ${dFF})`,
    );
    expect(PRESET_LABELS.listener.ja).toContain(`${dModel}ユニット`);
    expect(PRESET_LABELS.listener.ja).toContain(`FF ${dFF}`);
  });

  it('trains the shipped checkpoint with the same sizes the panel offers', async () => {
    const { LISTENER_RECIPES } = await import('../../src/training/recipes');
    const { nLayers, dModel, nHeads, dFF } = LISTENER_RECIPES.strong.size;
    expect({ nLayers, dModel, nHeads, dFF }).toEqual(RECIPE_PRESETS.listener);
  });

  it('labels every preset with its own numbers', () => {
    for (const [name, s] of Object.entries(RECIPE_PRESETS)) {
      const label = PRESET_LABELS[name as keyof typeof RECIPE_PRESETS].en;
      expect(label).toContain(`${s.dModel} units`);
      expect(label).toContain(`${s.nHeads} heads`);
      expect(label).toContain(`feed-forward ${s.dFF}`);
    }
  });
});

describe('parseRecipe (the remembered recipe, read back)', () => {
  it('gives back a saved recipe as it was', () => {
    const recipe = { ...DEFAULT_RECIPE, epochs: 12, learningRate: 0.002, backend: 'wasm' as const };
    expect(parseRecipe(JSON.parse(JSON.stringify(recipe)))).toEqual(recipe);
  });

  it('replaces only the damaged fields, and calls changed sizes custom', () => {
    const parsed = parseRecipe({
      ...DEFAULT_RECIPE,
      epochs: 'abc',
      learningRate: null,
      backend: 'gpu',
      dFF: 64,
    });
    expect(parsed.epochs).toBe(DEFAULT_RECIPE.epochs);
    expect(parsed.learningRate).toBe(DEFAULT_RECIPE.learningRate);
    expect(parsed.backend).toBe(DEFAULT_RECIPE.backend);
    // talk sizes with FF 64 are the shipped model's.
    expect(parsed.preset).toBe('listener');
    expect(parseRecipe({ ...DEFAULT_RECIPE, dFF: 100 }).preset).toBe('custom');
  });

  it('survives anything', () => {
    for (const raw of [undefined, null, 3, 'x', [], { preset: { a: 1 } }])
      expect(recipeProblems(parseRecipe(raw))).toEqual([]);
  });
});
