// The projector preset (?display=projector, or Settings → 画面): at the usual projector sizes the
// canvas texts of the title and the match, and every DOM panel and the results, are drawn larger
// than in the normal preset (the control, measured the same way at the same size), with no text
// over another, off the screen, wrapped a character per line or sticking out of its panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  clickBox,
  clickTitleLanguage,
  launchBrowser,
  menuEntry,
  openFromMenu,
  openGame,
  type Box,
  type GamePage,
} from './harness';
import { canvasProblems, canvasTexts, panelOverflow, panelProblems } from './layoutChecks';
import { openMode, playToResults, setupChoice } from './matchHelpers';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const PANELS = ['settings', 'stats', 'listen', 'speech', 'dell', 'how-to-play'] as const;

/** The rendered height (CSS px) of the open panel's heading, or its first line of text. */
async function panelTextHeight(page: Page, id: string): Promise<number> {
  return page.evaluate((panel) => {
    const root = document.querySelector(`[data-panel="${panel}"]`)!;
    const node = root.querySelector('h1, h2, button') ?? root;
    return node.getBoundingClientRect().height;
  }, id);
}

/** Drawn size (CSS px, the game's scale on this window included) of the title's first menu entry. */
async function menuTextSize(page: Page): Promise<number> {
  const { texts, canvas, gameWidth } = await canvasTexts(page);
  const entry = texts.find((t) => t.text === '競技かるた（対戦）')!;
  return (entry.fontSize * canvas.width) / gameWidth;
}

async function openPanelFromMenu(page: Page, id: string): Promise<void> {
  await openFromMenu(page, id);
  await page.waitForTimeout(1200);
}

async function closeToTitle(page: Page, id: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForSelector(`[data-panel="${id}"]`, { state: 'detached', timeout: 10_000 });
  await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 30_000 });
}

describe.each(SIZES)('the projector preset at $width×$height', (size) => {
  const name = `${size.width}x${size.height}`;
  let browser: Browser;
  let projector: GamePage;
  let normal: GamePage;
  beforeAll(async () => {
    browser = await launchBrowser();
    normal = await openGame(browser, { ...size, path: '?testSpeed=16&seed=7' });
    projector = await openGame(browser, { ...size, path: '?display=projector&testSpeed=16&seed=7' });
    for (const game of [normal, projector])
      await game.page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, {
        timeout: 60_000,
      });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the title larger, nothing overlapping, in both languages', async () => {
    const { page } = projector;
    const [big, small] = [await menuTextSize(page), await menuTextSize(normal.page)];
    expect(big / small).toBeGreaterThanOrEqual(1.25);
    expect(await page.evaluate(() => document.documentElement.dataset.display)).toBe('projector');
    await projector.screenshot(`projector-${name}-title`);
    expect(await canvasProblems(page, { overlaps: true })).toEqual([]);
    // English labels are longer: the menu widens, still clear of everything else.
    await clickTitleLanguage(page, 'en');
    await page.waitForTimeout(500);
    await projector.screenshot(`projector-${name}-title-en`);
    expect(await canvasProblems(page, { overlaps: true })).toEqual([]);
    await clickTitleLanguage(page, 'ja');
  }, 60_000);

  it('keeps the fifteen tomofuda of the あ cards inside the card detail, in both languages', async () => {
    const { page } = projector;
    for (const lang of ['en', 'ja'] as const) {
      await clickTitleLanguage(page, lang);
      await clickBox(page, await menuEntry(page, 'gallery'));
      await page.waitForFunction(() => window.__utakaruta?.screen === 'gallery');
      const cards = await page.evaluate(() => (window.__utakaruta?.cards ?? []) as (Box & { no: number })[]);
      await clickBox(
        page,
        cards.find((c) => c.no === 3)!,
      );
      await page.waitForFunction(() => window.__utakaruta?.screen === 'card');
      await page.waitForTimeout(300);
      const detail = await page.evaluate(() => {
        const d = window.__utakaruta?.detail as {
          panel: () => Box;
          hint: () => Box;
          tomofuda: () => (Box & { no: number })[];
        };
        return { panel: d.panel(), hint: d.hint(), chips: d.tomofuda() };
      });
      await projector.screenshot(`projector-${name}-detail-3-${lang}`);
      expect(detail.chips).toHaveLength(15);
      const outside = detail.chips.filter(
        (c) =>
          c.x < detail.panel.x ||
          c.y < detail.panel.y ||
          c.x + c.width > detail.panel.x + detail.panel.width ||
          c.y + c.height > detail.panel.y + detail.panel.height,
      );
      expect(
        outside.map((c) => c.no),
        `${lang}: chips outside the panel`,
      ).toEqual([]);
      const { hint } = detail;
      const onHint = detail.chips.filter(
        (c) =>
          c.x < hint.x + hint.width &&
          hint.x < c.x + c.width &&
          c.y < hint.y + hint.height &&
          hint.y < c.y + c.height,
      );
      expect(
        onHint.map((c) => c.no),
        `${lang}: chips over the hint line`,
      ).toEqual([]);
      expect(await canvasProblems(page, { overlaps: true })).toEqual([]);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.__utakaruta?.screen === 'gallery');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.__utakaruta?.screen === 'title');
    }
  });

  it.each(PANELS)(
    'draws the %s panel larger, with nothing sticking out',
    async (id) => {
      await openPanelFromMenu(normal.page, id);
      const small = await panelTextHeight(normal.page, id);
      await closeToTitle(normal.page, id);
      const { page } = projector;
      await openPanelFromMenu(page, id);
      try {
        const big = await panelTextHeight(page, id);
        expect(big / small).toBeGreaterThanOrEqual(1.25);
        await projector.screenshot(`projector-${name}-${id}`);
        expect(await panelOverflow(page)).toEqual([]);
        expect(await panelProblems(page)).toEqual([]);
      } finally {
        await closeToTitle(page, id);
      }
    },
    120_000,
  );

  it('draws the match captions and counts larger, clear of each other, and the results too', async () => {
    const { page } = projector;
    await openMode(projector, 'casual', 'match-setup');
    await projector.screenshot(`projector-${name}-setup`);
    expect(await canvasProblems(page, { overlaps: true })).toEqual([]);
    await clickBox(page, await setupChoice(page, 'genpei-青'));
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 20, null, {
      timeout: 60_000,
    });
    const counts = (await canvasTexts(page)).texts.find((t) => t.text.includes('残り'));
    expect(counts!.fontSize).toBeGreaterThanOrEqual(Math.round(20 * 1.25));
    await playToResults(
      projector,
      (view) => view.readings % 2 === 0,
      () => 3,
      async (readings) => {
        if (readings === 3) {
          await projector.screenshot(`projector-${name}-match-reading`);
          expect(await canvasProblems(page, { overlaps: true })).toEqual([]);
        }
      },
    );
    await page.waitForSelector('[data-panel="results"]');
    await page.waitForTimeout(500);
    await projector.screenshot(`projector-${name}-results`);
    expect(await panelOverflow(page)).toEqual([]);
    expect(await panelProblems(page)).toEqual([]);
    const zoom = await page.evaluate(() =>
      getComputedStyle(document.querySelector('[data-panel="results"]')!).getPropertyValue('zoom'),
    );
    expect(Number(zoom)).toBeCloseTo(1.3, 2);
    expect(projector.errors).toEqual([]);
    expect(projector.outsideRequests).toEqual([]);
  }, 300_000);
});
