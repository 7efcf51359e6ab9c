// Which opponent a match plays against. The match scene asks here, so a new opponent is one more
// case below (and a menu or settings choice), not a change to the scene. Creation is async: a
// model opponent loads its checkpoint first.
import type { Difficulty } from '../settings/settings';
import { BASELINE_PRESETS, BaselineOpponent } from './baseline';
import type { Opponent } from './opponent';

export const OPPONENT_KINDS = ['baseline'] as const;
export type OpponentKind = (typeof OPPONENT_KINDS)[number];

export interface OpponentChoice {
  readonly kind: OpponentKind;
  readonly difficulty: Difficulty;
  /** Seeds the opponent's own randomness (reaction times, guesses, sends). */
  readonly seed: number;
}

export async function createOpponent(choice: OpponentChoice): Promise<Opponent> {
  switch (choice.kind) {
    case 'baseline':
      return new BaselineOpponent(BASELINE_PRESETS[choice.difficulty], choice.seed);
    default: {
      const never: never = choice.kind;
      throw new Error(`unknown opponent ${String(never)}`);
    }
  }
}
