// Builds scripts/eval-opponent-page.ts as a production bundle (as the game ships: wasm binaries
// and weights as local files) into a temporary folder and serves it on a bare page, local
// only, for the eval script and the browser test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

export const EVAL_PAGE = 'eval-opponent.html';

export interface EvalServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startEvalServer(): Promise<EvalServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'utakaruta-eval-'));
  await build({
    configFile: false,
    logLevel: 'error',
    base: './',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 8192,
      rollupOptions: { input: 'scripts/eval-opponent-page.ts', output: { entryFileNames: 'page.js' } },
    },
  });
  writeFileSync(
    join(outDir, EVAL_PAGE),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>' +
      '<body><script type="module" src="./page.js"></script></body></html>',
  );
  const server: PreviewServer = await preview({
    configFile: false,
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('the eval server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/${EVAL_PAGE}`,
    close: async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
