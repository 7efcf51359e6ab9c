// Builds the game once into a private folder and serves it with `vite preview` on a free port,
// so browser tests run against the real production bundle and parallel runs never share files.
// The one difference from a player's build: the test hooks are compiled in (`__TEST_HOOKS__`).
import { build, preview, type PreviewServer } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildFlags } from '../../vite.config';

let server: PreviewServer | undefined;
let outDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  outDir = mkdtempSync(join(tmpdir(), 'utakaruta-e2e-'));
  await build({ logLevel: 'warn', define: buildFlags(true), build: { outDir, emptyOutDir: true } });
  server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  // The update test writes a "next version" of the service worker here (and puts it back).
  project.provide('outDir', outDir);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()) ?? resolve());
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    outDir: string;
  }
}
