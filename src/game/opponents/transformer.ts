// The Transformer opponent: it hears each mora when the audio reaches it, asks its listener for
// a belief over the poems that could still be read, and reaches for a card on the field once
// the belief in one poem passes its threshold (one reaction time later). When the belief points
// to a karafuda (a poem whose card is not on the field) it holds back. It never sees which
// poem is being read. Difficulty = threshold + reaction delay (+ a less-trained checkpoint).
import { kimarijiLength } from '../../data/kimariji';
import { POEMS } from '../../data/poems';
import { soundKeys } from '../../data/mora';
import { createRng, type Rng } from '../../data/random';
import type { Bilingual } from '../i18n';
import type { FieldView, HeardMora, Opponent, Reach } from './opponent';
import type { TransformerListener } from './transformerListener';

export interface TransformerStrength {
  /** Commit when the belief in one poem exceeds this. */
  readonly threshold: number;
  /** Mean and spread of the delay from the deciding mora's onset to the touch, ms. */
  readonly reactionMs: number;
  readonly reactionSdMs: number;
}

export const TRANSFORMER_PRESETS = {
  beginner: { threshold: 0.97, reactionMs: 1200, reactionSdMs: 250 },
  intermediate: { threshold: 0.95, reactionMs: 750, reactionSdMs: 150 },
  advanced: { threshold: 0.9, reactionMs: 450, reactionSdMs: 90 },
  master: { threshold: 0.9, reactionMs: 300, reactionSdMs: 50 },
} as const satisfies Record<string, TransformerStrength>;

/** No human touches sooner than this after a sound begins. */
export const MIN_REACTION_MS = 120;

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
  readonly name: Bilingual = { ja: '聴く Transformer', en: 'Listening Transformer' };
  /** The latest belief, for the live view; null before the first mora of a reading. */
  latest: BeliefUpdate | null = null;
  private readonly rng: Rng;
  private readonly listeners = new Set<(update: BeliefUpdate) => void>();
  private view: FieldView = { own: [], other: [], common: [], unread: [] };
  private onField = new Set<number>();
  private heard: string[] = [];
  private reached = new Set<number>();

  constructor(
    private readonly listener: TransformerListener,
    private readonly strength: TransformerStrength,
    seed: number,
  ) {
    this.rng = createRng(seed);
  }

  /** Calls `fn` after every heard mora with the new belief; returns the unsubscribe function. */
  onBelief(fn: (update: BeliefUpdate) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  beginReading(view: FieldView): void {
    this.view = view;
    this.onField = new Set([...view.own, ...view.other, ...view.common]);
    this.heard = [];
    this.reached = new Set();
    this.latest = null;
  }

  hear(mora: HeardMora): Reach | null {
    this.heard.push(mora.mora);
    const belief = this.listener.belief(this.heard, this.view.unread);
    let best: number | null = null;
    let bestP = 0;
    for (const [no, p] of belief) {
      if (p > bestP) [best, bestP] = [no, p];
    }
    const decided = best !== null && bestP > this.strength.threshold ? best : null;
    this.latest = { heard: this.heard.length, belief, decided };
    for (const fn of this.listeners) fn(this.latest);
    if (decided === null || !this.onField.has(decided)) return null; // undecided, or a karafuda
    if (this.reached.has(decided)) return null;
    this.reached.add(decided);
    const delay = this.strength.reactionMs + this.strength.reactionSdMs * this.rng.normal();
    return { card: decided, atMs: mora.atMs + Math.max(MIN_REACTION_MS, delay) };
  }

  /**
   * Sends the card that speed helps least (the longest kimariji among the poems still to be
   * read); among those, the one its model is least sure of at that kimariji.
   */
  chooseSend(view: FieldView): number {
    const lengths = view.own.map((no) => kimarijiLength(no, view.unread));
    const longest = Math.max(...lengths);
    const choices = view.own.filter((_, i) => lengths[i] === longest);
    if (choices.length === 1) return choices[0] as number;
    const sureness = choices.map((no) => {
      const poem = POEMS[no - 1];
      if (!poem) return 1;
      const opening = soundKeys(poem.kami.reading).slice(0, Math.max(1, longest));
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
