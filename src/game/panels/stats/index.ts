// The statistics panel: a view over the match history (src/game/storage/history.ts) and the pure
// aggregators in src/game/stats/. Four tabs: per-card statistics (the default), the history of
// matches with export/import/erase, the coach (habits and per-reading timelines), and the drills.
import './stats.css';
import type Phaser from 'phaser';
import { onLangChange, tr } from '../../i18n';
import type { MatchSceneData } from '../../scenes/MatchScene';
import { listMatches, readSummary, storeSummary, type HistoryList } from '../../storage/history';
import type { CardStats } from '../../stats/aggregate';
import { checkSummary, summarize, type HistorySummary } from '../../stats/summary';
import { testHooks } from '../../testHooks';
import { el } from '../settings/dom';
import { openPanel, type PanelHandle } from '../host';
import { renderCards } from './cardsView';
import { renderCoach } from './coachView';
import { renderDrills } from './drillsView';
import { renderHistory } from './historyView';
import { T } from './text';

export const STATS_PANEL_KEY = 'stats';
export const STATS_TABS = ['cards', 'history', 'coach', 'drills'] as const;
export type StatsTab = (typeof STATS_TABS)[number];

/** What the browser tests and the benchmark read. */
export interface StatsHooks {
  ready: boolean;
  tab?: StatsTab;
  matches?: number;
  damaged?: number;
  /** From opening to the first frame with the statistics drawn, ms. */
  renderMs?: number;
  /** The weak-cards game's deal on the drills tab. */
  weakDeal?: number[];
  drill?: {
    kind: string;
    index: number;
    total: number;
    answer?: number | string;
    done?: boolean;
    right?: number;
  };
}

export interface ViewParams {
  readonly card?: number;
  readonly match?: string;
}

/** What every view gets: the history's summary, the history itself, and ways to move around. */
export interface StatsContext {
  readonly summary: HistorySummary;
  readonly stats: readonly CardStats[];
  /** Every match; loaded before a view that needs it (see `needsList`) is drawn. */
  readonly list: HistoryList;
  readonly hooks: StatsHooks;
  /** Usable width for charts, px. */
  readonly width: () => number;
  go(tab: StatsTab, params?: ViewParams): void;
  /** Reloads the history from the store and redraws the current view. */
  reload(): Promise<void>;
  /** Closes the panel and starts a match (the weak-cards game). */
  startMatch(data: MatchSceneData): void;
}

/** A view draws into `root` and may return what to undo when it goes (charts, timers, audio). */
export type View = (root: HTMLElement, ctx: StatsContext, params: ViewParams) => (() => void) | void;

const VIEWS: Record<StatsTab, View> = {
  cards: renderCards,
  history: renderHistory,
  coach: renderCoach,
  drills: renderDrills,
};
/** The card table and the drills draw from the summary alone; the rest read every match. */
function needsList(tab: StatsTab, params: ViewParams): boolean {
  return tab === 'history' || tab === 'coach' || (tab === 'cards' && params.card !== undefined);
}

const TAB_LABELS = {
  cards: T.tabCards,
  history: T.tabHistory,
  coach: T.tabCoach,
  drills: T.tabDrills,
} as const;

export function openStatsPanel(
  scene: Phaser.Scene | null,
  start: { tab?: StatsTab } & ViewParams = {},
): PanelHandle {
  const opened = performance.now();
  let startMatch: MatchSceneData | null = null;
  // The panel covers the canvas: stop redrawing it underneath (SwiftShader draws on the CPU).
  // It also owns the pointer: the title's buttons fire on pointer-up, and a click on the panel
  // over one of them would otherwise open that entry underneath.
  const loop = scene?.game.loop;
  loop?.sleep();
  const input = scene?.input;
  const inputWas = input?.enabled ?? false;
  if (input) input.enabled = false;
  return openPanel(
    STATS_PANEL_KEY,
    (root, handle) => {
      root.classList.add('stats-panel-root');
      const hooks: StatsHooks = { ready: false };
      testHooks().stats = hooks;
      const shell = el('div', { class: 'stats-panel' });
      const title = el('h1');
      const close = el('button', { type: 'button', 'data-testid': 'close' });
      close.addEventListener('click', () => handle.close());
      const tabs = el('nav', { class: 'stats-tabs', role: 'tablist' });
      const body = el('div', { class: 'stats-body' });
      shell.append(el('header', { class: 'stats-header' }, title, close), tabs, body);
      root.append(shell);

      let list: HistoryList | null = null;
      let summary: HistorySummary = summarize([], 0, 0);
      let tab: StatsTab = start.tab ?? 'cards';
      let params: ViewParams = { card: start.card, match: start.match };
      let undo: (() => void) | void = undefined;
      let failed = false;

      const ctx: StatsContext = {
        get summary() {
          return summary;
        },
        get stats() {
          return summary.stats;
        },
        get list() {
          return list ?? { records: [], damaged: [] };
        },
        hooks,
        width: () => Math.max(280, Math.min(1052, shell.clientWidth - 4)),
        go(next, nextParams = {}) {
          tab = next;
          params = nextParams;
          draw();
          root.scrollTop = 0;
        },
        async reload() {
          list = null;
          await load();
          draw();
        },
        startMatch(data) {
          startMatch = data;
          handle.close();
        },
      };

      const draw = (): void => {
        undo?.();
        title.textContent = tr(T.title);
        close.textContent = tr(T.close);
        tabs.replaceChildren(
          ...STATS_TABS.map((id) => {
            const button = el(
              'button',
              { type: 'button', role: 'tab', 'data-tab': id, 'aria-selected': String(id === tab) },
              tr(TAB_LABELS[id]),
            );
            button.addEventListener('click', () => ctx.go(id));
            return button;
          }),
        );
        body.replaceChildren();
        hooks.tab = tab;
        if (failed) {
          body.append(el('p', { class: 'error' }, tr(T.unavailable)));
          if (tab !== 'drills') return;
        }
        if (!failed && list === null && needsList(tab, params)) {
          body.append(el('p', {}, tr(T.loading)));
          const [wanted, wantedParams] = [tab, params];
          void loadList().then(() => {
            if (tab === wanted && params === wantedParams) draw();
          });
          return;
        }
        undo = VIEWS[tab](body, ctx, params);
      };

      const loadList = async (): Promise<HistoryList> => {
        list = await listMatches();
        return list;
      };

      // The summary stored with the history's current generation, or one made from every match.
      const load = async (): Promise<void> => {
        try {
          const stored = await readSummary();
          const valid = checkSummary(stored.summary, stored.generation, stored.count);
          if (valid) summary = valid;
          else {
            const { records, damaged } = await loadList();
            summary = summarize(records, damaged.length, stored.generation);
            void storeSummary(summary).catch(() => {});
          }
          failed = false;
        } catch (error) {
          console.warn('the history could not be read', error);
          failed = true;
        }
        hooks.matches = summary.overview.matches;
        hooks.damaged = summary.damaged;
      };

      body.append(el('p', {}, tr(T.loading)));
      title.textContent = tr(T.title);
      void load().then(() => {
        draw();
        requestAnimationFrame(() => {
          hooks.renderMs = performance.now() - opened;
          hooks.ready = true;
        });
      });
      const stopLang = onLangChange(() => draw());
      return () => {
        stopLang();
        undo?.();
        delete testHooks().stats;
      };
    },
    () => {
      loop?.wake();
      if (input) input.enabled = inputWas;
      if (startMatch && scene) scene.scene.start('match', startMatch);
      else if (scene?.sys.isActive()) testHooks().screen = scene.sys.settings.key;
    },
  );
}
