// The opponent's belief made visible: over each card on the field, a gold wash and a bar as
// strong as the opponent's belief that this card's poem is the one being read; beside the field,
// a short list of its top candidates with percentages, karafuda (poems not on the field) marked
// as such, and a legend. It draws only what the opponent believes (its own output after the
// morae heard so far), never the answer, so a visitor watches the model make up its mind.
import type Phaser from 'phaser';
import { poemByNo } from '../../data/poems';
import { tr, type Bilingual } from '../i18n';
import { COLORS, textStyle, WEIGHT } from './styles';
import type { Torifuda } from './torifuda';

/** Beliefs below this are not drawn: a faint wash on every card is noise, not information. */
const VISIBLE_BELIEF = 0.01;
const BAR_HEIGHT = 10;
export const BELIEF_ROWS = 5;
const ROW_HEIGHT = 21;

export const BELIEF_TEXT = {
  title: { ja: '相手の候補', en: "Opponent's candidates" },
  karafuda: { ja: '空札', en: 'karafuda' },
  legend: {
    ja: '金色の帯と札の色：その歌が読まれていると相手が思う確からしさ',
    en: 'Gold bars and card wash: how sure the opponent is that this poem is being read',
  },
  waiting: { ja: '（読み上げを待っています）', en: '(waiting for the reading)' },
} as const satisfies Record<string, Bilingual>;

/** The top candidates of a belief, most believed first. */
export function topCandidates(
  belief: ReadonlyMap<number, number>,
  onField: ReadonlySet<number>,
  n = BELIEF_ROWS,
): { poem: number; p: number; karafuda: boolean }[] {
  return [...belief]
    .filter(([, p]) => p >= VISIBLE_BELIEF)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, n)
    .map(([poem, p]) => ({ poem, p, karafuda: !onField.has(poem) }));
}

export class BeliefView {
  private readonly wash: Phaser.GameObjects.Graphics;
  private readonly bars: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly rows: Phaser.GameObjects.Text[];
  private readonly percents: Phaser.GameObjects.Text[];
  private readonly legend: Phaser.GameObjects.Text;
  private shown: { poem: number; p: number; karafuda: boolean }[] = [];

  /** The list is drawn at (x, y), `width` wide; `height()` says how much room it takes. */
  constructor(
    scene: Phaser.Scene,
    private readonly x: number,
    private y: number,
    private readonly width: number,
  ) {
    this.wash = scene.add.graphics().setDepth(5);
    this.bars = scene.add.graphics().setDepth(5);
    this.title = scene.add.text(x, y, tr(BELIEF_TEXT.title), textStyle(14, COLORS.focusCss, WEIGHT.card));
    this.rows = Array.from({ length: BELIEF_ROWS }, () => scene.add.text(x, y, '', textStyle(14)));
    this.percents = Array.from({ length: BELIEF_ROWS }, () =>
      scene.add.text(x + width, y, '', textStyle(14, COLORS.paper, WEIGHT.card)).setOrigin(1, 0),
    );
    this.legend = scene.add.text(x, y, tr(BELIEF_TEXT.legend), {
      ...textStyle(12, COLORS.paperDim),
      wordWrap: { width, useAdvancedWrap: true },
    });
    this.moveTo(y);
  }

  /** The room the list needs in the panel. */
  static height(): number {
    return 22 + BELIEF_ROWS * ROW_HEIGHT + 34;
  }

  moveTo(y: number): void {
    this.y = y;
    this.title.setY(y);
    this.rows.forEach((row, i) => row.setY(y + 22 + i * ROW_HEIGHT));
    this.percents.forEach((text, i) => text.setY(y + 22 + i * ROW_HEIGHT));
    this.legend.setY(y + 22 + BELIEF_ROWS * ROW_HEIGHT + 2);
  }

  /** What the list shows now, for the tests. */
  get candidates(): readonly { poem: number; p: number; karafuda: boolean }[] {
    return this.shown;
  }

  /** Draws `belief` (poem number → probability) over the cards drawn now and in the list. */
  draw(cards: Iterable<readonly [number, Torifuda]>, belief: ReadonlyMap<number, number> | null): void {
    const g = this.wash.clear();
    const onField = new Set<number>();
    for (const [no, card] of cards) {
      onField.add(no);
      const p = belief?.get(no) ?? 0;
      if (p < VISIBLE_BELIEF) continue;
      const box = card.cardBox();
      // A floor on the wash and the ring, so a card holding a fifth of the belief is seen.
      g.fillStyle(COLORS.focus, 0.15 + 0.45 * p).fillRect(box.x, box.y, box.width, box.height);
      g.lineStyle(3, COLORS.focus, Math.min(1, 0.5 + p)).strokeRect(box.x, box.y, box.width, box.height);
      g.fillStyle(0x000000, 0.6).fillRect(box.x, box.y + box.height - BAR_HEIGHT, box.width, BAR_HEIGHT);
      g.fillStyle(COLORS.focus, 1).fillRect(
        box.x,
        box.y + box.height - BAR_HEIGHT,
        box.width * p,
        BAR_HEIGHT,
      );
    }
    this.shown = belief ? topCandidates(belief, onField) : [];
    const bars = this.bars.clear();
    const barX = this.x + this.width * 0.6;
    const barWidth = this.width * 0.4 - 44;
    this.rows.forEach((row, i) => {
      const c = this.shown[i];
      const percent = this.percents[i];
      percent?.setText(c ? `${Math.round(c.p * 100)}%` : '');
      if (!c) return void row.setText(i === 0 && !belief ? tr(BELIEF_TEXT.waiting) : '');
      const start = poemByNo(c.poem).kami.kana.replace(/ /g, '').slice(0, 4);
      row.setText(`${c.poem} ${start}${c.karafuda ? ` ${tr(BELIEF_TEXT.karafuda)}` : ''}`);
      row.setColor(c.karafuda ? COLORS.paperDim : COLORS.paper);
      const y = this.y + 22 + i * ROW_HEIGHT + 5;
      bars.fillStyle(0x000000, 0.5).fillRect(barX, y, barWidth, 11);
      bars.fillStyle(c.karafuda ? 0x9a8f72 : COLORS.focus, 1).fillRect(barX, y, barWidth * c.p, 11);
    });
  }

  destroy(): void {
    for (const o of [this.wash, this.bars, this.title, this.legend, ...this.rows, ...this.percents])
      o.destroy();
  }
}
