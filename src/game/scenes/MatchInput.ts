// The match's input: mouse, touch and keyboard turned into what the player means (take this
// card, send it, move it to that slot, pause, quit…). It reads the field's geometry and the
// rules' phase, and asks the scene to act; it decides no rule.
//
// Keyboard: a row key 1–6 (top to bottom) then a column key 1 2 … 9 0 - = (left to right) takes
// the card at that slot at once — two presses, to race; arrows move a focus ring and Enter takes.
// Before the reading and between poems, Enter picks up one of your cards and the arrows (or a row
// and a column key) move it; Enter puts it down. P pause, S start reading, B belief, H how to
// play, Esc quit (or drop a held card).
//
// Two people at one screen: each touch belongs to the side of the table where it began (the
// centre line divides them), so both can touch at once and each is credited with their own. A
// touch that begins on an empty spot and slides takes the first card it reaches: that is how a
// player takes a card from the other side, sweeping out from their own, as at a real table.
// The keyboard plays the near side.
import type Phaser from 'phaser';
import { placesOf, type MatchState, type Player } from '../rules';
import { nextFocus, TerritoryGrid, type FocusKey } from '../view/matchLayout';
import { COLUMN_KEYS, ROW_KEYS, type MatchField } from '../view/matchField';
import { onKeyDown } from '../view/keys';

/** A row key waits this long (wall ms) for its column key. */
const ROW_KEY_WAIT_MS = 2500;
/** A press that moves less than this (game px) is a click, not a drag. */
const DRAG_THRESHOLD = 8;

export interface MatchControls {
  readonly state: MatchState;
  readonly paused: boolean;
  /** Two people share the screen: a touch is the player's on whose side it began. */
  readonly pair: boolean;
  touch(card: number, player: Player): void;
  arrange(card: number, row: number, column: number, player: Player): void;
  togglePause(): void;
  quit(): void;
  skip(): void;
  toggleBelief(): void;
  help(): void;
  /** Focus, held card or chosen row changed: repaint. */
  changed(): void;
}

export function canArrange(state: MatchState): boolean {
  return (
    state.mode !== 'chirashi' &&
    (state.phase === 'memorization' || state.phase === 'between' || state.phase === 'sending')
  );
}

export class MatchInput {
  focus: number | null = null;
  /** Your card picked up with Enter, moved by the arrows. */
  held: number | null = null;
  /** The screen row chosen with a row key, waiting for a column key. */
  row: number | null = null;
  private rowAt = 0;
  /** Presses on a player's own card (a tap, or a drag to another slot), by pointer. */
  private readonly presses = new Map<
    number,
    { card: number; player: Player; x: number; y: number; dragging: boolean }
  >();
  /** Two at one screen: touches that began on an empty spot and may slide onto a card. */
  private readonly sweeps = new Map<number, Player>();

  constructor(
    scene: Phaser.Scene,
    private readonly field: MatchField,
    private readonly controls: MatchControls,
  ) {
    scene.input.on('pointerdown', (p: Phaser.Input.Pointer) => this.pointerDown(p));
    scene.input.on('pointermove', (p: Phaser.Input.Pointer) => this.pointerMove(p));
    scene.input.on('pointerup', (p: Phaser.Input.Pointer) => this.pointerUp(p));
    onKeyDown(scene, (e) => this.key(e));
  }

  /** Whose touch this is: the near player's, or (two at one screen) the side it began on. */
  private sideOf(pointer: Phaser.Input.Pointer): Player {
    if (!this.controls.pair) return 0;
    const grid = this.field.territoryGrid();
    return grid && pointer.y < grid.centreY ? 1 : 0;
  }

  private pointerDown(pointer: Phaser.Input.Pointer): void {
    const c = this.controls;
    if (c.paused) return c.togglePause();
    const player = this.sideOf(pointer);
    const card = this.field.cardAt(pointer.x, pointer.y);
    if (card === null) {
      if (c.pair) this.sweeps.set(pointer.id, player);
      return;
    }
    const own = placesOf(c.state, player).some((p) => p.card === card);
    // Your own card between poems can be dragged; in sending, a click still chooses the send.
    if (own && canArrange(c.state)) {
      this.presses.set(pointer.id, { card, player, x: pointer.x, y: pointer.y, dragging: false });
      return;
    }
    c.touch(card, player);
  }

  private pointerMove(pointer: Phaser.Input.Pointer): void {
    if (!pointer.isDown) return;
    const sweeper = this.sweeps.get(pointer.id);
    if (sweeper !== undefined) {
      const card = this.field.cardAt(pointer.x, pointer.y);
      if (card === null || this.controls.state.phase !== 'reading') return;
      // A sweep touches the first card it reaches, once.
      this.sweeps.delete(pointer.id);
      return this.controls.touch(card, sweeper);
    }
    const press = this.presses.get(pointer.id);
    if (!press) return;
    if (!press.dragging && Math.hypot(pointer.x - press.x, pointer.y - press.y) < DRAG_THRESHOLD) return;
    press.dragging = true;
    this.field.drag(press.card, pointer.x, pointer.y);
  }

  private pointerUp(pointer: Phaser.Input.Pointer): void {
    this.sweeps.delete(pointer.id);
    const press = this.presses.get(pointer.id);
    this.presses.delete(pointer.id);
    if (!press) return;
    const c = this.controls;
    if (!press.dragging) {
      // A click on your own card: in sending it is the card to send; otherwise it takes focus.
      if (c.state.phase === 'sending') c.touch(press.card, press.player);
      else if (press.player === 0) this.focus = press.card;
      return c.changed();
    }
    const slot = this.field.slotAt(press.player, pointer.x, pointer.y);
    if (slot && canArrange(c.state)) c.arrange(press.card, slot.row, slot.column, press.player);
    this.field.endDrag(c.state, press.card);
    c.changed();
  }

  private key(event: KeyboardEvent): void {
    const c = this.controls;
    const key = event.key;
    if (this.row !== null && performance.now() - this.rowAt > ROW_KEY_WAIT_MS) this.setRow(null);
    if (this.row !== null && (COLUMN_KEYS as readonly string[]).includes(key)) {
      const screenRow = this.row;
      this.setRow(null);
      return this.slotKey(screenRow, COLUMN_KEYS.indexOf(key as (typeof COLUMN_KEYS)[number]));
    }
    if ((ROW_KEYS as readonly string[]).includes(key) && c.state.mode !== 'chirashi') {
      return this.setRow(ROW_KEYS.indexOf(key as (typeof ROW_KEYS)[number]));
    }
    switch (key) {
      case 'p':
      case 'P':
        return c.togglePause();
      case 'Escape':
        if (this.held !== null || this.row !== null) {
          this.held = null;
          this.setRow(null);
          return c.changed();
        }
        return c.quit();
      case 's':
      case 'S':
        return c.skip();
      case 'b':
      case 'B':
        return c.toggleBelief();
      case 'h':
      case 'H':
      case '?':
        return c.help();
      case 'Enter':
      case ' ':
        return this.enter();
      case 'ArrowLeft':
      case 'ArrowRight':
      case 'ArrowUp':
      case 'ArrowDown':
        event.preventDefault?.();
        return this.arrow(key);
    }
  }

  private setRow(row: number | null): void {
    this.row = row;
    this.rowAt = performance.now();
    this.field.markRow(row);
  }

  /** A row key then a column key: the slot at that screen place. */
  private slotKey(screenRow: number, screenColumn: number): void {
    const c = this.controls;
    const grid = this.field.territoryGrid();
    const where = TerritoryGrid.screenRow(screenRow);
    if (!grid || !where) return;
    const column = grid.ownColumn(where.player, screenColumn);
    if (this.held !== null && where.player === 0 && canArrange(c.state)) {
      c.arrange(this.held, where.row, column, 0);
      return c.changed();
    }
    const card = placesOf(c.state, where.player).find(
      (p) => p.row === where.row && p.column === column,
    )?.card;
    if (card === undefined) return;
    this.focus = card;
    if (c.state.phase === 'reading' || c.state.phase === 'sending') c.touch(card, 0);
    c.changed();
  }

  private enter(): void {
    const c = this.controls;
    if (this.held !== null) {
      this.held = null;
      return c.changed();
    }
    if (this.focus === null) return;
    const own = placesOf(c.state, 0).some((p) => p.card === this.focus);
    if (own && canArrange(c.state) && c.state.phase !== 'sending') this.held = this.focus;
    else c.touch(this.focus, 0);
    c.changed();
  }

  private arrow(key: FocusKey): void {
    const c = this.controls;
    if (this.held !== null && canArrange(c.state)) {
      const place = placesOf(c.state, 0).find((p) => p.card === this.held);
      if (!place) {
        this.held = null;
        return c.changed();
      }
      // Your rows seen from your seat: up is towards the centre line (row 0).
      const row = place.row + (key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : 0);
      const column = place.column + (key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0);
      c.arrange(place.card, row, column, 0);
      return c.changed();
    }
    this.focus = nextFocus(this.field.slotList(), this.focus, key);
    c.changed();
  }
}
