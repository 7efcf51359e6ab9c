import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Every browser the game runs in reads WOFF2, so @fontsource's WOFF fallbacks would never be
 * fetched; dropping them from its CSS keeps ~9 MB of unused fonts out of the build (which
 * matters when the game is copied to a tablet or a USB stick for an offline event).
 */
export function woff2Only(): Plugin {
  return {
    name: 'utakaruta:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/@fontsource/') || !id.endsWith('.css')) return null;
      return code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '');
    },
  };
}

/**
 * Build flags (declared in src/buildFlags.d.ts). `__TEST_HOOKS__` turns on window.__utakaruta,
 * ?testSpeed= and the worker's test messages; only the browser tests' build
 * (test/browser/global-setup.ts) and vitest set it, so a player's build exposes no answer.
 */
export function buildFlags(testHooks: boolean): Record<string, string> {
  return { __TEST_HOOKS__: JSON.stringify(testHooks) };
}

// One config for the game build and for both test projects.
// `base: './'` keeps every asset URL relative, so a built copy works from any folder, offline.
export default defineConfig({
  base: './',
  plugins: [woff2Only()],
  define: buildFlags(false),
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
    // Read by scripts/bench-bundle.ts to follow the entry's static imports.
    manifest: true,
    rolldownOptions: {
      output: {
        // Phaser changes only with its version: its own chunk stays cached across game updates.
        codeSplitting: { groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }] },
      },
    },
  },
  worker: {
    format: 'es',
  },
  test: {
    projects: [
      {
        extends: true,
        define: buildFlags(true),
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          setupFiles: ['test/tfjsBackends.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
