// The title, the card gallery and the card detail in the built game, driven like a player would:
// mouse, keyboard and touch, at a desktop and a tablet size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, menuEntry, openGame, type GamePage } from './harness';

interface Box {
  no?: number;
  id?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const screen = (page: Page) => page.evaluate(() => window.__utakaruta?.screen);
const cards = (page: Page) => page.evaluate(() => (window.__utakaruta?.cards ?? []) as Box[]);
const gallery = (page: Page) =>
  page.evaluate(() => {
    const g = window.__utakaruta?.gallery as Record<string, unknown> | undefined;
    return g && { ...g, buttons: (g.buttons as () => Record<string, Box>)() };
  }) as Promise<{
    sort: string;
    kimariji: boolean;
    scroll: number;
    maxScroll: number;
    focus: number;
    order: number[];
    buttons: Record<string, Box>;
  }>;
const detailNo = (page: Page) =>
  page.evaluate(() => (window.__utakaruta?.detail as { no: number } | undefined)?.no);
const centre = (box: Box) => [box.x + box.width / 2, box.y + box.height / 2] as const;

async function waitForScreen(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => window.__utakaruta?.screen === n, name, { timeout: 30_000 });
  // Two frames, so what the scene drew is on the canvas before a screenshot or a pixel read.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function openGallery(game: GamePage): Promise<void> {
  await game.page.mouse.click(...centre(await menuEntry(game.page, 'gallery')));
  await waitForScreen(game.page, 'gallery');
}

/**
 * How many pixels of a page region are dark ink (or light strokes, `light`), read from a
 * screenshot: the WebGL canvas keeps no buffer to read back.
 */
async function inkPixels(page: Page, box: Box, light = false): Promise<number> {
  const png = await page.screenshot({ clip: box });
  return page.evaluate(
    async ([b64, wantLight]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, image.width, image.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const sum = data[i]! + data[i + 1]! + data[i + 2]!;
        if (wantLight ? sum > 600 : sum < 150) count++;
      }
      return count;
    },
    [png.toString('base64'), light] as const,
  );
}

describe('the title, the card gallery and the card detail', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('draws real Japanese glyphs with the bundled font, not tofu boxes', async () => {
    const game = await openGame(browser);
    await waitForScreen(game.page, 'title');
    const result = await game.page.evaluate(() => {
      const font = '800 40px "Shippori Mincho"';
      const draw = (char: string) => {
        const canvas = new OffscreenCanvas(48, 48);
        const ctx = canvas.getContext('2d')!;
        ctx.font = font;
        ctx.textBaseline = 'middle';
        ctx.fillText(char, 4, 24);
        return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
      };
      const chars = ['か', 'る', 'た', 'ゐ', '歌', '\u{10FFFD}'];
      const bitmaps = chars.map(draw);
      return {
        loaded: document.fonts.check(font, 'かるたゐ歌'),
        distinct: new Set(bitmaps).size,
        blank: bitmaps.filter((b) => !/[1-9]/.test(b)).length,
      };
    });
    expect(result.loaded).toBe(true);
    expect(result.distinct).toBe(6);
    expect(result.blank).toBe(0);
    // The title is light strokes on the dark table; the fan of cards is dark ink on cream.
    expect(await inkPixels(game.page, { x: 120, y: 170, width: 480, height: 120 }, true)).toBeGreaterThan(
      3000,
    );
    const viewport = game.page.viewportSize()!;
    expect(await inkPixels(game.page, { x: 820, y: 150, width: 440, height: 380 })).toBeGreaterThan(500);
    expect(viewport.width).toBe(1280);
    await game.screenshot('title-ja');
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('shows the bundled font’s licence from the title credit, offline', async () => {
    const game = await openGame(browser);
    await waitForScreen(game.page, 'title');
    const credit = await game.page.evaluate(() =>
      (window.__utakaruta?.title as { credit: () => Box }).credit(),
    );
    await game.page.mouse.click(...centre(credit));
    const panel = game.page.locator('[data-panel="font-licence"]');
    await expect.poll(() => panel.textContent()).toContain('SIL OPEN FONT LICENSE Version 1.1');
    await panel.getByRole('button').click();
    await waitForScreen(game.page, 'title');
    expect(await panel.count()).toBe(0);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('switches every title text to English and remembers the choice across a reload', async () => {
    const game = await openGame(browser);
    await waitForScreen(game.page, 'title');
    const langs = await game.page.evaluate(() =>
      (window.__utakaruta?.title as { lang: () => (Box & { lang: string })[] }).lang(),
    );
    await game.page.mouse.click(...centre(langs.find((l) => l.lang === 'en')!));
    await game.page.waitForFunction(() => document.documentElement.lang === 'en');
    await game.screenshot('title-en');
    await game.page.reload();
    await waitForScreen(game.page, 'title');
    expect(await game.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await game.page.evaluate(() => localStorage.getItem('utakaruta.lang'))).toBe('en');
    await openGallery(game);
    await game.page.keyboard.press('k');
    await game.screenshot('gallery-en');
    const card = (await cards(game.page)).find((c) => c.no === 9)!;
    await game.page.mouse.click(...centre(card));
    await waitForScreen(game.page, 'card');
    await game.screenshot('detail-en');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('shows all 100 cards with ink on them, sorts them, and labels the kimariji on demand', async () => {
    const game = await openGame(browser);
    await openGallery(game);
    const first = await gallery(game.page);
    expect(first.order).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const drawn = await cards(game.page);
    expect(drawn.length).toBeGreaterThanOrEqual(20);
    expect(drawn[0]!.no).toBe(1);
    expect(await inkPixels(game.page, drawn[0]!)).toBeGreaterThan(150);
    await game.screenshot('gallery');

    await game.page.keyboard.press('k');
    expect((await gallery(game.page)).kimariji).toBe(true);
    await game.page.mouse.click(...centre(first.buttons.learning!));
    const learning = await gallery(game.page);
    expect(learning.sort).toBe('learning');
    // むすめふさほせ: the seven one-sound cards open the learning order.
    expect(learning.order.slice(0, 7)).toEqual([87, 18, 57, 22, 70, 81, 77]);
    await waitForScreen(game.page, 'gallery');
    await game.screenshot('gallery-learning-kimariji');

    await game.page.mouse.click(...centre(first.buttons.kimariji!));
    await game.page.mouse.click(...centre(first.buttons.toggle!));
    const byLength = await gallery(game.page);
    expect(byLength.sort).toBe('kimariji');
    expect(byLength.order.slice(-6).sort((a, b) => a - b)).toEqual([11, 15, 31, 50, 64, 76]);
    expect(byLength.kimariji).toBe(false);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('scrolls by wheel and by drag, and stops at the ends', async () => {
    const game = await openGame(browser);
    await openGallery(game);
    await game.page.mouse.move(640, 400);
    await game.page.mouse.wheel(0, 400);
    await game.page.waitForFunction(() => {
      const g = window.__utakaruta?.gallery as { scroll: number } | undefined;
      return (g?.scroll ?? 0) > 0;
    });
    await game.page.mouse.wheel(0, 100_000);
    await game.page.waitForTimeout(100);
    const bottom = await gallery(game.page);
    expect(bottom.scroll).toBe(bottom.maxScroll);
    expect((await cards(game.page)).map((c) => c.no)).toContain(100);
    await game.screenshot('gallery-bottom');
    await game.page.mouse.move(640, 300);
    await game.page.mouse.down();
    await game.page.mouse.move(640, 500, { steps: 8 });
    await game.page.mouse.up();
    const dragged = await gallery(game.page);
    expect(dragged.scroll).toBeCloseTo(bottom.maxScroll - 200, -1);
    // A drag is not a click: nothing opened.
    expect(await screen(game.page)).toBe('gallery');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('opens a clicked card’s detail, steps with the arrows, jumps to a tomofuda, closes on Esc', async () => {
    const game = await openGame(browser);
    await openGallery(game);
    const card17 = (await cards(game.page)).find((c) => c.no === 17)!;
    await game.page.mouse.click(...centre(card17));
    await waitForScreen(game.page, 'card');
    expect(await detailNo(game.page)).toBe(17);
    const big = (await cards(game.page))[0]!;
    expect(big.width).toBeGreaterThan(200);
    expect(await inkPixels(game.page, big)).toBeGreaterThan(1500);
    await game.screenshot('detail-17');

    await game.page.keyboard.press('ArrowRight');
    await game.page.waitForFunction(() => (window.__utakaruta?.detail as { no: number }).no === 18);
    await game.page.keyboard.press('ArrowLeft');
    await game.page.waitForFunction(() => (window.__utakaruta?.detail as { no: number }).no === 17);

    const tomofuda = await game.page.evaluate(() =>
      (window.__utakaruta?.detail as { tomofuda: () => Box[] }).tomofuda(),
    );
    expect(tomofuda.map((t) => t.no ?? 0).sort((a, b) => a - b)).toEqual([42, 75]);
    await game.page.mouse.click(...centre(tomofuda.find((t) => t.no === 75)!));
    await game.page.waitForFunction(() => (window.__utakaruta?.detail as { no: number }).no === 75);

    await game.page.keyboard.press('Escape');
    await waitForScreen(game.page, 'gallery');
    expect((await gallery(game.page)).focus).toBe(75);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  });

  it('is fully usable from the keyboard: menu, focus ring, Page Down, Enter, Esc back to title', async () => {
    const game = await openGame(browser);
    await waitForScreen(game.page, 'title');
    const menu = await game.page.evaluate(() => (window.__utakaruta?.title as { menu: () => Box[] }).menu());
    // ↓ walks the menu entries in order, whatever other modes stand before the gallery.
    for (let i = 0; i < menu.findIndex((m) => m.id === 'gallery'); i++) {
      await game.page.keyboard.press('ArrowDown');
    }
    await game.page.keyboard.press('Enter');
    await waitForScreen(game.page, 'gallery');
    await game.page.keyboard.press('ArrowRight');
    await game.page.keyboard.press('ArrowDown');
    expect((await gallery(game.page)).focus).toBe(12);
    await game.page.keyboard.press('PageDown');
    const paged = await gallery(game.page);
    expect(paged.focus).toBeGreaterThan(12);
    expect(paged.scroll).toBeGreaterThan(0);
    await game.screenshot('gallery-keyboard-focus');
    await game.page.keyboard.press('Enter');
    await waitForScreen(game.page, 'card');
    expect(await detailNo(game.page)).toBe(paged.focus);
    await game.page.keyboard.press('Escape');
    await waitForScreen(game.page, 'gallery');
    await game.page.keyboard.press('End');
    expect((await gallery(game.page)).focus).toBe(100);
    await game.page.keyboard.press('Escape');
    await waitForScreen(game.page, 'title');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  for (const size of [
    { width: 1024, height: 768, name: 'tablet-landscape' },
    { width: 820, height: 1180, name: 'tablet-portrait' },
  ]) {
    it(`fits the gallery in a ${size.width}×${size.height} touch screen, scrolls by swipe and opens a tapped card`, async () => {
      const game = await openGame(browser, { ...size, hasTouch: true });
      await game.page.touchscreen.tap(...centre(await menuEntry(game.page, 'gallery')));
      await waitForScreen(game.page, 'gallery');
      const canvas = (await game.page.locator('canvas').boundingBox())!;
      expect(canvas.x).toBeGreaterThanOrEqual(0);
      expect(canvas.x + canvas.width).toBeLessThanOrEqual(size.width + 0.5);
      expect(canvas.y + canvas.height).toBeLessThanOrEqual(size.height + 0.5);
      const drawn = await cards(game.page);
      for (const card of drawn) {
        expect(card.x).toBeGreaterThanOrEqual(canvas.x);
        expect(card.x + card.width).toBeLessThanOrEqual(canvas.x + canvas.width + 0.5);
      }
      await game.screenshot(`gallery-${size.name}`);

      // A finger swipe up scrolls the cards; a swipe down brings them back; neither opens one.
      const cdp = await game.context.newCDPSession(game.page);
      const swipe = async (fromY: number, toY: number) => {
        const x = canvas.x + canvas.width / 2;
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchStart',
          touchPoints: [{ x, y: fromY }],
        });
        for (let i = 1; i <= 8; i++) {
          const y = fromY + ((toY - fromY) * i) / 8;
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
        }
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      };
      const middle = canvas.y + canvas.height / 2;
      await swipe(middle + canvas.height / 4, middle - canvas.height / 4);
      expect((await gallery(game.page)).scroll).toBeGreaterThan(100);
      expect(await screen(game.page)).toBe('gallery');
      await swipe(middle - canvas.height / 4, middle + canvas.height / 4);
      expect((await gallery(game.page)).scroll).toBe(0);

      const target = drawn.find((c) => c.no === 13)!;
      await game.page.touchscreen.tap(...centre(target));
      await waitForScreen(game.page, 'card');
      expect(await detailNo(game.page)).toBe(13);
      await game.screenshot(`detail-${size.name}`);
      expect(game.errors).toEqual([]);
      expect(game.outsideRequests).toEqual([]);
      await game.context.close();
    });
  }
});
