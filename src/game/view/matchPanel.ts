// The match screen's side panel: both players' counts, what is happening, the sounds heard so
// far, the poem just read with its kimariji, the last messages, and the buttons.
import type Phaser from 'phaser';
import type { Bilingual } from '../i18n';
import { COLORS, TextButton, textStyle, WEIGHT } from './styles';

export const PANEL_X = 992;
const WIDTH = 1280 - PANEL_X - 16;

export interface PanelButtons {
  readonly skip: TextButton;
  readonly pause: TextButton;
  readonly quit: TextButton;
  /** Shares the skip button's place: skip only shows during memorization, belief after it. */
  readonly belief: TextButton;
}

export class MatchPanel {
  readonly buttons: PanelButtons;
  private readonly top: Phaser.GameObjects.Text;
  private readonly bottom: Phaser.GameObjects.Text;
  private readonly status: Phaser.GameObjects.Text;
  private readonly heard: Phaser.GameObjects.Text;
  private readonly poem: Phaser.GameObjects.Text;
  private readonly kimariji: Phaser.GameObjects.Text;
  private readonly messages: Phaser.GameObjects.Text;
  private readonly notice: Phaser.GameObjects.Text;

  constructor(
    scene: Phaser.Scene,
    handlers: { skip: () => void; pause: () => void; quit: () => void; belief: () => void },
    pauseLabel: () => string,
    labels: { skip: Bilingual; quit: Bilingual; belief: Bilingual },
  ) {
    scene.add.rectangle(PANEL_X - 8, 0, 1280 - PANEL_X + 8, 720, COLORS.bar).setOrigin(0);
    const text = (y: number, size: number, color: string = COLORS.paper, weight: number = WEIGHT.text) =>
      scene.add.text(PANEL_X + 8, y, '', {
        ...textStyle(size, color, weight),
        wordWrap: { width: WIDTH, useAdvancedWrap: true },
      });
    this.top = text(14, 22, COLORS.paper, WEIGHT.card);
    // Fixed bands, each sized for its longest content: status 2 lines, heard 2, poem 3,
    // kimariji 1, messages 5, notice 3.
    this.status = text(56, 18, COLORS.focusCss);
    this.heard = text(110, 26, COLORS.paper, WEIGHT.card);
    this.poem = text(190, 16, COLORS.paper);
    this.kimariji = text(262, 19, COLORS.kimariji, WEIGHT.card);
    this.messages = text(298, 16, COLORS.paperDim);
    this.notice = text(430, 14, COLORS.focusCss);
    const button = (y: number, label: Bilingual | (() => string), onClick: () => void) =>
      new TextButton(scene, PANEL_X + 8, y, label, onClick, { size: 18, origin: 0, minWidth: WIDTH - 8 });
    this.buttons = {
      skip: button(512, labels.skip, handlers.skip),
      pause: button(566, pauseLabel, handlers.pause),
      quit: button(620, labels.quit, handlers.quit),
      belief: button(512, labels.belief, handlers.belief),
    };
    this.bottom = text(676, 22, COLORS.paper, WEIGHT.card);
  }

  setCounts(top: string, bottom: string): void {
    this.top.setText(top);
    this.bottom.setText(bottom);
  }

  setStatus(status: string): void {
    this.status.setText(status);
  }

  /** The sounds of the upper half heard so far: the reading made visible (and the only way to
   *  follow it when the voice cannot play). */
  setHeard(morae: readonly string[]): void {
    this.heard.setText(morae.join(''));
  }

  /** The poem just read (two lines of text and the poet) and its kimariji, or nothing. */
  setPoem(text: string, kimariji: string): void {
    this.poem.setText(text);
    this.kimariji.setText(kimariji);
  }

  /** Why the voice cannot be heard (from the reader), shown for the rest of the match. */
  setNotice(text: string): void {
    this.notice.setText(text);
  }

  get noticeText(): string {
    return this.notice.text;
  }

  setMessages(lines: readonly string[]): void {
    this.messages.setText(lines.join('\n'));
  }
}
