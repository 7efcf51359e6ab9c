import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
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

/**
 * The installable, offline copy (src/pwa/): the manifest, and a service worker built from
 * src/pwa/sw.ts with every built file listed in it. The worker splits them in two tiers
 * (src/pwa/tiers.ts); the page registers it (src/pwa/client.ts) only in a built game, so
 * `npm run dev` has none. Icons are drawn by `npm run icons` (scripts/pwa-icons.ts).
 */
export function offlineCopy(): Plugin[] {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/pwa',
    filename: 'sw.ts',
    injectRegister: false,
    registerType: 'prompt',
    includeAssets: ['favicon.svg', 'icons/*.png'],
    manifest: {
      id: './',
      name: '歌かるた utakaruta',
      short_name: '歌かるた',
      description: '百人一首の競技かるた — Hyakunin Isshu karuta against an opponent who listens',
      lang: 'ja',
      start_url: './',
      scope: './',
      display: 'fullscreen',
      display_override: ['fullscreen', 'standalone'],
      orientation: 'any',
      background_color: '#1d2a24',
      theme_color: '#1d2a24',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    injectManifest: {
      globPatterns: ['**/*.{html,js,css,wasm,json,bin,svg,png,webmanifest,mp3,opus,woff2,gz}'],
      globIgnores: ['.vite/**', 'sw.js'],
      // Phaser's chunk and the wasm binaries are past Workbox's 2 MB default.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    },
    devOptions: { enabled: false },
  });
}

// One config for the game build and for both test projects.
// `base: './'` keeps every asset URL relative, so a built copy works from any folder, offline.
export default defineConfig({
  base: './',
  plugins: [woff2Only(), offlineCopy()],
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
