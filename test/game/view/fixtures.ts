// Three hand-written poems for view tests that must not depend on the full data set: a typical
// card (17), the one card whose last column has six kana (21), and poem 1.
import type { Poem } from '../../../src/data/types';

export const POEM_1: Poem = {
  no: 1,
  poet: '天智天皇',
  poetKana: 'てんじてんのう',
  kanji: '秋の田の かりほの庵の 苫をあらみ わが衣手は 露にぬれつつ',
  kami: {
    kana: 'あきのたの かりほのいほの とまをあらみ',
    card: 'あきのたの かりほのいほの とまをあらみ',
    reading: 'あきのたの かりおのいおの とまをあらみ',
  },
  shimo: {
    kana: 'わがころもでは つゆにぬれつつ',
    card: 'わかころもては つゆにぬれつつ',
    reading: 'わがころもでわ つゆにぬれつつ',
  },
  torifuda: ['わかころも', 'てはつゆに', 'ぬれつつ'],
  goshiki: '桃',
};

export const POEM_17: Poem = {
  no: 17,
  poet: '在原業平朝臣',
  poetKana: 'ありわらのなりひらあそん',
  kanji: '千早振る 神代も聞かず 龍田川 からくれなゐに 水くくるとは',
  kami: {
    kana: 'ちはやぶる かみよもきかず たつたがは',
    card: 'ちはやふる かみよもきかす たつたかは',
    reading: 'ちはやぶる かみよもきかず たつたがわ',
  },
  shimo: {
    kana: 'からくれなゐに みづくくるとは',
    card: 'からくれなゐに みつくくるとは',
    reading: 'からくれないに みずくくるとわ',
  },
  torifuda: ['からくれな', 'ゐにみつく', 'くるとは'],
  goshiki: '緑',
};

export const POEM_21: Poem = {
  no: 21,
  poet: '素性法師',
  poetKana: 'そせいほうし',
  kanji: '今来むと いひしばかりに 長月の 有明の月を 待ち出でつるかな',
  kami: {
    kana: 'いまこむと いひしばかりに ながつきの',
    card: 'いまこむと いひしはかりに なかつきの',
    reading: 'いまこんと いいしばかりに ながつきの',
  },
  shimo: {
    kana: 'ありあけのつきを まちいでつるかな',
    card: 'ありあけのつきを まちいてつるかな',
    reading: 'ありあけのつきを まちいでつるかな',
  },
  torifuda: ['ありあけの', 'つきをまち', 'いてつるかな'],
  goshiki: '橙',
};

export const SAMPLE_POEMS: readonly Poem[] = [POEM_1, POEM_17, POEM_21];
