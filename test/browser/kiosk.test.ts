// Kiosk mode (?kiosk=N): the attract loop — two listening models playing each other with the
// belief wash on and captions from the real state — a tap that starts the visitor's own match,
// the menu without settings, and the idle reset back to the loop from an open panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openFromMenu, openGame } from './harness';
import type { Box } from './matchHelpers';

interface AttractHooks {
  attract: boolean;
  caption: () => string;
  opponent: string;
  state: { phase: string; heard: number };
  belief: () => { shown: boolean };
}

const match = (page: Page) =>
  page.evaluate(() => {
    const hooks = window.__utakaruta?.match as AttractHooks | undefined;
    return (
      hooks && {
        attract: hooks.attract,
        caption: hooks.caption(),
        phase: hooks.state.phase,
        belief: hooks.belief().shown,
      }
    );
  });

async function waitForAttractCaption(page: Page, pattern: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const hooks = window.__utakaruta?.match as AttractHooks | undefined;
      return hooks?.attract === true && new RegExp(wanted).test(hooks.caption());
    },
    pattern,
    { timeout: 120_000, polling: 20 },
  );
}

describe('kiosk mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('plays the attract loop, a tap starts play, and idling returns to the loop from a panel', async () => {
    const game = await openGame(browser, { path: '?kiosk=10&testSpeed=2&seed=3', hasTouch: false });
    const { page } = game;
    await waitForAttractCaption(page, 'まだ \\d+ 首の可能性');
    const watching = await match(page);
    expect(watching).toMatchObject({ attract: true, phase: 'reading', belief: true });
    await waitForAttractCaption(page, '決まり字「.+」で決まり');
    await game.screenshot('kiosk-attract-1280x720');
    // A tap anywhere: the visitor's own match against the Transformer, full screen.
    await page.mouse.click(640, 400);
    await page.waitForFunction(() => {
      const hooks = window.__utakaruta?.match as AttractHooks | undefined;
      return window.__utakaruta?.screen === 'match' && hooks?.attract === false;
    });
    expect(await page.evaluate(() => (window.__utakaruta?.kiosk as { fullscreen: boolean }).fullscreen)).toBe(
      true,
    );
    // Quit to the title: settings are not on the kiosk's menu.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 30_000 });
    const ids = await page.evaluate(() =>
      (window.__utakaruta?.title as { menu: () => ({ id: string } & Box)[] }).menu().map((m) => m.id),
    );
    expect(ids).toContain('match');
    expect(ids).not.toContain('settings');
    // Open listening practice and walk away: after 10 s the panel closes and the loop is back.
    await openFromMenu(page, 'listen');
    const openedAt = Date.now();
    await page.waitForFunction(
      () => (window.__utakaruta?.match as AttractHooks | undefined)?.attract === true,
      null,
      { timeout: 60_000 },
    );
    expect(Date.now() - openedAt).toBeGreaterThan(9_000);
    expect(await page.$('.panel')).toBeNull();
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  }, 300_000);

  it.each([
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
    { width: 1920, height: 1080 },
  ])(
    'shows the attract loop and its caption at $width×$height',
    async ({ width, height }) => {
      const game = await openGame(browser, { path: '?kiosk=90&testSpeed=2&seed=3', width, height });
      await waitForAttractCaption(game.page, 'まだ \\d+ 首の可能性|決まり字');
      await game.screenshot(`kiosk-attract-${width}x${height}`);
      expect(game.errors).toEqual([]);
      await game.context.close();
    },
    200_000,
  );
});
