// Kiosk mode at run time: the attract loop (two listening models, MatchScene `attract`) until a
// visitor touches the screen, then a match of their own; full screen on the first touch (the
// Fullscreen API needs a gesture); after the idle time without a touch or a key, back to the
// attract loop from wherever the visitor left it — panels closed through the panel host, a
// match ended through its scene's shutdown. A waiting update is applied as the loop starts,
// when nobody is playing.
import type Phaser from 'phaser';
import { offlineCopy } from '../../pwa/client';
import { setLang } from '../i18n';
import { loadSettings } from '../settings';
import { closePanel, openPanelKey } from '../panels/host';
import { loadPlayScenes } from '../scenes/loadPlayScenes';
import { ATTRACT_SIDES } from '../scenes/MatchScene';
import { testHooks } from '../testHooks';
import { watchKioskExit } from './exit';

const CHECK_EVERY_MS = 500;

export function startKiosk(game: Phaser.Game, idleSeconds: number): void {
  watchKioskExit();
  let lastInput = performance.now();
  let attract = false;
  let starting = false;
  let updateTried = false;
  const publish = () =>
    (testHooks().kiosk = { idleSeconds, attract, fullscreen: !!document.fullscreenElement });

  const attractRunning = (): boolean => {
    const match = game.scene.getScene('match') as { sys: Phaser.Scenes.Systems } | null;
    return attract && !!match && game.scene.isActive('match');
  };

  const goAttract = async () => {
    if (starting) return;
    starting = true;
    const copy = offlineCopy();
    if (copy.updateWaiting && !updateTried) {
      // Reloads into the new version; should it not, the next check starts the loop as it is.
      updateTried = true;
      starting = false;
      return copy.applyUpdate();
    }
    for (let i = 0; i < 5 && openPanelKey(); i++) closePanel();
    // The next visitor meets the organiser's language, not the last visitor's.
    setLang(loadSettings().lang);
    await loadPlayScenes(game);
    for (const scene of game.scene.getScenes(false)) {
      const key = scene.sys.settings.key;
      if (key !== 'match' && (scene.sys.isActive() || scene.sys.isPaused() || scene.sys.isSleeping()))
        game.scene.stop(key);
    }
    attract = true;
    game.scene.start('match', { mode: 'competitive', attract: ATTRACT_SIDES });
    starting = false;
    lastInput = performance.now();
    publish();
  };

  const play = async () => {
    attract = false;
    publish();
    await loadPlayScenes(game);
    game.scene.start('match', { mode: 'competitive' });
  };

  const onInput = (event: Event) => {
    lastInput = performance.now();
    if (event.type !== 'pointerdown') return;
    if (!document.fullscreenElement)
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
    if (attractRunning()) {
      // The touch that starts play is the visitor's, not a take on the attract field.
      event.stopPropagation();
      void play();
    }
  };
  for (const type of ['pointerdown', 'keydown', 'wheel'])
    window.addEventListener(type, onInput, { capture: true, passive: false });
  document.addEventListener('fullscreenchange', publish);

  setInterval(() => {
    if (attract && !game.scene.isActive('match')) attract = false; // left it some other way
    if (!attract && performance.now() - lastInput >= idleSeconds * 1000) void goAttract();
  }, CHECK_EVERY_MS);
  // Wait for the title to be up (the game boots asynchronously), then start the loop.
  const whenBooted = () => void goAttract();
  if (game.isBooted) whenBooted();
  else game.events.once('ready', whenBooted);
}
