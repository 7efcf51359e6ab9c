// The opponent's ear in listening practice, without the DOM: after each heard sound, what the
// listening model believes (its top candidates), how many poems the sounds still allow, and the
// moment it makes up its mind, set beside the read poem's kimariji. Pure, so the words the lab
// and its tour show are unit-tested against the shipped model (test/game/audio/ear.test.ts).
import { toRomaji } from 'wanakana';
import { decidedAfter, kimariji } from '../../data/kimariji';
import { poemByNo } from '../../data/poems';
import type { Bilingual } from '../i18n';

/** Candidates below this share of the belief are not listed. */
const LISTED_BELIEF = 0.01;
export const EAR_ROWS = 5;

export interface EarCandidate {
  readonly poem: number;
  readonly p: number;
}

/** The ear after one more sound of a reading. */
export interface EarMoment {
  /** The sounds heard so far in this reading (modern kana, one mora each). */
  readonly heard: readonly string[];
  /** Unread poems whose opening still fits what was heard. */
  readonly possible: number;
  /** What the model believes most, most first (at least 1 % each). */
  readonly top: readonly EarCandidate[];
  /** The poem it has settled on (its belief passed the commit point), or null. */
  readonly decided: number | null;
}

export function earMoment(
  heard: readonly string[],
  unread: readonly number[],
  belief: ReadonlyMap<number, number>,
  decided: number | null,
): EarMoment {
  const top = [...belief]
    .filter(([, p]) => p >= LISTED_BELIEF)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, EAR_ROWS)
    .map(([poem, p]) => ({ poem, p }));
  return { heard: [...heard], possible: decidedAfter(heard, unread).length, top, decided };
}

/** When it made up its mind in one reading, against what no listener could beat. */
export interface EarVerdict {
  /** The poem it settled on, and whether that is the one being read. */
  readonly poem: number;
  readonly right: boolean;
  /** Sounds heard when it settled (1 = the first). */
  readonly atSound: number;
  /** The read poem's kimariji among the unread: the soonest anyone can know. */
  readonly kimariji: number;
  /** Its kimariji sounds in kana (historical spelling, as karuta books print them). */
  readonly kimarijiKana: string;
  /** The same as heard, for romaji. */
  readonly kimarijiReading: string;
  /** Its belief in that poem then. */
  readonly p: number;
}

/** The verdict of a reading of `readPoem`: the first moment it settled, or null while it has not. */
export function earVerdict(
  moments: readonly EarMoment[],
  readPoem: number,
  unread: readonly number[],
): EarVerdict | null {
  const moment = moments.find((m) => m.decided !== null);
  if (!moment || moment.decided === null) return null;
  const k = kimariji(readPoem, unread);
  return {
    poem: moment.decided,
    right: moment.decided === readPoem,
    atSound: moment.heard.length,
    kimariji: k.length,
    kimarijiKana: k.kana.join(''),
    kimarijiReading: k.morae.join(''),
    p: moment.top.find((c) => c.poem === moment.decided)?.p ?? 0,
  };
}

/** "1st", "2nd", "6th": sound counts in English captions. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Kana with its romaji for English captions: きみ (kimi). */
export function kanaWithRomaji(kana: string, reading: string = kana): string {
  return `${kana} (${toRomaji(reading)})`;
}

/** The first phrase or so of a poem's lower half as printed on its card, and its romaji. */
export function cardOpening(poem: number): { kana: string; romaji: string } {
  const shimo = poemByNo(poem).shimo;
  const kana = shimo.card.split(' ')[0] ?? shimo.card;
  const reading = shimo.reading.split(' ')[0] ?? shimo.reading;
  return { kana, romaji: toRomaji(reading) };
}

/** What the verdict line says: when it decided, and how that stands against the kimariji. */
export function verdictText(v: EarVerdict): Bilingual {
  const kanaJa = `「${v.kimarijiKana}」`;
  const kanaEn = kanaWithRomaji(v.kimarijiKana, v.kimarijiReading);
  const percent = Math.round(v.p * 100);
  if (!v.right)
    return {
      ja: `${v.atSound}音目で ${v.poem}番と決めました（${percent} %）が、違う歌でした`,
      en: `It settled on poem ${v.poem} at the ${ordinal(v.atSound)} sound (${percent} %): the wrong poem`,
    };
  const diff = v.atSound - v.kimariji;
  if (diff < 0)
    return {
      ja: `${v.atSound}音目で ${v.poem}番と決めました（${percent} %）— 決まり字${kanaJa}より前：当たったのは賭けです`,
      en: `It decided on poem ${v.poem} at the ${ordinal(v.atSound)} sound (${percent} %), before the kimariji ${kanaEn}: a guess that came off`,
    };
  if (diff === 0)
    return {
      ja: `${v.atSound}音目で ${v.poem}番と決めました（${percent} %）— 決まり字${kanaJa}の音、これより早く分かる聴き手はいません`,
      en: `It decided on poem ${v.poem} at the ${ordinal(v.atSound)} sound (${percent} %) — the kimariji ${kanaEn}: no listener can know sooner`,
    };
  return {
    ja: `${v.atSound}音目で ${v.poem}番と決めました（${percent} %）— 決まり字${kanaJa}（${v.kimariji}音）より ${diff} 音遅れて`,
    en: `It decided on poem ${v.poem} at the ${ordinal(v.atSound)} sound (${percent} %) — ${diff} sound${diff === 1 ? '' : 's'} after the kimariji ${kanaEn} (${v.kimariji} sounds)`,
  };
}
