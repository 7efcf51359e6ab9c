// What the title screen says about the offline copy (src/pwa/client.ts): how much of it is saved,
// that the game now works offline, and that a new version is ready, with the player's choice to
// update now or later. Shown only on the title: an update never replaces the game mid-match or
// under an open panel (kiosk mode applies it when the attract loop starts, with nobody playing).
import type Phaser from 'phaser';
import './notice.css';
import { offlineCopy, type OfflineCopy, type OfflineState } from '../../pwa/client';
import { onLangChange, tr, trf, type Bilingual } from '../i18n';
import { testHooks } from '../testHooks';

export const OFFLINE_TEXT = {
  installing: { ja: 'オフライン用に保存しています…', en: 'Saving the game for offline play…' },
  filling: {
    ja: 'オフライン用に音声と字形を保存中 {pct} %（{mb} MB）',
    en: 'Saving voice and font for offline play: {pct} % ({mb} MB)',
  },
  ready: { ja: 'ネットなしでも遊べます', en: 'Ready to play offline' },
  partial: {
    ja: 'オフライン用の保存が途中です（{pct} %）。次にネットにつないだとき続けます。',
    en: 'Offline copy incomplete ({pct} %): it continues next time you are online.',
  },
  update: { ja: '新しい版があります。', en: 'A new version is ready.' },
  updateNow: { ja: '今すぐ更新', en: 'Update now' },
  later: { ja: 'あとで', en: 'Later' },
} as const satisfies Record<string, Bilingual>;

function progressLine(state: OfflineState): string {
  switch (state.kind) {
    case 'unavailable':
      return '';
    case 'installing':
      return tr(OFFLINE_TEXT.installing);
    case 'filling':
      return trf(OFFLINE_TEXT.filling, {
        pct: Math.floor((100 * state.done) / Math.max(1, state.total)),
        mb: (state.bytes / 1e6).toFixed(1),
      });
    case 'ready':
      return tr(OFFLINE_TEXT.ready);
    case 'partial':
      return trf(OFFLINE_TEXT.partial, { pct: Math.floor((100 * state.done) / Math.max(1, state.total)) });
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** Starts the offline copy and shows its notice over the title screen. */
export function showOfflineNotice(game: Phaser.Game, copy: OfflineCopy = offlineCopy()): void {
  const root = document.createElement('div');
  root.className = 'offline-notice';
  root.setAttribute('role', 'status');
  const line = document.createElement('div');
  line.className = 'offline-progress';
  const update = document.createElement('div');
  update.className = 'offline-update';
  const message = document.createElement('span');
  const now = document.createElement('button');
  now.type = 'button';
  now.className = 'offline-update-now';
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'offline-later';
  update.append(message, now, later);
  root.append(line, update);
  document.body.append(root);

  let dismissed = false;
  now.addEventListener('click', () => copy.applyUpdate());
  later.addEventListener('click', () => {
    dismissed = true;
    paint();
  });
  const onTitle = (): boolean => game.scene.isActive('title');
  const paint = () => {
    const title = onTitle();
    line.textContent = progressLine(copy.state);
    message.textContent = tr(OFFLINE_TEXT.update);
    now.textContent = tr(OFFLINE_TEXT.updateNow);
    later.textContent = tr(OFFLINE_TEXT.later);
    const showUpdate = title && copy.updateWaiting && !dismissed;
    update.hidden = !showUpdate;
    root.hidden = !title || (line.textContent === '' && !showUpdate);
    testHooks().offline = {
      state: copy.state,
      updateWaiting: copy.updateWaiting,
      shown: !root.hidden,
      line: line.textContent,
      update: () => (showUpdate ? boxOf(now) : null),
    };
  };
  copy.subscribe(paint);
  onLangChange(paint);
  // Whether the title is the running scene changes on these events (a panel pauses it).
  for (const event of ['start', 'ready', 'create', 'shutdown', 'pause', 'resume', 'sleep', 'wake']) {
    game.scene.getScene('title')?.sys.events.on(event, () => queueMicrotask(paint));
  }
  paint();
}

function boxOf(element: HTMLElement): { x: number; y: number; width: number; height: number } {
  const rect = element.getBoundingClientRect();
  return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
}
