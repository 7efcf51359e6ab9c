// A built game served by vite preview on a free local port, for the benchmarks that load it in
// Chromium (bench:bundle, bench:pwa).
import { preview } from 'vite';

export interface ServedBuild {
  readonly url: string;
  close(): Promise<void>;
}

export async function servePreview(dist: string, logLevel: 'warn' | 'error'): Promise<ServedBuild> {
  const server = await preview({
    logLevel,
    build: { outDir: dist },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((done) => server.httpServer.close(() => done())),
  };
}
