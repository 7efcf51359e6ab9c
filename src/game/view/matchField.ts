// The cards on the match table: the cloth, one torifuda sprite per card in play at its slot
// (two territories, or the chirashi scatter), taken cards flying off to their taker, and the
// focus and send highlights. It draws the rules' state and answers "which card is here"; it
// decides nothing.
import type Phaser from 'phaser';
import { poemByNo } from '../../data/poems';
import { rowsCards, type MatchState } from '../rules';
import { chirashiSlots, territorySlots, type Slot } from './matchLayout';
import { COLORS } from './styles';
import { drawTorifuda, type Torifuda } from './torifuda';

export class MatchField {
  /** Every card sprite still alive, including ones flying off (see `onField`). */
  readonly cards = new Map<number, Torifuda>();
  private slots = new Map<number, Slot>();
  /** Chirashi cards keep the place they were scattered to for the whole match. */
  private readonly chirashiLayout: ReadonlyMap<number, Slot>;

  constructor(
    private readonly scene: Phaser.Scene,
    state: MatchState,
  ) {
    scene.add.rectangle(8, 0, 976, 720, 0x24362c).setOrigin(0);
    if (state.mode !== 'chirashi') scene.add.rectangle(496, 360, 960, 2, 0xf4ecd8, 0.25);
    this.chirashiLayout =
      state.mode === 'chirashi'
        ? new Map(chirashiSlots(state.field).map((slot) => [slot.no, slot]))
        : new Map();
  }

  /** The cards in play, with their sprites. */
  onField(): [number, Torifuda][] {
    return [...this.cards].filter(([no]) => this.slots.has(no));
  }

  /** The slots of the cards in play, for keyboard focus. */
  slotList(): Slot[] {
    return [...this.slots.values()];
  }

  /** Places every card in play at its slot; new ones appear, gone ones fly to the taker. */
  layout(state: MatchState, animate: boolean): void {
    const slots =
      state.mode === 'chirashi'
        ? state.field.map((no) => this.chirashiLayout.get(no)).filter((s): s is Slot => s !== undefined)
        : territorySlots(state.territories);
    this.slots = new Map(slots.map((slot) => [slot.no, slot]));
    for (const [no, card] of this.cards) {
      if (this.slots.has(no)) continue;
      this.cards.delete(no);
      const takerBottom = state.taken[0].includes(no);
      this.scene.tweens.add({
        targets: card,
        y: takerBottom ? 760 : -60,
        alpha: 0,
        duration: 500,
        onComplete: () => card.destroy(),
      });
    }
    for (const slot of slots) {
      let card = this.cards.get(slot.no);
      if (card && card.cardWidth !== slot.width) {
        card.destroy();
        card = undefined;
      }
      const rotation = (slot.upsideDown ? Math.PI : 0) + slot.angle;
      if (!card) {
        card = drawTorifuda(this.scene, poemByNo(slot.no), slot.x, slot.y, slot.width).setRotation(rotation);
        this.cards.set(slot.no, card);
      } else if (animate && (card.x !== slot.x || card.y !== slot.y)) {
        this.scene.tweens.add({ targets: card, x: slot.x, y: slot.y, rotation, duration: 350 });
      } else {
        card.setPosition(slot.x, slot.y).setRotation(rotation);
      }
    }
  }

  /** The focused card, and while the player chooses a card to send, the cards they may send. */
  paintHighlights(state: MatchState, focus: number | null): void {
    const sending = state.phase === 'sending' && state.pendingSend?.from === 0;
    const own = new Set(rowsCards(state.territories[0]));
    for (const [no, card] of this.cards) {
      const color = no === focus ? COLORS.focus : sending && own.has(no) ? COLORS.kimarijiHex : undefined;
      card.setHighlight(color);
    }
  }

  /** The card in play under a point of the canvas, if any. */
  cardAt(x: number, y: number): number | null {
    for (const [no, card] of this.onField()) {
      const box = card.cardBox();
      if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) return no;
    }
    return null;
  }

  clear(): void {
    this.cards.clear();
    this.slots.clear();
  }
}
