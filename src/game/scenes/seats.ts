// Who plays each side of a match: a person at this screen, or a computer opponent. One person
// against a model is the usual match; two people share one touch screen (the far side's cards
// face them); two opponents play each other as a demonstration. The scene, the driver and the
// results read this one choice instead of a special case per kind of match.
import type { Bilingual } from '../i18n';
import type { OpponentKind } from '../opponents/registry';
import type { Player } from '../rules';

export type Seat =
  { readonly kind: 'human' } | { readonly kind: 'opponent'; readonly opponent: OpponentKind };

/** Player 0 (the near side, at the bottom of the screen) first. */
export type Seats = readonly [Seat, Seat];

export const HUMAN: Seat = { kind: 'human' };

/** You against a computer opponent. */
export function soloSeats(opponent: OpponentKind = 'transformer'): Seats {
  return [HUMAN, { kind: 'opponent', opponent }];
}

export const PAIR_SEATS: Seats = [HUMAN, HUMAN];

export function isHuman(seats: Seats, player: Player): boolean {
  return seats[player].kind === 'human';
}

/** Two people at one screen: both sides touch, send and arrange. */
export function isPair(seats: Seats): boolean {
  return isHuman(seats, 0) && isHuman(seats, 1);
}

/** You against the computer: the only kind of match that is your history and your 定位置. */
export function isSolo(seats: Seats): boolean {
  return isHuman(seats, 0) && !isHuman(seats, 1);
}

/** How the messages and the results name the two sides, player 0 first. */
export type SideNames = readonly [Bilingual, Bilingual];

export const SOLO_NAMES: SideNames = [
  { ja: 'あなた', en: 'You' },
  { ja: '相手', en: 'Opponent' },
];

export const PAIR_NAMES: SideNames = [
  { ja: '手前の人', en: 'Near player' },
  { ja: '奥の人', en: 'Far player' },
];

export function sideNames(seats: Seats): SideNames {
  return isPair(seats) ? PAIR_NAMES : SOLO_NAMES;
}
