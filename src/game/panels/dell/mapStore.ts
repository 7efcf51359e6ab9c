// Where the lab's fit maps come from: the shipped map for the default settings (made by
// scripts/dell-map.ts), IndexedDB for maps made in this browser for other settings, and a Web
// Worker that makes them.
import { openDB, type IDBPDatabase } from 'idb';
import shippedMapUrl from '../../../../assets/dell/map.json?url';
import { checkMap, mapKey, type FitMap, type MapSpec } from '../../../speech/dell/fit';
import type { FromMapWorker, ToMapWorker } from '../../../speech/dell/mapWorker';

const DB_NAME = 'utakaruta-dell';
const STORE = 'maps';

let shipped: Promise<FitMap> | undefined;

export function loadShippedMap(): Promise<FitMap> {
  shipped ??= fetch(shippedMapUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`map.json: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    })
    .then(checkMap);
  return shipped;
}

function database(): Promise<IDBPDatabase> {
  return openDB(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });
}

/** A map made earlier in this browser for exactly this spec, if any. */
export async function cachedMap(spec: MapSpec): Promise<FitMap | undefined> {
  try {
    const db = await database();
    const value: unknown = await db.get(STORE, mapKey(spec));
    db.close();
    return value === undefined ? undefined : checkMap(value);
  } catch {
    return undefined; // private browsing or a broken entry: make the map again
  }
}

export async function storeMap(map: FitMap): Promise<void> {
  const db = await database();
  await db.put(STORE, map, mapKey(map));
  db.close();
}

export interface MapJob {
  readonly done: Promise<{ map: FitMap; ms: number }>;
  cancel(): void;
}

/** Makes a map in a Web Worker; `onProgress` hears after every row of the grid. */
export function buildMap(spec: MapSpec, onProgress: (done: number, total: number) => void): MapJob {
  const worker = new Worker(new URL('../../../speech/dell/mapWorker.ts', import.meta.url), {
    type: 'module',
  });
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
