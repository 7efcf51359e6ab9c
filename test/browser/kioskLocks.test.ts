// Kiosk mode as a stored setting: turned on from the settings panel it survives a reload without
// the URL parameter (and ?kiosk=0 opens a normal game for one visit, leaving it stored); in it,
// nothing a visitor could change or lose is reachable — settings, the history's export, import,
// erase and damaged-record delete, the Dell lab's map building — each with a ja/en reason, while
// the same controls are there in a normal game (the control). The organiser leaves it by holding
// the top-left corner for 3 s and confirming; a short press, or "Stay", leaves the kiosk running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  clickTitleLanguage,
  launchBrowser,
  openFromMenu,
  openGame,
  type Box,
  type GamePage,
} from './harness';

const LOCKABLE = ['export', 'import', 'erase', 'delete-damaged', 'dell-make-map'] as const;

const menuIds = (page: Page) =>
  page.evaluate(() =>
    (window.__utakaruta?.title as { menu: () => ({ id: string } & Box)[] }).menu().map((m) => m.id),
  );

const kiosk = (page: Page) =>
  page.evaluate(() => window.__utakaruta?.kiosk as { idleSeconds: number; attract: boolean } | undefined);

const storedSettings = (page: Page) =>
  page.evaluate(
    () =>
      (
        JSON.parse(localStorage.getItem('utakaruta.settings') ?? '{}') as {
          settings?: Record<string, unknown>;
        }
      ).settings,
  );

async function closePanel(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#panels .panel'), null, { timeout: 10_000 });
}

/** A damaged record in the history store, so the damaged-record delete has something to offer. */
async function addDamagedRecord(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('utakaruta-history');
        open.onsuccess = () => {
          const tx = open.result.transaction('matches', 'readwrite');
          tx.objectStore('matches').put({ id: 'broken', version: 1, playedAt: 'yesterday' });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

/**
 * Opens the progress panel's history and the Dell lab (its q moved off the stored map’s, where
 * the map-building button appears) and reports which destructive controls can be seen, and the
 * kiosk notes shown instead.
 */
async function reachable(game: GamePage, name: string): Promise<{ visible: string[]; notes: string[] }> {
  const { page } = game;
  const visible = new Set<string>();
  const notes: string[] = [];
  const look = async () => {
    for (const id of LOCKABLE) if (await page.isVisible(`[data-testid="${id}"]`)) visible.add(id);
    notes.push(
      ...(await page.$$eval('[data-testid="kiosk-locked"]', (n) => n.map((e) => e.textContent ?? ''))),
    );
  };
  await openFromMenu(page, 'stats');
  await page.waitForFunction(
    () => (window.__utakaruta?.stats as { damaged?: number } | undefined)?.damaged === 1,
    null,
    {
      timeout: 30_000,
    },
  );
  await page.click('[data-tab=history]');
  await page.waitForSelector('[data-testid="damaged"]');
  await look();
  await game.screenshot(`kiosk-locks-${name}-history`);
  await closePanel(page);
  await openFromMenu(page, 'dell');
  await page.waitForFunction(
    () => /\d/.test(document.querySelector('[data-testid="dell-map-status"]')?.textContent ?? ''),
    null,
    {
      timeout: 60_000,
    },
  );
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="dell-q"]')!;
    input.value = String(Number(input.min) + (Number(input.max) - Number(input.min)) * 0.9);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForSelector(
    '.notice:has([data-testid="kiosk-locked"]), .notice:has([data-testid="dell-make-map"])',
    {
      state: 'visible',
      timeout: 30_000,
    },
  );
  await look();
  await game.screenshot(`kiosk-locks-${name}-dell`);
  await closePanel(page);
  return { visible: [...visible].sort(), notes };
}

/** From the kiosk's attract loop to its title: a tap starts play, Esc quits to the title. */
async function kioskTitle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window.__utakaruta?.kiosk as { attract?: boolean } | undefined)?.attract === true,
    null,
    {
      timeout: 60_000,
    },
  );
  await page.mouse.click(640, 400);
  await page.waitForFunction(() => window.__utakaruta?.screen === 'match', null, { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 30_000 });
}

async function holdCorner(page: Page, ms: number): Promise<void> {
  await page.mouse.move(20, 20);
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

describe('kiosk mode as a stored setting', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is turned on in settings, survives reloads, locks every destructive control, and the organiser leaves it', async () => {
    const game = await openGame(browser, { path: '?testSpeed=4&seed=3' });
    const { page } = game;
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
    // The control: a normal game offers every one of them, and settings.
    await openFromMenu(page, 'stats');
    await closePanel(page);
    await addDamagedRecord(page);
    const normal = await reachable(game, 'normal');
    expect(normal).toEqual({ visible: [...LOCKABLE].sort(), notes: [] });
    expect(await menuIds(page)).toContain('settings');

    // The organiser turns the kiosk on: idle 60 s, then 展示モードを始める.
    await openFromMenu(page, 'settings');
    await page.locator('[data-testid="kiosk-settings"]').scrollIntoViewIfNeeded();
    await game.screenshot('kiosk-settings-section');
    await page.fill('[data-setting="kioskIdleSeconds"]', '60');
    await page.press('[data-setting="kioskIdleSeconds"]', 'Tab');
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid="kiosk-start"]')]);
    expect(page.url()).not.toContain('kiosk=');
    await page.waitForFunction(() => window.__utakaruta?.kiosk !== undefined, null, { timeout: 60_000 });
    expect(await kiosk(page)).toMatchObject({ idleSeconds: 60 });

    // A reload without any parameter is still the kiosk.
    await page.reload();
    await kioskTitle(page);
    expect(await kiosk(page)).toMatchObject({ idleSeconds: 60 });
    expect(await menuIds(page)).not.toContain('settings');
    // A visitor's language is theirs for the visit: shown at once, not stored.
    await clickTitleLanguage(page, 'en');
    await page.waitForFunction(() =>
      (window.__utakaruta?.texts as () => { text: string }[])().some((t) => t.text === 'Competitive match'),
    );
    expect(await storedSettings(page)).toMatchObject({ lang: 'ja' });
    await clickTitleLanguage(page, 'ja');
    const locked = await reachable(game, 'kiosk');
    expect(locked.visible).toEqual([]);
    expect(locked.notes).toHaveLength(3); // history controls, damaged-record delete, map building
    for (const note of locked.notes) expect(note).toContain('展示モードでは使えません');

    // ?kiosk=0: a normal game for this visit, the stored kiosk untouched.
    await page.goto(new URL('?kiosk=0&testSpeed=4', page.url()).toString());
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
    expect(await kiosk(page)).toBeUndefined();
    expect(await menuIds(page)).toContain('settings');
    expect(await storedSettings(page)).toMatchObject({ kiosk: true, kioskIdleSeconds: 60 });

    // Back to the stored kiosk; a visitor's short press on the corner does nothing.
    await page.goto(new URL('?testSpeed=4&seed=3', page.url()).toString());
    await kioskTitle(page);
    await holdCorner(page, 1000);
    await page.waitForTimeout(2500);
    expect(await page.$('[data-panel="kiosk-exit"]')).toBeNull();
    // Held 3 s: the confirmation, in Japanese (and English after the switch below). "Stay" keeps it.
    await holdCorner(page, 3300);
    await page.waitForSelector('[data-panel="kiosk-exit"]');
    expect(await page.textContent('[data-panel="kiosk-exit"]')).toContain('展示モードを終了しますか');
    await game.screenshot('kiosk-exit-dialog');
    await page.click('[data-testid="kiosk-stay"]');
    await page.waitForSelector('[data-panel="kiosk-exit"]', { state: 'detached' });
    expect(await storedSettings(page)).toMatchObject({ kiosk: true });
    // Held again and confirmed: the kiosk is off, stored, and the reloaded game is a normal one.
    await holdCorner(page, 3300);
    await page.waitForSelector('[data-testid="kiosk-leave"]');
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid="kiosk-leave"]')]);
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
    expect(await kiosk(page)).toBeUndefined();
    expect(await storedSettings(page)).toMatchObject({ kiosk: false });
    expect(await menuIds(page)).toContain('settings');
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  }, 400_000);
});
