// The listening baseline: it knows every poem's opening and follows the dynamic kimariji. After
// each mora it narrows the unread poems to those still consistent with what it heard; when one
// card on the field is left it reaches for it one reaction time later. Sometimes, one sound
// before a group of tomofuda is decided, it guesses (the fault rate), as a hurried player does.
// It never learns which poem is being read: only the morae, the field and the unread set.
import { createRng, type Rng } from '../../data/random';
import { decidedAfter, kimarijiLength } from '../../data/kimariji';
import type { Bilingual } from '../i18n';
import type { FieldView, HeardMora, Opponent, Reach } from './opponent';

export interface BaselineStrength {
  /** Mean and spread of the delay from the deciding mora's onset to the touch, ms. */
  readonly reactionMs: number;
  readonly reactionSdMs: number;
  /** Chance, per reading that reaches a tomofuda split, of reaching one sound early. */
  readonly faultRate: number;
}

/** Presets named after the settings' difficulty levels. */
export const BASELINE_PRESETS = {
  beginner: { reactionMs: 1300, reactionSdMs: 300, faultRate: 0.2 },
  intermediate: { reactionMs: 800, reactionSdMs: 180, faultRate: 0.12 },
  advanced: { reactionMs: 500, reactionSdMs: 110, faultRate: 0.06 },
  master: { reactionMs: 330, reactionSdMs: 60, faultRate: 0.03 },
} as const satisfies Record<string, BaselineStrength>;

/** No human touches sooner than this after a sound begins. */
export const MIN_REACTION_MS = 120;

export class BaselineOpponent implements Opponent {
  readonly name: Bilingual = { ja: '聴く相手（基準）', en: 'Listening baseline' };
  private readonly rng: Rng;
  private view: FieldView = { own: [], other: [], common: [], unread: [] };
  private onField = new Set<number>();
  private heard: string[] = [];
  private reached = new Set<number>();
  private guessed = false;

  constructor(
    private readonly strength: BaselineStrength,
    seed: number,
  ) {
    this.rng = createRng(seed);
  }

  beginReading(view: FieldView): void {
    this.view = view;
    this.onField = new Set([...view.own, ...view.other, ...view.common]);
    this.heard = [];
    this.reached = new Set();
    this.guessed = false;
  }

  hear(mora: HeardMora): Reach | null {
    this.heard.push(mora.mora);
    const candidates = decidedAfter(this.heard, this.view.unread);
    const onField = candidates.filter((no) => this.onField.has(no));
    if (onField.length === 0) return null; // whatever is being read, it is a karafuda
    if (candidates.length === 1) {
      const [card] = onField as [number];
      return this.reach(card, mora.atMs);
    }
    if (!this.guessed && this.isTomofudaSplit(candidates)) {
      // One sound away from a decision among cards on the field: decide once whether to jump.
      this.guessed = true;
      if (this.rng.next() < this.strength.faultRate) return this.reach(this.rng.pick(onField), mora.atMs);
    }
    return null;
  }

  chooseSend(view: FieldView): number {
    // Send the card that is decided last (the longest kimariji): it is the one speed helps least.
    const lengths = view.own.map((no) => kimarijiLength(no, view.unread));
    const longest = Math.max(...lengths);
    const choices = view.own.filter((_, i) => lengths[i] === longest);
    return this.rng.pick(choices);
  }

  dispose(): void {
    this.onField.clear();
  }

  /** Every candidate is decided by the very next sound. */
  private isTomofudaSplit(candidates: readonly number[]): boolean {
    const next = this.heard.length + 1;
    return candidates.every((no) => kimarijiLength(no, this.view.unread) === next);
  }

  private reach(card: number, heardAtMs: number): Reach | null {
    if (this.reached.has(card)) return null;
    this.reached.add(card);
    const delay = this.strength.reactionMs + this.strength.reactionSdMs * this.rng.normal();
    return { card, atMs: heardAtMs + Math.max(MIN_REACTION_MS, delay) };
  }
}
