// What the tongue-twister browser tests share: opening the lab from the title and waiting for its
// speakers, and moving the pressure knob as a player's drag does.
import type { Page } from 'playwright-core';
import { clickBox, menuEntry } from './harness';

/** Opens the tongue-twister lab from the title menu and waits until its speakers are loaded. */
export async function openSpeech(page: Page, timeout = 90_000): Promise<void> {
  await clickBox(page, await menuEntry(page, 'speech'));
  await page.waitForFunction(
    () => (window.__utakaruta?.speech as { ready?: boolean } | undefined)?.ready === true,
    null,
    { timeout },
  );
}

/** Sets the pressure knob (0–100) and fires the events a drag fires. */
export async function setPressure(page: Page, value: number): Promise<void> {
  await page.evaluate((v) => {
    const input = document.querySelector<HTMLInputElement>('.speech-panel input[name="pressure"]');
    if (!input) throw new Error('no pressure slider');
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}
