// The results: who won, then per card who took it and how many sounds after its kimariji, and
// the faults. A DOM panel over the canvas: a long table reads better as HTML.
import Phaser from 'phaser';
import { poemByNo } from '../../data/poems';
import { tr, trf, type Bilingual } from '../i18n';
import { openPanel } from '../panels/host';
import type { MatchState, Player } from '../rules';
import type { MatchSceneData } from './MatchScene';
import { MATCH_TEXT, who } from './MatchText';
import { summarize, type CardResult } from './ResultsData';
import './results.css';

export interface ResultsData {
  readonly state: MatchState;
  readonly opponent: string;
  /** How to start the same kind of game again (a new deal). */
  readonly again: MatchSceneData;
}

const TEXT = {
  title: { ja: '結果', en: 'Results' },
  youWin: { ja: 'あなたの勝ち', en: 'You win' },
  youLose: { ja: '相手の勝ち', en: 'The opponent wins' },
  draw: { ja: '引き分け', en: 'Draw' },
  against: { ja: '相手：{name}', en: 'Opponent: {name}' },
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
  title_: { ja: 'タイトルへ', en: 'Title' },
} as const satisfies Record<string, Bilingual>;

export class ResultsScene extends Phaser.Scene {
  constructor() {
    super('results');
  }

  create(data: ResultsData): void {
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
    const el = (tag: string, text = '', className = '') => {
      const node = document.createElement(tag);
      node.textContent = text;
      if (className) node.className = className;
      return node;
    };
    const wrap = el('div');
    const verdict = summary.winner === 'draw' ? TEXT.draw : summary.winner === 0 ? TEXT.youWin : TEXT.youLose;
    const heading = el('h1', tr(verdict), 'results-verdict');
    heading.dataset.winner = String(summary.winner);
    wrap.append(heading, el('p', trf(TEXT.against, { name: data.opponent })));
    for (const p of [0, 1] as const) {
      const after = summary.medianAfter[p];
      wrap.append(
        el(
          'p',
          trf(TEXT.summary, {
            who: who(p),
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
    wrap.append(buttons, this.table(summary.cards));
    return wrap;
  }

  private table(cards: readonly CardResult[]): HTMLElement {
    const table = document.createElement('table');
    table.className = 'results-table';
    const head = table.createTHead().insertRow();
    for (const label of [TEXT.card, TEXT.kimariji, TEXT.taker, TEXT.after, TEXT.faults, TEXT.sent]) {
      head.append(Object.assign(document.createElement('th'), { textContent: tr(label) }));
    }
    const body = table.createTBody();
    for (const card of cards) {
      const row = body.insertRow();
      row.dataset.poem = String(card.poem);
      const poem = poemByNo(card.poem);
      const faults = ([0, 1] as const)
        .filter((p) => card.faults[p] > 0)
        .map((p) => `${who(p)}${card.faults[p] > 1 ? ' ×' + card.faults[p] : ''}`)
        .join('・');
      const cells = [
        `${card.poem} ${poem.torifuda[0]}…${card.onField ? '' : `（${tr(TEXT.karafuda)}）`}`,
        card.kimariji,
        card.onField ? takerName(card.taker) : tr(TEXT.none),
        card.afterKimariji === null ? tr(TEXT.none) : signed(card.afterKimariji),
        faults || tr(TEXT.none),
        card.sent.join(', ') || tr(TEXT.none),
      ];
      cells.forEach((text, i) => {
        const cell = row.insertCell();
        cell.textContent = text;
        if (i === 1) cell.className = 'results-kimariji';
      });
    }
    return table;
  }
}

function takerName(taker: Player | null): string {
  return taker === null ? tr(MATCH_TEXT.nobody) : who(taker);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}
