// Keys for the Phaser scenes, each handled once. Phaser queues the window's key events and, on
// every new one, hands a scene the whole queue since the last frame: when no frame runs between
// a keydown and its keyup (a busy machine, the loop waking after a panel), the keydown reaches
// 'keydown' listeners a second time with its keyup — one ↓ moved the title's focus two entries,
// one key in a match could act twice. Its own duplicate check compares only the event just
// before, so a listener here remembers the events it has seen.
import type Phaser from 'phaser';

/** Calls `handler` once for every keydown the scene's keyboard receives. */
export function onKeyDown(scene: Phaser.Scene, handler: (event: KeyboardEvent) => void): void {
  const seen = new WeakSet<KeyboardEvent>();
  scene.input.keyboard?.on('keydown', (event: KeyboardEvent) => {
    if (seen.has(event)) return;
    seen.add(event);
    handler(event);
  });
}
