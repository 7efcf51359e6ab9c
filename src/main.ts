// Bootstrap only: start Phaser with the ordered scene list.
import { startGame } from './game/config';

startGame(document.getElementById('game') as HTMLElement);
