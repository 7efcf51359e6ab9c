// The lexical-access lab in the built game: opened from the title menu, it names the picture
// 1,000 times, measures its speed, replays a semantic error on the network, shows the 23
// patients' fits, validates and fits the visitor's own data, and makes a map in a worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, type GamePage } from './harness';

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
interface LabHooks {
  lastRun?: { trials: number; ms: number; proportions: Record<string, number> };
  speed?: { trials: number; ms: number; trialsPerSec: number };
}
interface FitHooks {
  mapStatus: string;
  mapProgress: number;
  patients: { id: string; s: number; p: number; rmsd: number }[];
  userFit?: { s: number; p: number; rmsd: number };
  userError?: string;
}

const lab = (page: Page) => page.evaluate(() => window.__utakaruta?.dell as LabHooks | undefined);
const fit = (page: Page) => page.evaluate(() => window.__utakaruta?.dellFit as FitHooks | undefined);

async function setRange(page: Page, testId: string, value: number): Promise<void> {
  await page.evaluate(
    ([id, v]) => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
      if (!input) throw new Error(`no ${id}`);
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [testId, value] as const,
  );
}

async function runOnce(page: Page): Promise<Record<string, number>> {
  const before = (await lab(page))?.lastRun;
  await page.click('[data-testid="dell-run"]');
  await page.waitForFunction((prev) => {
    const run = (window.__utakaruta?.dell as LabHooks | undefined)?.lastRun;
    return run !== undefined && run !== prev;
  }, before);
  return (await lab(page))!.lastRun!.proportions;
}

async function fitUser(page: Page, mode: 'counts' | 'proportions', values: string[]): Promise<FitHooks> {
  await page.check(`input[name="dell-mode"][value="${mode}"]`);
  const categories = ['correct', 'semantic', 'formal', 'nonword', 'mixed', 'unrelated'];
  for (const [i, c] of categories.entries())
    await page.fill(`[data-testid="dell-user-${c}"]`, values[i] ?? '');
  await page.click('[data-testid="dell-fit-user"]');
  return (await fit(page))!;
}

describe('the lexical-access lab', () => {
  let browser: Browser;
  let game: GamePage;
  beforeAll(async () => {
    browser = await launchBrowser();
    game = await openGame(browser, { width: 1280, height: 900 });
    const { page } = game;
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
    const menu = await page.evaluate(() => (window.__utakaruta?.title as { menu: () => Box[] }).menu());
    const entry = menu.find((m) => m.id === 'dell');
    expect(entry).toBeDefined();
    await page.mouse.click(entry!.x + entry!.width / 2, entry!.y + entry!.height / 2);
    await page.waitForSelector('[data-panel="dell"]');
    await page
      .waitForFunction(() => (window.__utakaruta?.dellFit as FitHooks | undefined)?.mapStatus === 'ready')
      .catch(async (error: unknown) => {
        console.log('DEBUG', game.errors, await fit(page));
        throw error;
      });
  });
  afterAll(async () => {
    await game.context.close();
    await browser.close();
  });

  it('names the picture 1,000 times at the normal weights about as well as the controls', async () => {
    const { page } = game;
    const normal = await runOnce(page);
    expect(normal.correct).toBeGreaterThan(0.93);
    expect(Object.values(normal).reduce((a, b) => a + b)).toBeCloseTo(1, 9);
    expect(await page.locator('[data-testid="dell-chart"] rect[data-series="0"]').count()).toBe(6);
    expect(await page.locator('[data-testid="dell-chart"] rect[data-series="1"]').count()).toBe(6);
    await game.screenshot('dell-normal');
  });

  it('times 10,000 trials in Chromium and shows the rate', async () => {
    const { page } = game;
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.evaluate(() => {
        delete (window.__utakaruta?.dell as LabHooks).speed;
      });
      await page.click('[data-testid="dell-speed"]');
      await page.waitForFunction(
        () => (window.__utakaruta?.dell as LabHooks | undefined)?.speed !== undefined,
      );
      const speed = (await lab(page))!.speed!;
      expect(speed.trialsPerSec).toBeCloseTo(10_000 / (speed.ms / 1000), 6);
      times.push(speed.ms);
    }
    const median = times.sort((a, b) => a - b)[1]!;
    console.log(
      `Chromium: 10,000 trials in ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${median.toFixed(0)} ms = ${Math.round(10_000 / (median / 1000))} trials/s`,
    );
    // The speed target (10,000 trials well under a second) lives in `npm run bench:dell`: a timed
    // test on a shared machine measures its load, not the model.
    await expect.poll(() => page.textContent('[data-testid="dell-run-line"]')).toMatch(/10,000/);
  });

  it('makes more semantic and mixed errors when s is lowered', async () => {
    const { page } = game;
    await setRange(page, 'dell-s', 0.01);
    const lesioned = await runOnce(page);
    expect(lesioned.semantic! + lesioned.mixed!).toBeGreaterThan(0.04);
    expect(lesioned.correct).toBeLessThan(0.85);
    await game.screenshot('dell-low-s');
  });

  it('finds a semantic error and replays it step by step on the network', async () => {
    const { page } = game;
    await setRange(page, 'dell-s', 0.03);
    await page.selectOption('[data-testid="dell-error-kind"]', 'semantic');
    await page.click('[data-testid="dell-find-error"]');
    await page.locator('[data-testid="dell-trial"]').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.textContent('[data-testid="dell-caption"]'), { timeout: 20_000 })
      .toMatch(/DOG/);
    // The step slider ends at the last of 18 frames; jump there and read the verdict.
    await setRange(page, 'dell-step', 17);
    await expect.poll(() => page.textContent('[data-testid="dell-caption"]')).toMatch(/\/dɒg\//);
    await setRange(page, 'dell-step', 9);
    const chosen = await page.locator('[data-testid="dell-trial"] circle.dell-chosen').count();
    expect(chosen).toBe(1);
    await game.screenshot('dell-network');
  });

  it('lists the 23 patients with fitted s, p and RMSD, and shows one beside its fit', async () => {
    const { page } = game;
    const hooks = (await fit(page))!;
    expect(hooks.patients).toHaveLength(23);
    const mean = hooks.patients.reduce((sum, x) => sum + x.rmsd, 0) / 23;
    expect(mean).toBeLessThan(0.03);
    await page.click('[data-patient="J.F."]');
    await page.locator('[data-testid="dell-patient-chart"]').scrollIntoViewIfNeeded();
    await expect.poll(() => page.textContent('[data-testid="dell-patient-fit"]')).toMatch(/s = 0\.0\d+/);
    expect(await page.locator('[data-testid="dell-patient-chart"] rect[data-series="1"]').count()).toBe(6);
    const landscape = await page.locator('[data-testid="dell-rmsd-map"]').boundingBox();
    expect(landscape?.width).toBeGreaterThan(150);
    await game.screenshot('dell-patients');
  });

  it('refuses bad data with a clear message and fits good data', async () => {
    const { page } = game;
    expect((await fitUser(page, 'counts', ['-3', '1', '0', '0', '0', '0'])).userError).toBe('negative');
    await expect.poll(() => page.isVisible('[data-testid="dell-user-error"]')).toBe(true);
    expect((await fitUser(page, 'counts', ['0', '0', '0', '0', '0', '0'])).userError).toBe('all-zero');
    expect((await fitUser(page, 'proportions', ['0.5', '0.1', '0', '0', '0', '0'])).userError).toBe(
      'sum-not-one',
    );
    expect(await page.textContent('[data-testid="dell-user-error"]')).toMatch(/0\.600/);
    const good = await fitUser(page, 'counts', ['120', '12', '10', '20', '6', '7']);
    expect(good.userError).toBeUndefined();
    expect(good.userFit!.rmsd).toBeLessThan(0.05);
    expect(good.userFit!.s).toBeLessThan(0.06);
    expect(await page.isVisible('[data-testid="dell-user-error"]')).toBe(false);
    await page.locator('[data-testid="dell-user"]').scrollIntoViewIfNeeded();
    await game.screenshot('dell-fit-mine');
  });

  it('makes a map for other settings in a worker, with progress, while the page stays responsive', async () => {
    const { page } = game;
    await setRange(page, 'dell-q', 0.5);
    await page.click('[data-testid="dell-make-map"]');
    await page.waitForFunction(() => {
      const hooks = window.__utakaruta?.dellFit as FitHooks | undefined;
      return hooks !== undefined && hooks.mapProgress > 0.03;
    });
    // The page still answers clicks while the worker builds: a trial plays on the main thread.
    await page.click('[data-testid="dell-play-trial"]');
    await expect.poll(() => page.textContent('[data-testid="dell-trial-note"]')).not.toMatch(/回目/);
    expect((await fit(page))!.mapProgress).toBeLessThan(1);
    expect(await page.isVisible('[data-testid="dell-map-progress"]')).toBe(true);
    expect(await page.textContent('[data-testid="dell-map-status"]')).toMatch(/\d+\/676/);
    await page.click('text=中止');
    await expect.poll(() => page.isVisible('[data-testid="dell-map-progress"]')).toBe(false);
  });

  it(
    'makes a whole map once and finds it in IndexedDB when the settings come back',
    { timeout: 420_000 },
    async () => {
      const { page } = game;
      await setRange(page, 'dell-q', 0.55);
      await page.click('[data-testid="dell-make-map"]');
      const started = Date.now();
      await page.waitForFunction(
        () => {
          const hooks = window.__utakaruta?.dellFit as FitHooks | undefined;
          return hooks?.mapStatus === 'ready' && hooks.mapProgress === 1;
        },
        null,
        { timeout: 400_000, polling: 1000 },
      );
      console.log(
        `Chromium worker: 676 points × 1,000 trials in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      await expect.poll(() => page.textContent('[data-testid="dell-map-status"]')).toMatch(/676|保存/);
      const made = (await fit(page))!.patients;
      expect(made).toHaveLength(23);
      // Back to the shipped map's settings, then to q = 0.55 again: the saved map comes back.
      await setRange(page, 'dell-q', 0.6);
      await expect.poll(() => page.textContent('[data-testid="dell-map-status"]')).toMatch(/2,601/);
      await setRange(page, 'dell-q', 0.55);
      await expect.poll(() => page.textContent('[data-testid="dell-map-status"]')).toMatch(/676/);
      expect(await page.isVisible('[data-testid="dell-map-progress"]')).toBe(false);
      expect((await fit(page))!.patients).toEqual(made);
    },
  );

  it('speaks English after a language switch and goes back to the title', async () => {
    const { page } = game;
    await page.click('.dell-lang');
    await expect.poll(() => page.textContent('.dell-header h1')).toMatch(/Lexical-access lab/);
    await page.setViewportSize({ width: 1280, height: 1240 });
    await setRange(page, 'dell-s', 0.02);
    await setRange(page, 'dell-q', 0.6);
    await runOnce(page);
    await page.click('[data-testid="dell-find-error"]');
    await setRange(page, 'dell-step', 8);
    await page.locator('.dell-header').scrollIntoViewIfNeeded();
    expect(await page.textContent('[data-testid="dell-caption"]')).toMatch(
      /spreads from meaning to words \(8\/8\)/,
    );
    await game.screenshot('dell-english');
    await page.click('[data-panel="dell"] [data-testid="close"]');
    await expect.poll(() => page.locator('[data-panel="dell"]').count()).toBe(0);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
  });
});
