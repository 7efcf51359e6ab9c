// Every screen at the window sizes the game meets: a laptop (1280×720), a tablet either way up
// (1024×768, 768×1024, 810×1080) and a projector (1920×1080). Upright windows get the portrait
// layout (720×960), not a letterboxed landscape one. At each size: screenshots of the title, the
// setup, a match, the results, the gallery, a card detail and every panel; no text, on the canvas
// or in a panel, wraps one character per line; canvas text stays on the screen (and, in the
// gallery and the detail, clear of other text); the match table fits the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openFromMenu, openGame, type GamePage } from './harness';
import { tomofudaOf } from '../../src/game/scenes/GalleryData';
import { canvasProblems, panelProblems } from './layoutChecks';
import { clickBox, openMode, playToResults, setupChoice, type Box } from './matchHelpers';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 810, height: 1080 },
  { width: 1920, height: 1080 },
] as const;

const PANELS = [
  { id: 'settings', tabs: ['settings', 'training', 'models'] },
  { id: 'stats', tabs: ['cards', 'history', 'coach', 'drills'] },
  { id: 'listen', tabs: [] },
  { id: 'speech', tabs: [] },
  { id: 'dell', tabs: [] },
  { id: 'how-to-play', tabs: [] },
] as const;

const portrait = (size: { width: number; height: number }) => size.height > size.width;

describe.each(SIZES)('at $width×$height', (size) => {
  const name = `${size.width}x${size.height}`;
  let browser: Browser;
  let game: GamePage;
  beforeAll(async () => {
    browser = await launchBrowser();
    game = await openGame(browser, { ...size, path: '?testSpeed=16&seed=7' });
    await game.page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lays out the title and the setup screen for the window, every label whole', async () => {
    const { page } = game;
    const logical = await page.evaluate(() => {
      const canvas = document.querySelector('canvas')!;
      const rect = canvas.getBoundingClientRect();
      return { width: canvas.width, height: canvas.height, shown: { w: rect.width, h: rect.height } };
    });
    // Upright windows get the 3:4 layout, which fills a 3:4 tablet edge to edge.
    expect(logical.width / logical.height).toBeCloseTo(portrait(size) ? 720 / 960 : 1280 / 720, 2);
    if (portrait(size)) expect(logical.shown.w).toBeGreaterThanOrEqual(size.width - 1);
    await game.screenshot(`layout-${name}-title`);
    expect(await canvasProblems(page)).toEqual([]);
    await openMode(game, 'casual', 'match-setup');
    await game.screenshot(`layout-${name}-setup`);
    expect(await canvasProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title');
  }, 120_000);

  it('lays out the gallery and the card detail for the window, every label whole', async () => {
    const { page } = game;
    await openMode(game, 'gallery', 'gallery');
    await page.waitForTimeout(500);
    const shape = await page.evaluate(() => {
      const canvas = document.querySelector('canvas')!;
      const rect = canvas.getBoundingClientRect();
      return { width: canvas.width, height: canvas.height, left: rect.left, right: rect.right };
    });
    // Upright windows get the 3:4 gallery, edge to edge, not a letterboxed 16:9 one.
    expect(shape.width / shape.height).toBeCloseTo(portrait(size) ? 720 / 960 : 1280 / 720, 2);
    const cards = await page.evaluate(() => window.__utakaruta?.cards ?? []);
    expect(cards.length).toBeGreaterThanOrEqual(portrait(size) ? 15 : 20);
    for (const card of cards) {
      expect(card.x).toBeGreaterThanOrEqual(Math.max(0, shape.left) - 1);
      expect(card.x + card.width).toBeLessThanOrEqual(Math.min(size.width, shape.right) + 1);
    }
    // Cards big enough to read on a tablet: at least 80 CSS px wide.
    expect(Math.min(...cards.map((c) => c.width))).toBeGreaterThanOrEqual(portrait(size) ? 80 : 60);
    await game.screenshot(`layout-${name}-gallery`);
    expect(await canvasProblems(page, { overlaps: true })).toEqual([]);
    // The detail of the card with the most tomofuda (the most chips to lay out), in both languages.
    const crowded = Array.from({ length: 100 }, (_, i) => i + 1).sort(
      (a, b) => tomofudaOf(b).length - tomofudaOf(a).length,
    )[0]!;
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'card', null, { timeout: 30_000 });
    for (let no = 1; no < crowded; no++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (wanted) => (window.__utakaruta?.detail as { no: number } | undefined)?.no === wanted,
      crowded,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(800);
    const chips = await page.evaluate(() =>
      (window.__utakaruta?.detail as { tomofuda: () => Box[] }).tomofuda(),
    );
    expect(chips).toHaveLength(tomofudaOf(crowded).length);
    await game.screenshot(`layout-${name}-card-detail`);
    expect(await canvasProblems(page, { overlaps: true })).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'gallery', null, { timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 30_000 });
  }, 120_000);

  it('fits the match table on the screen, and plays to results that fit', async () => {
    const { page } = game;
    await openMode(game, 'casual', 'match-setup');
    await clickBox(page, await setupChoice(page, 'genpei-青'));
    await page.waitForFunction(() => window.__utakaruta?.screen === 'match', null, { timeout: 60_000 });
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 20);
    const fit = await page.evaluate(() => {
      const rect = document.querySelector('canvas')!.getBoundingClientRect();
      const match = window.__utakaruta?.match as {
        buttons: () => Record<string, Box>;
        bands: () => Record<string, Box>;
      };
      return { cards: window.__utakaruta?.cards ?? [], buttons: match.buttons(), bands: match.bands(), rect };
    });
    const inside = (b: Box) =>
      b.x >= Math.max(0, fit.rect.left) - 1 &&
      b.y >= Math.max(0, fit.rect.top) - 1 &&
      b.x + b.width <= Math.min(size.width, fit.rect.right) + 1 &&
      b.y + b.height <= Math.min(size.height, fit.rect.bottom) + 1;
    for (const card of fit.cards) expect(inside(card), `card ${card.no}`).toBe(true);
    for (const [key, box] of Object.entries({ ...fit.buttons, ...fit.bands }))
      if (box.width > 0) expect(inside(box), key).toBe(true);
    // Cards big enough to read and touch: at least 40 CSS px wide on every screen.
    expect(Math.min(...fit.cards.map((c) => c.width))).toBeGreaterThanOrEqual(40);
    await game.screenshot(`layout-${name}-match`);
    expect(await canvasProblems(page)).toEqual([]);
    await playToResults(
      game,
      (view) => view.readings % 2 === 0,
      () => 3,
      async (readings) => {
        if (readings === 3) {
          await game.screenshot(`layout-${name}-match-reading`);
          expect(await canvasProblems(page)).toEqual([]);
        }
      },
    );
    await page.waitForSelector('[data-panel="results"]');
    await game.screenshot(`layout-${name}-results`);
    expect(await panelProblems(page)).toEqual([]);
    const wide = await page.evaluate(() => {
      const panel = document.querySelector('[data-panel="results"]')!;
      return { scroll: panel.scrollWidth, client: panel.clientWidth };
    });
    expect(wide.scroll).toBeLessThanOrEqual(wide.client + 1);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 30_000 });
  }, 300_000);

  it.each(PANELS)(
    'opens the $id panel with no label one character per line',
    async (panel) => {
      const { page } = game;
      await openFromMenu(page, panel.id);
      await page.waitForTimeout(1500);
      const tabs = panel.tabs.length > 0 ? panel.tabs : [''];
      for (const tab of tabs) {
        if (tab) {
          await page.click(`[data-panel="${panel.id}"] [data-tab="${tab}"]`);
          await page.waitForTimeout(800);
        }
        await game.screenshot(`layout-${name}-${panel.id}${tab ? '-' + tab : ''}`);
        expect(await panelProblems(page), `${panel.id} ${tab}`).toEqual([]);
      }
      await page.keyboard.press('Escape');
      await page.waitForSelector(`[data-panel="${panel.id}"]`, { state: 'detached', timeout: 10_000 });
      await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 30_000 });
    },
    180_000,
  );
});
