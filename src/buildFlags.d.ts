// Constants the build replaces (vite.config.ts `define`). Outside a Vite build (tsx scripts in
// Node) they are not defined at all, so read them through `typeof` (see src/game/testHooks.ts).

/** True only in the build the browser tests make (test/browser/global-setup.ts). */
declare const __TEST_HOOKS__: boolean;
