// Whatever is on top owns the input. With each DOM panel open over the title (settings and its
// tabs, tongue twisters, the Dell lab, listening practice), click every part of it — every
// control once and empty space on a grid, scrolled from top to bottom — and press the keys a
// player would (S, arrows, Enter, space): the title underneath must not move its focus, start a
// match or leave the screen. Esc then closes the panel and the title resumes where it was.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openFromMenu, openGame, type GamePage } from './harness';

/** What the test watches underneath: the screen hook, the title's focus, the scene states. */
interface Underneath {
  screen: string | undefined;
  focus: number | undefined;
  scenes: { key: string; state: string }[] | undefined;
}

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/** Panels, with the tabs each has (clicked in turn) and what tells that it has finished loading. */
const PANELS = [
  { id: 'settings', tabs: ['[data-tab="settings"]', '[data-tab="training"]', '[data-tab="models"]'] },
  { id: 'speech', tabs: [] },
  { id: 'dell', tabs: [] },
  { id: 'listen', tabs: [] },
] as const;

/**
 * Controls the sweep leaves alone: those that leave the panel on purpose (close, play a match,
 * open the Dell lab from the speech panel, reload into kiosk mode), start minutes of work
 * (training, a 26×26 map, a guided tour, which trains or reads by itself: the tours tests test
 * those), or
 * open a native picker (file, select) that would swallow the next clicks.
 */
const SKIP = [
  '[data-testid="close"]',
  'button.close',
  'button.dell-link',
  '[data-testid="play"]',
  '[data-testid="play-saved"]',
  '[data-testid="start"]',
  '[data-testid="tour"]',
  '[data-testid="delete"]',
  '[data-testid="dell-make-map"]',
  '[data-testid="kiosk-start"]',
  'input[type="file"]',
  'select',
].join(', ');

const underneath = (page: Page): Promise<Underneath> =>
  page.evaluate(() => {
    const hooks = window.__utakaruta;
    const title = hooks?.title as { focus?: () => number } | undefined;
    const scenes = hooks?.scenes as (() => { key: string; state: string }[]) | undefined;
    return { screen: hooks?.screen, focus: title?.focus?.(), scenes: scenes?.() };
  });

/**
 * Points to click in the panel as it is now scrolled: the centre of every visible control not
 * yet clicked (each is marked so it is clicked once), and a grid over the rest of the window.
 */
function sweepPoints(page: Page, skip: string, step: number): Promise<{ x: number; y: number }[]> {
  return page.evaluate(
    ([skipSelector, gridStep]) => {
      const points: { x: number; y: number }[] = [];
      const control = 'button, input, textarea, label, summary, a, [role="tab"], li, [tabindex]';
      for (let y = gridStep / 2; y < window.innerHeight; y += gridStep) {
        for (let x = gridStep / 2; x < window.innerWidth; x += gridStep) {
          const hit = document.elementFromPoint(x, y);
          if (!hit || !hit.closest('.panel')) continue;
          const target = hit.closest(control);
          if (!target) {
            points.push({ x, y }); // empty panel space
            continue;
          }
          if (target.closest(skipSelector) || target.querySelector(skipSelector)) continue;
          if (target instanceof HTMLElement && target.dataset.swept !== undefined) continue;
          (target as HTMLElement).dataset.swept = '';
          const box = target.getBoundingClientRect();
          const cx = Math.min(Math.max(box.left + box.width / 2, 1), window.innerWidth - 1);
          const cy = Math.min(Math.max(box.top + box.height / 2, 1), window.innerHeight - 1);
          const atCentre = document.elementFromPoint(cx, cy);
          points.push(atCentre && target.contains(atCentre) ? { x: cx, y: cy } : { x, y });
        }
      }
      return points;
    },
    [skip, step] as const,
  );
}

/** Clicks over the whole panel, scrolling it a window at a time until its end. */
async function sweepPanel(page: Page, panelId: string, expected: Underneath, label: string): Promise<number> {
  let clicks = 0;
  const scrollTo = (top: number) =>
    page.evaluate(
      ([id, y]) => {
        const root = document.querySelector<HTMLElement>(`[data-panel="${id}"]`);
        if (!root) return { top: -1, max: -1 };
        root.scrollTop = y;
        return { top: root.scrollTop, max: root.scrollHeight - root.clientHeight };
      },
      [panelId, top] as const,
    );
  const viewportHeight = page.viewportSize()?.height ?? 720;
  for (let top = 0, pass = 0; pass < 8; top += viewportHeight - 80, pass++) {
    const scrolled = await scrollTo(top);
    expect(scrolled.top, `${label}: the panel is still open`).toBeGreaterThanOrEqual(0);
    for (const point of await sweepPoints(page, SKIP, 72)) {
      // The points were found before the clicks began, and a click can move the layout (the
      // language button changes the header's width): never click a control to skip that has
      // moved under a point since.
      const skipNow = await page.evaluate(
        ([x, y, selector]) => document.elementFromPoint(x, y)?.closest(selector) != null,
        [point.x, point.y, SKIP] as const,
      );
      if (skipNow) continue;
      await page.mouse.click(point.x, point.y);
      clicks++;
    }
    await page.waitForTimeout(150);
    // Whatever the clicks did inside the panel, the game under it has not moved.
    expect(await underneath(page), `${label}, scrolled to ${scrolled.top}`).toEqual(expected);
    if (scrolled.top >= scrolled.max) break;
  }
  return clicks;
}

describe.each(SIZES)('a panel over the title at $width×$height owns the input', ({ width, height }) => {
  let browser: Browser;
  let game: GamePage;
  beforeAll(async () => {
    browser = await launchBrowser();
    game = await openGame(browser, { width, height });
    await game.page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A failed case may leave its panel up: start the next one from a fresh title.
  afterEach(async () => {
    if (!(await game.page.$('.panel'))) return;
    await game.page.reload();
    await game.page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
  });

  it.each(PANELS)('clicks and keys in the $id panel never reach the title underneath', async (panel) => {
    const { page } = game;
    await openFromMenu(page, panel.id);
    if (panel.id === 'settings') await page.waitForFunction(() => window.__utakaruta?.settingsReady === true);
    if (panel.id === 'speech')
      await page.waitForFunction(
        () => (window.__utakaruta?.speech as { ready?: boolean })?.ready === true,
        null,
        {
          timeout: 120_000,
        },
      );
    const expected = await underneath(page);
    expect(expected.screen).toBe(panel.id);

    let clicks = 0;
    const tabs: readonly string[] = panel.tabs.length ? panel.tabs : [''];
    for (const tab of tabs) {
      if (tab) await page.click(`[data-panel="${panel.id}"] ${tab}`);
      clicks += await sweepPanel(page, panel.id, expected, `${panel.id}${tab ? ` ${tab}` : ''}`);
    }
    await game.screenshot(`input-${panel.id}-${width}x${height}`);

    // Keys: with focus on the panel's body, none reaches the title (S skips a memorization,
    // arrows move the menu focus, Enter and space open the focused entry).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (const key of ['s', 'S', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', ' ', 'k', 'p']) {
      await page.keyboard.press(key);
    }
    await page.waitForTimeout(300);
    expect(await underneath(page), `${panel.id} after keys`).toEqual(expected);
    // While a panel is up, the title is paused, not merely hidden.
    expect(expected.scenes).toEqual([{ key: 'title', state: 'paused' }]);
    expect(clicks).toBeGreaterThan(20);

    // Esc closes the panel; the title is running again with the focus it had. The sweep left the
    // mouse wherever its last click was, perhaps above a menu entry, whose hover would rightly
    // take the focus once the title runs again: park it in the corner, away from every entry.
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape');
    await page.waitForSelector(`[data-panel="${panel.id}"]`, { state: 'detached', timeout: 5_000 });
    const after = await underneath(page);
    expect(after).toEqual({
      screen: 'title',
      focus: expected.focus,
      scenes: [{ key: 'title', state: 'running' }],
    });
    // And the title answers keys again: ↓ moves its focus.
    await page.keyboard.press('ArrowDown');
    expect((await underneath(page)).focus).toBe((expected.focus ?? 0) + 1);
    await page.keyboard.press('ArrowUp');
    expect(game.errors).toEqual([]);
  });
});

describe('a panel whose code is still loading', () => {
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
  });

  it('shows Loading… at once, owns the input, and Esc closes it for good', async () => {
    browser = await launchBrowser();
    const game = await openGame(browser, { width: 1280, height: 800 });
    const { page } = game;
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
    // Hold the tongue-twister panel's code back for two seconds, as a slow disk or network would.
    await page.route(/speechPanel-[^/]*\.js$/, async (route) => {
      await new Promise((done) => setTimeout(done, 2000));
      await route.continue();
    });
    await openFromMenu(page, 'speech', { panel: 'speech-loading' });
    expect(await page.textContent('[data-panel="speech-loading"] [role="status"]')).toBe('読み込み中…');
    const expected = await underneath(page);
    expect(expected.scenes).toEqual([{ key: 'title', state: 'paused' }]);
    await game.screenshot('input-loading-1280x800');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.panel', { state: 'detached', timeout: 5_000 });
    // The code arrives after the player left: the panel does not pop up over the title.
    await page.waitForTimeout(2500);
    expect(await page.$('.panel')).toBeNull();
    expect(await underneath(page)).toEqual({
      screen: 'title',
      focus: expected.focus,
      scenes: [{ key: 'title', state: 'running' }],
    });
    expect(game.errors).toEqual([]);
  });
});

describe('a key pressed and released between two frames', () => {
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
  });

  it('acts once on the title, as a busy machine or a waking loop delivers it', async () => {
    browser = await launchBrowser();
    const game = await openGame(browser, { width: 1280, height: 800 });
    const { page } = game;
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
    const before = (await underneath(page)).focus ?? 0;
    // Esc's release (the key that closed a panel), then ↓ down and up, in one task: no frame can
    // run between them, as when frames are slow. Phaser hands the scene its whole queue again
    // with every event, and its duplicate check only compares the event just before: with
    // another event ahead of it, ↓'s keydown came round a second time with its keyup.
    await page.evaluate(() => {
      const events: [string, string, number][] = [
        ['keyup', 'Escape', 27],
        ['keydown', 'ArrowDown', 40],
        ['keyup', 'ArrowDown', 40],
      ];
      for (const [type, key, keyCode] of events)
        window.dispatchEvent(new KeyboardEvent(type, { key, code: key, keyCode }));
    });
    await page.waitForTimeout(300);
    expect((await underneath(page)).focus).toBe(before + 1);
    expect(game.errors).toEqual([]);
  });
});
