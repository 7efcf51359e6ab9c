// The reach model: how long the opponent's hand takes from "that one!" to the touch, from where
// the card lies. Pure functions, documented so a player can check them against their own table:
//
// - The hand waits at the front of its own territory, at the middle (the 構え of most players).
// - Movement time follows Fitts's law, MT = a + b·log2(1 + D/W): D is the distance from the
//   hand to the card in card widths (a card is 1 wide and 1.4 tall, rows touch), W is one card
//   width. A card in the far territory is farther by construction (its rows start past the
//   centre line) and costs `crossMs` more: the hand turns away from its own territory.
// - A card in a crowded row (≥ CROWDED_ROW cards) is not picked out but swept (払い): the sweep
//   starts at the row's nearer end and crosses every card before the target, `sweepMsPerCard`
//   each. A card at the end of a row, or in a short row, is touched directly.
// - A card on the chirashi field (no rows) costs the mean movement over a 5 × 4 spread.
import type { FieldView } from './opponent';

/** A row with at least this many cards is swept rather than picked. */
export const CROWDED_ROW = 6;
/** Card height in card widths (7.3 cm × 5.2 cm). */
const CARD_ASPECT = 1.4;
/** The gap between the two territories (3 cm), in card widths. */
const CENTRE_GAP = 0.6;

export interface HandSpeed {
  /** Fitts intercept and slope, ms. */
  readonly fittsAMs: number;
  readonly fittsBMs: number;
  /** Extra for reaching into the other player's territory. */
  readonly crossMs: number;
  /** Per card swept past in a crowded row. */
  readonly sweepMsPerCard: number;
}

/** Where a card lies, as the reaching player sees it. */
export type CardPlace =
  | {
      readonly side: 'own' | 'other';
      /** 0 = 上段 (nearest the centre line), 2 = 下段 (nearest its owner). */
      readonly row: number;
      /** Position in the row, from the row owner's left. */
      readonly column: number;
      readonly rowLength: number;
    }
  | { readonly side: 'common' };

/** Where `card` lies in `view`; null when it is not on the field. */
export function placeOf(card: number, view: FieldView): CardPlace | null {
  if (view.common.includes(card)) return { side: 'common' };
  for (const side of ['own', 'other'] as const) {
    const rows = (side === 'own' ? view.ownRows : view.otherRows) ?? [side === 'own' ? view.own : view.other];
    for (let row = 0; row < rows.length; row++) {
      const cards = rows[row] ?? [];
      const column = cards.indexOf(card);
      // Without rows (an older caller) the cards count as one front row.
      if (column >= 0) return { side, row: rows.length === 1 ? 2 : row, column, rowLength: cards.length };
    }
  }
  return null;
}

/**
 * Distance from the hand to the card's centre, in card widths. The hand rests at the front
 * middle of its own territory, by its 上段: own rows lie 0.5, 1.5 and 2.5 card heights back
 * from it; the other territory's rows lie past the centre line's gap (3 cm, 0.6 card widths),
 * its 上段 first. Left and right are mirrored across the table, which a distance ignores.
 */
export function reachDistance(place: CardPlace): number {
  if (place.side === 'common') return 2.5;
  const gap = place.side === 'own' ? 0 : CENTRE_GAP;
  const depth = gap + (place.row + 0.5) * CARD_ASPECT;
  const across = place.column + 0.5 - place.rowLength / 2;
  return Math.hypot(across, depth);
}

/** Milliseconds from the decision to the touch. */
export function reachMs(place: CardPlace, hand: HandSpeed): number {
  const movement = hand.fittsAMs + hand.fittsBMs * Math.log2(1 + reachDistance(place));
  if (place.side === 'common') return movement;
  const cross = place.side === 'other' ? hand.crossMs : 0;
  const crowded = place.rowLength >= CROWDED_ROW;
  const swept = crowded ? Math.min(place.column, place.rowLength - 1 - place.column) : 0;
  return movement + cross + swept * hand.sweepMsPerCard;
}
