// The settings panel: one DOM panel with tabs for the player's settings, in-browser training and
// the saved models. Opened from the title menu (設定 / Settings).
import './settings.css';
import { openPanel, type PanelHandle } from '../host';
import { testHooks } from '../../testHooks';
import { el, LiveTexts } from './dom';
import { buildSettingsForm } from './settingsForm';
import type { Bilingual } from '../../i18n';

export const SETTINGS_PANEL_KEY = 'settings';

interface Tab {
  readonly id: string;
  readonly label: Bilingual;
  readonly body: HTMLElement;
}

export function openSettingsPanel(onClose?: () => void): PanelHandle {
  return openPanel(
    SETTINGS_PANEL_KEY,
    (root, handle) => {
      const texts = new LiveTexts();
      const form = buildSettingsForm(texts);
      const tabs: Tab[] = [{ id: 'settings', label: { ja: '設定', en: 'Settings' }, body: form.root }];

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
      close.addEventListener('click', () => handle.close());
      const tabBar = el('nav', { class: 'settings-tabs', role: 'tablist' });
      header.append(tabBar, close);

      const select = (id: string) => {
        for (const tab of tabs) {
          tab.body.hidden = tab.id !== id;
          tabBar
            .querySelector(`[data-tab="${tab.id}"]`)
            ?.setAttribute('aria-selected', String(tab.id === id));
        }
        testHooks().settingsTab = id;
      };
      for (const tab of tabs) {
        const button = texts.text('button', tab.label, { type: 'button', role: 'tab', 'data-tab': tab.id });
        button.addEventListener('click', () => select(tab.id));
        tabBar.append(button);
      }
      root.append(header, ...tabs.map((t) => t.body));
      select('settings');

      return () => texts.dispose();
    },
    onClose,
  );
}
