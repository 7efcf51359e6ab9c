// The attract loop's overlay: who plays whom and the invitation to touch, and a caption that
// follows the reading (AttractText.ts), across the middle of the field between the territories.
import type Phaser from 'phaser';
import { tr, trf } from '../i18n';
import type { MatchState } from '../rules';
import { loadGlyphs, textStyle } from '../view/styles';
import { ATTRACT_TEXT, attractCaption } from './AttractText';

const FIELD_CENTRE_X = 496;

export class AttractCaption {
  private readonly caption: Phaser.GameObjects.Text;
  private readonly invite: Phaser.GameObjects.Text;
  private shown = '';

  /** The two sides' names, far then near, for the score lines. */
  readonly sides: readonly [string, string];

  constructor(scene: Phaser.Scene, levels: { near: string; far: string }) {
    this.sides = [levels.far, levels.near];
    const box = { backgroundColor: '#000000e0', padding: { x: 18, y: 10 } };
    this.invite = scene.add
      .text(FIELD_CENTRE_X, 318, trf(ATTRACT_TEXT.title, levels), {
        ...textStyle(20),
        ...box,
        align: 'center',
        wordWrap: { width: 900 },
      })
      .setOrigin(0.5)
      .setDepth(30);
    this.caption = scene.add
      .text(FIELD_CENTRE_X, 384, '', { ...textStyle(30), ...box, align: 'center', wordWrap: { width: 940 } })
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
    void loadGlyphs(text).then(() => this.caption.scene && this.caption.updateText());
  }

  destroy(): void {
    this.caption.destroy();
    this.invite.destroy();
  }
}
