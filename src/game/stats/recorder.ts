// Records a match into the history from outside the match: it listens to the driver's state
// changes and, when the opponent is a model, to its belief after each mora. When the match is
// over (or is left after at least one settled reading) it builds the record and stores it.
import type { Opponent } from '../opponents/opponent';
import type { BeliefUpdate } from '../opponents/transformer';
import type { MatchSetup, MatchState } from '../rules';
import { testHooks } from '../testHooks';
import { actionLog } from './actionLog';
import { buildRecord, type MatchRecord, type ModelView } from './record';

export interface RecorderSource {
  readonly driver: {
    readonly state: MatchState;
    onChange(listener: (state: MatchState) => void): () => void;
  };
  readonly setup: MatchSetup;
  readonly opponent: Opponent;
  readonly opponentKind: string;
  readonly opponentName: string;
  /** The reading-rate setting: mora times are the recorded voice's divided by it. */
  readonly readingRate: number;
  readonly save?: (record: MatchRecord) => Promise<void>;
  readonly now?: () => number;
}

interface Believer {
  onBelief(fn: (update: BeliefUpdate) => void): () => void;
}
const believes = (o: Opponent): o is Opponent & Believer =>
  typeof (o as Partial<Believer>).onBelief === 'function';

async function saveToHistory(record: MatchRecord): Promise<void> {
  const { saveMatch } = await import('../storage/history');
  await saveMatch(record);
}

/** Starts recording; the returned function stops (saving a match left part-way). */
export function recordMatch(source: RecorderSource): () => void {
  const { driver, setup } = source;
  const now = source.now ?? (() => Date.now());
  const order = [...driver.state.queue];
  const model: { sureMora: number | null; belief: number[] }[] = [];
  let saved = false;
  const offBelief = believes(source.opponent)
    ? source.opponent.onBelief((update) => {
        const state = driver.state;
        const poem = state.readings.at(-1)?.poem;
        if (state.phase !== 'reading' || poem === undefined) return;
        const i = state.readings.length - 1;
        const view = (model[i] ??= { sureMora: null, belief: [] });
        view.belief.push(update.belief.get(poem) ?? 0);
        if (view.sureMora === null && update.decided === poem) view.sureMora = update.heard;
      })
    : () => {};

  const save = (state: MatchState) => {
    if (saved || !state.readings.some((r) => r.outcome !== null)) return;
    saved = true;
    const playedAt = now();
    const record = buildRecord(state, {
      id: `${playedAt.toString(36)}-${(setup.seed >>> 0).toString(36)}`,
      playedAt,
      setup,
      opponent: source.opponentName,
      opponentKind: source.opponentKind,
      order,
      actions: actionLog(state),
      readingRate: source.readingRate,
      model: model as ModelView[],
    });
    (source.save ?? saveToHistory)(record)
      .then(() => {
        if (typeof window === 'undefined') return;
        const hooks = testHooks();
        hooks.historySaved = Number(hooks.historySaved ?? 0) + 1;
      })
      .catch((error: unknown) => console.warn('the match could not be saved to the history', error));
  };

  const offChange = driver.onChange((state) => {
    if (state.phase === 'over') save(state);
  });
  return () => {
    offChange();
    offBelief();
    save(driver.state);
  };
}
