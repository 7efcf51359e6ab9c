// Runs a match in time: the one place that knows the rules, the reading and the opponent at once
// (no Phaser). The reading source says when each upper half starts and each mora is heard; the
// driver turns those into rule actions, feeds the opponent the sounds (never the poem), fires its
// reaches when their time comes, and settles each reading once the take is clear.
//
// Times: "reading ms" run from the start of the current upper half at the pace of the recorded
// voice; with a test speed-up of N, one wall-clock ms is N reading ms. Pauses stop the clock.
import {
  apply,
  PLAYERS,
  createMatch,
  rowsCards,
  unreadAtReading,
  type Action,
  type MatchEvent,
  type MatchSetup,
  type MatchState,
  type Player,
  type Rows,
} from '../rules';
import type { FieldView, Opponent, Reach } from '../opponents/opponent';

/** The part of the audio Reader the match uses (src/game/audio/reader.ts). */
export interface ReadingSource {
  on(
    type: 'clip',
    listener: (e: { clip: { poem: number; half: 'kami' | 'shimo' }; atMs: number }) => void,
  ): () => void;
  on(
    type: 'mora',
    listener: (e: {
      clip: { poem: number; half: 'kami' | 'shimo' };
      index: number;
      mora: string;
      atMs: number;
    }) => void,
  ): () => void;
  on(type: 'awaitingSettle', listener: (e: { poem: number; atMs: number }) => void): () => void;
  /** The planned timeline, when known: mora times are then taken from it, not from when the
   *  event happened to be dispatched (a busy main thread delays events, not the sound). */
  readonly segments?: readonly { readonly events: readonly TimelineEntry[] }[];
  start(): Promise<void>;
  settle(): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

interface TimelineEntry {
  readonly kind: string;
  readonly atMs: number;
  readonly clip?: { readonly poem: number; readonly half: string };
  readonly index?: number;
}

/** Each upper-half mora's time from the start of its clip, by `poem:index`, from the plan. */
function moraOffsets(segments: ReadingSource['segments']): Map<string, number> {
  const offsets = new Map<string, number>();
  for (const segment of segments ?? []) {
    const starts = new Map<number, number>();
    for (const e of segment.events) {
      if (e.clip?.half !== 'kami') continue;
      if (e.kind === 'clip') starts.set(e.clip.poem, e.atMs);
      const start = starts.get(e.clip.poem);
      if (e.kind === 'mora' && start !== undefined) offsets.set(`${e.clip.poem}:${e.index}`, e.atMs - start);
    }
  }
  return offsets;
}

/** After the read card is first touched, wait this long (reading ms) for a simultaneous touch. */
export const TAKE_GRACE_MS = 400;
/** After a karafuda's unit is read, wait this long before reading on. */
export const KARAFUDA_WAIT_MS = 900;
/** A field card nobody took by this long after its unit was read leaves play. */
export const UNTAKEN_WAIT_MS = 6000;

/**
 * Who plays each side, player 0 (the near side) first: an opponent the driver runs, or null for a
 * person at the screen, whose touches come in through `humanTouch`. One person against a model is
 * [null, model]; two people at one screen [null, null]; two models (a demonstration) [a, b].
 */
export type Seats = readonly [Opponent | null, Opponent | null];

export interface DriverOptions {
  readonly setup: MatchSetup;
  readonly seats: Seats;
  /** Makes the reading source for the match's reading order (karafuda included). */
  readonly createReader: (order: readonly number[]) => ReadingSource;
  readonly memorizationMs: number;
  /** Reading ms per wall ms (the test speed-up); 1 normally. */
  readonly timeScale: number;
  readonly now: () => number;
}

export type DriverListener = (state: MatchState, events: readonly MatchEvent[]) => void;

export class MatchDriver {
  state: MatchState;
  /** Morae of the current upper half heard so far. */
  heard: string[] = [];
  paused = false;
  private readonly listeners = new Set<DriverListener>();
  private readonly moraTimes: number[] = [];
  private readonly offs: (() => void)[] = [];
  /** Opponents' reaches not yet due, each with the side that made it. */
  private pending: (Reach & { readonly player: Player })[] = [];
  private readingStart: number | null = null;
  private unitDoneMs: number | null = null;
  private pausedSince: number | null = null;
  private pausedTotal = 0;
  private memorizationEnd: number;
  private sendingForOpponent = false;
  private readonly seats: Seats;
  private disposed = false;
  private readonly reader: ReadingSource;
  private readonly offsets: Map<string, number>;

  constructor(private readonly options: DriverOptions) {
    this.state = createMatch(options.setup);
    this.seats = options.seats;
    // An opponent lays out its cards its own way (定位置) before the memorization starts.
    // A layout the rules refuse (other cards, other row sizes) leaves the cards as dealt.
    for (const player of PLAYERS) {
      const rows = this.seats[player]?.arrange?.(this.state.territories[player]);
      const arranged = rows && apply(this.state, { type: 'layout', player, rows: rows as Rows });
      if (arranged?.ok) this.state = arranged.state;
    }
    this.memorizationEnd = options.now() + options.memorizationMs / options.timeScale;
    const reader = options.createReader(this.state.queue);
    this.reader = reader;
    this.offsets = moraOffsets(reader.segments);
    this.offs.push(
      reader.on('clip', (e) => {
        if (e.clip.half === 'kami' && e.clip.poem !== 0) this.beginReading(e.clip.poem, e.atMs);
      }),
      reader.on('mora', (e) => {
        const current = this.state.readings.at(-1)?.poem;
        if (e.clip.half === 'kami' && e.clip.poem === current && this.state.phase === 'reading') {
          this.heardMora(e.clip.poem, e.index, e.mora, e.atMs);
        }
      }),
      reader.on('awaitingSettle', (e) => {
        if (this.state.phase === 'reading') this.unitDoneMs = this.readingMs(e.atMs);
      }),
    );
  }

  onChange(listener: DriverListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Wall ms left of the memorization time. */
  memorizationLeft(now: number): number {
    if (this.state.phase !== 'memorization') return 0;
    const pausedFor = this.pausedSince === null ? 0 : now - this.pausedSince;
    return Math.max(0, this.memorizationEnd + pausedFor - now);
  }

  endMemorization(): void {
    if (this.state.phase !== 'memorization') return;
    this.dispatch({ type: 'endMemorization' });
    void this.reader.start();
  }

  /** Whether a person plays side `player` (their touches come through `humanTouch`). */
  isHuman(player: Player): boolean {
    return this.seats[player] === null;
  }

  /** A person (player 0 unless two share the screen) touches a card, or chooses the card to
   *  send. A side played by an opponent is never touched for from here. */
  humanTouch(card: number, player: Player = 0): void {
    if (this.paused || !this.isHuman(player)) return;
    const { phase, pendingSend } = this.state;
    if (phase === 'reading') {
      const atMs = this.readingMs(this.options.now());
      this.dispatch({ type: 'touch', player, card, atMs, atMora: this.heard.length });
    } else if (phase === 'sending' && pendingSend?.from === player) {
      this.dispatch({ type: 'send', player, card });
      this.afterSettle();
    }
  }

  /** A person moves one of their cards to a slot (before the reading or between poems).
   *  False when the rules refuse (a slot off the territory, the wrong phase). */
  arrange(card: number, row: number, column: number, player: Player = 0): boolean {
    if (this.paused || !this.isHuman(player)) return false;
    const result = apply(this.state, { type: 'arrange', player, card, row, column });
    if (!result.ok) return false;
    this.state = result.state;
    this.notify(result.events);
    return true;
  }

  pause(): void {
    if (this.paused || this.state.phase === 'over') return;
    this.paused = true;
    this.pausedSince = this.options.now();
    this.reader.pause();
  }

  resume(): void {
    if (!this.paused || this.pausedSince === null) return;
    const pausedFor = this.options.now() - this.pausedSince;
    this.pausedTotal += pausedFor;
    if (this.state.phase === 'memorization') this.memorizationEnd += pausedFor;
    this.pausedSince = null;
    this.paused = false;
    this.reader.resume();
  }

  /** Call every frame: fires due reaches, settles a reading whose take is clear. */
  tick(now: number): void {
    if (this.paused || this.disposed) return;
    if (this.state.phase === 'memorization') {
      if (now >= this.memorizationEnd) this.endMemorization();
      return;
    }
    if (this.state.phase !== 'reading') return;
    const t = this.readingMs(now);
    this.pending.sort((a, b) => a.atMs - b.atMs);
    while (this.pending[0] && this.pending[0].atMs <= t) {
      const reach = this.pending.shift() as Reach & { player: Player };
      this.dispatch({
        type: 'touch',
        player: reach.player,
        card: reach.card,
        atMs: reach.atMs,
        atMora: this.moraAt(reach.atMs),
      });
    }
    if (this.shouldSettle(t)) {
      this.dispatch({ type: 'settle' });
      this.afterSettle();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.offs.forEach((off) => off());
    this.reader.stop();
    for (const opponent of this.seats) opponent?.dispose();
    this.listeners.clear();
  }

  /** The field as player `viewer` sees it. */
  fieldView(viewer: 0 | 1): FieldView {
    const other = viewer === 0 ? 1 : 0;
    return {
      own: rowsCards(this.state.territories[viewer]),
      other: rowsCards(this.state.territories[other]),
      common: [...this.state.field],
      unread: unreadAtReading(this.state),
      ownRows: this.state.territories[viewer],
      otherRows: this.state.territories[other],
    };
  }

  private readingMs(wall: number): number {
    if (this.readingStart === null) return 0;
    const pausedFor = this.pausedSince === null ? 0 : wall - this.pausedSince;
    return Math.max(0, (wall - this.readingStart - this.pausedTotal - pausedFor) * this.options.timeScale);
  }

  private moraAt(atMs: number): number {
    return this.moraTimes.filter((t) => t <= atMs).length;
  }

  private beginReading(poem: number, atMs: number): void {
    if (this.state.phase !== 'joka' && this.state.phase !== 'between') return;
    if (this.state.queue[0] !== poem)
      throw new Error(`reader reads ${poem}, rules expect ${this.state.queue[0]}`);
    this.readingStart = atMs;
    this.pausedTotal = 0;
    this.unitDoneMs = null;
    this.heard = [];
    this.moraTimes.length = 0;
    this.pending = [];
    this.dispatch({ type: 'read' });
    for (const player of PLAYERS) this.seats[player]?.beginReading(this.fieldView(player));
  }

  private heardMora(poem: number, index: number, mora: string, wallMs: number): void {
    const planned = this.offsets.get(`${poem}:${index}`);
    if (planned !== undefined && this.readingStart !== null) {
      // Events are only ever late: the earliest anchor they imply is the truest.
      const anchor = wallMs - this.pausedTotal - planned / this.options.timeScale;
      this.readingStart = Math.min(this.readingStart, anchor);
    }
    const atMs = planned ?? this.readingMs(wallMs);
    this.heard.push(mora);
    this.moraTimes.push(atMs);
    this.notify([]);
    for (const player of PLAYERS) this.askToHear(player, poem, { index, mora, atMs });
  }

  /** Tells side `player`'s opponent (if any) the mora and queues the reach it answers. */
  private askToHear(
    player: Player,
    poem: number,
    heard: { index: number; mora: string; atMs: number },
  ): void {
    const opponent = this.seats[player];
    if (!opponent) return;
    const askedAt = this.options.now();
    void Promise.resolve(opponent.hear(heard)).then((reach) => {
      // Still the same reading? A slow answer for a finished reading is dropped.
      if (
        !reach ||
        this.disposed ||
        this.state.phase !== 'reading' ||
        this.state.readings.at(-1)?.poem !== poem
      )
        return;
      const touched = this.state.readings
        .at(-1)
        ?.touches.some((t) => t.player === player && t.card === reach.card);
      if (touched || this.pending.some((p) => p.player === player && p.card === reach.card)) return;
      // The opponent is charged for its own thinking time, not for a busy page delaying the event.
      const thinking = (this.options.now() - askedAt) * this.options.timeScale;
      this.pending.push({ player, card: reach.card, atMs: Math.max(reach.atMs, heard.atMs + thinking) });
    });
  }

  private shouldSettle(t: number): boolean {
    const reading = this.state.readings.at(-1);
    if (!reading) return false;
    const takes = reading.touches.filter((touch) => touch.card === reading.poem);
    if (takes.length > 0) return t >= Math.min(...takes.map((touch) => touch.atMs)) + TAKE_GRACE_MS;
    if (this.unitDoneMs === null) return false;
    if (reading.lay === null) return t >= this.unitDoneMs + KARAFUDA_WAIT_MS;
    return t >= this.unitDoneMs + UNTAKEN_WAIT_MS && this.pending.length === 0;
  }

  /** After a settle or a send: let the opponent send, read on, or end. */
  private afterSettle(): void {
    const { phase, pendingSend } = this.state;
    if (phase === 'between') {
      this.reader.settle();
    } else if (phase === 'over') {
      this.reader.stop();
    } else if (phase === 'sending' && pendingSend && !this.sendingForOpponent) {
      const sender = pendingSend.from;
      const opponent = this.seats[sender];
      if (!opponent) return; // a person chooses the card (humanTouch)
      this.sendingForOpponent = true;
      void Promise.resolve(opponent.chooseSend(this.fieldView(sender))).then((card) => {
        this.sendingForOpponent = false;
        if (this.disposed || this.state.phase !== 'sending') return;
        this.dispatch({ type: 'send', player: sender, card });
        this.afterSettle();
      });
    }
  }

  private dispatch(action: Action): void {
    const result = apply(this.state, action);
    if (!result.ok) {
      // A refused touch (a repeat, a card already gone) is the player's slip, not a defect.
      if (action.type === 'touch') return;
      throw new Error(`${action.type} refused: ${result.error.message}`);
    }
    this.state = result.state;
    this.notify(result.events);
  }

  private notify(events: readonly MatchEvent[]): void {
    for (const listener of this.listeners) listener(this.state, events);
  }
}
