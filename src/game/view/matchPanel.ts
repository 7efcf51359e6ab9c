// The match screen's side panel: both players' counts, who you play and at which level, what is
// happening, the sounds heard so far, the opponent's top candidates (when shown), the poem just
// read with its kimariji, the last messages, and the buttons. The middle bands flow one under the
// other, so a long caption pushes the messages down instead of covering them.
import type Phaser from 'phaser';
import type { Bilingual } from '../i18n';
import { LANDSCAPE_MATCH, type PanelFrame } from './matchLayout';
import { COLORS, TextButton, textStyle, WEIGHT } from './styles';

/** Buttons are at least this tall in game pixels: 44 CSS px when a 1024-wide tablet scales by 0.8. */
export const TOUCH_TARGET = 56;
const GAP = 6;

export interface PanelButtons {
  readonly skip: TextButton;
  readonly pause: TextButton;
  readonly help: TextButton;
  readonly quit: TextButton;
  /** Shares the skip button's place: skip only shows during memorization, belief after it. */
  readonly belief: TextButton;
}

export interface PanelHandlers {
  skip(): void;
  pause(): void;
  help(): void;
  quit(): void;
  belief(): void;
}

export class MatchPanel {
  readonly buttons: PanelButtons;
  private readonly top: Phaser.GameObjects.Text;
  private readonly bottom: Phaser.GameObjects.Text;
  private readonly level: Phaser.GameObjects.Text;
  private readonly status: Phaser.GameObjects.Text;
  private readonly heard: Phaser.GameObjects.Text;
  private readonly poem: Phaser.GameObjects.Text;
  private readonly kimariji: Phaser.GameObjects.Text;
  private readonly messages: Phaser.GameObjects.Text;
  private readonly notice: Phaser.GameObjects.Text;
  /** Height kept free under the heard sounds for the belief list (0 when it is hidden). */
  private reserved = 0;
  /** Two people at one screen: the top band is turned to face the far player. */
  facesFarSide = false;
  private farCount = '';
  private farStatus = '';
  private placeReserved: (y: number) => void = () => {};
  /** The text column's width. */
  readonly width: number;

  constructor(
    scene: Phaser.Scene,
    handlers: PanelHandlers,
    pauseLabel: () => string,
    labels: { skip: Bilingual; quit: Bilingual; belief: Bilingual; help: Bilingual },
    readonly frame: PanelFrame = LANDSCAPE_MATCH.panel,
  ) {
    const { box, textX, top } = frame;
    const WIDTH = frame.textWidth;
    this.width = WIDTH;
    scene.add.rectangle(box.x, box.y, box.width, box.height, COLORS.bar).setOrigin(0);
    const text = (y: number, size: number, color: string = COLORS.paper, weight: number = WEIGHT.text) =>
      scene.add.text(textX, y, '', {
        ...textStyle(size, color, weight),
        wordWrap: { width: WIDTH, useAdvancedWrap: true },
      });
    this.top = text(top, 22, COLORS.paper, WEIGHT.card);
    this.level = text(top + 32, 14, COLORS.paperDim);
    this.status = text(0, 17, COLORS.focusCss);
    this.heard = text(0, 26, COLORS.paper, WEIGHT.card);
    this.poem = text(0, 15, COLORS.paper);
    this.kimariji = text(0, 18, COLORS.kimariji, WEIGHT.card);
    this.messages = text(0, 15, COLORS.paperDim);
    this.notice = text(0, 13, COLORS.focusCss);
    const button = (x: number, y: number, width: number, label: Bilingual | (() => string), on: () => void) =>
      new TextButton(scene, x, y, label, on, {
        size: 17,
        origin: 0,
        minWidth: width,
        minHeight: TOUCH_TARGET,
      });
    const row0 = frame.buttons;
    const full = row0.width;
    const half = (full - GAP) / 2;
    const row = (i: number) => row0.y + i * (TOUCH_TARGET + 4) + TOUCH_TARGET / 2;
    this.buttons = {
      skip: button(row0.x, row(0), full, labels.skip, () => handlers.skip()),
      belief: button(row0.x, row(0), full, labels.belief, () => handlers.belief()),
      pause: button(row0.x, row(1), half, pauseLabel, () => handlers.pause()),
      help: button(row0.x + half + GAP, row(1), half, labels.help, () => handlers.help()),
      quit: button(row0.x, row(2), full, labels.quit, () => handlers.quit()),
    };
    // Pause and help share a row while both fit in it; a longer label (English "How to play",
    // the projector's larger text) puts each on a row of its own.
    const { pause, help, quit } = this.buttons;
    if (frame.buttonPerRow || pause.text.width > half + 0.5 || help.text.width > half + 0.5) {
      pause.widen(full);
      help.widen(full);
      help.text.setPosition(row0.x, row(2));
      quit.text.setY(row(3));
    }
    this.bottom = text(frame.bottomY, 20, COLORS.paper, WEIGHT.card);
    this.reflow();
  }

  setCounts(top: string, bottom: string): void {
    this.farCount = top;
    this.paintTop();
    this.bottom.setText(bottom);
  }

  /**
   * Turns the top band half a turn, so the far player of two at one screen reads their count,
   * and from then on what they must do (`setFarStatus`), the right way up from their seat.
   */
  faceFarSide(): void {
    this.facesFarSide = true;
    // Origin at the far corner: turned about it, the band still fills the same box on screen.
    this.top.setOrigin(1, 1).setRotation(Math.PI).setFixedSize(this.width, 0);
    this.paintTop();
  }

  /** What the far player is told (their send to choose, the last message), facing them. */
  setFarStatus(text: string): void {
    if (this.farStatus === text) return;
    this.farStatus = text;
    this.paintTop();
  }

  private paintTop(): void {
    const text = this.facesFarSide
      ? [this.farCount, this.farStatus].filter(Boolean).join('\n')
      : this.farCount;
    if (this.top.text === text) return;
    this.top.setText(text);
    if (this.facesFarSide) this.reflow();
  }

  /** Who the opponent is and the level being played. */
  setLevel(text: string): void {
    this.level.setText(text);
    this.reflow();
  }

  setStatus(status: string): void {
    if (this.status.text === status) return;
    this.status.setText(status);
    this.reflow();
  }

  /** The sounds of the upper half heard so far: the reading made visible (and the only way to
   *  follow it when the voice cannot play). */
  setHeard(morae: readonly string[]): void {
    this.heard.setText(morae.join(''));
    this.reflow();
  }

  /** The poem just read (number and poet, then the poem) and its kimariji, or nothing. */
  setPoem(text: string, kimariji: string): void {
    this.poem.setText(text);
    this.kimariji.setText(kimariji);
    this.reflow();
  }

  /** Why the voice cannot be heard (from the reader), shown for the rest of the match. */
  setNotice(text: string): void {
    this.notice.setText(text);
    this.reflow();
  }

  get noticeText(): string {
    return this.notice.text;
  }

  get messageText(): string {
    return this.messages.text;
  }

  setMessages(lines: readonly string[]): void {
    this.messages.setText(lines.join('\n'));
    this.reflow();
  }

  /**
   * Keeps `height` free under the heard sounds (for the belief list); `place` hears where that
   * room starts now and after every change above it (the heard sounds grow to two lines).
   */
  reserve(height: number, place: (y: number) => void = () => {}): void {
    this.reserved = height;
    this.placeReserved = place;
    this.reflow();
  }

  /** Every band's box, for the layout test (bands must never overlap). */
  bands(): Record<string, Phaser.GameObjects.Text> {
    const { top, level, status, heard, poem, kimariji, messages, notice, bottom } = this;
    return { top, level, status, heard, poem, kimariji, messages, notice, bottom };
  }

  /** Places the middle bands one under the other; the messages give way first when space runs out. */
  private reflow(): void {
    // Under the count, however tall the display preset draws it.
    if (this.facesFarSide) this.level.setY(this.top.y + this.top.height + GAP);
    else this.level.setY(this.frame.top + Math.max(32, this.top.height));
    let y = this.level.y + (this.level.text ? this.level.height : 0) + GAP;
    const place = (text: Phaser.GameObjects.Text, minHeight = 0) => {
      text.setY(y);
      y += (text.text ? Math.max(text.height, minHeight) : minHeight) + GAP;
    };
    place(this.status, 44);
    place(this.heard, 34);
    if (this.reserved) {
      this.placeReserved(y);
      y += this.reserved + GAP;
    }
    place(this.poem);
    place(this.kimariji);
    const noticeHeight = this.notice.text ? this.notice.height + GAP : 0;
    this.messages.setY(y);
    // Drop the oldest message lines that would run into the notice or the buttons.
    const room = this.frame.flowBottom - noticeHeight - y;
    // Measured, not counted: a long message wraps, and the display preset sets the line height.
    let lines = this.messages.text.split('\n');
    while (this.messages.text && this.messages.height > room) {
      lines = lines.slice(1);
      this.messages.setText(lines.join('\n'));
    }
    y += (this.messages.text ? this.messages.height : 0) + GAP;
    this.notice.setY(Math.max(y, this.frame.flowBottom - noticeHeight + GAP));
  }
}
