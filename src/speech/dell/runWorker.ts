// Names the picture off the main thread for the lab's chart: the chart re-runs on every slider
// move, and 1,000 trials (~50 ms) would otherwise stall the slider being dragged.
import type { Profile } from './classify';
import { simulate, type DellParams } from './model';

export type ToRunWorker = {
  readonly type: 'run';
  readonly id: number;
  readonly params: DellParams;
  readonly trials: number;
  readonly seed: number;
};
export type FromRunWorker =
  | { readonly type: 'result'; readonly id: number; readonly proportions: Profile; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

// The project's tsconfig has DOM types, not WebWorker ones; this is the worker scope we use.
const scope = self as unknown as {
  postMessage(message: FromRunWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToRunWorker>) => void): void;
};

scope.addEventListener('message', (event) => {
  const { id, params, trials, seed } = event.data;
  try {
    const started = performance.now();
    const { proportions } = simulate(params, trials, seed);
    scope.postMessage({ type: 'result', id, proportions, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ type: 'error', id, message: String(error) });
  }
});
