// The title is the first load; the other scenes (playScenes.ts) join the game on first use.
import type Phaser from 'phaser';

const loaded = new WeakMap<Phaser.Game, Promise<void>>();

/** Adds the gallery, match and results scenes to `game`, loading their code the first time. */
export function loadPlayScenes(game: Phaser.Game): Promise<void> {
  let loading = loaded.get(game);
  if (!loading) {
    loading = import('./playScenes').then(({ PLAY_SCENES }) => {
      for (const Scene of PLAY_SCENES) {
        const scene = new Scene();
        const key = scene.sys.settings.key;
        if (!game.scene.getScene(key)) game.scene.add(key, scene);
      }
    });
    loading.catch(() => loaded.delete(game)); // a failed load may be tried again
    loaded.set(game, loading);
  }
  return loading;
}
