// The match: two territories (or the chirashi field) of real torifuda, the reading, the opponent.
// The scene draws the driver's state and forwards input; the driver and the rules decide.
// Input: click/tap a card to take it (or to choose the card to send); arrows + Enter do the same
// from the keyboard; P pauses, S ends memorization, B shows the opponent's belief, Esc quits.
import Phaser from 'phaser';
import { POEMS } from '../../data/poems';
import { tr, trf } from '../i18n';
import { Reader, testSpeedFromUrl } from '../audio/reader';
import { createOpponent, type OpponentKind } from '../opponents/registry';
import { TransformerOpponent } from '../opponents/transformer';
import { territoryCount, type MatchEvent, type MatchSetup, type MatchState } from '../rules';
import { loadSettings } from '../settings';
import { testHooks } from '../testHooks';
import { nextFocus } from '../view/matchLayout';
import { BeliefView } from '../view/beliefView';
import { MatchField } from '../view/matchField';
import { MatchPanel } from '../view/matchPanel';
import { loadBaseGlyphs, loadGlyphs, textStyle } from '../view/styles';
import { recordMatch } from '../stats/recorder';
import { MatchDriver } from './MatchDriver';
import { publishMatchHooks, unpublishMatchHooks } from './MatchHooks';
import { eventMessages, MATCH_TEXT, poemCaption, statusLine, who } from './MatchText';
import type { ResultsData } from './ResultsScene';

export interface MatchSceneData {
  readonly mode: MatchSetup['mode'];
  /** genpei and chirashi: the cards in play (default all 100). */
  readonly cards?: readonly number[];
  /** genpei and chirashi: also read the poems of the cards not in play, as karafuda. */
  readonly readUnused?: boolean;
  readonly seed?: number;
  /** Default: the Transformer (settings.opponentModel's weights). */
  readonly opponent?: OpponentKind;
}

export class MatchScene extends Phaser.Scene {
  private driver!: MatchDriver;
  private panel!: MatchPanel;
  private field: MatchField | null = null;
  private focus: number | null = null;
  private messages: string[] = [];
  private pauseShade!: Phaser.GameObjects.Text;
  private mode: MatchSceneData['mode'] = 'competitive';
  private chosen: readonly number[] | undefined;
  private readUnused = false;
  private opponentKind: OpponentKind = 'transformer';
  /** The opponent whose belief the live view can draw (a model opponent), if any. */
  private believer: TransformerOpponent | null = null;
  private beliefView: BeliefView | null = null;
  private opponentName = '';
  private seed = 0;
  private stopRecording: (() => void) | null = null;

  constructor() {
    super('match');
  }

  init(data: Partial<MatchSceneData>): void {
    const urlSeed = Number(new URLSearchParams(globalThis.location?.search ?? '').get('seed'));
    this.mode = data.mode ?? 'competitive';
    this.chosen = data.cards;
    this.readUnused = data.readUnused ?? false;
    this.opponentKind = data.opponent ?? 'transformer';
    this.seed = data.seed ?? (Number.isInteger(urlSeed) && urlSeed !== 0 ? urlSeed : Date.now() % 2 ** 31);
  }

  async create(): Promise<void> {
    this.field = null;
    this.messages = [];
    this.focus = null;
    testHooks().screen = 'loading';
    await loadBaseGlyphs();
    void loadGlyphs(POEMS.map((p) => p.kanji + p.poet).join('') + Object.values(MATCH_TEXT).map(tr).join(''));
    const settings = loadSettings();
    const loading = this.add.text(496, 360, tr(MATCH_TEXT.loadingOpponent), textStyle(30)).setOrigin(0.5);
    const { opponent, notice } = await createOpponent({
      kind: this.opponentKind,
      difficulty: settings.difficulty,
      seed: this.seed + 1,
      model: settings.opponentModel,
    });
    if (!this.sys.isActive()) return opponent.dispose();
    loading.destroy();
    this.opponentName = tr(opponent.name);
    this.believer = opponent instanceof TransformerOpponent ? opponent : null;
    this.beliefView = null;
    const setup: MatchSetup =
      this.mode === 'competitive'
        ? { mode: 'competitive', seed: this.seed }
        : { mode: this.mode, seed: this.seed, cards: this.chosen, readUnused: this.readUnused };
    const timeScale = testSpeedFromUrl();
    this.driver = new MatchDriver({
      setup,
      opponent,
      createReader: (order) => {
        const reader = new Reader({
          order,
          rhythm: { ...settings, joka: true },
          volume: settings.volume,
          muted: settings.muted,
          timeScale,
        });
        reader.on('notice', (e) => this.panel.setNotice(tr(e.message)));
        return reader;
      },
      memorizationMs: settings.memorizationSeconds * 1000,
      timeScale,
      now: () => performance.now(),
    });
    const shown = { opponentKind: this.opponentKind, opponentName: this.opponentName };
    this.stopRecording = recordMatch({ driver: this.driver, setup, opponent, ...shown, ...settings });
    this.field = new MatchField(this, this.driver.state);
    this.panel = new MatchPanel(
      this,
      {
        skip: () => this.driver.endMemorization(),
        pause: () => this.togglePause(),
        quit: () => this.quit(),
        belief: () => this.toggleBelief(),
      },
      () => tr(this.driver.paused ? MATCH_TEXT.resume : MATCH_TEXT.pause),
      { skip: MATCH_TEXT.skip, quit: MATCH_TEXT.quit, belief: MATCH_TEXT.belief },
    );
    if (notice) this.panel.setNotice(tr(notice));
    this.pauseShade = this.add
      .text(496, 360, '', { ...textStyle(30), backgroundColor: '#000000cc', padding: { x: 30, y: 20 } })
      .setOrigin(0.5)
      .setDepth(20)
      .setVisible(false);
    this.driver.onChange((state, events) => this.onChange(state, events));
    this.bindInput();
    this.events.once('shutdown', () => this.teardown());
    this.layoutCards(false);
    this.render();
    this.publishHooks();
  }

  override update(time: number): void {
    if (!this.driver) return;
    this.driver.tick(performance.now());
    void time;
    if (this.driver.state.phase === 'memorization') this.renderStatus();
    // Every frame, so the wash follows cards as they slide.
    if (this.field) this.beliefView?.draw(this.field.cards, this.believer?.latest?.belief ?? null);
  }

  /** Shows or hides the opponent's belief over the field (a model opponent only). */
  private toggleBelief(): void {
    if (!this.believer) return;
    if (this.beliefView) {
      this.beliefView.destroy();
      this.beliefView = null;
    } else {
      this.beliefView = new BeliefView(this);
    }
    this.panel.buttons.belief.setSelected(this.beliefView !== null);
  }

  private onChange(state: MatchState, events: readonly MatchEvent[]): void {
    if (events.length > 0) {
      const lines = eventMessages(events);
      if (events.some((e) => e.type === 'read')) this.messages = [];
      if (lines.length) this.pushMessages(lines);
      if (events.some((e) => e.type === 'taken' || e.type === 'untaken' || e.type === 'karafuda'))
        this.showPoem(state);
      if (events.some((e) => e.type === 'read')) this.panel.setPoem('', '');
      this.layoutCards(true);
    }
    this.render();
    const over = events.find((e) => e.type === 'over');
    if (over) this.time.delayedCall(1600, () => this.scene.start('results', this.resultsData(state)));
  }

  private resultsData(state: MatchState): ResultsData {
    return {
      state,
      opponent: this.opponentName,
      again: {
        mode: this.mode,
        cards: this.chosen,
        readUnused: this.readUnused,
        opponent: this.opponentKind,
      },
    };
  }

  private showPoem(state: MatchState): void {
    const caption = poemCaption(state);
    if (caption) this.panel.setPoem(caption.poem, caption.kimariji);
  }

  private pushMessages(lines: readonly string[]): void {
    this.messages = [...this.messages, ...lines].slice(-4);
    this.panel?.setMessages(this.messages);
  }

  private layoutCards(animate: boolean): void {
    this.field?.layout(this.driver.state, animate);
    this.paintHighlights();
  }

  private paintHighlights(): void {
    this.field?.paintHighlights(this.driver.state, this.focus);
  }

  private render(): void {
    const state = this.driver.state;
    if (state.mode === 'chirashi') {
      this.panel.setCounts(
        trf(MATCH_TEXT.takenCount, { who: who(1), n: state.taken[1].length }),
        trf(MATCH_TEXT.takenCount, { who: who(0), n: state.taken[0].length }),
      );
    } else {
      this.panel.setCounts(
        trf(MATCH_TEXT.left, { who: who(1), n: territoryCount(state, 1) }),
        trf(MATCH_TEXT.left, { who: who(0), n: territoryCount(state, 0) }),
      );
    }
    this.panel.setHeard(this.driver.heard);
    this.panel.buttons.skip.text.setVisible(state.phase === 'memorization');
    this.panel.buttons.belief.text.setVisible(state.phase !== 'memorization' && this.believer !== null);
    this.renderStatus();
    this.paintHighlights();
  }

  private renderStatus(): void {
    const secondsLeft = Math.ceil(this.driver.memorizationLeft(performance.now()) / 1000);
    this.panel.setStatus(statusLine(this.driver.state, secondsLeft));
  }

  private bindInput(): void {
    this.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
      if (this.driver.paused) return this.togglePause();
      const no = this.field?.cardAt(pointer.x, pointer.y) ?? null;
      if (no !== null) this.driver.humanTouch(no);
    });
    this.input.keyboard?.on('keydown', (event: KeyboardEvent) => {
      const key = event.key;
      if (key === 'p' || key === 'P') this.togglePause();
      else if (key === 'Escape') this.quit();
      else if (key === 's' || key === 'S') this.driver.endMemorization();
      else if (key === 'b' || key === 'B') this.toggleBelief();
      else if (key === 'Enter' || key === ' ') {
        if (this.focus !== null) this.driver.humanTouch(this.focus);
      } else if (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown') {
        this.focus = nextFocus(this.field?.slotList() ?? [], this.focus, key);
        this.paintHighlights();
      }
    });
  }

  private togglePause(): void {
    if (this.driver.paused) this.driver.resume();
    else this.driver.pause();
    this.pauseShade.setText(tr(MATCH_TEXT.paused)).setVisible(this.driver.paused);
    this.panel.buttons.pause.text.setText(tr(this.driver.paused ? MATCH_TEXT.resume : MATCH_TEXT.pause));
    this.publishHooks();
  }

  private quit(): void {
    this.scene.start('title');
  }

  private teardown(): void {
    this.stopRecording?.();
    this.driver?.dispose();
    this.believer = null;
    this.beliefView = null;
    this.field?.clear();
    unpublishMatchHooks();
  }

  private publishHooks(): void {
    publishMatchHooks({
      scene: this,
      driver: this.driver,
      panel: this.panel,
      cards: () => this.field?.onField() ?? [],
      focus: () => this.focus,
      opponent: this.opponentName,
      belief: () => ({ shown: this.beliefView !== null, heard: this.believer?.latest?.heard ?? 0 }),
    });
  }
}
