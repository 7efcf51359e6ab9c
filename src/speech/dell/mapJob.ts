// Starts a map build in a Web Worker (mapWorker.ts) and hears its progress; the lab's view
// draws the progress bar, storage/dellMaps.ts keeps the result.
import type { FitMap, MapSpec } from './fit';
import type { FromMapWorker, ToMapWorker } from './mapWorker';

export interface MapJob {
  readonly done: Promise<{ map: FitMap; ms: number }>;
  cancel(): void;
}

/** Makes a map in a Web Worker; `onProgress` hears after every row of the grid. */
export function buildMap(spec: MapSpec, onProgress: (done: number, total: number) => void): MapJob {
  const worker = new Worker(new URL('./mapWorker.ts', import.meta.url), { type: 'module' });
  let cancel = (): void => worker.terminate();
  const done = new Promise<{ map: FitMap; ms: number }>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new Error('cancelled'));
    };
    worker.addEventListener('message', (event: MessageEvent<FromMapWorker>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          onProgress(message.done, message.total);
          break;
        case 'done':
          worker.terminate();
          resolve({ map: message.map, ms: message.ms });
          break;
        case 'error':
          worker.terminate();
          reject(new Error(message.message));
          break;
        default: {
          const never: never = message;
          throw new Error(`unknown message ${String(never)}`);
        }
      }
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message));
    });
  });
  worker.postMessage({ type: 'build', spec } satisfies ToMapWorker);
  return { done, cancel: () => cancel() };
}
