// Loaded with `tsx --import ./scripts/node/tfjs-esm.mjs` by the npm scripts that run tfjs in Node.
// tfjs-core's gradients and chained tensor methods ship only as ES modules under dist/
// (src/training/trainer.ts and src/model/backendNode.ts import them), and those files import
// siblings without an extension: './gradients' names both gradients.js and the folder
// gradients/, which Node's resolver refuses as a directory import (ERR_UNSUPPORTED_DIR_IMPORT).
// Vite (the game, vitest) resolves the file; this hook does the same for Node, nothing else.
// Both module copies share one engine and one registry through tfjs's global namespace.
import { register } from 'node:module';

register('./tfjs-esm-resolve.mjs', import.meta.url);
