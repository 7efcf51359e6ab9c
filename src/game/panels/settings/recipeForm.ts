// The recipe half of the training tab: preset, sizes, schedule, seed, objective, backend, and
// the reasons a recipe is refused. Every edit hands the new recipe to `onChange`.
import { tr, type Bilingual } from '../../i18n';
import {
  BACKEND_CHOICES,
  LIMITS,
  OBJECTIVES,
  PRESET_LABELS,
  RECIPE_PRESETS,
  type BackendChoice,
  type RecipePreset,
  type TrainingObjective,
  type TrainingRecipe,
} from '../../../training/recipe';
import { el, type LiveTexts } from './dom';

const BACKEND_LABELS: Record<BackendChoice, Bilingual> = {
  auto: { ja: '自動', en: 'Auto' },
  webgl: { ja: 'WebGL（GPU）', en: 'WebGL (GPU)' },
  wasm: { ja: 'WASM', en: 'WASM' },
  cpu: { ja: 'CPU（JavaScript）', en: 'CPU (JavaScript)' },
};

const OBJECTIVE_LABELS: Record<TrainingObjective, Bilingual> = {
  honest: { ja: '正直な学習（既定）', en: 'Honest (default)' },
  talk: { ja: '2023年の発表と同じ', en: 'As in the 2023 talk' },
};

const OBJECTIVE_NOTES: Record<TrainingObjective, Bilingual> = {
  honest: {
    ja: 'デコーダーは正解を1文字ずらして読み、次の文字を当てます。評価はモデル自身の出力だけで書かせます。',
    en: 'The decoder reads the answer shifted by one and predicts the next character; evaluation lets the model write on its own.',
  },
  talk: {
    ja: '正解をずらさずにデコーダーへ入れて採点するので、各位置は自分の入力を写すだけで 100 % になります。それは写しで、書く力ではありません。',
    en: 'Targets go into the decoder unshifted and are scored teacher-forced, so each position copies its own input: that 100 % is copying, not writing.',
  },
};

export interface RecipeForm {
  readonly root: HTMLFieldSetElement;
  /** Where the training tab lists the reasons the current recipe is refused. */
  readonly problems: HTMLUListElement;
  /** Shows `recipe` in every field (without calling onChange). */
  set(recipe: TrainingRecipe): void;
  /** Sizes fixed by a saved model being continued: shown, not editable. */
  lockSizes(locked: boolean): void;
}

export function buildRecipeForm(
  texts: LiveTexts,
  initial: TrainingRecipe,
  onChange: (recipe: TrainingRecipe) => void,
): RecipeForm {
  let recipe = initial;
  const form = el('fieldset', { class: 'recipe' }, texts.text('legend', { ja: 'レシピ', en: 'Recipe' }));
  const presetSelect = el('select', { name: 'preset' });
  for (const preset of [...(Object.keys(RECIPE_PRESETS) as RecipePreset[]), 'custom' as const]) {
    presetSelect.append(texts.bind(el('option', { value: preset }), PRESET_LABELS[preset]));
  }
  presetSelect.value = recipe.preset;

  const numberField = (key: keyof typeof LIMITS, label: Bilingual, step: string) => {
    const input = el('input', {
      type: 'number',
      name: key,
      min: LIMITS[key].min,
      max: LIMITS[key].max,
      step,
      value: Number.isFinite(recipe[key]) ? recipe[key] : '',
    });
    input.addEventListener('input', () => {
      const sizeKey = key === 'nLayers' || key === 'dModel' || key === 'nHeads' || key === 'dFF';
      recipe = {
        ...recipe,
        [key]: input.value === '' ? NaN : Number(input.value),
        ...(sizeKey ? { preset: 'custom' } : {}),
      };
      if (sizeKey) presetSelect.value = 'custom';
      onChange(recipe);
    });
    return { input, row: el('label', { class: 'recipe-field' }, texts.text('span', label), input) };
  };
  const fields = {
    nLayers: numberField('nLayers', { ja: '層', en: 'Layers' }, '1'),
    dModel: numberField('dModel', { ja: '幅', en: 'Width' }, '1'),
    nHeads: numberField('nHeads', { ja: 'ヘッド', en: 'Heads' }, '1'),
    dFF: numberField('dFF', { ja: 'FF の幅', en: 'Feed-forward' }, '1'),
    epochs: numberField('epochs', { ja: 'エポック', en: 'Epochs' }, '1'),
    learningRate: numberField('learningRate', { ja: '学習率', en: 'Learning rate' }, 'any'),
    batchSize: numberField('batchSize', { ja: 'バッチ', en: 'Batch size' }, '1'),
    seed: numberField('seed', { ja: 'シード', en: 'Seed' }, '1'),
  };
  presetSelect.addEventListener('change', () => {
    const preset = presetSelect.value as RecipePreset;
    recipe = { ...recipe, preset, ...(preset === 'custom' ? {} : RECIPE_PRESETS[preset]) };
    for (const key of ['nLayers', 'dModel', 'nHeads', 'dFF'] as const)
      fields[key].input.value = String(recipe[key]);
    onChange(recipe);
  });

  const objectiveRow = el('div', { class: 'recipe-objective', role: 'radiogroup' });
  const radios: HTMLInputElement[] = [];
  for (const objective of OBJECTIVES) {
    const radio = el('input', {
      type: 'radio',
      name: 'objective',
      value: objective,
      checked: objective === recipe.objective,
    });
    radio.addEventListener('change', () => {
      recipe = { ...recipe, objective };
      onChange(recipe);
    });
    radios.push(radio);
    objectiveRow.append(el('label', {}, radio, texts.text('span', OBJECTIVE_LABELS[objective])));
  }
  const objectiveNote = el('p', { class: 'recipe-note', 'data-testid': 'objective-note' });
  texts.bind(objectiveNote, () => tr(OBJECTIVE_NOTES[recipe.objective]));

  const backendSelect = el('select', { name: 'backend' });
  for (const backend of BACKEND_CHOICES)
    backendSelect.append(texts.bind(el('option', { value: backend }), BACKEND_LABELS[backend]));
  backendSelect.value = recipe.backend;
  backendSelect.addEventListener('change', () => {
    recipe = { ...recipe, backend: backendSelect.value as BackendChoice };
    onChange(recipe);
  });

  const problemsList = el('ul', {
    class: 'error recipe-problems',
    'data-testid': 'recipe-problems',
    hidden: true,
  });

  form.append(
    el(
      'label',
      { class: 'recipe-field recipe-wide' },
      texts.text('span', { ja: 'プリセット', en: 'Preset' }),
      presetSelect,
    ),
    el('div', { class: 'recipe-grid' }, ...Object.values(fields).map((f) => f.row)),
    el(
      'div',
      { class: 'recipe-field recipe-wide' },
      texts.text('span', { ja: '目的関数', en: 'Objective' }),
      objectiveRow,
    ),
    objectiveNote,
    el(
      'label',
      { class: 'recipe-field recipe-wide' },
      texts.text('span', { ja: '計算方式', en: 'Backend' }),
      backendSelect,
    ),
    problemsList,
  );

  const sizeKeys = ['nLayers', 'dModel', 'nHeads', 'dFF'] as const;
  return {
    root: form,
    problems: problemsList,
    set(next) {
      recipe = next;
      presetSelect.value = next.preset;
      for (const [key, field] of Object.entries(fields) as [
        keyof typeof fields,
        { input: HTMLInputElement },
      ][])
        field.input.value = Number.isFinite(next[key]) ? String(next[key]) : '';
      for (const radio of radios) radio.checked = radio.value === next.objective;
      backendSelect.value = next.backend;
      texts.refresh();
    },
    lockSizes(locked) {
      presetSelect.disabled = locked;
      for (const key of sizeKeys) fields[key].input.disabled = locked;
      for (const radio of radios) radio.disabled = locked;
    },
  };
}
