// DOM panels (settings and training, tongue twisters, the Dell lab) are HTML laid over the game
// canvas: forms, charts and long text are better served by the DOM than by a canvas.
//
// Whatever is on top owns the input. One panel is open at a time; while one is open, the Phaser
// scenes under it are paused, the game's pointer and keyboard managers are off (so a click in the
// panel never lands on a title button drawn underneath, and a key never reaches a scene), and the
// game loop sleeps (the panel covers the canvas; SwiftShader draws WebGL on the CPU, which the
// panel's work needs). Closing the last panel resumes exactly what was paused. Esc closes the top
// panel, through the same path as its own close button.
import type Phaser from 'phaser';
import './panels.css';
import { tr } from '../i18n';
import { testHooks } from '../testHooks';

export interface PanelHandle {
  readonly root: HTMLElement;
  /** Closes the panel, unless a close guard says no (see `guardClose`). */
  close(): void;
  /**
   * A panel that would lose work on closing (a training run) asks first: `guard` returns false to
   * stay open. It runs for Esc and for `close()`; `closePanel()` (replaced by another panel,
   * or a scene change) does not ask.
   */
  guardClose(guard: () => boolean): void;
}

interface OpenPanel {
  readonly key: string;
  readonly root: HTMLElement;
  readonly dispose: () => void;
  readonly onClose: () => void;
  guard?: () => boolean;
}

/** What a panel paused when it opened over the game, restored when the last panel closes. */
interface Underneath {
  readonly scenes: readonly Phaser.Scene[];
  readonly screen: string | undefined;
  readonly pointer: boolean;
  readonly keyboard: boolean;
  readonly loopRunning: boolean;
}

let game: Phaser.Game | undefined;
let open: OpenPanel | undefined;
let underneath: Underneath | undefined;
/** Bumped by every open and close, so a panel still loading knows it was overtaken. */
let generation = 0;

/** The game whose scenes and input a panel takes over; set once by `startGame`. */
export function attachPanels(owner: Phaser.Game): void {
  game = owner;
  window.addEventListener('keydown', onKeyDown, { capture: true });
}

function onKeyDown(event: KeyboardEvent): void {
  if (!open || event.key !== 'Escape' || event.isComposing) return;
  event.preventDefault();
  event.stopPropagation();
  requestClose();
}

function takeOver(): Underneath {
  const hooks = testHooks();
  if (!game) return { scenes: [], screen: hooks.screen, pointer: false, keyboard: false, loopRunning: false };
  const scenes = game.scene.getScenes(true);
  // Systems.pause, not scene.scene.pause(): the plugin queues the change for the next frame,
  // which never comes while the loop sleeps.
  for (const scene of scenes) scene.sys.pause();
  const input = game.input;
  const taken: Underneath = {
    scenes,
    screen: hooks.screen,
    pointer: input?.enabled ?? false,
    keyboard: input?.keyboard?.enabled ?? false,
    loopRunning: game.loop.running,
  };
  if (input) input.enabled = false;
  if (input?.keyboard) input.keyboard.enabled = false;
  game.loop.sleep();
  return taken;
}

function handBack(taken: Underneath): void {
  testHooks().screen = taken.screen;
  if (!game) return;
  // A scene stopped meanwhile (e.g. a panel started a match) is not paused any more: skip it.
  for (const scene of taken.scenes) {
    if (!scene.sys.isPaused()) continue;
    // Keys pressed or released while the panel had the keyboard never reached the scene.
    scene.input.keyboard?.resetKeys();
    scene.sys.resume();
  }
  const input = game.input;
  if (input) input.enabled = taken.pointer;
  if (input?.keyboard) input.keyboard.enabled = taken.keyboard;
  if (taken.loopRunning) game.loop.wake();
}

/**
 * Opens a full-window panel, replacing any open one. `build` fills `root` and may return a
 * dispose function (stop timers, workers, free tensors). `onClose` runs after the panel is
 * removed; if it opens another panel, the game underneath stays paused.
 */
export function openPanel(
  key: string,
  build: (root: HTMLElement, handle: PanelHandle) => (() => void) | void,
  onClose: () => void = () => {},
): PanelHandle {
  if (open) closeTop();
  underneath ??= takeOver();
  generation++;
  const host = document.getElementById('panels') ?? document.body;
  const root = document.createElement('section');
  root.className = 'panel';
  root.dataset.panel = key;
  host.appendChild(root);
  const entry: { current?: OpenPanel } = {};
  const handle: PanelHandle = {
    root,
    close: () => {
      if (open === entry.current) requestClose();
    },
    guardClose: (guard) => {
      if (entry.current) entry.current.guard = guard;
    },
  };
  const pending: OpenPanel = { key, root, dispose: () => {}, onClose };
  entry.current = pending;
  open = pending;
  testHooks().screen = key;
  const dispose = build(root, handle) ?? (() => {});
  if (open === pending) {
    entry.current = { ...pending, dispose, guard: pending.guard };
    open = entry.current;
  } else {
    // `build` replaced itself with another panel already: clean up what it made.
    dispose();
  }
  return handle;
}

/** Closes the open panel (its guard is not asked) and gives the game back its input. */
export function closePanel(): void {
  if (!open) return;
  closeTop();
  if (!open && underneath) {
    const taken = underneath;
    underneath = undefined;
    handBack(taken);
  }
}

/** Esc and the panels' own close buttons: ask the guard, then close. */
function requestClose(): void {
  if (open?.guard && !open.guard()) return;
  closePanel();
}

/** Removes the top panel and runs its onClose, which may open the next panel. */
function closeTop(): void {
  if (!open) return;
  const { root, dispose, onClose } = open;
  open = undefined;
  generation++;
  dispose();
  root.remove();
  // The screen under a panel is the one it covered, unless onClose opens another.
  if (underneath) testHooks().screen = underneath.screen;
  onClose();
}

/** Key of the open panel, if any. */
export function openPanelKey(): string | undefined {
  return open?.key;
}

/**
 * Opens a panel whose code is loaded on demand: a "Loading…" panel shows (and owns the input)
 * at once, then `show` replaces it with the real panel. If the player closes the loading panel
 * or opens another first, the loaded module is not shown; if loading fails, the panel says so.
 */
export function openPanelWhenLoaded<M>(key: string, load: () => Promise<M>, show: (module: M) => void): void {
  openPanel(`${key}-loading`, (root, handle) => {
    root.classList.add('panel-loading');
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.textContent = tr({ ja: '読み込み中…', en: 'Loading…' });
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = tr({ ja: '戻る', en: 'Back' });
    close.addEventListener('click', () => handle.close());
    root.append(status, close);
  });
  const loading = generation;
  load().then(
    (module) => {
      if (generation === loading) show(module);
    },
    (error: unknown) => {
      if (generation !== loading || !open) return;
      const status = open.root.querySelector('[role="status"]');
      if (status) {
        status.className = 'error';
        status.textContent = `${tr({ ja: '読み込めませんでした', en: 'Could not load' })}: ${String(error)}`;
      }
    },
  );
}
