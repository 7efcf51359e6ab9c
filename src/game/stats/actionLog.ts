// The action log of a match, recovered from its state: the rules keep every accepted touch and
// every sent card in the readings, so the log is read back in order, and createMatch(setup) plus
// the log gives the same match again (a replay needs nothing else).
import { applyAll, createMatch, type Action, type MatchSetup, type MatchState } from '../rules';

export function actionLog(state: MatchState): Action[] {
  const actions: Action[] = [];
  if (state.phase === 'memorization') return actions;
  actions.push({ type: 'endMemorization' });
  for (const reading of state.readings) {
    actions.push({ type: 'read' });
    for (const t of reading.touches)
      actions.push({ type: 'touch', player: t.player, card: t.card, atMs: t.atMs, atMora: t.atMora });
    if (reading.outcome === null) break;
    actions.push({ type: 'settle' });
    const from = reading.outcome.send?.from;
    if (from !== undefined)
      for (const card of reading.sent) actions.push({ type: 'send', player: from, card });
  }
  return actions;
}

/** The match state after `actions`, or the rules' reason for refusing one. */
export function replay(
  setup: MatchSetup,
  actions: readonly Action[],
): { ok: true; state: MatchState } | { ok: false; error: string } {
  const result = applyAll(createMatch(setup), actions);
  return result.ok ? { ok: true, state: result.state } : { ok: false, error: result.error.message };
}
