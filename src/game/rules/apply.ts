// The one way a match moves: apply(state, action) returns a new state and what happened, or an
// error value; the input is never mutated. The rule choices where versions differ are written
// down in rules.md next to this file.
import {
  defaultColumns,
  placesOf,
  receivingPlace,
  ROWS_PER_TERRITORY,
  GRID_COLUMNS,
  withPlaces,
} from './places';
import { cardsOnField, rowsCards, territoryCount, whereIs } from './queries';
import {
  otherPlayer,
  PLAYERS,
  type Action,
  type ApplyResult,
  type Lay,
  type MatchEvent,
  type MatchState,
  type Player,
  type ReadingOutcome,
  type ReadingRecord,
  type RuleErrorCode,
  type Rows,
  type Touch,
} from './types';

type Step = { state: MatchState; events: MatchEvent[] };

function fail(code: RuleErrorCode, message: string): ApplyResult {
  return { ok: false, error: { code, message } };
}

function done(step: Step): ApplyResult {
  return { ok: true, state: step.state, events: step.events };
}

export function apply(state: MatchState, action: Action): ApplyResult {
  switch (action.type) {
    case 'endMemorization':
      if (state.phase !== 'memorization')
        return fail('wrongPhase', `cannot end memorization in ${state.phase}`);
      return done({ state: { ...state, phase: 'joka' }, events: [{ type: 'memorizationOver' }] });
    case 'read':
      return read(state);
    case 'touch':
      return touch(state, action);
    case 'settle':
      if (state.phase !== 'reading') return fail('wrongPhase', `cannot settle in ${state.phase}`);
      return done(state.mode === 'chirashi' ? settleChirashi(state) : settleTerritories(state));
    case 'send':
      return send(state, action.player, action.card);
    case 'arrange':
      return arrange(state, action);
    case 'layout':
      return layout(state, action.player, action.rows);
    default: {
      const never: never = action;
      return fail('wrongPhase', `unknown action ${JSON.stringify(never)}`);
    }
  }
}

/** Applies actions in order, stopping at the first error. */
export function applyAll(state: MatchState, actions: readonly Action[]): ApplyResult {
  let current = state;
  const events: MatchEvent[] = [];
  for (const action of actions) {
    const result = apply(current, action);
    if (!result.ok) return result;
    current = result.state;
    events.push(...result.events);
  }
  return { ok: true, state: current, events };
}

function read(state: MatchState): ApplyResult {
  if (state.phase !== 'joka' && state.phase !== 'between')
    return fail('wrongPhase', `cannot read in ${state.phase}`);
  const [poem, ...queue] = state.queue;
  if (poem === undefined) return fail('wrongPhase', 'no poem left to read');
  const lay = whereIs(state, poem);
  const reading: ReadingRecord = { poem, lay, touches: [], outcome: null, sent: [] };
  return done({
    state: { ...state, phase: 'reading', queue, readings: [...state.readings, reading] },
    events: [{ type: 'read', poem, lay }],
  });
}

function touch(state: MatchState, action: Extract<Action, { type: 'touch' }>): ApplyResult {
  if (state.phase !== 'reading') return fail('wrongPhase', `cannot touch in ${state.phase}`);
  const { player, card, atMs, atMora } = action;
  if (!Number.isFinite(atMs) || atMs < 0 || !Number.isInteger(atMora) || atMora < 0) {
    return fail('badTime', `touch at ${atMs} ms, mora ${atMora}`);
  }
  if (whereIs(state, card) === null) return fail('notOnField', `card ${card} is not on the field`);
  const reading = state.readings.at(-1) as ReadingRecord;
  if (reading.touches.some((t) => t.player === player && t.card === card)) {
    return fail('alreadyTouched', `player ${player} already touched ${card}`);
  }
  const touches = [...reading.touches, { player, card, atMs, atMora }];
  return done({
    state: { ...state, readings: replaceLast(state.readings, { ...reading, touches }) },
    events: [{ type: 'touched', player, card }],
  });
}

/** A whole new layout of one's own territory, before the first reading; the rows sit centred. */
function layout(state: MatchState, player: Player, rows: Rows): ApplyResult {
  if (state.phase !== 'memorization') return fail('wrongPhase', `cannot lay out cards in ${state.phase}`);
  const current = state.territories[player];
  const same =
    rows.length === 3 &&
    rows.every((row, i) => row.length === current[i]?.length) &&
    [...rowsCards(rows)].sort((a, b) => a - b).join() ===
      [...rowsCards(current)].sort((a, b) => a - b).join();
  if (!same)
    return fail('notInTerritory', `player ${player} may only rearrange its own cards, row sizes kept`);
  const columns = { ...(state.columns ?? {}), ...defaultColumns([rows]) };
  return done({
    state: { ...withTerritory(state, player, rows), columns },
    events: [{ type: 'laidOut', player }],
  });
}

function replaceLast(readings: readonly ReadingRecord[], last: ReadingRecord): ReadingRecord[] {
  return [...readings.slice(0, -1), last];
}

/** Each player's first touch of the read card, and who takes it. */
function resolveTake(
  touches: readonly Touch[],
  poem: number,
  owner: Player | null,
  windowMs: number,
): { taker: Player | null; take: Touch | null; firstTouchMs: number | null; simultaneous: boolean } {
  const firsts = PLAYERS.map((p) =>
    touches
      .filter((t) => t.player === p && t.card === poem)
      .reduce<Touch | null>((a, t) => (a && a.atMs <= t.atMs ? a : t), null),
  );
  const [a, b] = firsts as [Touch | null, Touch | null];
  if (a && b) {
    const firstTouchMs = Math.min(a.atMs, b.atMs);
    if (Math.abs(a.atMs - b.atMs) <= windowMs) {
      // Simultaneous: the territory's owner takes it; on the chirashi field nobody does.
      const take = owner === null ? null : owner === 0 ? a : b;
      return { taker: owner, take, firstTouchMs, simultaneous: true };
    }
    const take = a.atMs < b.atMs ? a : b;
    return { taker: take.player, take, firstTouchMs, simultaneous: false };
  }
  const take = a ?? b;
  return { taker: take?.player ?? null, take, firstTouchMs: take?.atMs ?? null, simultaneous: false };
}

/** Touches that count as faults: before the read card was first touched, in a wrong place. */
function faultsOf(
  state: MatchState,
  touches: readonly Touch[],
  cutoffMs: number | null,
  isWrong: (t: Touch, where: Lay) => boolean,
  perPlace: boolean,
): [number, number] {
  const counts = PLAYERS.map((p) => {
    const places = new Set<string>();
    for (const t of touches) {
      if (t.player !== p || (cutoffMs !== null && t.atMs >= cutoffMs)) continue;
      const where = whereIs(state, t.card);
      if (isWrong(t, where)) places.add(perPlace ? String(where) : 'any');
    }
    return places.size;
  });
  return [counts[0] ?? 0, counts[1] ?? 0];
}

function removeFromRows(rows: Rows, card: number): Rows {
  return rows.map((row) => row.filter((c) => c !== card)) as unknown as Rows;
}

function withTerritory(state: MatchState, player: Player, rows: Rows): MatchState {
  const territories: [Rows, Rows] = [state.territories[0], state.territories[1]];
  territories[player] = rows;
  return { ...state, territories };
}

function withTaken(state: MatchState, player: Player, taken: readonly number[]): MatchState {
  const piles: [readonly number[], readonly number[]] = [state.taken[0], state.taken[1]];
  piles[player] = taken;
  return { ...state, taken: piles };
}

function settleTerritories(state: MatchState): Step {
  const reading = state.readings.at(-1) as ReadingRecord;
  const { poem, lay, touches } = reading;
  const owner = lay === 0 || lay === 1 ? lay : null;
  const events: MatchEvent[] = [];
  const { taker, take, firstTouchMs, simultaneous } = resolveTake(touches, poem, owner, state.simultaneousMs);
  // A touch in a territory that does not hold the read card is a fault; on a karafuda every touch
  // is, and touching both territories is two.
  const faults = faultsOf(state, touches, firstTouchMs, (_t, where) => where !== lay, true);

  let next = state;
  if (owner !== null) {
    next = withTerritory(next, owner, removeFromRows(next.territories[owner], poem));
    if (taker !== null) {
      next = withTaken(next, taker, [...next.taken[taker], poem]);
      events.push({ type: 'taken', player: taker, card: poem, from: owner, simultaneous });
    } else {
      next = { ...next, setAside: [...next.setAside, poem] };
      events.push({ type: 'untaken', card: poem });
    }
  } else {
    events.push({ type: 'karafuda', poem });
  }
  for (const p of PLAYERS) if (faults[p] > 0) events.push({ type: 'fault', player: p, count: faults[p] });

  // Cards owed: one for a take from the other territory, one per fault of the other player.
  const owe = [0, 0];
  if (taker !== null && owner !== null && taker !== owner) owe[taker] = (owe[taker] ?? 0) + 1;
  for (const p of PLAYERS) owe[otherPlayer(p)] = (owe[otherPlayer(p)] ?? 0) + faults[p];
  const diff = (owe[0] ?? 0) - (owe[1] ?? 0);
  const from: Player = diff >= 0 ? 0 : 1;
  const count = Math.min(Math.abs(diff), territoryCount(next, from));
  const sendOwed = count > 0 ? { from, to: otherPlayer(from), count } : null;

  const outcome: ReadingOutcome = {
    taker,
    takeMs: take?.atMs ?? null,
    takeMora: take?.atMora ?? null,
    simultaneous,
    faults,
    send: sendOwed,
    forfeited: [],
  };
  next = { ...next, readings: replaceLast(next.readings, { ...reading, outcome }) };
  if (sendOwed) {
    events.push({ type: 'sendOwed', ...sendOwed });
    return { state: { ...next, phase: 'sending', pendingSend: sendOwed }, events };
  }
  return finishReading(next, events);
}

function settleChirashi(state: MatchState): Step {
  const reading = state.readings.at(-1) as ReadingRecord;
  const { poem, lay, touches } = reading;
  const events: MatchEvent[] = [];
  const { taker, take, firstTouchMs, simultaneous } = resolveTake(touches, poem, null, state.simultaneousMs);
  // Any touch of another card before the read card was touched is a fault, one per player.
  const faults = faultsOf(state, touches, firstTouchMs, (t) => t.card !== poem, false);

  let next = state;
  const forfeited: number[] = [];
  for (const p of PLAYERS) {
    if (faults[p] === 0) continue;
    events.push({ type: 'fault', player: p, count: faults[p] });
    const lost = next.taken[p].at(-1);
    if (lost === undefined) continue;
    // House rule: the faulter gives up the card taken last; it was read already, so it leaves play.
    next = withTaken(next, p, next.taken[p].slice(0, -1));
    next = { ...next, setAside: [...next.setAside, lost] };
    forfeited.push(lost);
    events.push({ type: 'forfeit', player: p, card: lost });
  }
  if (lay === 'field') {
    next = { ...next, field: next.field.filter((c) => c !== poem) };
    if (taker !== null) {
      next = withTaken(next, taker, [...next.taken[taker], poem]);
      events.push({ type: 'taken', player: taker, card: poem, from: 'field', simultaneous: false });
    } else {
      next = { ...next, setAside: [...next.setAside, poem] };
      events.push({ type: 'untaken', card: poem });
    }
  } else {
    events.push({ type: 'karafuda', poem });
  }
  const outcome: ReadingOutcome = {
    taker,
    takeMs: take?.atMs ?? null,
    takeMora: take?.atMora ?? null,
    simultaneous,
    faults,
    send: null,
    forfeited,
  };
  next = { ...next, readings: replaceLast(next.readings, { ...reading, outcome }) };
  return finishReading(next, events);
}

function send(state: MatchState, player: Player, card: number): ApplyResult {
  if (state.phase !== 'sending' || !state.pendingSend)
    return fail('wrongPhase', `cannot send in ${state.phase}`);
  const pending = state.pendingSend;
  if (player !== pending.from) return fail('notYourSend', `player ${pending.from} sends, not ${player}`);
  if (!rowsCards(state.territories[player]).includes(card)) {
    return fail('notInTerritory', `card ${card} is not in player ${player}'s territory`);
  }
  let next = withTerritory(state, player, removeFromRows(state.territories[player], card));
  const receiver = placesOf(next, pending.to);
  next = withPlaces(next, pending.to, [...receiver, receivingPlace(receiver, card)]);
  const reading = next.readings.at(-1) as ReadingRecord;
  next = { ...next, readings: replaceLast(next.readings, { ...reading, sent: [...reading.sent, card] }) };
  const events: MatchEvent[] = [{ type: 'sent', from: player, to: pending.to, card }];
  const left = pending.count - 1;
  if (left > 0 && territoryCount(next, player) > 0) {
    return done({ state: { ...next, pendingSend: { ...pending, count: left } }, events });
  }
  return done(finishReading({ ...next, pendingSend: null }, events));
}

/** Phases in which a player may move their own cards: before the reading, and between poems. */
const ARRANGING_PHASES: readonly MatchState['phase'][] = ['memorization', 'between', 'sending'];

function arrange(state: MatchState, action: Extract<Action, { type: 'arrange' }>): ApplyResult {
  const { player, card, row, column } = action;
  if (!ARRANGING_PHASES.includes(state.phase))
    return fail('wrongPhase', `cannot arrange cards in ${state.phase}`);
  const places = placesOf(state, player);
  const moving = places.find((p) => p.card === card);
  if (!moving) return fail('notInTerritory', `card ${card} is not in player ${player}'s territory`);
  const width = Math.max(GRID_COLUMNS, ...places.map((p) => p.column + 1));
  if (!Number.isInteger(row) || row < 0 || row >= ROWS_PER_TERRITORY || !Number.isInteger(column))
    return fail('badPlace', `no slot at row ${row}, column ${column}`);
  if (column < 0 || column >= width) return fail('badPlace', `column ${column} is off the territory`);
  const to = { row: row as 0 | 1 | 2, column };
  const swapped = places.find((p) => p.card !== card && p.row === to.row && p.column === to.column);
  const next = places.map((p) =>
    p.card === card ? { card, ...to } : p === swapped ? { ...p, row: moving.row, column: moving.column } : p,
  );
  const events: MatchEvent[] = [{ type: 'arranged', player, card, row: to.row, column: to.column }];
  if (swapped)
    events.push({ type: 'arranged', player, card: swapped.card, row: moving.row, column: moving.column });
  return done({ state: withPlaces(state, player, next), events });
}

/** After a reading's take and sends: the game is over, or waits for the next reading. */
function finishReading(state: MatchState, events: MatchEvent[]): Step {
  let next = state;
  const out = [...events];
  const winner = state.mode === 'chirashi' ? chirashiWinner(state) : territoryWinner(state);
  if (
    state.mode !== 'chirashi' &&
    !state.unmeisen &&
    territoryCount(state, 0) === 1 &&
    territoryCount(state, 1) === 1
  ) {
    next = { ...next, unmeisen: true };
    out.push({ type: 'unmeisen' });
  }
  if (winner !== null) {
    out.push({ type: 'over', winner });
    return { state: { ...next, phase: 'over', winner }, events: out };
  }
  return { state: { ...next, phase: 'between' }, events: out };
}

function territoryWinner(state: MatchState): Player | 'draw' | null {
  const counts = PLAYERS.map((p) => territoryCount(state, p)) as [number, number];
  if (counts[0] === 0 && counts[1] === 0) return 'draw';
  if (counts[0] === 0) return 0;
  if (counts[1] === 0) return 1;
  if (state.queue.length > 0) return null;
  // Nothing left to read (possible only when untaken cards left play): fewer cards wins.
  return counts[0] === counts[1] ? 'draw' : counts[0] < counts[1] ? 0 : 1;
}

function chirashiWinner(state: MatchState): Player | 'draw' | null {
  if (cardsOnField(state).length > 0 && state.queue.length > 0) return null;
  const [a, b] = [state.taken[0].length, state.taken[1].length];
  return a === b ? 'draw' : a > b ? 0 : 1;
}
