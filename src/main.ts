// Bootstrap only: start Phaser with the ordered scene list, then the offline copy (after the
// first load, so its code and the service worker's downloads never slow the title down).
import { startGame } from './game/config';
import { KIOSK_IDLE_SECONDS } from './game/kiosk/param';

const game = startGame(document.getElementById('game') as HTMLElement);
// MODE, not PROD: the browser tests build under vitest, whose NODE_ENV=test turns PROD off.
if (import.meta.env.MODE === 'production') {
  window.addEventListener('load', () => {
    void import('./game/offline/notice').then(({ showOfflineNotice }) => showOfflineNotice(game));
  });
}
if (KIOSK_IDLE_SECONDS !== null) {
  const idle = KIOSK_IDLE_SECONDS;
  void import('./game/kiosk/controller').then(({ startKiosk }) => startKiosk(game, idle));
}
