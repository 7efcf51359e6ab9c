import Phaser from 'phaser';
import { attachPanels } from './panels/host';
import { TitleScene } from './scenes/TitleScene';
import { testHooks } from './testHooks';
import { displayTheme } from './view/display';
import { followOrientation, windowSize } from './view/screen';
import { pageBox } from './view/torifuda';

export function startGame(parent: HTMLElement): Phaser.Game {
  displayTheme(); // marks <html> with the display preset before anything is drawn
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    // Landscape or portrait from the window at start (screen.ts); each scene fits it again.
    ...windowSize(),
    backgroundColor: '#1d2a24',
    // The mouse and up to three fingers at once: two people share one touch screen (two players).
    input: { activePointers: 4 },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // One texture per batch: Phaser 4.2's multi-texture shader picks the texture by exact float
    // equality on an interpolated value, which tears overlapping or rotated cards and texts
    // (phaserjs/phaser#7372). Index 0 interpolates exactly; the cost is a few more draw calls.
    render: { maxTextures: 1 },
    // The title alone is the first load; the other scenes join it on first use (loadPlayScenes.ts).
    scene: [TitleScene],
  });
  // A DOM panel laid over the canvas takes the game's input and pauses the scenes under it.
  attachPanels(game);
  followOrientation(game);
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
  // Every text drawn on the canvas now, its lines as wrapped and its page box: the layout test
  // checks that none wraps a character per line or runs off the screen.
  testHooks().texts = () =>
    game.scene.getScenes(true).flatMap((scene) =>
      scene.children.list.flatMap((object) => {
        if (!(object instanceof Phaser.GameObjects.Text) || !object.visible || object.text === '') return [];
        const lines = object.getWrappedText(object.text);
        return [
          {
            text: object.text,
            lines,
            fontSize: parseFloat(String(object.style.fontSize)),
            ...pageBox(scene, object.getBounds()),
          },
        ];
      }),
    );
  return game;
}
