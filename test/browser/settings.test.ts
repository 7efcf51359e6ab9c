// The settings panel in the built game: opened from the title menu, every change kept across a
// reload, the language switch relabelling at once, and a corrupted saved record replaced by the
// defaults with a notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame } from './harness';
import { openSettingsFromTitle } from './settingsHelpers';

const stored = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('utakaruta.settings') ?? 'null') as unknown);

describe('the settings panel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('keeps every changed setting across a reload', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await openSettingsFromTitle(page);
    await page.selectOption('select[name=difficulty]', 'master');
    await page.selectOption('select[name=protocol]', 'beginner');
    await page.locator('input[name=memorizationSeconds]').fill('300');
    await page.locator('input[name=readingRate]').fill('1.25');
    await page.locator('input[name=yoinSeconds]').fill('2');
    await page.locator('input[name=pauseSeconds]').fill('1.5');
    await page.locator('input[name=volume]').fill('0.3');
    await page.check('input[name=muted]');
    expect(await page.textContent('output:near(input[name=memorizationSeconds])')).toBe('5 分 0 秒');
    await game.screenshot('settings-changed');

    await page.reload();
    await openSettingsFromTitle(page);
    expect(await page.inputValue('select[name=difficulty]')).toBe('master');
    expect(await page.inputValue('select[name=protocol]')).toBe('beginner');
    expect(await page.inputValue('input[name=memorizationSeconds]')).toBe('300');
    expect(await page.inputValue('input[name=readingRate]')).toBe('1.25');
    expect(await page.inputValue('input[name=volume]')).toBe('0.3');
    expect(await page.isChecked('input[name=muted]')).toBe(true);
    expect(await stored(page)).toMatchObject({
      version: 1,
      settings: {
        difficulty: 'master',
        protocol: 'beginner',
        yoinSeconds: 2,
        pauseSeconds: 1.5,
        muted: true,
      },
    });
    expect(await page.locator('[data-testid=settings-notice]').count()).toBe(0);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('switches the whole panel to English at once and keeps it after a reload', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await openSettingsFromTitle(page);
    expect(await page.textContent('[data-panel=settings] h1')).toBe('設定');
    await page.selectOption('select[name=lang]', 'en');
    expect(await page.textContent('[data-panel=settings] h1')).toBe('Settings');
    expect(await page.textContent('legend')).toBe('Match');
    expect(await page.textContent('[data-tab=training]')).toBe('Training');
    const panelText = await page.innerText('[data-panel=settings]');
    // Outside the language selector (which names each language in itself), no Japanese is left.
    expect(panelText.replace('Language / 言語', '').replace('日本語', '')).not.toMatch(
      /[\u3040-\u30ff\u4e00-\u9faf]/,
    );
    await game.screenshot('settings-english');
    // Back on the title (whose drawing slept under the panel), the menu answers again.
    await page.click('[data-testid=close]');
    expect(await page.locator('[data-panel=settings]').count()).toBe(0);
    await openSettingsFromTitle(page);
    await page.click('[data-testid=close]');
    await page.reload();
    await openSettingsFromTitle(page);
    expect(await page.textContent('[data-panel=settings] h1')).toBe('Settings');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('falls back to the defaults with a notice when the saved record is corrupted', async () => {
    const game = await openGame(browser);
    const { page } = game;
    await page.evaluate(() =>
      localStorage.setItem('utakaruta.settings', '{"version":1,"settings":{"difficu'),
    );
    await page.reload();
    await openSettingsFromTitle(page);
    const notice = page.locator('[data-testid=settings-notice]');
    expect(await notice.textContent()).toContain('壊れていた');
    expect(await page.inputValue('select[name=difficulty]')).toBe('intermediate');
    expect(await page.inputValue('input[name=memorizationSeconds]')).toBe('120');
    expect(await stored(page)).toMatchObject({ version: 1, settings: { difficulty: 'intermediate' } });
    await game.screenshot('settings-corrupted-notice');
    // The repaired record is what the next visit reads: no notice again.
    await page.reload();
    await openSettingsFromTitle(page);
    expect(await notice.count()).toBe(0);
    expect(game.errors).toEqual([]);
    await game.context.close();
  });
});
