// Which opponent a match plays against. The match scene asks here, so a new opponent is one more
// case below (and a menu or settings choice), not a change to the scene. Creation is async: a
// model opponent loads its checkpoint first, and never fails the match: a saved model that will
// not load gives way to the shipped one, and a page where tfjs cannot start gets the baseline,
// each with a notice the match panel shows.
import type { Bilingual } from '../i18n';
import { SHIPPED_MODEL, type Difficulty, type OpponentModelRef } from '../settings/settings';
import { BASELINE_PRESETS, BaselineOpponent } from './baseline';
import type { Opponent } from './opponent';

export const OPPONENT_KINDS = ['transformer', 'baseline'] as const;
export type OpponentKind = (typeof OPPONENT_KINDS)[number];

export interface OpponentChoice {
  readonly kind: OpponentKind;
  readonly difficulty: Difficulty;
  /** Seeds the opponent's own randomness (reaction times, guesses, sends). */
  readonly seed: number;
  /** The Transformer's weights: 'shipped' or a saved model id (settings.opponentModel). */
  readonly model?: OpponentModelRef;
}

export interface CreatedOpponent {
  readonly opponent: Opponent;
  /** Why this is not quite the opponent asked for, for the match panel. */
  readonly notice?: Bilingual;
}

export const OPPONENT_NOTICES = {
  savedModelFailed: {
    ja: '保存したモデルを読み込めなかったため、付属のモデルと対戦します。',
    en: 'Your saved model could not be loaded; playing the shipped model instead.',
  },
  modelUnavailable: {
    ja: 'この環境ではモデルを動かせないため、ルール型の相手と対戦します。',
    en: 'The model cannot run here; playing the rule-based opponent instead.',
  },
} as const satisfies Record<string, Bilingual>;

export type ModelLoad = { readonly ok: true; readonly opponent: Opponent } | { readonly ok: false };

/** How a Transformer opponent is built; the browser's by default, a fake in unit tests. */
export interface TransformerLoaders {
  shipped(choice: OpponentChoice): Promise<ModelLoad>;
  saved(id: string, choice: OpponentChoice): Promise<ModelLoad>;
}

const browserLoaders: TransformerLoaders = {
  // Imported on demand: tfjs and the weights are fetched when a model match starts, not at boot.
  async shipped(choice) {
    const { loadTransformerOpponent } = await import('./transformerLoad');
    return loadTransformerOpponent(choice.difficulty, choice.seed);
  },
  async saved(id, choice) {
    const { loadTransformerOpponent } = await import('./transformerLoad');
    return loadTransformerOpponent(choice.difficulty, choice.seed, { saved: id });
  },
};

/** A load that throws (a backend that dies mid-way, a chunk that fails) is a failed load. */
async function attempt(load: () => Promise<ModelLoad>): Promise<ModelLoad> {
  try {
    return await load();
  } catch {
    return { ok: false };
  }
}

function baseline(choice: OpponentChoice): Opponent {
  return new BaselineOpponent(BASELINE_PRESETS[choice.difficulty], choice.seed);
}

async function transformer(choice: OpponentChoice, loaders: TransformerLoaders): Promise<CreatedOpponent> {
  const model = choice.model ?? SHIPPED_MODEL;
  let notice: Bilingual | undefined;
  if (model !== SHIPPED_MODEL) {
    const saved = await attempt(() => loaders.saved(model, choice));
    if (saved.ok) return { opponent: saved.opponent };
    notice = OPPONENT_NOTICES.savedModelFailed;
  }
  const shipped = await attempt(() => loaders.shipped(choice));
  if (shipped.ok) return notice ? { opponent: shipped.opponent, notice } : { opponent: shipped.opponent };
  return { opponent: baseline(choice), notice: OPPONENT_NOTICES.modelUnavailable };
}

export async function createOpponent(
  choice: OpponentChoice,
  loaders: TransformerLoaders = browserLoaders,
): Promise<CreatedOpponent> {
  switch (choice.kind) {
    case 'baseline':
      return { opponent: baseline(choice) };
    case 'transformer':
      return transformer(choice, loaders);
    default: {
      const never: never = choice.kind;
      throw new Error(`unknown opponent ${String(never)}`);
    }
  }
}
