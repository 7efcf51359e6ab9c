// The shipped listener in headless Chromium: it loads from local URLs on WASM and WebGL (the
// wasm binaries and the weights are bundled, nothing leaves the machine), writes all 100 lower
// halves exactly there too, and scores 100 cards for a prefix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startEvalServer, type EvalServer } from '../../scripts/eval-opponent-server';
import { launchBrowser, openGame } from './harness';

describe('the listener checkpoint in Chromium', () => {
  let browser: Browser;
  let server: EvalServer;
  beforeAll(async () => {
    server = await startEvalServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('loads offline on WASM and WebGL and writes all 100 cards exactly on both', async () => {
    const page = await openGame(browser, { path: server.url });
    await page.page.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 120_000 });
    const reports = await page.page.evaluate(() => window.__evalOpponent!.measureScoring(20));
    const wasm = reports.find((r) => r.backend === 'wasm');
    expect(wasm?.available).toBe(true);
    expect(wasm?.exactMatch).toBe(100);
    expect(wasm?.scoreMsMedian).toBeGreaterThan(0);
    const webgl = reports.find((r) => r.backend === 'webgl');
    if (webgl?.available) expect(webgl.exactMatch).toBe(100);
    console.log(
      'score 100 cards, median ms:',
      reports.map((r) => `${r.backend} ${r.scoreMsMedian.toFixed(2)}`).join(', '),
    );
    expect(page.errors).toEqual([]);
    expect(page.outsideRequests).toEqual([]);
    await page.context.close();
  });
});
