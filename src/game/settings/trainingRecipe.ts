// The training form's last recipe, kept in localStorage so a reload (or a closed panel) does not
// reset it. Read through parseRecipe: a damaged or hand-edited record costs only its bad fields.
import { parseRecipe, type TrainingRecipe } from '../../training/recipe';
import type { KeyValueStorage } from './store';

export const TRAINING_RECIPE_KEY = 'utakaruta.trainingRecipe';

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function loadTrainingRecipe(storage: KeyValueStorage | undefined = browserStorage()): TrainingRecipe {
  let raw: unknown;
  try {
    const text = storage?.getItem(TRAINING_RECIPE_KEY);
    raw = text ? JSON.parse(text) : undefined;
  } catch {
    raw = undefined;
  }
  return parseRecipe(raw);
}

/** Best effort: a browser that refuses to store simply forgets the recipe. */
export function saveTrainingRecipe(
  recipe: TrainingRecipe,
  storage: KeyValueStorage | undefined = browserStorage(),
): void {
  try {
    storage?.setItem(TRAINING_RECIPE_KEY, JSON.stringify(recipe));
  } catch {
    // Private mode or a full quota: nothing to do.
  }
}
