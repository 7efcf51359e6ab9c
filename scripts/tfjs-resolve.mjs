// Node ESM hook for the tsx scripts: tfjs-core's ESM files (dist/register_all_gradients.js,
// dist/public/chained_ops/*.js, which the trainer and the Node backend import for their side
// effects) import their siblings without file extensions, as bundlers allow and Node does not.
// Vite and vitest resolve those; under tsx they fail with ERR_UNSUPPORTED_DIR_IMPORT or
// ERR_MODULE_NOT_FOUND. This hook retries such a relative import from inside @tensorflow with
// '.js' added, and changes nothing else. Loaded with `tsx --import ./scripts/tfjs-resolve.mjs`.
import { register } from 'node:module';

if (!process.env.TFJS_RESOLVE_HOOK_LOADED) {
  process.env.TFJS_RESOLVE_HOOK_LOADED = '1';
  register('./tfjs-resolve-hook.mjs', import.meta.url);
}
