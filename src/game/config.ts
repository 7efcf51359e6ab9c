import Phaser from 'phaser';
import { TitleScene } from './scenes/TitleScene';

export const GAME_WIDTH = 1280;
export const GAME_HEIGHT = 720;

export function startGame(parent: HTMLElement): Phaser.Game {
  return new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: GAME_WIDTH,
    height: GAME_HEIGHT,
    backgroundColor: '#1d2a24',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: [TitleScene],
  });
}
