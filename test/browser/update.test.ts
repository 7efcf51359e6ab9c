// A new version of the offline copy: announced on the title (ja/en), never while a match is on,
// applied only when the player says so. The "new version" is the built worker with one byte
// more, written over the served sw.js (and put back after), which is how a deploy looks to the browser.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, type GamePage } from './harness';
import { clickBox, openMode, type Box } from './matchHelpers';

interface OfflineHooks {
  state: { kind: string };
  updateWaiting: boolean;
  shown: boolean;
  update: () => Box | null;
}

const offline = (page: Page) => page.evaluate(() => window.__utakaruta?.offline as OfflineHooks | undefined);

const updateButton = (page: Page) =>
  page.evaluate(() => (window.__utakaruta?.offline as OfflineHooks | undefined)?.update() ?? null);

describe('an update to the offline copy', () => {
  let browser: Browser;
  let game: GamePage;
  const swPath = join(inject('outDir'), 'sw.js');
  const released = readFileSync(swPath, 'utf8');
  beforeAll(async () => {
    browser = await launchBrowser();
    game = await openGame(browser, { serviceWorkers: 'allow' });
    await game.page.waitForFunction(
      () => (window.__utakaruta?.offline as OfflineHooks | undefined)?.state.kind === 'ready',
      null,
      { timeout: 200_000 },
    );
  }, 240_000);
  afterAll(async () => {
    writeFileSync(swPath, released);
    await browser?.close();
  });

  it('is announced on the title, hidden during a match, and applied only on "Update now"', async () => {
    const { page } = game;
    // From now on the server has a new worker.
    writeFileSync(swPath, `${released}\n// next version\n`);
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    // A match is on when the new version arrives.
    await openMode(game, 'match');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForFunction(
      () => (window.__utakaruta?.offline as OfflineHooks | undefined)?.updateWaiting === true,
      null,
      { timeout: 60_000 },
    );
    // Not a word of it mid-match, and the match goes on (no reload).
    expect(await offline(page)).toMatchObject({ updateWaiting: true, shown: false });
    expect(await updateButton(page)).toBeNull();
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => window.__utakaruta?.screen)).toBe('match');
    // Back on the title it is offered.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 30_000 });
    await page.waitForFunction(
      () => (window.__utakaruta?.offline as OfflineHooks | undefined)?.update !== null,
    );
    expect(await page.textContent('.offline-update')).toContain('新しい版があります');
    for (const [width, height] of [
      [1280, 720],
      [1024, 768],
      [768, 1024],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      await game.screenshot(`update-notice-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    // The same worker still controls the page until the player agrees.
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);
    const box = (await updateButton(page))!;
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await clickBox(page, box);
    await reloaded;
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
    await page.waitForFunction(
      () => (window.__utakaruta?.offline as OfflineHooks | undefined)?.state.kind === 'ready',
      null,
      { timeout: 120_000 },
    );
    const after = await offline(page);
    expect(after?.updateWaiting).toBe(false);
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting),
    ).toBeNull();
    expect(game.errors).toEqual([]);
  }, 300_000);

  it('shows the notice in English when the language is English', async () => {
    const { page } = game;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    // Same bytes as the active worker now: nothing to announce.
    await page.waitForTimeout(1500);
    expect((await offline(page))?.updateWaiting).toBe(false);
    expect((await offline(page))?.shown).toBe(true); // the "ready offline" line
    const lang = await page.evaluate(() =>
      (window.__utakaruta?.title as { lang: () => ({ lang: string } & Box)[] }).lang(),
    );
    await clickBox(
      page,
      lang.find((l) => l.lang === 'en')!,
    );
    await page.waitForFunction(
      () => document.querySelector('.offline-progress')?.textContent === 'Ready to play offline',
    );
  });
});
