// Small hand-made positions for the rule tables: a match in its reading phase with chosen
// territories and the poem being read, plus a helper that plays touches and settles.
import {
  apply,
  applyAll,
  createMatch,
  type Action,
  type MatchEvent,
  type MatchState,
  type Player,
  type Rows,
} from '../../../src/game/rules';

export function rows(...cards: number[]): Rows {
  return [[], [], cards];
}

/** A competitive match whose territories are `mine` (player 0) and `theirs`, reading `poem` next. */
export function territoryMatch(
  mine: readonly number[],
  theirs: readonly number[],
  queue: readonly number[],
): MatchState {
  const base = createMatch({ mode: 'competitive', seed: 1 });
  return { ...base, phase: 'between', territories: [rows(...mine), rows(...theirs)], queue };
}

export function chirashiMatch(
  field: readonly number[],
  queue: readonly number[],
  taken: [number[], number[]],
): MatchState {
  const base = createMatch({ mode: 'chirashi', seed: 1, cards: field.length ? field : [1] });
  return { ...base, phase: 'between', field, queue, taken };
}

export function touch(player: Player, card: number, atMs: number, atMora = 3): Action {
  return { type: 'touch', player, card, atMs, atMora };
}

/** Reads the next poem, applies the touches, settles; throws on a rule error. */
export function playReading(
  state: MatchState,
  touches: readonly Action[],
): { state: MatchState; events: MatchEvent[] } {
  const result = applyAll(state, [{ type: 'read' }, ...touches, { type: 'settle' }]);
  if (!result.ok) throw new Error(result.error.message);
  return { state: result.state, events: [...result.events] };
}

export function mustApply(state: MatchState, action: Action): MatchState {
  const result = apply(state, action);
  if (!result.ok) throw new Error(result.error.message);
  return result.state;
}
