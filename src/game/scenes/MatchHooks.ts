// The match screen's test hooks (window.__utakaruta): where cards, slots, panel bands and buttons
// are drawn, and a test-only view of the judge's side (which poem is being read), so a browser
// test can play a whole match through the UI. Nothing in the game reads these back.
import type Phaser from 'phaser';
import { cardsOnField, placesOf, rowsCards } from '../rules';
import { testHooks } from '../testHooks';
import type { MatchField } from '../view/matchField';
import type { MatchPanel } from '../view/matchPanel';
import { pageBox, publishCards, type Torifuda } from '../view/torifuda';
import type { MatchDriver } from './MatchDriver';

export interface MatchHookSource {
  readonly scene: Phaser.Scene;
  readonly driver: MatchDriver;
  readonly panel: MatchPanel;
  readonly field: MatchField;
  /** Cards drawn on the field now (not those flying off). */
  readonly cards: () => [number, Torifuda][];
  readonly focus: () => number | null;
  readonly held: () => number | null;
  readonly received: () => number[];
  readonly messages: () => string;
  /** Clips the reader started this match ("poem:half"). */
  readonly clips: () => string[];
  readonly opponent: string;
  readonly level: string;
  /** Two models play (the kiosk's attract loop), and the caption it shows now. */
  readonly attract: boolean;
  readonly caption: () => string;
  /** Whether the belief view is on, after how many morae it was drawn, and the listed candidates. */
  readonly belief: () => {
    shown: boolean;
    heard: number;
    candidates: readonly { poem: number; p: number; karafuda: boolean }[];
  };
}

export function publishMatchHooks(source: MatchHookSource): void {
  const { scene, driver, panel, field } = source;
  const hooks = testHooks();
  hooks.screen = 'match';
  publishCards(() => source.cards().map(([no, card]) => ({ no, ...pageBox(scene, card.cardBox()) })));
  const boxOf = (text: Phaser.GameObjects.Text) => pageBox(scene, text.getBounds());
  hooks.match = {
    get state() {
      const s = driver.state;
      return {
        phase: s.phase,
        mode: s.mode,
        poem: s.phase === 'reading' ? s.readings.at(-1)?.poem : undefined,
        onField: cardsOnField(s),
        own: rowsCards(s.territories[0]),
        places: [placesOf(s, 0), placesOf(s, 1)],
        pendingSend: s.pendingSend,
        paused: driver.paused,
        readings: s.readings.length,
        toRead: s.queue.length,
        heard: driver.heard.length,
        last: s.readings.at(-1),
        sent: s.readings.flatMap((r) => r.sent),
      };
    },
    get fps() {
      return scene.game.loop.actualFps;
    },
    opponent: source.opponent,
    level: source.level,
    attract: source.attract,
    caption: source.caption,
    notice: () => panel.noticeText,
    messages: source.messages,
    clips: source.clips,
    belief: source.belief,
    focus: source.focus,
    held: source.held,
    received: source.received,
    /** The page box of a slot of your territory (row 0 = 上段, column from your left). */
    slot: (row: number, column: number) => {
      const grid = field.territoryGrid();
      if (!grid) return null;
      const { x, y } = grid.centre(0, row, column);
      return pageBox(scene, {
        x: x - grid.width / 2,
        y: y - grid.height / 2,
        width: grid.width,
        height: grid.height,
      });
    },
    /** Which cards are drawn turned half a turn (facing the far side). */
    upsideDown: () =>
      source
        .cards()
        .filter(([, card]) => Math.abs(Math.abs(card.rotation) - Math.PI) < 0.2)
        .map(([no]) => no),
    /** The page y of the centre line between the territories (null in chirashi). */
    centreLine: () => {
      const grid = field.territoryGrid();
      return grid ? pageBox(scene, { x: 0, y: grid.centreY, width: 0, height: 0 }).y : null;
    },
    bands: () =>
      Object.fromEntries(
        Object.entries(panel.bands())
          .filter(([, text]) => text.text !== '' && text.visible)
          .map(([name, text]) => [name, boxOf(text)]),
      ),
    buttons: () => ({
      skip: boxOf(panel.buttons.skip.text),
      pause: boxOf(panel.buttons.pause.text),
      help: boxOf(panel.buttons.help.text),
      quit: boxOf(panel.buttons.quit.text),
      belief: boxOf(panel.buttons.belief.text),
    }),
  };
}

export function unpublishMatchHooks(): void {
  publishCards();
  delete testHooks().match;
}
