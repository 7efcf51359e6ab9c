// The opponent's belief made visible: over each card on the field, a gold wash and a bar as
// strong as the opponent's belief that this card's poem is the one being read. It draws only
// what the opponent believes (its own output after the morae heard so far), never the answer,
// so a visitor watches the model make up its mind at the kimariji.
import type Phaser from 'phaser';
import { COLORS } from './styles';
import type { Torifuda } from './torifuda';

/** Beliefs below this are not drawn: a faint wash on every card is noise, not information. */
const VISIBLE_BELIEF = 0.01;
const BAR_HEIGHT = 10;

export class BeliefView {
  private readonly graphics: Phaser.GameObjects.Graphics;

  constructor(scene: Phaser.Scene) {
    this.graphics = scene.add.graphics().setDepth(5);
  }

  /** Draws `belief` (poem number → probability) over the cards drawn now; null clears. */
  draw(cards: Iterable<readonly [number, Torifuda]>, belief: ReadonlyMap<number, number> | null): void {
    const g = this.graphics.clear();
    if (!belief) return;
    for (const [no, card] of cards) {
      const p = belief.get(no) ?? 0;
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
  }

  destroy(): void {
    this.graphics.destroy();
  }
}
