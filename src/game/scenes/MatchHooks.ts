// The match screen's test hooks (window.__utakaruta): where cards and buttons are drawn, and a
// test-only view of the judge's side (which poem is being read), so a browser test can play a
// whole match through the UI. Nothing in the game reads these back.
import type Phaser from 'phaser';
import { cardsOnField, rowsCards } from '../rules';
import { testHooks } from '../testHooks';
import type { MatchPanel } from '../view/matchPanel';
import { pageBox, publishCards, type Torifuda } from '../view/torifuda';
import type { MatchDriver } from './MatchDriver';

export interface MatchHookSource {
  readonly scene: Phaser.Scene;
  readonly driver: MatchDriver;
  readonly panel: MatchPanel;
  /** Cards drawn on the field now (not those flying off). */
  readonly cards: () => [number, Torifuda][];
  readonly focus: () => number | null;
  readonly opponent: string;
  /** Whether the belief view is on, and after how many morae the opponent's belief was drawn. */
  readonly belief: () => { shown: boolean; heard: number };
}

export function publishMatchHooks(source: MatchHookSource): void {
  const { scene, driver, panel } = source;
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
        pendingSend: s.pendingSend,
        paused: driver.paused,
        readings: s.readings.length,
        toRead: s.queue.length,
        heard: driver.heard.length,
        last: s.readings.at(-1),
      };
    },
    get fps() {
      return scene.game.loop.actualFps;
    },
    opponent: source.opponent,
    notice: () => panel.noticeText,
    belief: source.belief,
    focus: source.focus,
    buttons: () => ({
      skip: boxOf(panel.buttons.skip.text),
      pause: boxOf(panel.buttons.pause.text),
      quit: boxOf(panel.buttons.quit.text),
      belief: boxOf(panel.buttons.belief.text),
    }),
  };
}

export function unpublishMatchHooks(): void {
  publishCards();
  delete testHooks().match;
}
