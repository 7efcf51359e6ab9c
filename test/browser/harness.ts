// Drives Debian's Chromium with playwright-core. Every page opened here records console errors,
// page errors and any request that leaves localhost, so each test can assert there were none.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-artifacts/screenshots';

// No --disable-gpu and no --use-gl=swiftshader: either turns WebGL off. The background-networking
// flags stop Chromium's own calls home, which this closed network refuses.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export interface GamePage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  /** URLs of requests that went anywhere but this machine. */
  outsideRequests: string[];
  screenshot(name: string): Promise<string>;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function openGame(
  browser: Browser,
  options: {
    path?: string;
    width?: number;
    height?: number;
    hasTouch?: boolean;
    /** The offline copy's service worker; off by default, so one test's cache never feeds another. */
    serviceWorkers?: 'allow' | 'block';
  } = {},
): Promise<GamePage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    hasTouch: options.hasTouch ?? false,
    locale: 'ja-JP',
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const outsideRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => {
    const url = new URL(req.url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (!local && !['data:', 'blob:'].includes(url.protocol)) outsideRequests.push(req.url());
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.goto(new URL(options.path ?? '', baseUrl()).toString());
  return {
    page,
    context,
    errors,
    outsideRequests,
    async screenshot(name: string) {
      const path = `${SCREENSHOT_DIR}/${name}.png`;
      await page.screenshot({ path });
      return path;
    },
  };
}

/** A box in page coordinates, as the test hooks report drawn objects. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function clickBox(page: Page, box: Box): Promise<void> {
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The title menu's entry `id` (its page box), once the title is up. */
export async function menuEntry(page: Page, id: string, timeout = 60_000): Promise<Box & { id: string }> {
  await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout });
  const entry = await page.evaluate(
    (wanted) =>
      (window.__utakaruta?.title as { menu: () => (Box & { id: string })[] } | undefined)
        ?.menu()
        .find((m) => m.id === wanted),
    id,
  );
  if (!entry) throw new Error(`the title menu has no entry ${id}`);
  return entry;
}

/** Clicks the title menu's entry `id` and waits for the DOM panel it opens (`panel`, by default its own). */
export async function openFromMenu(
  page: Page,
  id: string,
  { panel = id, timeout = 60_000 }: { panel?: string; timeout?: number } = {},
): Promise<void> {
  await clickBox(page, await menuEntry(page, id, timeout));
  await page.waitForSelector(`[data-panel="${panel}"]`, { timeout });
}

/** Clicks the title's language button for `lang` (the language of this visit). */
export async function clickTitleLanguage(page: Page, lang: 'ja' | 'en'): Promise<void> {
  await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
  const button = await page.evaluate(
    (wanted) =>
      (window.__utakaruta?.title as { lang: () => (Box & { lang: string })[] } | undefined)
        ?.lang()
        .find((b) => b.lang === wanted),
    lang,
  );
  if (!button) throw new Error(`the title has no ${lang} button`);
  await clickBox(page, button);
}
