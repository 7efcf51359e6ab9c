// The resolve hook registered by tfjs-esm.mjs: inside tfjs's dist/, an extensionless relative
// import that names a .js file resolves to that file (as bundlers do), not to a folder.
import { existsSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && context.parentURL?.includes('/@tensorflow/')) {
    const path = fileURLToPath(new URL(specifier, context.parentURL));
    if (!path.endsWith('.js') && existsSync(`${path}.js`)) return next(`${specifier}.js`, context);
  }
  return next(specifier, context);
}
