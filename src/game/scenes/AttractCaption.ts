// The attract loop's overlay: who plays whom and the invitation to touch, and a caption that
// follows the reading (AttractText.ts), across the middle of the field between the territories.
import type Phaser from 'phaser';
import { tr, trf } from '../i18n';
import type { MatchState } from '../rules';
import { loadGlyphs, textStyle } from '../view/styles';
import { ATTRACT_TEXT, attractCaption } from './AttractText';

export class AttractCaption {
  private readonly caption: Phaser.GameObjects.Text;
  private readonly invite: Phaser.GameObjects.Text;
  private shown = '';
  /** Where the invitation sits when the caption leaves it room (landscape: y 318). */
  private readonly inviteY: number;

  /** The two sides' names, far then near, for the score lines. */
  readonly sides: readonly [string, string];

  /** `area`: the field's box on this screen (landscape or portrait), which the captions sit in. */
  constructor(
    scene: Phaser.Scene,
    levels: { near: string; far: string },
    area: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  ) {
    this.sides = [levels.far, levels.near];
    const box = { backgroundColor: '#000000e0', padding: { x: 18, y: 10 } };
    const x = area.x + area.width / 2 - 8;
    // Landscape (a 940 × 704 field at y 8) puts them at y 318 and 384, over the centre line.
    const at = (y: number) => area.y + ((y - 8) / 704) * area.height;
    this.inviteY = at(318);
    this.invite = scene.add
      .text(x, this.inviteY, trf(ATTRACT_TEXT.title, levels), {
        ...textStyle(20),
        ...box,
        align: 'center',
        wordWrap: { width: Math.min(900, area.width - 40) },
      })
      .setOrigin(0.5)
      .setDepth(30);
    this.caption = scene.add
      .text(x, at(384), '', {
        ...textStyle(30),
        ...box,
        align: 'center',
        wordWrap: { width: Math.min(940, area.width - 40) },
      })
      .setOrigin(0.5)
      .setDepth(30);
    scene.tweens.add({ targets: this.invite, alpha: 0.55, duration: 1400, yoyo: true, repeat: -1 });
  }

  get text(): string {
    return this.shown;
  }

  /** Called every frame; redraws only when the words change. */
  show(state: MatchState, heard: readonly string[]): void {
    const text = tr(attractCaption(state, heard));
    if (text === this.shown) return;
    this.shown = text;
    this.caption.setText(text);
    this.keepInviteAbove();
    void loadGlyphs(text).then(() => {
      if (!this.caption.scene) return;
      this.caption.updateText();
      this.keepInviteAbove();
    });
  }

  /** The invitation sits just above the caption, however many lines either wraps to. */
  private keepInviteAbove(): void {
    const top = this.caption.y - (this.shown ? this.caption.height / 2 : 0);
    this.invite.setY(Math.min(this.inviteY, top - this.invite.height / 2 - 6));
  }

  destroy(): void {
    this.caption.destroy();
    this.invite.destroy();
  }
}
