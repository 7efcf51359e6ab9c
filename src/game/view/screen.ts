// The game's logical size: 1280×720 on a landscape window, 720×960 on a portrait one (a tablet
// held upright), so a portrait screen gets a layout of its own instead of a letterboxed
// landscape one. A scene with a portrait layout calls `fitScene` when it starts; one without
// (the gallery) keeps the landscape size, letterboxed. A window that turns while a match is
// played keeps the match's size until the match ends: nothing moves under the players' hands.
import type Phaser from 'phaser';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const LANDSCAPE: Size = { width: 1280, height: 720 };
export const PORTRAIT: Size = { width: 720, height: 960 };

/** The logical size for a window of `width` × `height` CSS px. */
export function preferredSize(width: number, height: number): Size {
  return height > width * 1.05 ? PORTRAIT : LANDSCAPE;
}

export function windowSize(): Size {
  const view = globalThis.window;
  return view ? preferredSize(view.innerWidth, view.innerHeight) : LANDSCAPE;
}

export function isPortrait(scene: Phaser.Scene): boolean {
  return scene.scale.height > scene.scale.width;
}

/** Sizes the game for the window as a scene starts (portrait only if it has a portrait layout). */
export function fitScene(scene: Phaser.Scene, hasPortrait: boolean): void {
  const size = hasPortrait ? windowSize() : LANDSCAPE;
  if (scene.scale.width !== size.width || scene.scale.height !== size.height) {
    scene.scale.setGameSize(size.width, size.height);
  }
}

/** Scenes laid out again when the window turns (cheap to restart; a match is not). */
const RELAYOUT_SCENES = ['title', 'match-setup'] as const;

/** Restarts the title or the setup screen in the new shape when the window turns. */
export function followOrientation(game: Phaser.Game): void {
  globalThis.window?.addEventListener('resize', () => {
    const size = windowSize();
    if (game.scale.width === size.width && game.scale.height === size.height) return;
    const running = game.scene.getScenes(true).map((s) => s.sys.settings.key);
    if (running.length === 0 || !running.every((key) => (RELAYOUT_SCENES as readonly string[]).includes(key)))
      return;
    game.scale.setGameSize(size.width, size.height);
    for (const key of running) game.scene.getScene(key)?.scene.restart();
  });
}
