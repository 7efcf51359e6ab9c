// A player's build (`npm run build`, `npm start`) carries no test hooks: nothing on window tells
// the poem being read or where the cards are, ?testSpeed= does not speed the reader up, and the
// training worker ignores the tests' lose-webgl-context message. The browser tests' own build
// (global-setup.ts) is the control: there the hooks are present.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './harness';

const MARK = 'utakaruta:title-interactive';

async function titleUp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, {
    timeout: 90_000,
  });
}

describe('the production build', () => {
  let outDir: string;
  let server: PreviewServer;
  let url: string;
  let browser: Browser;
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'utakaruta-prod-'));
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = await preview({
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
    });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => server?.httpServer.close(() => done()) ?? done());
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('has no test hook or test speed in its JavaScript, and the worker ignores the test message', () => {
    const scripts = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      const code = readFileSync(join(outDir, 'assets', file), 'utf8');
      expect(code, file).not.toContain('__utakaruta');
      expect(code, file).not.toContain('testSpeed');
      // The worker's switch keeps the case (the protocol type names it) but nothing in it.
      if (file.startsWith('training.worker'))
        for (const handled of code.matchAll(/lose-webgl-context.{0,40}/g))
          expect(handled[0]).toMatch(/^lose-webgl-context.:break/);
    }
  });

  it('exposes nothing on window, on the title and in a match, while the test build does', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await titleUp(page, `${url}?testSpeed=20`);
    expect(await page.evaluate(() => '__utakaruta' in window)).toBe(false);
    // Enter opens the focused entry, the competitive match: its state is not published either.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(3000);
    expect(await page.evaluate(() => '__utakaruta' in window)).toBe(false);
    expect(errors).toEqual([]);

    // Control: the same page from the tests' build publishes its hooks.
    await titleUp(page, `${baseUrl()}?testSpeed=20`);
    expect(await page.evaluate(() => window.__utakaruta?.screen)).toBe('title');
    await context.close();
  });
});
