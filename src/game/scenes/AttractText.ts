// The attract loop's captions: what a passing visitor sees, said from the match's real state —
// how many poems the sounds heard so far still allow, and when the kimariji decides the poem.
import { toRomaji } from 'wanakana';
import { decidedAfter, kimariji } from '../../data/kimariji';
import type { Bilingual } from '../i18n';
import { unreadAtReading, type MatchState } from '../rules';

export const ATTRACT_TEXT = {
  title: {
    ja: '二つの聴き手の対戦：手前 {near}、奥 {far}。どこかに触れると、あなたの番です。',
    en: 'Two listening models play each other: near {near}, far {far}. Touch anywhere to play.',
  },
  touch: { ja: '画面に触れて対戦を始める', en: 'Touch the screen to play' },
} as const satisfies Record<string, Bilingual>;

/** Kana with its romaji, for English visitors: あさぼ (asabo). */
const withRomaji = (kana: string, reading: string = kana): string => `${kana} (${toRomaji(reading)})`;

/**
 * The caption for this moment of an attract match. During a reading: before the first sound,
 * every unread poem is possible; after each sound, the ones whose opening still fits; once the
 * heard sounds reach the read poem's kimariji among the unread, it is decided, and no listener
 * (model or person) could know sooner. Outside a reading: what the two listeners are doing.
 */
export function attractCaption(state: MatchState, heard: readonly string[]): Bilingual {
  const reading = state.readings.at(-1);
  switch (state.phase) {
    case 'memorization':
      return { ja: '二人とも札の場所を覚えています', en: 'Both are memorizing where the cards lie' };
    case 'joka':
      return { ja: '序歌（最初に読む歌、札はありません）', en: 'The opening poem (joka): no card for it' };
    case 'sending':
      return { ja: '取った側が札を一枚送ります', en: 'The side that took sends one of its cards over' };
    case 'over':
      return { ja: '勝負あり', en: 'The match is over' };
    case 'between':
      return { ja: '次の歌を待っています', en: 'Waiting for the next poem' };
    case 'reading': {
      if (!reading) return { ja: '', en: '' };
      const unread = unreadAtReading(state);
      const possible = decidedAfter(heard, unread).length;
      const decider = kimariji(reading.poem, unread);
      const kana = heard.join('');
      if (heard.length === 0) {
        return {
          ja: `読み上げが始まります — まだ読まれていない ${unread.length} 首のどれか`,
          en: `A poem begins — any of the ${unread.length} not read yet`,
        };
      }
      if (heard.length >= decider.length) {
        return {
          ja: `決まり字「${decider.kana.join('')}」で決まり — これより早く分かる聴き手はいない`,
          en: `Decided at the kimariji ${withRomaji(decider.kana.join(''), decider.morae.join(''))} — no listener can know sooner`,
        };
      }
      return {
        ja: `「${kana}」まで聞こえた — まだ ${possible} 首の可能性`,
        en: `It has heard ${withRomaji(kana)} — ${possible} poems still possible`,
      };
    }
    default: {
      const never: never = state.phase;
      return never;
    }
  }
}
