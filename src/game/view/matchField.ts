// The cards on the match table: the cloth, one torifuda sprite per card in play at its slot
// (two territories on a grid of fixed slots, or the chirashi scatter), taken cards flying off to
// their taker, the row and column keys along the edges, and the focus, send and "just arrived"
// highlights. It draws the rules' state and answers "which card or slot is here"; it decides
// nothing.
import type Phaser from 'phaser';
import { poemByNo } from '../../data/poems';
import { gridColumns, placesOf, rowsCards, type MatchState, type Player } from '../rules';
import { chirashiSlots, LANDSCAPE_MATCH, TerritoryGrid, type MatchScreen, type Slot } from './matchLayout';
import { COLORS, textStyle } from './styles';
import { drawTorifuda, type Torifuda } from './torifuda';

/** Keys for the screen columns, left to right (the digit row of a keyboard). */
export const COLUMN_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '='] as const;
export const ROW_KEYS = ['1', '2', '3', '4', '5', '6'] as const;

export class MatchField {
  /** Every card sprite still alive, including ones flying off (see `onField`). */
  readonly cards = new Map<number, Torifuda>();
  private slots = new Map<number, Slot>();
  /** Chirashi cards keep the place they were scattered to for the whole match. */
  private readonly chirashiLayout: ReadonlyMap<number, Slot>;
  private grid: TerritoryGrid | null = null;
  private readonly labels: Phaser.GameObjects.Text[] = [];
  private readonly rowMarker: Phaser.GameObjects.Graphics;
  /** Cards being dragged (two people may each drag one at once). */
  private readonly dragging = new Set<number>();

  constructor(
    private readonly scene: Phaser.Scene,
    state: MatchState,
    private readonly screen: MatchScreen = LANDSCAPE_MATCH,
  ) {
    const { cloth, field } = screen;
    scene.add.rectangle(cloth.x, cloth.y, cloth.width, cloth.height, 0x24362c).setOrigin(0);
    const centre = { x: field.area.x + field.area.width / 2, y: field.area.y + field.area.height / 2 };
    if (state.mode !== 'chirashi')
      scene.add.rectangle(centre.x, centre.y, cloth.width - 16, 2, 0xf4ecd8, 0.25);
    this.rowMarker = scene.add.graphics().setDepth(1);
    this.chirashiLayout =
      state.mode === 'chirashi'
        ? new Map(chirashiSlots(state.field, field.area).map((slot) => [slot.no, slot]))
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

  slotOf(card: number): Slot | undefined {
    return this.slots.get(card);
  }

  /** The territory grid (null in chirashi). */
  territoryGrid(): TerritoryGrid | null {
    return this.grid;
  }

  /**
   * Places every card in play at its slot; new ones appear, gone ones fly to the taker. A card
   * that stays in play keeps its place unless the state moved it: nothing is re-centred.
   */
  layout(state: MatchState, animate: boolean): void {
    let slots: Slot[];
    if (state.mode === 'chirashi') {
      slots = state.field.map((no) => this.chirashiLayout.get(no)).filter((s): s is Slot => s !== undefined);
    } else {
      const columns = gridColumns(state);
      if (this.grid?.columns !== columns) {
        this.grid = new TerritoryGrid(columns, this.screen.field);
        this.drawKeyLabels();
      }
      slots = this.grid.slots([placesOf(state, 0), placesOf(state, 1)]);
    }
    this.slots = new Map(slots.map((slot) => [slot.no, slot]));
    for (const [no, card] of this.cards) {
      if (this.slots.has(no)) continue;
      this.cards.delete(no);
      const takerBottom = state.taken[0].includes(no);
      this.scene.tweens.killTweensOf(card);
      this.scene.tweens.add({
        targets: card,
        y: takerBottom ? this.screen.height + 40 : -60,
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
        continue;
      }
      // Turned at once, never tweened: Phaser keeps angles in (−π, π], so a tween from −π to π
      // would spin the card through a full turn on its way.
      card.setRotation(rotation);
      if (this.dragging.has(slot.no) || (card.x === slot.x && card.y === slot.y)) continue;
      this.scene.tweens.killTweensOf(card);
      if (animate) this.scene.tweens.add({ targets: card, x: slot.x, y: slot.y, duration: 350 });
      else card.setPosition(slot.x, slot.y);
    }
  }

  /**
   * The focused card, the cards the player may send while choosing one, the cards just received
   * (until the next reading), and a held card being moved. Rings sit inside the card.
   */
  paintHighlights(
    state: MatchState,
    marks: {
      focus: number | null;
      received: ReadonlySet<number>;
      held: number | null;
      /** The sides a person plays: their sends to choose are lit. */
      senders: readonly Player[];
    },
  ): void {
    // The sender's cards light up while they choose (a computer's send is chosen out of sight).
    const sender = state.phase === 'sending' ? state.pendingSend?.from : undefined;
    const sending = sender !== undefined && marks.senders.includes(sender);
    const own = new Set(sender === undefined ? [] : rowsCards(state.territories[sender]));
    for (const [no, card] of this.cards) {
      const color =
        no === marks.held
          ? COLORS.hover
          : no === marks.focus
            ? COLORS.focus
            : sending && own.has(no)
              ? COLORS.kimarijiHex
              : marks.received.has(no)
                ? COLORS.hover
                : undefined;
      card.setHighlight(color, true);
      const depth = no === marks.held || this.dragging.has(no) ? 4 : 0;
      if (card.depth !== depth) card.setDepth(depth);
    }
  }

  /** Underlines the screen row chosen with a row key (null clears). */
  markRow(screenRow: number | null): void {
    this.rowMarker.clear();
    const grid = this.grid;
    const row = screenRow === null ? null : TerritoryGrid.screenRow(screenRow);
    if (!grid || !row) return;
    const y = grid.centre(row.player, row.row, 0).y;
    const { area } = this.screen.field;
    this.rowMarker
      .fillStyle(COLORS.focus, 0.25)
      .fillRect(area.x - 4, y - grid.height / 2 - 2, area.width + 8, grid.height + 4);
  }

  /** The card in play under a point of the canvas, if any. */
  cardAt(x: number, y: number): number | null {
    for (const [no, card] of this.onField()) {
      const box = card.cardBox();
      if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) return no;
    }
    return null;
  }

  /** The slot of `player`'s territory under a point, if any. */
  slotAt(player: Player, x: number, y: number): { row: 0 | 1 | 2; column: number } | null {
    return this.grid?.slotAt(player, x, y) ?? null;
  }

  /** Moves a card with the pointer while it is dragged; `endDrag` lets the layout take it back. */
  drag(card: number, x: number, y: number): void {
    const sprite = this.cards.get(card);
    if (!sprite) return;
    this.dragging.add(card);
    this.scene.tweens.killTweensOf(sprite);
    sprite.setPosition(x, y).setDepth(4);
  }

  endDrag(state: MatchState, card: number): void {
    this.dragging.delete(card);
    this.layout(state, true);
  }

  clear(): void {
    this.cards.clear();
    this.slots.clear();
    this.grid = null;
    this.labels.length = 0;
  }

  /** Row keys 1–6 down the left edge, column keys along the centre line. */
  private drawKeyLabels(): void {
    for (const label of this.labels) label.destroy();
    this.labels.length = 0;
    const grid = this.grid;
    if (!grid) return;
    const style = textStyle(13, COLORS.paperDim);
    ROW_KEYS.forEach((key, i) => {
      const row = TerritoryGrid.screenRow(i);
      if (!row) return;
      const { y } = grid.centre(row.player, row.row, 0);
      this.labels.push(this.scene.add.text(this.screen.field.area.x - 14, y, key, style).setOrigin(0.5));
    });
    for (let c = 0; c < Math.min(grid.columns, COLUMN_KEYS.length); c++) {
      const { x } = grid.centre(0, 0, c);
      this.labels.push(this.scene.add.text(x, grid.centreY, COLUMN_KEYS[c] ?? '', style).setOrigin(0.5));
    }
  }
}
