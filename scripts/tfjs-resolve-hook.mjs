// The resolve hook registered by tfjs-resolve.mjs (see there for why).
const RETRY = new Set(['ERR_UNSUPPORTED_DIR_IMPORT', 'ERR_MODULE_NOT_FOUND']);

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromTfjs = context.parentURL?.includes('/node_modules/@tensorflow/') ?? false;
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (!fromTfjs || !relative || !RETRY.has(error?.code) || specifier.endsWith('.js')) throw error;
    return nextResolve(`${specifier}.js`, context);
  }
}
