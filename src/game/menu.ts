// The title menu lists only what works: each mode adds one entry here when it is playable.
import type Phaser from 'phaser';
import type { Bilingual } from './i18n';
import { openSettingsFromMenu } from './panels/settings/settingsPanel';
import { LISTEN_MENU_LABEL, openListenPanel } from './audio/listenPanel';
import { DELL_MENU_LABEL, openDellLab } from './panels/dell';
import { SPEECH_MENU_LABEL, openSpeechPanel } from './panels/speech/speechPanel';

export interface MenuEntry {
  readonly id: string;
  readonly label: Bilingual;
  /** Called from the title scene; start a scene or open a DOM panel. */
  open(scene: Phaser.Scene): void;
}

export const MENU: readonly MenuEntry[] = [
  {
    id: 'match',
    label: { ja: '競技かるた（対戦）', en: 'Competitive match' },
    open: (scene) => scene.scene.start('match', { mode: 'competitive' }),
  },
  {
    // The match's default opponent is the Transformer; the rule-based listener stays playable.
    id: 'match-baseline',
    label: { ja: 'ルール型の相手と対戦', en: 'Rule-based opponent' },
    open: (scene) => scene.scene.start('match', { mode: 'competitive', opponent: 'baseline' }),
  },
  {
    id: 'chirashi',
    label: { ja: '散らし取り', en: 'Chirashi (scattered)' },
    open: (scene) => scene.scene.start('match', { mode: 'chirashi' }),
  },
  {
    id: 'casual',
    label: { ja: '源平・五色', en: 'Genpei and five colours' },
    open: (scene) => scene.scene.start('match-setup'),
  },
  {
    id: 'gallery',
    label: { ja: '札を見る', en: 'Card gallery' },
    open: (scene) => scene.scene.start('gallery'),
  },
  {
    id: 'stats',
    label: { ja: '成績と練習', en: 'Progress and practice' },
    open: (scene) => void import('./panels/stats').then((m) => m.openStatsPanel(scene)),
  },
  {
    id: 'listen',
    label: LISTEN_MENU_LABEL,
    open: () => openListenPanel(),
  },
  { id: 'speech', label: SPEECH_MENU_LABEL, open: () => openSpeechPanel() },
  { id: 'dell', label: DELL_MENU_LABEL, open: () => openDellLab() },
  {
    id: 'settings',
    label: { ja: '設定', en: 'Settings' },
    // "Play against this model" starts the match the way the match's own entry does.
    open: (scene) => openSettingsFromMenu(scene, MENU.find((entry) => entry.id === 'match')?.open),
  },
];
