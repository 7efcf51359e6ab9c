import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openGame } from './harness';

describe('the built game in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('opens with a canvas, no console error and no request leaving this machine', async () => {
    const game = await openGame(browser);
    await game.page.waitForSelector('canvas');
    const gl = await game.page.evaluate(() => {
      const c = document.createElement('canvas');
      const ctx = c.getContext('webgl2') ?? c.getContext('webgl');
      if (!ctx) return 'none';
      const ext = ctx.getExtension('WEBGL_debug_renderer_info');
      return ext ? String(ctx.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : 'webgl';
    });
    console.log('WebGL renderer:', gl);
    await game.screenshot('smoke');
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });
});
