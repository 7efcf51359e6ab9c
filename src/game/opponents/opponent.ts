// The Opponent interface: what a computer player is told and what it may answer. An opponent
// listens like a player: at the start of each reading it sees the cards in view and the poems
// not read yet, then hears the upper half mora by mora at the audio's times. It is never told
// which poem is being read; the match scene holds that and the rules judge the touch.
//
// Lifecycle, per reading:  beginReading(view) → hear(mora) … hear(mora) → (next beginReading)
// and, when it owes cards, chooseSend(view) once per card. dispose() frees what it holds
// (tensors, workers) when the match ends.
//
// Async: hear() and chooseSend() may return a value or a Promise. A reach is never earlier
// than the mora it answers plus the time the opponent took to answer: a slow model costs
// reaction time, as it would a player. Morae keep coming while an answer is pending, in order.
import type { Bilingual } from '../i18n';

/** The field as the opponent sees it at the start of a reading. */
export interface FieldView {
  /** Cards in the opponent's own territory (territory modes). */
  readonly own: readonly number[];
  /** Cards in the other player's territory (territory modes). */
  readonly other: readonly number[];
  /** Cards scattered on a common field (chirashi); empty in the territory modes. */
  readonly common: readonly number[];
  /** Poems not read before this reading, ascending; the one being read is among them. */
  readonly unread: readonly number[];
  /**
   * The territories by row, [上段, 中段, 下段] as each owner sees them (territory modes), for an
   * opponent whose reach depends on where a card lies; `own`/`other` list the same cards.
   */
  readonly ownRows?: readonly (readonly number[])[];
  readonly otherRows?: readonly (readonly number[])[];
}

export interface HeardMora {
  /** 0 for the first mora of the upper half. */
  readonly index: number;
  /** The mora as read (modern kana, e.g. 'ちゃ'). */
  readonly mora: string;
  /** When it began to be heard, ms since the upper half started (reading time, not wall time). */
  readonly atMs: number;
}

/** A touch the opponent commits to: this card, at this reading time. */
export interface Reach {
  readonly card: number;
  readonly atMs: number;
}

export type MaybePromise<T> = T | Promise<T>;

export interface Opponent {
  readonly name: Bilingual;
  /** A new reading starts; nothing of it has been heard yet. */
  beginReading(view: FieldView): void;
  /**
   * One more mora heard. Answer a reach, or null to keep listening. A later reach for another
   * card is a further touch (e.g. the right card after a wrong guess); once the scene has
   * acted on a reach for a card, another reach for the same card is ignored.
   */
  hear(mora: HeardMora): MaybePromise<Reach | null>;
  /** It owes the other player a card: which of `view.own` does it send? */
  chooseSend(view: FieldView): MaybePromise<number>;
  /**
   * During memorization: how it lays out its dealt cards, [上段, 中段, 下段], the same cards
   * with the same row sizes as dealt. Without it the cards stay as dealt.
   */
  arrange?(rows: readonly (readonly number[])[]): readonly (readonly number[])[];
  dispose(): void;
}
