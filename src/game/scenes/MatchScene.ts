// The match: two territories (or the chirashi field) of real torifuda, the reading, the opponent.
// The scene draws the driver's state and forwards input (MatchInput); the driver and the rules
// decide. Every object of one match lives in one `Table`, made in create and dropped at shutdown,
// so a match quit at any phase leaves nothing behind for the next.
import Phaser from 'phaser';
import { POEMS } from '../../data/poems';
import { tr, trf } from '../i18n';
import { Reader } from '../audio/reader';
import { createOpponent, type OpponentKind } from '../opponents/registry';
import { TransformerOpponent } from '../opponents/transformer';
import { PLAYERS, territoryCount, type MatchEvent, type MatchSetup, type MatchState } from '../rules';
import { loadSettings, SHIPPED_MODEL } from '../settings';
import { testHooks, testSpeedFromUrl } from '../testHooks';
import { BeliefView } from '../view/beliefView';
import { MatchField } from '../view/matchField';
import { matchScreen } from '../view/matchLayout';
import { MatchPanel } from '../view/matchPanel';
import { fitScene, isPortrait } from '../view/screen';
import { loadBaseGlyphs, loadGlyphs, textStyle } from '../view/styles';
import { homeArrangement, loadHomePlaces, saveHomePlaces } from './HomePlaces';
import { recordMatch } from '../stats/recorder';
import { KIOSK_LOCKED } from '../kiosk/locks';
import { projectorCanvas } from '../view/display';
import { MatchDriver } from './MatchDriver';
import { publishMatchHooks, unpublishMatchHooks } from './MatchHooks';
import { MatchInput } from './MatchInput';
import {
  eventMessages,
  farStatus,
  LEVELS,
  MATCH_TEXT,
  NAMED_TEXT,
  poemCaption,
  statusLine,
  who,
} from './MatchText';
import { isPair, isSolo, sideNames, soloSeats, type SideNames, type Seats } from './seats';
import type { ResultsData } from './ResultsScene';
import { AttractCaption } from './AttractCaption';
import type { Difficulty } from '../settings';

export interface MatchSceneData {
  readonly mode: MatchSetup['mode'];
  /** genpei and chirashi: the cards in play (default all 100). */
  readonly cards?: readonly number[];
  /** genpei and chirashi: also read the poems of the cards not in play, as karafuda. */
  readonly readUnused?: boolean;
  readonly seed?: number;
  /** Default: the Transformer (settings.opponentModel's weights). */
  readonly opponent?: OpponentKind;
  /** Who plays each side; default you against `opponent`. Two people: PAIR_SEATS. */
  readonly seats?: Seats;
  /** The kiosk's attract loop: two listening models on the shipped checkpoints, at these levels
   *  (near, far), play each other with captions until a touch. Overrides `seats`. */
  readonly attract?: { readonly near: Difficulty; readonly far: Difficulty };
}

/** The attract loop's two listeners. */
export const ATTRACT_SIDES = { near: 'intermediate', far: 'master' } as const;
/** Memorization in the attract loop: long enough to see the field, short for a passer-by. */
const ATTRACT_MEMORIZATION_MS = 4000;

/** Everything one match owns. */
interface Table {
  readonly driver: MatchDriver;
  readonly field: MatchField;
  readonly panel: MatchPanel;
  readonly input: MatchInput;
  readonly pauseShade: Phaser.GameObjects.Text;
  /** The opponent whose belief the live view can draw (a model opponent), if any. */
  readonly believer: TransformerOpponent | null;
  /** The opponent and the model it plays, as the panel and the results show them. */
  readonly opponentName: string;
  /** The opponent's own name, for the tests. */
  readonly hookName: string;
  readonly level: string;
  /** How messages and the results name the two sides. */
  readonly names: SideNames;
  beliefView: BeliefView | null;
  messages: string[];
  /** Cards sent to you since the last reading: lit until the next one, so you can place them. */
  received: Set<number>;
  readonly clips: readonly string[];
  /** Paused by the how-to-play panel (and resumed when it closes). */
  pausedForHelp: boolean;
  over: boolean;
  /** The attract loop's captions, when two models play. */
  readonly caption: AttractCaption | null;
}

export class MatchScene extends Phaser.Scene {
  private table: Table | null = null;
  private mode: MatchSceneData['mode'] = 'competitive';
  private chosen: readonly number[] | undefined;
  private readUnused = false;
  private opponentKind: OpponentKind = 'transformer';
  private seats: Seats = soloSeats();
  private attract: MatchSceneData['attract'] | null = null;
  private seed = 0;
  /** Counts starts, so a create still loading when its match was quit and restarted gives up. */
  private generation = 0;
  private stopRecording: (() => void) | null = null;

  constructor() {
    super('match');
  }

  init(data: Partial<MatchSceneData>): void {
    // A scene object is reused by the next start: nothing of the last match may survive into it.
    this.table = null;
    this.generation++;
    const urlSeed = Number(new URLSearchParams(globalThis.location?.search ?? '').get('seed'));
    this.mode = data.mode ?? 'competitive';
    this.chosen = data.cards;
    this.readUnused = data.readUnused ?? false;
    this.opponentKind = data.opponent ?? 'transformer';
    this.attract = data.attract ?? null;
    this.seats = this.attract
      ? [
          { kind: 'opponent', opponent: 'transformer' },
          { kind: 'opponent', opponent: 'transformer' },
        ]
      : (data.seats ?? soloSeats(this.opponentKind));
    this.seed = data.seed ?? (Number.isInteger(urlSeed) && urlSeed !== 0 ? urlSeed : Date.now() % 2 ** 31);
  }

  async create(): Promise<void> {
    const generation = this.generation;
    fitScene(this, true);
    const screen = matchScreen(isPortrait(this), projectorCanvas());
    const centre = {
      x: screen.field.area.x + screen.field.area.width / 2,
      y: screen.field.area.y + screen.field.area.height / 2,
    };
    testHooks().screen = 'loading';
    // Registered first: a quit while the opponent loads still ends this match cleanly.
    this.events.once('shutdown', () => this.teardown());
    await loadBaseGlyphs();
    void loadGlyphs(POEMS.map((p) => p.kanji + p.poet).join('') + Object.values(MATCH_TEXT).map(tr).join(''));
    const stored = loadSettings();
    const attract = this.attract;
    // Two models play on the shipped checkpoints: the visitor's own settings stay out of it.
    const settings = attract ? { ...stored, difficulty: attract.far, opponentModel: SHIPPED_MODEL } : stored;
    const loading = this.add
      .text(centre.x, centre.y, tr(MATCH_TEXT.loadingOpponent), textStyle(30))
      .setOrigin(0.5);
    // One opponent per side a computer plays (none when two people share the screen).
    const created = await Promise.all(
      this.seats.map((seat, player) =>
        seat.kind === 'opponent'
          ? createOpponent({
              kind: seat.opponent,
              difficulty: attract && player === 0 ? attract.near : settings.difficulty,
              seed: this.seed + 1 + player,
              model: settings.opponentModel,
            })
          : null,
      ),
    );
    if (!this.sys.isActive() || generation !== this.generation) {
      for (const c of created) c?.opponent.dispose();
      return;
    }
    loading.destroy();
    // The side the panel, the belief view and the history speak of: the far side's opponent.
    const { opponent = null, notice } = created[1] ?? created[0] ?? {};
    const names = sideNames(this.seats);
    const pair = isPair(this.seats);
    const solo = isSolo(this.seats);
    const setup: MatchSetup =
      this.mode === 'competitive'
        ? { mode: 'competitive', seed: this.seed }
        : { mode: this.mode, seed: this.seed, cards: this.chosen, readUnused: this.readUnused };
    const timeScale = testSpeedFromUrl();
    let panel: MatchPanel | null = null;
    /** Every clip the reader started this match, for the tests: none may start twice. */
    const clips: string[] = [];
    const driver = new MatchDriver({
      setup,
      seats: [created[0]?.opponent ?? null, created[1]?.opponent ?? null],
      createReader: (order) => {
        const reader = new Reader({
          order,
          rhythm: { ...settings, joka: true },
          volume: settings.volume,
          muted: settings.muted,
          timeScale,
        });
        reader.on('notice', (e) => panel?.setNotice(tr(e.message)));
        reader.on('clip', (e) => clips.push(`${e.clip.poem}:${e.clip.half}`));
        return reader;
      },
      memorizationMs: attract ? ATTRACT_MEMORIZATION_MS : settings.memorizationSeconds * 1000,
      timeScale,
      now: () => performance.now(),
    });
    // Your 定位置 from earlier matches, before the first frame is drawn (not a visitor's).
    if (setup.mode !== 'chirashi' && solo) {
      for (const move of homeArrangement(driver.state, loadHomePlaces())) {
        driver.arrange(move.card, move.row, move.column);
      }
    }
    const field = new MatchField(this, driver.state, screen);
    panel = new MatchPanel(
      this,
      {
        skip: () => this.skip(),
        pause: () => this.togglePause(),
        help: () => this.help(),
        quit: () => this.quit(),
        belief: () => this.toggleBelief(),
      },
      () => tr(driver.paused ? MATCH_TEXT.resume : MATCH_TEXT.pause),
      { skip: MATCH_TEXT.skip, quit: MATCH_TEXT.quit, belief: MATCH_TEXT.belief, help: MATCH_TEXT.help },
      screen.panel,
    );
    if (pair) panel.faceFarSide();
    if (notice) panel.setNotice(tr(notice));
    const modelName =
      opponent instanceof TransformerOpponent
        ? tr(
            settings.opponentModel === SHIPPED_MODEL || notice
              ? MATCH_TEXT.shippedModel
              : MATCH_TEXT.savedModel,
          )
        : '';
    const opponentName = opponent ? tr(opponent.name) : '';
    const shownName = opponentName + (modelName ? `（${modelName}）` : '');
    const level = opponent ? tr(LEVELS[settings.difficulty]) : '';
    panel.setLevel(opponent ? trf(MATCH_TEXT.level, { name: shownName, level }) : tr(NAMED_TEXT.pair));
    // Your history holds your matches against the computer, not two visitors' game, nor a
    // kiosk visitor's.
    if (solo && opponent && !KIOSK_LOCKED) {
      this.stopRecording = recordMatch({
        driver,
        setup,
        opponent,
        opponentKind: this.opponentKind,
        opponentName: shownName,
        ...settings,
      });
    }
    const pauseShade = this.add
      .text(centre.x, centre.y, '', {
        ...textStyle(30),
        backgroundColor: '#000000cc',
        padding: { x: 30, y: 20 },
      })
      .setOrigin(0.5)
      .setDepth(20)
      .setVisible(false);
    const input = new MatchInput(this, field, {
      get state() {
        return driver.state;
      },
      get paused() {
        return driver.paused;
      },
      touch: (card, player) => driver.humanTouch(card, player),
      arrange: (card, row, column, player) => void driver.arrange(card, row, column, player),
      pair,
      togglePause: () => this.togglePause(),
      quit: () => this.quit(),
      skip: () => this.skip(),
      toggleBelief: () => this.toggleBelief(),
      help: () => this.help(),
      changed: () => this.paintHighlights(),
    });
    this.table = {
      driver,
      field,
      panel,
      input,
      pauseShade,
      believer: opponent instanceof TransformerOpponent ? opponent : null,
      opponentName: shownName,
      hookName: opponentName,
      level,
      names,
      beliefView: null,
      messages: [],
      received: new Set(),
      clips,
      pausedForHelp: false,
      over: false,
      caption: attract
        ? new AttractCaption(
            this,
            { near: tr(LEVELS[attract.near]), far: tr(LEVELS[attract.far]) },
            screen.field.area,
          )
        : null,
    };
    driver.onChange((state, events) => this.onChange(state, events));
    field.layout(driver.state, false);
    if (attract) this.toggleBelief(); // the wash shows what the far listener believes
    this.render();
    this.publishHooks();
  }

  override update(): void {
    const table = this.table;
    if (!table) return;
    table.driver.tick(performance.now());
    if (table.driver.state.phase === 'memorization') this.renderStatus();
    table.caption?.show(table.driver.state, table.driver.heard);
    // Every frame, so the wash follows cards as they slide.
    table.beliefView?.draw(table.field.onField(), table.believer?.latest?.belief ?? null);
  }

  private skip(): void {
    // Paused means paused: the reading does not start under the pause screen.
    if (this.table && !this.table.driver.paused) this.table.driver.endMemorization();
  }

  /** Shows or hides the opponent's belief over the field and its top candidates (a model only). */
  private toggleBelief(): void {
    const table = this.table;
    if (!table?.believer) return;
    if (table.beliefView) {
      table.beliefView.destroy();
      table.beliefView = null;
      table.panel.reserve(0);
    } else {
      const { textX, textWidth } = table.panel.frame;
      const view = new BeliefView(this, textX, 0, textWidth - 8);
      table.beliefView = view;
      table.panel.reserve(BeliefView.height(), (y) => view.moveTo(y));
    }
    table.panel.buttons.belief.setSelected(table.beliefView !== null);
  }

  private onChange(state: MatchState, events: readonly MatchEvent[]): void {
    const table = this.table;
    if (!table) return;
    const solo = isSolo(this.seats);
    // A kiosk visitor's arrangement is theirs for this match only.
    const keepsPlaces = state.mode !== 'chirashi' && solo && !KIOSK_LOCKED;
    if (events.some((e) => e.type === 'memorizationOver') && keepsPlaces) saveHomePlaces(state);
    if (events.length > 0) {
      // Each reading starts with a clean slate: last poem's messages and caption go.
      if (events.some((e) => e.type === 'read')) {
        table.messages = [];
        table.received.clear();
        table.panel.setPoem('', '');
        table.input.held = null;
      }
      for (const e of events) if (e.type === 'sent' && table.driver.isHuman(e.to)) table.received.add(e.card);
      // The attract loop's caption tells its story; these messages speak to a player ("you").
      const lines = table.caption ? [] : eventMessages(events, table.names);
      table.messages = [...table.messages, ...lines].slice(-4);
      table.panel.setMessages(table.messages);
      if (events.some((e) => e.type === 'taken' || e.type === 'untaken' || e.type === 'karafuda')) {
        const caption = poemCaption(state);
        if (caption) table.panel.setPoem(caption.poem, caption.kimariji);
      }
      table.field.layout(state, true);
    }
    this.render();
    if (events.some((e) => e.type === 'over') && !table.over) {
      table.over = true;
      if (this.attract) {
        // The attract loop plays on: another match, another deal.
        const attract = this.attract;
        this.time.delayedCall(4000, () =>
          this.scene.restart({ mode: 'competitive', attract, seed: (this.seed * 7 + 13) % 2 ** 31 }),
        );
        return;
      }
      // Your arrangement at the end is what you will find next time.
      if (keepsPlaces) saveHomePlaces(state);
      this.time.delayedCall(1600, () => this.scene.start('results', this.resultsData(state)));
    }
  }

  private resultsData(state: MatchState): ResultsData {
    return {
      state,
      opponent: this.table?.opponentName ?? '',
      level: this.table?.level ?? '',
      names: this.table?.names,
      again: {
        mode: this.mode,
        cards: this.chosen,
        readUnused: this.readUnused,
        opponent: this.opponentKind,
        seats: this.seats,
      },
    };
  }

  private paintHighlights(): void {
    const table = this.table;
    if (!table) return;
    table.field.paintHighlights(table.driver.state, {
      focus: table.input.focus,
      received: table.received,
      held: table.input.held,
      senders: PLAYERS.filter((p) => table.driver.isHuman(p)),
    });
  }

  private render(): void {
    const table = this.table;
    if (!table) return;
    const { state } = table.driver;
    // In the attract loop each side is named by its level.
    const names: SideNames = table.caption
      ? [
          { ja: table.caption.sides[1], en: table.caption.sides[1] },
          { ja: table.caption.sides[0], en: table.caption.sides[0] },
        ]
      : table.names;
    if (state.mode === 'chirashi') {
      table.panel.setCounts(
        trf(MATCH_TEXT.takenCount, { who: who(1, names), n: state.taken[1].length }),
        trf(MATCH_TEXT.takenCount, { who: who(0, names), n: state.taken[0].length }),
      );
    } else {
      table.panel.setCounts(
        trf(MATCH_TEXT.left, { who: who(1, names), n: territoryCount(state, 1) }),
        trf(MATCH_TEXT.left, { who: who(0, names), n: territoryCount(state, 0) }),
      );
    }
    table.panel.setHeard(table.driver.heard);
    table.panel.buttons.skip.text.setVisible(state.phase === 'memorization');
    table.panel.buttons.belief.text.setVisible(state.phase !== 'memorization' && table.believer !== null);
    this.renderStatus();
    this.paintHighlights();
  }

  private renderStatus(): void {
    const table = this.table;
    if (!table) return;
    const secondsLeft = Math.ceil(table.driver.memorizationLeft(performance.now()) / 1000);
    // The status line tells a player what to press; nobody plays in the attract loop.
    table.panel.setStatus(table.caption ? '' : statusLine(table.driver.state, secondsLeft, table.names));
    if (table.panel.facesFarSide)
      table.panel.setFarStatus(farStatus(table.driver.state, secondsLeft, table.names, table.messages));
  }

  private togglePause(): void {
    const table = this.table;
    if (!table) return;
    const { driver } = table;
    if (driver.paused) driver.resume();
    else driver.pause();
    table.pausedForHelp = false;
    this.showPaused();
  }

  private showPaused(): void {
    const table = this.table;
    if (!table) return;
    const paused = table.driver.paused;
    table.pauseShade.setText(tr(MATCH_TEXT.paused)).setVisible(paused);
    table.panel.buttons.pause.text.setText(tr(paused ? MATCH_TEXT.resume : MATCH_TEXT.pause));
    this.publishHooks();
  }

  /** How to play, over the match: the match pauses while it is open and resumes when it closes. */
  private help(): void {
    const table = this.table;
    if (!table) return;
    if (!table.driver.paused) {
      table.driver.pause();
      table.pausedForHelp = table.driver.paused;
      this.showPaused();
    }
    this.input.keyboard?.disableGlobalCapture();
    this.scene.pause();
    void import('./HowToPlay').then(({ openHowToPlay }) =>
      openHowToPlay(() => {
        this.scene.resume();
        this.input.keyboard?.enableGlobalCapture();
        const current = this.table;
        if (current === table && current.pausedForHelp) {
          current.driver.resume();
          current.pausedForHelp = false;
          this.showPaused();
        }
        testHooks().screen = 'match';
      }),
    );
  }

  private quit(): void {
    this.scene.start('title');
  }

  private teardown(): void {
    this.stopRecording?.();
    this.stopRecording = null;
    const table = this.table;
    this.table = null;
    unpublishMatchHooks();
    if (!table) return;
    table.driver.dispose();
    table.beliefView?.destroy();
    table.caption?.destroy();
    table.field.clear();
  }

  private publishHooks(): void {
    const table = this.table;
    if (!table) return;
    publishMatchHooks({
      scene: this,
      driver: table.driver,
      panel: table.panel,
      field: table.field,
      cards: () => table.field.onField(),
      focus: () => table.input.focus,
      held: () => table.input.held,
      received: () => [...table.received],
      messages: () => table.panel.messageText,
      clips: () => [...table.clips],
      opponent: table.hookName,
      attract: table.caption !== null,
      caption: () => table.caption?.text ?? '',
      level: table.level,
      belief: () => ({
        shown: table.beliefView !== null,
        heard: table.believer?.latest?.heard ?? 0,
        candidates: table.beliefView?.candidates ?? [],
      }),
    });
  }
}
