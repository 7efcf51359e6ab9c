// Kimariji (決まり字): the shortest opening of a poem's upper half, as heard, that no other poem
// still to be read shares (../shared KARUTA.md). Pure functions over the poem data.
//
// Conventions:
// - Comparison is by sound (soundKeys: を and the o of おう sound お) on the modern reading.
// - `unread` is the set of poems that can still be read: all 100 minus those already read, not
//   only the cards on the field. A poem is always compared with the OTHER unread poems: whether
//   `unread` contains the poem itself does not matter.
// - A poem with no rival left has kimariji length 0 (it is decided before a sound is read).
import { soundKeys, toMorae } from './mora';
import { POEMS } from './poems';

export interface Kimariji {
  /** How many sounds must be heard before the poem is decided. */
  readonly length: number;
  /** Those sounds as written in the modern reading (44: お う こ). */
  readonly morae: readonly string[];
  /** The same sounds as heard, compared by (44: お お こ; を is heard お, 48: か ぜ お). */
  readonly sounds: readonly string[];
  /** The same morae in historical kana, as karuta books print them (44: あ ふ こ). Each phrase
   *  has as many morae in historical kana as in the reading (validate.ts checks it). */
  readonly kana: readonly string[];
}

const ALL_NOS: readonly number[] = POEMS.map((p) => p.no);

interface Opening {
  readonly morae: readonly string[];
  readonly kana: readonly string[];
  readonly keys: readonly string[];
}

const OPENINGS: ReadonlyMap<number, Opening> = new Map(
  POEMS.map((p) => [
    p.no,
    { morae: toMorae(p.kami.reading), kana: toMorae(p.kami.kana), keys: soundKeys(p.kami.reading) },
  ]),
);

function openingOf(no: number): Opening {
  const opening = OPENINGS.get(no);
  if (opening === undefined) throw new RangeError(`no poem number ${no} among the 100`);
  return opening;
}

function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Kimariji of poem `no` against the other poems in `unread`. */
export function kimariji(no: number, unread: Iterable<number>): Kimariji {
  const own = openingOf(no);
  let longestShared = -1;
  for (const other of unread) {
    if (other === no) continue;
    longestShared = Math.max(longestShared, sharedPrefix(own.keys, openingOf(other).keys));
  }
  // One sound past the longest opening shared with a rival; capped in case a rival shares the
  // whole upper half (never true of the 100 poems).
  const length = Math.min(longestShared + 1, own.keys.length);
  return {
    length,
    morae: own.morae.slice(0, length),
    sounds: own.keys.slice(0, length),
    kana: own.kana.slice(0, length),
  };
}

export function kimarijiLength(no: number, unread: Iterable<number>): number {
  return kimariji(no, unread).length;
}

const STATIC: ReadonlyMap<number, Kimariji> = new Map(ALL_NOS.map((no) => [no, kimariji(no, ALL_NOS)]));

/** Kimariji at the start of a game, against all 100 poems. */
export function staticKimariji(no: number): Kimariji {
  const k = STATIC.get(no);
  if (k === undefined) throw new RangeError(`no poem number ${no} among the 100`);
  return k;
}

/** Kimariji of every unread poem against the others, for recomputing after each reading. */
export function kimarijiTable(unread: Iterable<number>): Map<number, Kimariji> {
  const nos = [...new Set(unread)];
  return new Map(nos.map((no) => [no, kimariji(no, nos)]));
}

function othersSharing(no: number, sounds: number): number[] {
  if (sounds <= 0) return [];
  const prefix = openingOf(no).keys.slice(0, sounds);
  return ALL_NOS.filter(
    (other) => other !== no && sharedPrefix(prefix, openingOf(other).keys) === prefix.length,
  );
}

/**
 * 友札: the poems that share all but the last of poem `no`'s static kimariji (its rivals up to
 * the deciding sound). One-sound cards have none.
 */
export function tomofuda(no: number): number[] {
  return othersSharing(no, staticKimariji(no).length - 1);
}

/** The other poems whose first sound is the same as poem `no`'s. */
export function sameInitial(no: number): number[] {
  return othersSharing(no, 1);
}

/**
 * The poems in `unread` whose opening is still consistent with the morae heard so far
 * (compared by sound), ascending. With nothing heard that is every unread poem; the read poem
 * is decided when one remains.
 */
export function decidedAfter(heardMorae: readonly string[], unread: Iterable<number>): number[] {
  const heard = soundKeys(heardMorae.join(''));
  return [...new Set(unread)]
    .filter((no) => sharedPrefix(heard, openingOf(no).keys) === heard.length)
    .sort((a, b) => a - b);
}

/**
 * The classic learning order of the initial sounds: the seven one-sound cards, then the
 * initials by how many poems share them (2: う つ し も ゆ, 3: い ち ひ き, 4: は や よ か,
 * 5: み, 6: た こ, 7: お わ, 8: な, 16: あ).
 */
export const LEARNING_INITIALS: readonly string[] = [
  ...'むすめふさほせ',
  ...'うつしもゆ',
  ...'いちひき',
  ...'はやよか',
  ...'み',
  ...'たこ',
  ...'おわ',
  ...'な',
  ...'あ',
];

function compareKimariji(a: number, b: number): number {
  const ka = staticKimariji(a);
  const kb = staticKimariji(b);
  if (ka.length !== kb.length) return ka.length - kb.length;
  const sa = ka.sounds.join('');
  const sb = kb.sounds.join('');
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a - b;
}

/**
 * All 100 poems in the classic learning order: grouped by first sound in LEARNING_INITIALS
 * order; within an initial, shorter static kimariji first, then by the kimariji's sounds in
 * kana (code point) order, then by poem number. Throws if a poem's initial is missing from
 * LEARNING_INITIALS, so a data change cannot silently drop a card.
 */
export function learningOrder(): number[] {
  const rank = new Map(LEARNING_INITIALS.map((s, i) => [s, i]));
  const initialRank = (no: number): number => {
    const r = rank.get(openingOf(no).keys[0] ?? '');
    if (r === undefined) throw new Error(`poem ${no}: initial sound not in LEARNING_INITIALS`);
    return r;
  };
  return ALL_NOS.slice().sort((a, b) => initialRank(a) - initialRank(b) || compareKimariji(a, b));
}

const SHIMO_CARDS: ReadonlyMap<number, { card: string[]; kana: string[] }> = new Map(
  POEMS.map((p) => [
    p.no,
    { card: [...p.shimo.card.replace(/ /g, '')], kana: [...p.shimo.kana.replace(/ /g, '')] },
  ]),
);

/**
 * 下の句の決まり字: the shortest opening of poem `no`'s lower half, as printed on the taking
 * card (kana without dakuten), that no other of the 100 cards shares; returned with dakuten
 * (わがころもでは). Players of 散らし取り and learners use it to find a card by its face.
 */
export function shimoKimariji(no: number): string {
  const own = SHIMO_CARDS.get(no);
  if (own === undefined) throw new RangeError(`no poem number ${no} among the 100`);
  let longestShared = 0;
  for (const [other, { card }] of SHIMO_CARDS) {
    if (other !== no) longestShared = Math.max(longestShared, sharedPrefix(own.card, card));
  }
  return own.kana.slice(0, Math.min(longestShared + 1, own.kana.length)).join('');
}
