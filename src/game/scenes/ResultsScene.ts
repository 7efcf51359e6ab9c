// The results: who won and by how many cards (枚差), who you played at which level, then per card
// whose side it lay on, who took it, in how many ms and sounds after its kimariji, the faults and
// the sends (from → to). A DOM panel over the canvas: a long table reads better as HTML.
import Phaser from 'phaser';
import { poemByNo } from '../../data/poems';
import { tr, trf, type Bilingual } from '../i18n';
import { openPanel } from '../panels/host';
import type { MatchState, Player } from '../rules';
import type { MatchSceneData } from './MatchScene';
import { MATCH_TEXT, who } from './MatchText';
import { summarize, type CardResult } from './ResultsData';
import { SOLO_NAMES, type SideNames } from './seats';
import { withRomaji } from '../romaji';
import { fitScene } from '../view/screen';
import './results.css';

export interface ResultsData {
  readonly state: MatchState;
  readonly opponent: string;
  /** The level played (already in the player's language). */
  readonly level?: string;
  /** How the two sides are named (default you and the opponent). */
  readonly names?: SideNames;
  /** How to start the same kind of game again (a new deal). */
  readonly again: MatchSceneData;
}

const TEXT = {
  title: { ja: '結果', en: 'Results' },
  youWin: { ja: 'あなたの勝ち', en: 'You win' },
  youLose: { ja: '相手の勝ち', en: 'The opponent wins' },
  draw: { ja: '引き分け', en: 'Draw' },
  against: { ja: '相手：{name}・{level}', en: 'Opponent: {name} · {level}' },
  margin: {
    ja: '{n} 枚差　残り札　あなた {mine} 枚・相手 {theirs} 枚',
    en: 'Margin: {n} cards · left: you {mine}, opponent {theirs}',
  },
  marginChirashi: { ja: '{n} 枚差', en: 'Margin: {n} cards' },
  side: { ja: '陣', en: 'Side' },
  ms: { ja: '時間', en: 'Time' },
  msValue: { ja: '{n} ms', en: '{n} ms' },
  field: { ja: '場', en: 'field' },
  sendLine: { ja: '{from}→{to}：{cards}', en: '{from} → {to}: {cards}' },
  summary: {
    ja: '{who}　取り {taken} 枚・お手つき {faults}・決まり字から {after}',
    en: '{who}: {taken} taken · faults {faults} · median {after} after the kimariji',
  },
  sounds: { ja: '{n} 音', en: '{n} sounds' },
  none: { ja: '―', en: '—' },
  card: { ja: '札', en: 'Card' },
  kimariji: { ja: '決まり字', en: 'Kimariji' },
  taker: { ja: '取り', en: 'Taken by' },
  after: { ja: '決まり字から', en: 'After kimariji' },
  faults: { ja: 'お手つき', en: 'Faults' },
  sent: { ja: '送り札', en: 'Sent' },
  karafuda: { ja: '空札', en: 'karafuda' },
  again: { ja: 'もう一度', en: 'Play again' },
  wins: { ja: '{who}の勝ち', en: '{who} wins' },
  marginNamed: {
    ja: '{n} 枚差　残り札　{a} {mine} 枚・{b} {theirs} 枚',
    en: 'Margin: {n} cards · left: {a} {mine}, {b} {theirs}',
  },
  pair: { ja: '二人対戦（同じ画面）', en: 'Two players, one screen' },
  title_: { ja: 'タイトルへ', en: 'Title' },
} as const satisfies Record<string, Bilingual>;

export class ResultsScene extends Phaser.Scene {
  constructor() {
    super('results');
  }

  create(data: ResultsData): void {
    fitScene(this, true); // a DOM panel: CSS lays it out for any window
    let next: () => void = () => this.scene.start('title');
    openPanel(
      'results',
      (root, handle) => {
        root.classList.add('results');
        root.append(
          this.build(data, (action) => {
            next = action === 'again' ? () => this.scene.start('match', data.again) : next;
            handle.close();
          }),
        );
        root.querySelector<HTMLButtonElement>('button')?.focus();
      },
      () => next(),
    );
  }

  private build(data: ResultsData, done: (action: 'again' | 'title') => void): HTMLElement {
    const summary = summarize(data.state);
    const names = data.names ?? SOLO_NAMES;
    const named = names !== SOLO_NAMES;
    const el = (tag: string, text = '', className = '') => {
      const node = document.createElement(tag);
      node.textContent = text;
      if (className) node.className = className;
      return node;
    };
    const wrap = el('div');
    const verdict =
      summary.winner === 'draw' || summary.winner === null
        ? tr(TEXT.draw)
        : named
          ? trf(TEXT.wins, { who: who(summary.winner, names) })
          : tr(summary.winner === 0 ? TEXT.youWin : TEXT.youLose);
    const heading = el('h1', verdict, 'results-verdict');
    heading.dataset.winner = String(summary.winner);
    wrap.append(heading);
    const [mine, theirs] = summary.left;
    const margin =
      data.state.mode === 'chirashi'
        ? trf(TEXT.marginChirashi, { n: summary.margin })
        : named
          ? trf(TEXT.marginNamed, { n: summary.margin, mine, theirs, a: who(0, names), b: who(1, names) })
          : trf(TEXT.margin, { n: summary.margin, mine, theirs });
    wrap.append(el('p', margin, 'results-margin'));
    wrap.append(
      el(
        'p',
        data.opponent
          ? trf(TEXT.against, { name: data.opponent, level: data.level || tr(TEXT.none) })
          : tr(TEXT.pair),
        'results-level',
      ),
    );
    for (const p of [0, 1] as const) {
      const after = summary.medianAfter[p];
      wrap.append(
        el(
          'p',
          trf(TEXT.summary, {
            who: who(p, names),
            taken: summary.taken[p],
            faults: summary.faults[p],
            after: after === null ? tr(TEXT.none) : trf(TEXT.sounds, { n: signed(after) }),
          }),
          'results-summary',
        ),
      );
    }
    const buttons = el('div', '', 'results-buttons');
    const again = el('button', tr(TEXT.again));
    again.addEventListener('click', () => done('again'));
    const back = el('button', tr(TEXT.title_));
    back.addEventListener('click', () => done('title'));
    buttons.append(again, back);
    wrap.append(buttons, this.table(summary.cards, names));
    return wrap;
  }

  private table(cards: readonly CardResult[], names: SideNames): HTMLElement {
    const table = document.createElement('table');
    table.className = 'results-table';
    const head = table.createTHead().insertRow();
    const labels = [
      TEXT.card,
      TEXT.kimariji,
      TEXT.side,
      TEXT.taker,
      TEXT.ms,
      TEXT.after,
      TEXT.faults,
      TEXT.sent,
    ];
    for (const label of labels) {
      head.append(Object.assign(document.createElement('th'), { textContent: tr(label) }));
    }
    const body = table.createTBody();
    for (const card of cards) {
      const row = body.insertRow();
      row.dataset.poem = String(card.poem);
      const poem = poemByNo(card.poem);
      const faults = ([0, 1] as const)
        .filter((p) => card.faults[p] > 0)
        .map((p) => `${who(p, names)}${card.faults[p] > 1 ? ' ×' + card.faults[p] : ''}`)
        .join('・');
      const side =
        card.lay === 0 || card.lay === 1
          ? who(card.lay, names)
          : card.lay === 'field'
            ? tr(TEXT.field)
            : tr(TEXT.karafuda);
      const sends =
        card.send && card.sent.length > 0
          ? trf(TEXT.sendLine, {
              from: who(card.send.from, names),
              to: who(card.send.to, names),
              cards: card.sent.join(', '),
            })
          : tr(TEXT.none);
      const cells = [
        `${card.poem} ${poem.torifuda[0]}…${card.onField ? '' : `（${tr(TEXT.karafuda)}）`}`,
        withRomaji(card.kimariji),
        side,
        card.onField ? takerName(card.taker, names) : tr(TEXT.none),
        card.takeMs === null ? tr(TEXT.none) : trf(TEXT.msValue, { n: Math.round(card.takeMs) }),
        card.afterKimariji === null ? tr(TEXT.none) : signed(card.afterKimariji),
        faults || tr(TEXT.none),
        sends,
      ];
      cells.forEach((text, i) => {
        const cell = row.insertCell();
        cell.textContent = text;
        if (i === 1) cell.className = 'results-kimariji';
        if (i === 4) cell.className = 'results-number';
      });
    }
    return table;
  }
}

function takerName(taker: Player | null, names: SideNames): string {
  return taker === null ? tr(MATCH_TEXT.nobody) : who(taker, names);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}
