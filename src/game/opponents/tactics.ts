// How a computer player lays out its territory (定位置) and chooses the card it sends (送り札),
// as players are taught to. Pure functions over card numbers; the opponents call them and
// `npm run eval:opponent` measures them against the dealt layout and a random send.
//
// Layout (定位置), a fixed policy, the same every match so the player learns where it keeps what:
// - cards sharing an opening with another card in the same hand (友札) lie side by side, so one
//   movement covers the group and only the deciding sound is left to hear (友札はまとめる);
// - the groups decided soonest go to the 下段, nearest the owner and farthest from the other
//   player's hand: a one- or two-sound card is a race, won where the rival reaches slowest;
//   the longest (大山札) go to the 上段, where there is time to take them anyway;
// - within a kimariji length, groups follow the classic learning order (むすめふさほせ…), so
//   the layout is predictable; rows keep the sizes they were dealt with.
//
// Sends (送り札):
// - first choice: one card of a 友札 pair whose partner is also in its own territory — the pair
//   becomes 分かれ札 on both sides, and the receiver has to wait for the deciding sound on a card
//   it did not lay out;
// - otherwise, and among those, the card decided last (longest kimariji now): the one speed
//   helps least, so the one it loses least by giving away.
// The opponent breaks a remaining tie with its own model's belief (transformer.ts).
import { decidedAfter, kimarijiLength, learningOrder, staticKimariji } from '../../data/kimariji';
import { toMorae } from '../../data/mora';
import { POEMS } from '../../data/poems';

const LEARNING_RANK: ReadonlyMap<number, number> = new Map(learningOrder().map((no, i) => [no, i]));

function initialOf(no: number): string {
  return staticKimariji(no).sounds[0] ?? '';
}

/**
 * The fixed arrangement: the same cards, rows of the same sizes, [上段, 中段, 下段]; within a
 * row, left to right from the owner's seat.
 */
export function arrangeTerritory(rows: readonly (readonly number[])[]): number[][] {
  const cards = rows.flat();
  const rank = (no: number) => LEARNING_RANK.get(no) ?? 0;
  // A group = the cards of this hand sharing a first sound. It sorts by its quickest card's
  // kimariji, then by its place in the learning order; its cards stay together.
  const quickest = new Map<string, number>();
  const firstRank = new Map<string, number>();
  for (const no of cards) {
    const initial = initialOf(no);
    quickest.set(initial, Math.min(quickest.get(initial) ?? Infinity, staticKimariji(no).length));
    firstRank.set(initial, Math.min(firstRank.get(initial) ?? Infinity, rank(no)));
  }
  const key = (no: number): [number, number, number] => [
    quickest.get(initialOf(no)) ?? 0,
    firstRank.get(initialOf(no)) ?? 0,
    rank(no),
  ];
  const order = [...cards].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  });
  // Fill from the 下段 (last row) towards the 上段, each row keeping its size.
  const out: number[][] = rows.map(() => []);
  let next = 0;
  for (let row = rows.length - 1; row >= 0; row--) {
    const size = rows[row]?.length ?? 0;
    out[row] = order.slice(next, next + size);
    next += size;
  }
  return out;
}

/** Unread poems other than `no` sharing its opening up to one sound before its kimariji now. */
export function tomofudaOf(no: number, unread: readonly number[]): number[] {
  const k = kimarijiLength(no, unread);
  if (k <= 1) return [];
  const poem = POEMS[no - 1];
  if (!poem) return [];
  return decidedAfter(toMorae(poem.kami.reading).slice(0, k - 1), unread).filter((other) => other !== no);
}

/**
 * The cards it would send, best first choice set: the 友札 pairs it can split if any, narrowed
 * to the longest kimariji. Never empty when `own` is not.
 */
export function sendCandidates(own: readonly number[], unread: readonly number[]): number[] {
  const ownSet = new Set(own);
  const splits = own.filter((no) => tomofudaOf(no, unread).some((rival) => ownSet.has(rival)));
  const pool = splits.length > 0 ? splits : [...own];
  const lengths = pool.map((no) => kimarijiLength(no, unread));
  const longest = Math.max(...lengths);
  return pool.filter((_, i) => lengths[i] === longest);
}
