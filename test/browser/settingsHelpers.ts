// Shared by the settings and training browser tests: open the settings panel from the title menu.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function openSettingsFromTitle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 30_000 });
  const menu = await page.evaluate(() => (window.__utakaruta?.title as { menu: () => Box[] }).menu());
  const entry = menu.find((m) => m.id === 'settings');
  expect(entry).toBeDefined();
  await page.mouse.click(entry!.x + entry!.width / 2, entry!.y + entry!.height / 2);
  await page.waitForSelector('[data-panel="settings"]');
  await page.waitForFunction(() => window.__utakaruta?.settingsReady === true, null, { timeout: 30_000 });
}
