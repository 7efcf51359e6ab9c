// The Transformer opponent: it hears each mora when the audio reaches it, asks its listener for
// a belief over the poems that could still be read, and reaches for a card on the field once
// the belief in one poem reaches its level's commit point (risk), one reaction time plus the
// reach to where the card lies later. When the belief points to a karafuda (a poem whose card is
// not on the field) it holds back. It never sees which poem is being read. What a level knows,
// risks and how fast it moves: levels.ts; where it lays its cards and what it sends: tactics.ts.
import { kimarijiLength as kimarijiOf } from '../../data/kimariji';
import { POEMS } from '../../data/poems';
import { soundKeys } from '../../data/mora';
import { createRng, type Rng } from '../../data/random';
import type { Bilingual } from '../i18n';
import { commitChoice, DEFAULT_MORA_MS, moraPeriod, type LevelSpec } from './levels';
import type { FieldView, HeardMora, Opponent, Reach } from './opponent';
import { placeOf, reachMs } from './reach';
import { arrangeTerritory, sendCandidates } from './tactics';
import type { TransformerListener } from './transformerListener';

/** No human touches sooner than this after a sound begins. */
export const MIN_REACTION_MS = 120;

/** Why it reached: its belief at that moment (for the results, the eval and the tests). */
export interface ReachTrace {
  readonly card: number;
  /** Morae heard when it committed. */
  readonly heard: number;
  /** Its belief in that card then, and the three poems it believed most. */
  readonly p: number;
  readonly top: readonly (readonly [number, number])[];
  readonly atMs: number;
}

/** What the live view draws after each mora: the belief over the poems that could be read. */
export interface BeliefUpdate {
  /** Morae heard so far in this reading. */
  readonly heard: number;
  /** Belief per unread poem number; sums to 1. */
  readonly belief: ReadonlyMap<number, number>;
  /** The poem it has settled on, if any (on the field or not). */
  readonly decided: number | null;
}

export class TransformerOpponent implements Opponent {
  readonly name: Bilingual;
  /** The latest belief, for the live view; null before the first mora of a reading. */
  latest: BeliefUpdate | null = null;
  /** Every reach of the current reading, with the belief it came from. */
  reaches: ReachTrace[] = [];
  private readonly rng: Rng;
  private readonly listeners = new Set<(update: BeliefUpdate) => void>();
  private view: FieldView = { own: [], other: [], common: [], unread: [] };
  private onField = new Set<number>();
  private heard: string[] = [];
  private heardAt: number[] = [];
  /** The reading's pace, carried over from the last reading until this one shows its own. */
  private paceMs = DEFAULT_MORA_MS;
  private reached = new Set<number>();

  constructor(
    private readonly listener: TransformerListener,
    readonly level: LevelSpec,
    seed: number,
  ) {
    this.rng = createRng(seed);
    this.name = {
      ja: `聴く Transformer・${level.label.ja}`,
      en: `Listening Transformer · ${level.label.en}`,
    };
  }

  /** Calls `fn` after every heard mora with the new belief; returns the unsubscribe function. */
  onBelief(fn: (update: BeliefUpdate) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  beginReading(view: FieldView): void {
    if (this.heardAt.length >= 2) this.paceMs = moraPeriod(this.heardAt);
    this.view = view;
    this.onField = new Set([...view.own, ...view.other, ...view.common]);
    this.heard = [];
    this.heardAt = [];
    this.reached = new Set();
    this.reaches = [];
    this.latest = null;
  }

  hear(mora: HeardMora): Reach | null {
    this.heard.push(mora.mora);
    this.heardAt.push(mora.atMs);
    const belief = this.listener.belief(this.heard, this.view.unread);
    const choice = commitChoice(belief, this.level.commitAt);
    const decided = choice?.poem ?? null;
    this.latest = { heard: this.heard.length, belief, decided };
    for (const fn of this.listeners) fn(this.latest);
    if (decided === null || !this.onField.has(decided)) return null; // undecided, or a karafuda
    if (this.reached.has(decided)) return null;
    this.reached.add(decided);
    const pace = this.heardAt.length >= 2 ? moraPeriod(this.heardAt) : this.paceMs;
    const reaction =
      this.level.reactionMs + this.level.thinkMorae * pace + this.level.reactionSdMs * this.rng.normal();
    const place = placeOf(decided, this.view);
    const reach = place ? reachMs(place, this.level.hand) : 0;
    const atMs = mora.atMs + Math.max(MIN_REACTION_MS, reaction) + reach;
    const top = [...belief].sort((a, b) => b[1] - a[1]).slice(0, 3);
    this.reaches.push({ card: decided, heard: this.heard.length, p: choice?.p ?? 0, top, atMs });
    return { card: decided, atMs };
  }

  /** Its 定位置 (tactics.ts): the same policy every match. */
  arrange(rows: readonly (readonly number[])[]): number[][] {
    return arrangeTerritory(rows);
  }

  /**
   * Sends as tactics.ts says (split a 友札 pair, else the card decided last); among those, the
   * one its model is least sure of at that kimariji.
   */
  chooseSend(view: FieldView): number {
    const choices = sendCandidates(view.own, view.unread);
    if (choices.length === 1) return choices[0] as number;
    const sureness = choices.map((no) => {
      const poem = POEMS[no - 1];
      if (!poem) return 1;
      const length = Math.max(1, kimarijiOf(no, view.unread));
      const opening = soundKeys(poem.kami.reading).slice(0, length);
      return this.listener.belief(opening, view.unread).get(no) ?? 0;
    });
    const least = Math.min(...sureness);
    return this.rng.pick(choices.filter((_, i) => sureness[i] === least));
  }

  dispose(): void {
    this.listeners.clear();
    this.listener.dispose();
  }
}
