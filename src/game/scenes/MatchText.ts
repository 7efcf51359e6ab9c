// Every text of the match and results screens, in both languages, and the messages for rule
// events (what the player is told after a take, a fault or a send).
import { kimariji } from '../../data/kimariji';
import { poemByNo } from '../../data/poems';
import { tr, trf, type Bilingual } from '../i18n';
import type { MatchEvent, MatchState, Player } from '../rules';
import type { Difficulty } from '../settings';
import { SOLO_NAMES, type SideNames } from './seats';

export const MATCH_TEXT = {
  nobody: { ja: 'なし', en: 'Nobody' },
  left: { ja: '{who}　残り {n} 枚', en: '{who}: {n} left' },
  takenCount: { ja: '{who}　取り札 {n} 枚', en: '{who}: {n} taken' },
  memorize: { ja: '暗記時間　{time}', en: 'Memorize: {time}' },
  skip: { ja: '暗記を終える (S)', en: 'Start reading (S)' },
  pause: { ja: '一時停止 (P)', en: 'Pause (P)' },
  resume: { ja: '再開 (P)', en: 'Resume (P)' },
  quit: { ja: 'やめる (Esc)', en: 'Quit (Esc)' },
  paused: { ja: '一時停止中　― P または クリックで再開', en: 'Paused — P or click to resume' },
  joka: { ja: '序歌', en: 'Opening poem (joka)' },
  reading: { ja: '読み上げ中', en: 'Reading' },
  heard: { ja: '聞こえた音', en: 'Heard' },
  chooseSend: { ja: '相手に送る札を選んでください（{n} 枚）', en: 'Choose a card to send ({n})' },
  opponentSends: { ja: '相手から {n} 枚送られます', en: 'The opponent sends you {n}' },
  youTook: { ja: '取りました', en: 'You took it' },
  opponentTook: { ja: '相手が取りました', en: 'The opponent took it' },
  simultaneous: { ja: '（同時：陣の持ち主の札）', en: ' (together: the owner’s card)' },
  untaken: { ja: '誰も取りませんでした', en: 'Nobody took it' },
  karafuda: { ja: '空札', en: 'Karafuda (not on the field)' },
  yourFault: { ja: 'お手つき（あなた）', en: 'Fault (you)' },
  opponentFault: { ja: 'お手つき（相手）', en: 'Fault (opponent)' },
  double: { ja: '　×2', en: ' ×2' },
  forfeit: { ja: '{who}の札 {card} 番を返します', en: '{who} give(s) back card {card}' },
  sent: { ja: '{who}が {card}を送りました', en: '{who} sent {card}' },
  received: {
    ja: '{who}から{card}が来ました。光っている札は動かせます',
    en: '{who} sent you {card}; the lit card can be moved',
  },
  level: { ja: '相手：{name}・{level}', en: 'Opponent: {name} · {level}' },
  help: { ja: '遊び方 (H)', en: 'How to play (H)' },
  shippedModel: { ja: '付属のモデル', en: 'shipped model' },
  savedModel: { ja: '保存したモデル', en: 'your saved model' },
  arrangeKeys: {
    ja: '札をドラッグして並べ替え・Enter で持って矢印で動かす',
    en: 'Drag cards to arrange; Enter holds one, arrows move it',
  },
  unmeisen: { ja: '運命戦', en: 'Unmeisen: one card each' },
  kimariji: { ja: '決まり字　{k}', en: 'Kimariji: {k}' },
  atMora: { ja: '{n} 音目で', en: 'at sound {n}' },
  belief: { ja: '相手の確信 (B)', en: "Opponent's belief (B)" },
  loadingOpponent: { ja: '相手を読み込み中…', en: 'Loading the opponent…' },
  keys: {
    ja: '取る：行の数字 1–6 と列のキー 1…= ／ 矢印と Enter',
    en: 'Take: row key 1–6 then column key 1…= / arrows and Enter',
  },
} as const satisfies Record<string, Bilingual | Record<string, string>>;

/** The messages when neither side is "you" (two people at one screen): each names its side. */
export const NAMED_TEXT = {
  took: { ja: '{who}が取りました', en: '{who} took it' },
  fault: { ja: 'お手つき（{who}）', en: 'Fault ({who})' },
  chooseSend: {
    ja: '{who}：{to}に送る札を選んでください（{n} 枚）',
    en: '{who}: choose a card to send to the {to} ({n})',
  },
  received: {
    ja: '{to}に{card}が来ました（{who}から）。光っている札は動かせます',
    en: '{to} received {card} from the {who}; the lit card can be moved',
  },
  pair: { ja: '二人対戦（同じ画面）', en: 'Two players, one screen' },
  pairHint: {
    ja: '自分の陣の札は触れて取る・相手の陣の札は自分の側から滑らせて取る',
    en: 'Tap a card on your side; for one on the other side, slide from your side',
  },
} as const satisfies Record<string, Bilingual>;

export const LEVELS: Record<Difficulty, Bilingual> = {
  beginner: { ja: '初級', en: 'Beginner' },
  intermediate: { ja: '中級', en: 'Intermediate' },
  advanced: { ja: '上級', en: 'Advanced' },
  master: { ja: '名人', en: 'Master' },
};

/** A card named so a player knows it: its number and the start of its poem. */
export function cardName(card: number): string {
  const start = poemByNo(card).kami.kana.split(' ')[0] ?? '';
  return trf({ ja: '{n}番「{start}」', en: 'card {n} “{start}”' }, { n: card, start });
}

export function who(player: Player, names: SideNames = SOLO_NAMES): string {
  return tr(names[player]);
}

/**
 * The messages for one batch of rule events, in order. With `names` other than you and the
 * opponent (two people at one screen), every message names its side.
 */
export function eventMessages(events: readonly MatchEvent[], names: SideNames = SOLO_NAMES): string[] {
  const out: string[] = [];
  const named = names !== SOLO_NAMES;
  for (const event of events) {
    switch (event.type) {
      case 'taken':
        out.push(
          (named
            ? trf(NAMED_TEXT.took, { who: who(event.player, names) })
            : tr(event.player === 0 ? MATCH_TEXT.youTook : MATCH_TEXT.opponentTook)) +
            (event.simultaneous ? tr(MATCH_TEXT.simultaneous) : ''),
        );
        break;
      case 'untaken':
        out.push(tr(MATCH_TEXT.untaken));
        break;
      case 'karafuda':
        out.push(tr(MATCH_TEXT.karafuda));
        break;
      case 'fault':
        out.push(
          (named
            ? trf(NAMED_TEXT.fault, { who: who(event.player, names) })
            : tr(event.player === 0 ? MATCH_TEXT.yourFault : MATCH_TEXT.opponentFault)) +
            (event.count > 1 ? tr(MATCH_TEXT.double) : ''),
        );
        break;
      case 'forfeit':
        out.push(trf(MATCH_TEXT.forfeit, { who: who(event.player, names), card: event.card }));
        break;
      case 'sendOwed':
        out.push(
          named
            ? sendPrompt(event.from, event.count, names)
            : event.from === 0
              ? trf(MATCH_TEXT.chooseSend, { n: event.count })
              : trf(MATCH_TEXT.opponentSends, { n: event.count }),
        );
        break;
      case 'sent':
        out.push(
          named
            ? trf(NAMED_TEXT.received, {
                who: who(event.from, names),
                to: who(event.to, names),
                card: cardName(event.card),
              })
            : trf(event.to === 0 ? MATCH_TEXT.received : MATCH_TEXT.sent, {
                who: who(event.from),
                card: cardName(event.card),
              }),
        );
        break;
      case 'unmeisen':
        out.push(tr(MATCH_TEXT.unmeisen));
        break;
      case 'memorizationOver':
      case 'arranged':
      case 'laidOut':
      case 'read':
      case 'touched':
      case 'over':
        break;
      default: {
        const never: never = event;
        throw new Error(`unknown event ${String(never)}`);
      }
    }
  }
  return out;
}

/** Who must choose a card to send to whom, naming both sides. */
export function sendPrompt(from: Player, count: number, names: SideNames): string {
  return trf(NAMED_TEXT.chooseSend, { who: who(from, names), to: who(from === 0 ? 1 : 0, names), n: count });
}

/**
 * The status line under the counts: the memorization clock, the joka, a send to choose… With
 * other `names` than you and the opponent, a send to choose is named by side.
 */
export function statusLine(
  state: MatchState,
  memorizationSecondsLeft: number,
  names: SideNames = SOLO_NAMES,
): string {
  const left = memorizationSecondsLeft;
  const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  if (state.phase === 'memorization')
    return `${trf(MATCH_TEXT.memorize, { time })}\n${tr(names === SOLO_NAMES ? MATCH_TEXT.arrangeKeys : NAMED_TEXT.pairHint)}`;
  if (state.phase === 'joka') return tr(MATCH_TEXT.joka);
  if (state.phase === 'sending' && state.pendingSend && names !== SOLO_NAMES)
    return sendPrompt(state.pendingSend.from, state.pendingSend.count, names);
  if (state.phase === 'sending' && state.pendingSend?.from === 0)
    return trf(MATCH_TEXT.chooseSend, { n: state.pendingSend.count });
  if (state.phase === 'reading')
    return names === SOLO_NAMES
      ? `${tr(MATCH_TEXT.reading)}\n${tr(MATCH_TEXT.keys)}`
      : tr(MATCH_TEXT.reading);
  return '';
}

/** What the far player of two at one screen reads, turned to face them: the status and the
 *  last message. */
export function farStatus(
  state: MatchState,
  memorizationSecondsLeft: number,
  names: SideNames,
  messages: readonly string[],
): string {
  const status = statusLine(state, memorizationSecondsLeft, names);
  const last = messages.at(-1) ?? '';
  return [status, last === status ? '' : last].filter(Boolean).join('\n');
}

/**
 * The poem just decided, as the panel shows it (number, poet, the five lines in kanji), and its
 * kimariji at the moment it was read; null before the first reading.
 */
export function poemCaption(state: MatchState): { poem: string; kimariji: string } | null {
  const reading = state.readings.at(-1);
  if (!reading) return null;
  const poem = poemByNo(reading.poem);
  const unread = [...state.queue, reading.poem];
  const k = kimariji(reading.poem, unread);
  const [a, b, c, d, e] = poem.kanji.split(' ');
  return {
    poem: `${poem.no}\u3000${poem.poet}\n${a} ${b} ${c}\n\u3000${d} ${e}`,
    kimariji: trf(MATCH_TEXT.kimariji, { k: k.morae.join('') }),
  };
}
