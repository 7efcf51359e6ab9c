import Phaser from 'phaser';
import { CardDetailScene } from './scenes/CardDetailScene';
import { GalleryScene } from './scenes/GalleryScene';
import { MatchScene } from './scenes/MatchScene';
import { attachPanels } from './panels/host';
import { testHooks } from './testHooks';
import { MatchSetupScene } from './scenes/MatchSetupScene';
import { ResultsScene } from './scenes/ResultsScene';
import { TitleScene } from './scenes/TitleScene';

export const GAME_WIDTH = 1280;
export const GAME_HEIGHT = 720;

export function startGame(parent: HTMLElement): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: GAME_WIDTH,
    height: GAME_HEIGHT,
    backgroundColor: '#1d2a24',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // One texture per batch: Phaser 4.2's multi-texture shader picks the texture by exact float
    // equality on an interpolated value, which tears overlapping or rotated cards and texts
    // (phaserjs/phaser#7372). Index 0 interpolates exactly; the cost is a few more draw calls.
    render: { maxTextures: 1 },
    scene: [TitleScene, GalleryScene, CardDetailScene, MatchScene, MatchSetupScene, ResultsScene],
  });
  // A DOM panel laid over the canvas takes the game's input and pauses the scenes under it.
  attachPanels(game);
  testHooks().scenes = () =>
    game.scene.getScenes(false).flatMap(({ sys }) => {
      const state = sys.isActive()
        ? 'running'
        : sys.isPaused()
          ? 'paused'
          : sys.isSleeping()
            ? 'sleeping'
            : '';
      return state ? [{ key: sys.settings.key, state }] : [];
    });
  return game;
}
