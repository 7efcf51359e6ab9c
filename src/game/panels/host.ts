// DOM panels (settings and training, tongue twisters, the Dell lab) are HTML laid over the game
// canvas: forms, charts and long text are better served by the DOM than by a canvas.
// One panel is open at a time; closing it hands control back to the scene that opened it.
import './panels.css';
import { testHooks } from '../testHooks';

export interface PanelHandle {
  readonly root: HTMLElement;
  close(): void;
}

let open: { root: HTMLElement; dispose: () => void; onClose: () => void } | undefined;

/**
 * Opens a full-window panel. `build` fills `root` and may return a dispose function (stop
 * timers, workers, free tensors). `onClose` runs after the panel is removed.
 */
export function openPanel(
  key: string,
  build: (root: HTMLElement, handle: PanelHandle) => (() => void) | void,
  onClose: () => void = () => {},
): PanelHandle {
  closePanel();
  const host = document.getElementById('panels') ?? document.body;
  const root = document.createElement('section');
  root.className = 'panel';
  root.dataset.panel = key;
  host.appendChild(root);
  const handle: PanelHandle = { root, close: closePanel };
  const dispose = build(root, handle) ?? (() => {});
  open = { root, dispose, onClose };
  testHooks().screen = key;
  return handle;
}

export function closePanel(): void {
  if (!open) return;
  const { root, dispose, onClose } = open;
  open = undefined;
  dispose();
  root.remove();
  onClose();
}
