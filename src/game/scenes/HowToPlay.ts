// How to play, for a first-time player: what the game is, how a reading and a take go, faults
// and sends, and every key. A DOM panel (reachable from the title menu and from a match, which
// pauses under it); Esc, the button or a click on "close" hands control back.
import { tr, type Bilingual } from '../i18n';
import { openPanel } from '../panels/host';
import { testHooks } from '../testHooks';
import './howToPlay.css';

export const HOW_TO_PLAY_LABEL: Bilingual = { ja: '遊び方', en: 'How to play' };

const SECTIONS: readonly { title: Bilingual; lines: readonly Bilingual[] }[] = [
  {
    title: { ja: '競技かるたとは', en: 'What competitive karuta is' },
    lines: [
      {
        ja: '百人一首の上の句が読まれます。その歌の下の句が書かれた取り札を、相手より先に触ります。',
        en: 'The upper half of a poem is read aloud; touch the card that holds its lower half before your opponent does.',
      },
      {
        ja: '自分の陣（下の 3 段）と相手の陣（上の 3 段）に 25 枚ずつ。自分の陣の札が先になくなった方が勝ちです。',
        en: 'You have 25 cards in your territory (the bottom three rows), the opponent 25 in theirs. The first to empty their own territory wins.',
      },
      {
        ja: '残りの 50 首も読まれます（空札）。場にない歌で札に触るとお手つきです。',
        en: 'The other 50 poems are read too, as karafuda: touching a card when the poem read is not on the field is a fault.',
      },
    ],
  },
  {
    title: { ja: '暗記時間と札の並べ方', en: 'Memorizing and arranging' },
    lines: [
      {
        ja: '始めに暗記時間があります（S で終えて読み上げへ）。この間、自分の札をドラッグして好きな場所へ動かせます。',
        en: 'A match starts with time to memorize (S starts the reading). Meanwhile drag your own cards wherever you like in your three rows.',
      },
      {
        ja: 'キーボードでは、矢印で札を選び Enter で持ち上げ、矢印で動かし、もう一度 Enter で置きます。',
        en: 'With the keyboard: arrows pick a card, Enter lifts it, arrows move it, Enter puts it down.',
      },
      {
        ja: '札の位置は取られても動きません（空いた所はそのまま）。並べた位置は「定位置」として次の対戦でも使われます。',
        en: 'Cards stay where they lie when others are taken (a gap stays a gap). Your arrangement is kept as your home positions for the next match.',
      },
    ],
  },
  {
    title: { ja: '取る・お手つき・送り札', en: 'Taking, faults and sending' },
    lines: [
      {
        ja: '札をクリックかタップ。キーボードなら行の数字（上から 1–6）に続けて列のキー（左から 1 2 … 9 0 - =）で、その札に触ります。',
        en: 'Click or tap the card. From the keyboard, a row key (1–6, top to bottom) then a column key (1 2 … 9 0 - =, left to right) touches that card.',
      },
      {
        ja: '相手の陣の札を取ったら、自分の札を 1 枚選んで相手に送ります（光っている札から選ぶ）。',
        en: "Take a card from the opponent's side and you send them one of yours (choose among the lit cards).",
      },
      {
        ja: 'お手つきをすると相手から 1 枚送られます。送られた札は光り、次の歌が読まれるまで好きな場所へ動かせます。',
        en: 'After a fault the opponent sends you a card. It lights up, and you may move it anywhere until the next poem is read.',
      },
    ],
  },
  {
    title: { ja: 'キー', en: 'Keys' },
    lines: [
      {
        ja: 'P 一時停止・再開　S 暗記を終える　B 相手の確信　H 遊び方　Esc やめる',
        en: 'P pause/resume · S start reading · B opponent’s belief · H how to play · Esc quit',
      },
      {
        ja: '「相手の確信」：相手のモデルが、いま読まれている歌をどれだと思っているか。金色の帯と、候補の一覧（空札も含む）で表示します。',
        en: "Opponent's belief: which poem the opponent's model thinks is being read, as a gold wash on the cards and a list of its top candidates (karafuda included).",
      },
    ],
  },
];

/** Opens the how-to-play panel; `onClose` runs when it is closed. */
export function openHowToPlay(onClose: () => void = () => {}): void {
  // The screen under the panel is the screen again once it closes.
  const under = testHooks().screen;
  openPanel(
    'how-to-play',
    (root, handle) => {
      root.classList.add('how-to-play');
      const title = document.createElement('h1');
      title.textContent = tr(HOW_TO_PLAY_LABEL);
      const close = document.createElement('button');
      close.textContent = tr({ ja: '閉じる (Esc)', en: 'Close (Esc)' });
      close.className = 'how-to-play-close';
      close.addEventListener('click', () => handle.close());
      root.append(title, close);
      for (const section of SECTIONS) {
        const h = document.createElement('h2');
        h.textContent = tr(section.title);
        root.append(h);
        for (const line of section.lines) {
          const p = document.createElement('p');
          p.textContent = tr(line);
          root.append(p);
        }
      }
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        handle.close();
      };
      window.addEventListener('keydown', onKey, true);
      close.focus();
      return () => window.removeEventListener('keydown', onKey, true);
    },
    () => {
      testHooks().screen = under;
      onClose();
    },
  );
}
