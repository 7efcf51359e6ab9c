// The title menu lists only what works: each mode adds one entry here when it is playable.
// Panels are imported when opened, so the title screen loads without tfjs, the corpus or the labs.
import type Phaser from 'phaser';
import type { Bilingual } from './i18n';
import { KIOSK_IDLE_SECONDS } from './kiosk/param';
import { openPanelWhenLoaded } from './panels/host';
import { loadPlayScenes } from './scenes/loadPlayScenes';
import { MENU_LABEL as DELL_MENU_LABEL } from './panels/dell/text';
import { T as SPEECH_TEXT } from './panels/speech/text';

export interface MenuEntry {
  readonly id: string;
  readonly label: Bilingual;
  /** Called from the title scene; start a scene or open a DOM panel. */
  open(scene: Phaser.Scene): void;
}

const LISTEN_MENU_LABEL: Bilingual = { ja: '読み上げ練習', en: 'Listening practice' };

/**
 * Starts a scene of the play group (loaded on first use). The start is dropped if the title is
 * no longer running when the code arrives (a panel opened over it, or another entry won).
 */
function startPlay(from: Phaser.Scene, key: string, data?: object): void {
  void loadPlayScenes(from.game).then(() => {
    if (from.sys.isActive()) from.scene.start(key, data);
  });
}

const ENTRIES: readonly MenuEntry[] = [
  {
    id: 'match',
    label: { ja: '競技かるた（対戦）', en: 'Competitive match' },
    open: (scene) => startPlay(scene, 'match', { mode: 'competitive' }),
  },
  {
    // The match's default opponent is the Transformer; the rule-based listener stays playable.
    id: 'match-baseline',
    label: { ja: 'ルール型の相手と対戦', en: 'Rule-based opponent' },
    open: (scene) => startPlay(scene, 'match', { mode: 'competitive', opponent: 'baseline' }),
  },
  {
    id: 'chirashi',
    label: { ja: '散らし取り', en: 'Chirashi (scattered)' },
    open: (scene) => startPlay(scene, 'match', { mode: 'chirashi' }),
  },
  {
    id: 'casual',
    label: { ja: '源平・五色・二人対戦', en: 'More games · two players' },
    open: (scene) => startPlay(scene, 'match-setup'),
  },
  {
    id: 'gallery',
    label: { ja: '札を見る', en: 'Card gallery' },
    open: (scene) => startPlay(scene, 'gallery'),
  },
  {
    id: 'stats',
    label: { ja: '成績と練習', en: 'Progress and practice' },
    open: (scene) => void import('./panels/stats').then((m) => m.openStatsPanel(scene)),
  },
  {
    id: 'listen',
    label: LISTEN_MENU_LABEL,
    open: () =>
      openPanelWhenLoaded(
        'listen',
        () => import('./audio/listenPanel'),
        (panel) => panel.openListenPanel(),
      ),
  },
  {
    id: 'speech',
    label: SPEECH_TEXT.menu,
    open: () =>
      openPanelWhenLoaded(
        'speech',
        () => import('./panels/speech/speechPanel'),
        (panel) => panel.openSpeechPanel(),
      ),
  },
  {
    id: 'dell',
    label: DELL_MENU_LABEL,
    open: () =>
      openPanelWhenLoaded(
        'dell',
        () => import('./panels/dell'),
        (panel) => panel.openDellLab(),
      ),
  },
  {
    id: 'how-to-play',
    label: { ja: '遊び方', en: 'How to play' },
    open: () => void import('./scenes/HowToPlay').then((m) => m.openHowToPlay()),
  },
  {
    id: 'settings',
    label: { ja: '設定', en: 'Settings' },
    // "Play against this model" starts the match the way the match's own entry does.
    open: (scene) =>
      openPanelWhenLoaded(
        'settings',
        () => import('./panels/settings/settingsPanel'),
        (panel) => panel.openSettingsFromMenu(scene, ENTRIES.find((entry) => entry.id === 'match')?.open),
      ),
  },
];

/** Kiosk mode leaves settings out: no settings changed, no model deleted, imported or trained over. */
export const MENU: readonly MenuEntry[] =
  KIOSK_IDLE_SECONDS === null ? ENTRIES : ENTRIES.filter((entry) => entry.id !== 'settings');
