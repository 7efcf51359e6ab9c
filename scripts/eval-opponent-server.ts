// Serves scripts/eval-opponent-page.ts on a bare page with a Vite dev server (local only), for
// the eval script and the browser test.
import { createServer, type Plugin, type ViteDevServer } from 'vite';

export const EVAL_PAGE = '/eval-opponent.html';

export async function startEvalServer(): Promise<{ server: ViteDevServer; url: string }> {
  const page: Plugin = {
    name: 'eval-opponent-page',
    configureServer(server) {
      server.middlewares.use(EVAL_PAGE, (_req, res) => {
        res.setHeader('Content-Type', 'text/html');
        res.end(
          '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>' +
            '<body><script type="module" src="/scripts/eval-opponent-page.ts"></script></body></html>',
        );
      });
    },
  };
  const server = await createServer({
    configFile: false,
    logLevel: 'error',
    plugins: [page],
    server: { port: 0, host: '127.0.0.1', hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the eval server has no port');
  return { server, url: `http://127.0.0.1:${address.port}${EVAL_PAGE}` };
}
