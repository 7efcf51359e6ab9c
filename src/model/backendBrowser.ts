// Browser (page or worker): pick a tfjs backend with the wasm binaries bundled by Vite, so the
// game never asks a CDN for them and works offline.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core has no backend of its own: these imports register the three the game uses.
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
// The chained tensor methods (x.add(y), x.reshape(…)) that the @tensorflow/tfjs umbrella adds.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type BrowserBackend = 'webgl' | 'wasm' | 'cpu';

let pathsSet = false;

/** Switches tfjs to `name`; resolves false if that backend cannot start here. */
export async function useBrowserBackend(name: BrowserBackend): Promise<boolean> {
  if (name === 'wasm' && !pathsSet) {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
    });
    pathsSet = true;
  }
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}
