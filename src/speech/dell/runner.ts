// Runs of "name the picture N times" for a view that asks for one on every input event: one run
// at a time in a worker, and while it runs only the newest request waits. A request overtaken by
// a newer one before it started is dropped, so a dragged slider costs at most one run behind
// the pointer, and the last setting is always the one shown.
import type { Profile } from './classify';
import { simulate, type DellParams } from './model';
import type { FromRunWorker, ToRunWorker } from './runWorker';

export interface RunRequest {
  readonly params: DellParams;
  readonly trials: number;
  readonly seed: number;
}

export interface RunOutcome extends RunRequest {
  readonly proportions: Profile;
  /** Simulation time inside the worker (or on the main thread if workers are unavailable). */
  readonly ms: number;
  /** Where it ran: 'worker', or 'main' when no worker could be started. */
  readonly where: 'worker' | 'main';
}

export interface LatestRunner {
  /** Asks for a run; `onResult` hears each finished run that was not overtaken before it began. */
  request(run: RunRequest): void;
  /** True while a run is in flight or waiting. */
  readonly busy: boolean;
  dispose(): void;
}

export function createLatestRunner(
  onResult: (outcome: RunOutcome) => void,
  onError: (message: string) => void,
  makeWorker: () => Worker = () => new Worker(new URL('./runWorker.ts', import.meta.url), { type: 'module' }),
): LatestRunner {
  let worker: Worker | undefined;
  try {
    worker = makeWorker();
  } catch {
    worker = undefined; // no workers (a locked-down page): run on the main thread instead
  }
  let nextId = 1;
  let inFlight: { id: number; run: RunRequest } | undefined;
  let waiting: RunRequest | undefined;
  let disposed = false;

  const runOnMain = (run: RunRequest): void => {
    try {
      const started = performance.now();
      const { proportions } = simulate(run.params, run.trials, run.seed);
      onResult({ ...run, proportions, ms: performance.now() - started, where: 'main' });
    } catch (error) {
      onError(String(error));
    }
  };

  const startNext = (): void => {
    if (disposed || inFlight || !waiting) return;
    const run = waiting;
    waiting = undefined;
    if (!worker) {
      runOnMain(run);
      startNext();
      return;
    }
    inFlight = { id: nextId++, run };
    worker.postMessage({ type: 'run', id: inFlight.id, ...run } satisfies ToRunWorker);
  };

  worker?.addEventListener('message', (event: MessageEvent<FromRunWorker>) => {
    const message = event.data;
    const current = inFlight;
    if (!current || message.id !== current.id) return;
    inFlight = undefined;
    if (!disposed) {
      if (message.type === 'result') {
        onResult({ ...current.run, proportions: message.proportions, ms: message.ms, where: 'worker' });
      } else onError(message.message);
    }
    startNext();
  });
  worker?.addEventListener('error', (event) => {
    // The worker is gone: finish on the main thread from now on.
    event.preventDefault();
    worker?.terminate();
    worker = undefined;
    const lost = inFlight?.run;
    inFlight = undefined;
    waiting ??= lost;
    startNext();
  });

  return {
    request(run) {
      waiting = run;
      startNext();
    },
    get busy() {
      return inFlight !== undefined || waiting !== undefined;
    },
    dispose() {
      disposed = true;
      worker?.terminate();
    },
  };
}
