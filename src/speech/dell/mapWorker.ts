// Builds a fit map off the main thread, one row of the (s, p) grid at a time, reporting
// progress after each row so the panel can draw a progress bar and stay responsive.
import { createMapBuilder, type FitMap, type MapSpec } from './fit';

export type ToMapWorker = { readonly type: 'build'; readonly spec: MapSpec };
export type FromMapWorker =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly map: FitMap; readonly ms: number }
  | { readonly type: 'error'; readonly message: string };

// The project's tsconfig has DOM types, not WebWorker ones; this is the worker scope we use.
const scope = self as unknown as {
  postMessage(message: FromMapWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToMapWorker>) => void): void;
};

scope.addEventListener('message', (event) => {
  if (event.data.type !== 'build') return;
  try {
    const started = performance.now();
    const builder = createMapBuilder(event.data.spec);
    const row = event.data.spec.pAxis.length;
    while (!builder.advance(row)) {
      scope.postMessage({ type: 'progress', done: builder.donePoints, total: builder.totalPoints });
    }
    scope.postMessage({ type: 'progress', done: builder.totalPoints, total: builder.totalPoints });
    scope.postMessage({ type: 'done', map: builder.result(), ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ type: 'error', message: String(error) });
  }
});
