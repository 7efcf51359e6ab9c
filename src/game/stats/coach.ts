// The coach: for each reading, one timeline of when the card became decidable (the deciding
// sound of the dynamic kimariji), when the player touched it and when the model was sure; and
// over the history, the two or three habits the numbers show, each with the numbers behind it.
import { sameInitial } from '../../data/kimariji';
import type { Bilingual } from '../i18n';
import { median } from './aggregate';
import type { MatchRecord, ReadingLog } from './record';

export interface TimelineRow {
  readonly index: number;
  readonly reading: ReadingLog;
  /** Player's touch minus the deciding sound, ms (negative: too early, a guess). */
  readonly playerAfterMs: number | null;
  /** Model sure minus the deciding sound, ms. */
  readonly modelAfterMs: number | null;
  /** The timeline's right end (ms): the last marker plus a margin. */
  readonly spanMs: number;
}

/** The readings worth a row: the read card was on the field, or someone faulted. */
export function timeline(record: MatchRecord): TimelineRow[] {
  return record.readings.flatMap((reading, index) => {
    const faulted = reading.faults.own + reading.faults.karafuda + reading.faults.double > 0;
    if (reading.lay === null && !faulted) return [];
    const marks = [reading.decideMs, reading.touchMs ?? 0, reading.sureMs ?? 0, reading.opponentTouchMs ?? 0];
    return [
      {
        index,
        reading,
        playerAfterMs: reading.touchMs === null ? null : reading.touchMs - reading.decideMs,
        modelAfterMs: reading.sureMs === null ? null : reading.sureMs - reading.decideMs,
        spanMs: Math.max(...marks) + 800,
      },
    ];
  });
}

export interface Habit {
  readonly id:
    'waitOnShort' | 'tomofudaFaults' | 'karafudaFaults' | 'modelAhead' | 'slowOtherSide' | 'lateOnLong';
  readonly text: Bilingual;
  /** How strongly the numbers show it; habits are listed strongest first. */
  readonly strength: number;
}

const fmt = (x: number) => String(Math.round(x));
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** At most `limit` habits, strongest first; none when the history is too thin to say. */
export function habits(records: readonly MatchRecord[], limit = 3): Habit[] {
  const readings = records.flatMap((r) => r.readings);
  const takes = readings.filter((r) => r.taker === 0 && r.touchMora !== null && r.touchMs !== null);
  const found: Habit[] = [];

  const shortTakes = takes.filter((r) => r.kimariji <= 1);
  const shortLate = median(shortTakes.map((r) => (r.touchMora as number) - r.kimariji));
  if (shortTakes.length >= 3 && shortLate !== null && shortLate >= 1)
    found.push({
      id: 'waitOnShort',
      strength: shortLate,
      text: {
        ja: `一字決まりの札で一音まるごと待っています（決まり字から中央値 ${shortLate} 音後、${shortTakes.length} 枚）。最初の音で出ましょう。`,
        en: `You wait a full sound on 1-sound cards (median ${shortLate} sounds after the kimariji, ${shortTakes.length} takes). Go on the first sound.`,
      },
    });

  const longTakes = takes.filter((r) => r.kimariji >= 4);
  const longLate = median(longTakes.map((r) => (r.touchMora as number) - r.kimariji));
  if (longTakes.length >= 3 && longLate !== null && longLate >= 1)
    found.push({
      id: 'lateOnLong',
      strength: longLate * 0.9,
      text: {
        ja: `大山札（決まり字4音以上）で決まってから ${longLate} 音遅れています（中央値、${longTakes.length} 枚）。決まり字を覚え直しましょう。`,
        en: `On long cards (4+ sounds) you come ${longLate} sounds after the kimariji (median, ${longTakes.length} takes): relearn where they split.`,
      },
    });

  const wrong = readings.flatMap((r) => r.wrongTouches.map((card) => ({ read: r.poem, card })));
  const onTomofuda = wrong.filter((w) => sameInitial(w.read).includes(w.card)).length;
  if (wrong.length >= 2 && onTomofuda / wrong.length >= 0.5)
    found.push({
      id: 'tomofudaFaults',
      strength: 2 * (onTomofuda / wrong.length) + wrong.length / 20,
      text: {
        ja: `お手つきは友札に集中しています（間違えて触れた ${wrong.length} 枚のうち ${pct(onTomofuda / wrong.length)} が読まれた歌と同じ音で始まる札）。聞き分けで練習しましょう。`,
        en: `Faults cluster on 友札 pairs: ${pct(onTomofuda / wrong.length)} of the ${wrong.length} wrong cards you touched start with the same sound as the poem read. Practise with 聞き分け.`,
      },
    });

  const karaReadings = readings.filter((r) => r.lay === null);
  const karaFaults = karaReadings.filter((r) => r.faults.karafuda + r.faults.double > 0).length;
  if (karaFaults >= 2 && karaReadings.length > 0 && karaFaults / karaReadings.length >= 0.04)
    found.push({
      id: 'karafudaFaults',
      strength: 10 * (karaFaults / karaReadings.length),
      text: {
        ja: `空札で手が出ています（空札 ${karaReadings.length} 回中 ${karaFaults} 回お手つき）。場にない札の決まり字を聞き終えてから動きましょう。`,
        en: `You touch on karafuda: ${karaFaults} faults in ${karaReadings.length} readings of cards not on the field. Hear a card is absent before you move.`,
      },
    });

  const both = takes
    .filter((r) => r.sureMs !== null)
    .map((r) => (r.touchMs as number) - (r.sureMs as number));
  const ahead = median(both);
  if (both.length >= 3 && ahead !== null && ahead >= 300)
    found.push({
      id: 'modelAhead',
      strength: ahead / 600,
      text: {
        ja: `モデルはあなたが触れる ${fmt(ahead)} ms 前に札を確信していました（中央値、${both.length} 枚）。聞こえた時点で決まっています。`,
        en: `The model was sure ${fmt(ahead)} ms before you touched (median over ${both.length} takes): the card was decided by then.`,
      },
    });

  const side = (lay: 0 | 1) =>
    median(takes.filter((r) => r.lay === lay).map((r) => (r.touchMs as number) - r.decideMs));
  const ownSide = side(0);
  const otherSide = side(1);
  const otherCount = takes.filter((r) => r.lay === 1).length;
  if (ownSide !== null && otherSide !== null && otherCount >= 3 && otherSide - ownSide >= 200)
    found.push({
      id: 'slowOtherSide',
      strength: (otherSide - ownSide) / 400,
      text: {
        ja: `敵陣の札は自陣より ${fmt(otherSide - ownSide)} ms 遅く取っています（中央値）。敵陣の配置も覚えましょう。`,
        en: `You take cards on the opponent's side ${fmt(otherSide - ownSide)} ms slower than your own (median): learn their layout too.`,
      },
    });

  return found.sort((a, b) => b.strength - a.strength).slice(0, limit);
}
