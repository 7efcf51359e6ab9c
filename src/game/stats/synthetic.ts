// Seeded synthetic matches for the tests and the statistics benchmark: the rules engine plays
// a whole match between a simulated player and a simulated opponent, and the recorder's own
// buildRecord turns it into a history record exactly as a real match would be.
import { kimariji, sameInitial } from '../../data/kimariji';
import { createRng } from '../../data/random';
import {
  apply,
  cardsOnField,
  createMatch,
  rowsCards,
  type Action,
  type MatchSetup,
  type MatchState,
} from '../rules';
import { actionLog } from './actionLog';
import { buildRecord, moraMsAtRate, type MatchRecord, type ModelView } from './record';

export interface SimulatedPlayer {
  /** Mean morae the player waits after the deciding sound. */
  readonly lateMorae: number;
  /** Chance per reading of touching a card sharing the read poem's first sound, too early. */
  readonly faultRate: number;
  /** Cards this player is slow on (waits two more sounds). */
  readonly slowOn?: readonly number[];
}

export function simulateMatch(
  seed: number,
  player: SimulatedPlayer = { lateMorae: 1, faultRate: 0.08 },
  setup: MatchSetup = { mode: 'competitive', seed },
  playedAt = 1_767_225_600_000 + seed * 3_600_000,
): MatchRecord {
  const rng = createRng(seed ^ 0x5eed);
  const moraMs = moraMsAtRate(1);
  let state: MatchState = createMatch(setup);
  const order = [...state.queue];
  const model: ModelView[] = [];
  const step = (action: Action) => {
    const result = apply(state, action);
    if (result.ok) state = result.state;
  };
  step({ type: 'endMemorization' });
  while (state.phase !== 'over' && state.queue.length > 0) {
    step({ type: 'read' });
    const i = state.readings.length - 1;
    const poem = state.readings[i]?.poem as number;
    const k = kimariji(poem, order.slice(i)).length;
    const field = cardsOnField(state);
    // The model settles on the poem at its kimariji, sometimes one sound later.
    const sure = k + (rng.next() < 0.1 ? 1 : 0);
    model.push({
      sureMora: sure,
      belief: Array.from({ length: sure + 1 }, (_, m) => (m >= sure ? 0.97 : 0.2 + 0.1 * m)),
    });
    const wrong = sameInitial(poem).filter((c) => c !== poem && field.includes(c));
    if (wrong.length > 0 && rng.next() < player.faultRate) {
      const early = Math.max(0, k - 1);
      step({
        type: 'touch',
        player: 0,
        card: rng.pick(wrong),
        atMs: moraMs(poem, early) + 300,
        atMora: early + 1,
      });
    }
    if (field.includes(poem)) {
      const extra =
        Math.max(0, Math.round(player.lateMorae + rng.normal() * 0.6)) +
        (player.slowOn?.includes(poem) ? 2 : 0);
      const mora = Math.max(0, k - 1) + extra;
      const mine = moraMs(poem, mora) + 250 + rng.int(0, 200);
      const theirs = moraMs(poem, Math.max(0, k - 1)) + 450 + rng.int(0, 400);
      step({ type: 'touch', player: 0, card: poem, atMs: mine, atMora: mora + 1 });
      step({ type: 'touch', player: 1, card: poem, atMs: theirs, atMora: Math.max(1, k) });
    }
    step({ type: 'settle' });
    while (state.phase === 'sending' && state.pendingSend) {
      const from = state.pendingSend.from;
      const card = rowsCards(state.territories[from])[0];
      if (card === undefined) break;
      step({ type: 'send', player: from, card });
    }
  }
  return buildRecord(state, {
    id: `sim-${seed}`,
    playedAt,
    setup,
    opponent: 'Listening Transformer',
    opponentKind: 'transformer',
    order,
    readingRate: 1,
    actions: actionLog(state),
    model,
  });
}
