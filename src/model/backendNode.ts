// Node only (scripts and tests): the wasm backend with its .wasm files read from node_modules,
// so nothing is fetched. The browser counterpart is backendBrowser.ts.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core has no backend of its own: these imports register the two Node uses.
import '@tensorflow/tfjs-backend-cpu';
// The chained tensor methods (x.add(y), x.reshape(…)) that the @tensorflow/tfjs umbrella adds.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type NodeBackend = 'wasm' | 'cpu';

export async function useNodeBackend(name: NodeBackend = 'wasm'): Promise<void> {
  if (name === 'wasm') {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
    setWasmPaths(join(dirname(pkg), 'dist') + '/');
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} failed to start`);
  await tf.ready();
}
