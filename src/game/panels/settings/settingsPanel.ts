// The settings panel: one DOM panel with tabs for the player's settings, in-browser training and
// the saved models. Opened from the title menu (設定 / Settings).
import './settings.css';
import type Phaser from 'phaser';
import { openPanel, type PanelHandle } from '../host';
import { testHooks } from '../../testHooks';
import { settingsStore } from '../../settings';
import { el, LiveTexts } from './dom';
import { buildSettingsForm } from './settingsForm';
import { buildTrainingSection } from './trainingSection';
import { buildModelsSection } from './modelsSection';
import { ModelLibrary } from './library';
import { mountTour } from '../tour/tourView';
import { trainingTour } from './trainingTour';
import type { Bilingual } from '../../i18n';

export const SETTINGS_PANEL_KEY = 'settings';
export const TAB_IDS = ['settings', 'training', 'models'] as const;
export type TabId = (typeof TAB_IDS)[number];

const TAB_LABELS: Record<TabId, Bilingual> = {
  settings: { ja: '設定', en: 'Settings' },
  training: { ja: '学習', en: 'Training' },
  models: { ja: '保存したモデル', en: 'Saved models' },
};

/**
 * How "play against this model" starts a match: the title menu's match entry, when the game has
 * one. Until then the play buttons are not shown.
 */
export type StartMatch = () => void;

export function openSettingsPanel(
  options: { startMatch?: StartMatch; tab?: TabId; onClose?: () => void } = {},
): PanelHandle {
  return openPanel(
    SETTINGS_PANEL_KEY,
    (root, handle) => {
      const texts = new LiveTexts();
      const disposers: (() => void)[] = [() => texts.dispose()];
      // Keys typed in the panel belong to the panel, not to the scene underneath.
      root.addEventListener('keydown', (event) => event.stopPropagation());
      root.addEventListener('keyup', (event) => event.stopPropagation());

      const form = buildSettingsForm(texts);
      const bodies: Record<TabId, HTMLElement> = {
        settings: form.root,
        training: el('div', { class: 'tab-loading' }),
        models: el('div', { class: 'tab-loading' }),
      };
      for (const id of ['training', 'models'] as const) {
        bodies[id].append(texts.text('p', { ja: '読み込み中…', en: 'Loading…' }));
      }

      const header = el(
        'header',
        { class: 'settings-header' },
        texts.text('h1', { ja: '設定', en: 'Settings' }),
      );
      const close = texts.text(
        'button',
        { ja: '戻る', en: 'Back' },
        { type: 'button', 'data-testid': 'close' },
      );
      // A running training run asks before it is thrown away: on 戻る, on Esc (the host runs the
      // guard for every close it is asked for) and before "play against this model".
      let leaveGuard: () => boolean = () => true;
      handle.guardClose(() => leaveGuard());
      close.addEventListener('click', () => handle.close());
      const tabBar = el('nav', { class: 'settings-tabs', role: 'tablist' });
      header.append(tabBar, close);

      const select = (id: TabId) => {
        for (const tab of TAB_IDS) {
          bodies[tab].hidden = tab !== id;
          tabBar.querySelector(`[data-tab="${tab}"]`)?.setAttribute('aria-selected', String(tab === id));
        }
        testHooks().settingsTab = id;
      };
      for (const id of TAB_IDS) {
        const button = texts.text('button', TAB_LABELS[id], { type: 'button', role: 'tab', 'data-tab': id });
        button.addEventListener('click', () => select(id));
        tabBar.append(button);
      }
      root.append(header, ...TAB_IDS.map((id) => bodies[id]));
      select(options.tab ?? 'settings');

      const playAgainst = options.startMatch
        ? (modelId: string) => {
            if (!leaveGuard()) return;
            leaveGuard = () => true; // asked once already
            settingsStore().update({ opponentModel: modelId });
            handle.close();
            options.startMatch?.();
          }
        : undefined;

      let closed = false;
      const fillTabs = (library: ModelLibrary) => {
        disposers.push(() => library.close());
        const training = buildTrainingSection(texts, library, playAgainst);
        disposers.push(training.dispose);
        leaveGuard = training.confirmLeave;
        bodies.training.replaceChildren(training.root);
        // The training tab's guided tour ("watch it learn"); ?tour=training starts it on opening.
        const tour = mountTour(
          root,
          trainingTour({
            ...training.lab,
            showTab: () => tabBar.querySelector<HTMLButtonElement>('[data-tab="training"]')?.click(),
          }),
        );
        header.insertBefore(tour.button, close);
        disposers.push(tour.dispose);
        const models = buildModelsSection(texts, library, playAgainst, (model) => {
          select('training');
          void training.continueFrom(model);
        });
        disposers.push(models.dispose);
        bodies.models.replaceChildren(models.root);
        const fill = () => form.setSavedModels(library.models.map((m) => ({ id: m.id, name: m.name })));
        disposers.push(library.onChange(fill));
        fill();
      };
      void ModelLibrary.open()
        .then((library) => {
          if (closed) {
            library.close();
            return;
          }
          fillTabs(library);
        })
        .catch((e: unknown) => {
          // Whatever broke, the tabs say so instead of "Loading…" forever.
          const why = e instanceof Error ? e.message : String(e);
          for (const id of ['training', 'models'] as const)
            bodies[id].replaceChildren(
              texts.text(
                'p',
                { ja: `このタブを開けませんでした：${why}`, en: `This tab could not be opened: ${why}` },
                { class: 'error' },
              ),
            );
        })
        .finally(() => {
          if (!closed) testHooks().settingsReady = true;
        });

      return () => {
        closed = true;
        testHooks().settingsReady = false;
        for (const dispose of disposers.reverse()) dispose();
      };
    },
    options.onClose,
  );
}

/** The title menu's way in: the match, when there is one, is started from the same scene. */
export function openSettingsFromMenu(
  scene: Phaser.Scene,
  matchEntryOpen?: (scene: Phaser.Scene) => void,
): PanelHandle {
  // The panel covers the whole canvas: stop redrawing it underneath, so training and the
  // panel get the CPU (SwiftShader draws WebGL on the CPU) and the page stays smooth.
  const loop = scene.game.loop;
  loop.sleep();
  return openSettingsPanel({
    ...(matchEntryOpen ? { startMatch: () => matchEntryOpen(scene) } : {}),
    onClose: () => {
      loop.wake();
      // The screen underneath is showing again (unless the panel started a match).
      if (scene.sys.isActive()) testHooks().screen = scene.sys.settings.key;
    },
  });
}
