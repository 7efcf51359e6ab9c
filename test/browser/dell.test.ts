// The lexical-access lab in the built game: opened from the title menu, it opens on the normal
// weights' result and re-runs it on every change, measures its speed, replays errors on the
// network (explaining a rescored one), shows the 23 patients' fits, validates and fits the
// visitor's own data, makes a map in a worker, and lays out at every screen size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openFromMenu, openGame, type GamePage } from './harness';

interface LabHooks {
  lastRun?: {
    trials: number;
    ms: number;
    seed: number;
    params: Record<string, unknown>;
    proportions: Record<string, number>;
  };
  runs: number;
  speed?: { trials: number; ms: number; trialsPerSec: number };
}
interface TrialHook {
  selected: string;
  said: string;
  category: string;
  rescored: boolean;
}
interface FitHooks {
  mapStatus: string;
  mapProgress: number;
  patients: { id: string; s: number; p: number; rmsd: number }[];
  userFit?: { s: number; p: number; rmsd: number; poor: boolean };
  userError?: string;
  damagedMap?: string;
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
  const before = (await lab(page))?.lastRun?.seed ?? 0;
  await page.click('[data-testid="dell-run"]');
  // The button draws a fresh seed; changes re-run with seed 1. Wait for the button's own run.
  await page.waitForFunction((prev) => {
    const run = (window.__utakaruta?.dell as LabHooks | undefined)?.lastRun;
    return run !== undefined && run.seed > Math.max(prev, 1);
  }, before);
  return (await lab(page))!.lastRun!.proportions;
}

async function fitUser(page: Page, mode: 'counts' | 'proportions', values: string[]): Promise<FitHooks> {
  await page.check(`input[name="dell-mode"][value="${mode}"]`);
  const categories = ['correct', 'semantic', 'formal', 'nonword', 'mixed', 'unrelated', 'other'];
  for (const [i, c] of categories.entries())
    await page.fill(`[data-testid="dell-user-${c}"]`, values[i] ?? '');
  await page.click('[data-testid="dell-fit-user"]');
  return (await fit(page))!;
}

const trial = (page: Page) => page.evaluate(() => window.__utakaruta?.dellTrial as TrialHook | undefined);

/** Waits until the chart shows a run made with `params` (the worker answers asynchronously). */
async function chartShows(page: Page, params: Record<string, number | string | null>): Promise<LabHooks> {
  await page.waitForFunction((want) => {
    const run = (window.__utakaruta?.dell as LabHooks | undefined)?.lastRun;
    return run !== undefined && Object.entries(want).every(([k, v]) => run.params[k] === v);
  }, params);
  return (await lab(page))!;
}

async function openLab(page: Page): Promise<void> {
  await openFromMenu(page, 'dell');
}

/**
 * Texts in the panel that the layout breaks one character per line (「正/確」): every visible
 * text node of two or more characters whose characters all sit on different lines.
 */
async function oneCharacterLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-panel="dell"]');
    if (!panel) throw new Error('no lab');
    const broken: string[] = [];
    const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const lines = new Map<number, number>();
      let offset = 0;
      for (const ch of text) {
        range.setStart(node, offset);
        range.setEnd(node, offset + ch.length);
        offset += ch.length;
        if (!ch.trim()) continue;
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue; // hidden, or inside a <select>
        const top = Math.round(rect.top);
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
      if (lines.size >= 2 && Math.max(...lines.values()) === 1) broken.push(text.trim());
    }
    return broken;
  });
}

describe('the lexical-access lab', () => {
  let browser: Browser;
  let game: GamePage;
  beforeAll(async () => {
    browser = await launchBrowser();
    game = await openGame(browser, { width: 1280, height: 900 });
    const { page } = game;
    await openLab(page);
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

  it('opens on the normal weights’ result, labelled with the parameters it was run with', async () => {
    const { page } = game;
    const hooks = await chartShows(page, { s: 0.0698, p: 0.1, q: 0.6, sd2: 0.16 });
    expect(hooks.lastRun!.trials).toBe(1000);
    expect(hooks.lastRun!.proportions.correct).toBeGreaterThan(0.93);
    expect(await page.locator('[data-testid="dell-chart"] rect[data-series="0"]').count()).toBe(6);
    expect(await page.locator('[data-testid="dell-chart"] rect[data-series="1"]').count()).toBe(6);
    const label = await page.textContent('[data-testid="dell-chart-params"]');
    expect(label).toMatch(/s = 0\.0698/);
    expect(label).toMatch(/p = 0\.1000/);
    expect(label).toMatch(/q = 0\.60/);
    expect(label).toMatch(/SD2 = 0\.16/);
    expect(label).toMatch(/1,000/);
  });

  it('re-runs the chart on every slider change and on “normal values”, the last setting winning', async () => {
    const { page } = game;
    const opening = (await lab(page))!.lastRun!;
    await setRange(page, 'dell-p', 0.01);
    const lowP = (await chartShows(page, { p: 0.01 })).lastRun!;
    expect(lowP.seed).toBe(opening.seed); // same seed: the difference is the setting's alone
    expect(lowP.proportions.nonword).toBeGreaterThan(opening.proportions.nonword! + 0.01);
    await expect.poll(() => page.textContent('[data-testid="dell-chart-params"]')).toMatch(/p = 0\.0100/);
    // A dragged slider: 25 input events in a row. The chart ends on the last one.
    const runsBefore = (await lab(page))!.runs;
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="dell-s"]')!;
      for (let k = 1; k <= 25; k++) {
        input.value = String(0.002 * k);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await chartShows(page, { s: 0.05 });
    expect((await lab(page))!.runs - runsBefore).toBeLessThan(25);
    await page.click('text=健常の値に戻す');
    const back = (await chartShows(page, { s: 0.0698, p: 0.1 })).lastRun!;
    expect(back.proportions).toEqual(opening.proportions);
    await expect.poll(() => page.textContent('[data-testid="dell-chart-params"]')).toMatch(/s = 0\.0698/);
  });

  it('explains every rescored nonword it replays and never shows /kæt/ as a nonword', async () => {
    const { page } = game;
    await page.click('text=健常の値に戻す');
    await chartShows(page, { s: 0.0698, p: 0.1 });
    await page.selectOption('[data-testid="dell-error-kind"]', 'nonword');
    let rescored = 0;
    for (let find = 0; find < 20; find++) {
      await page.click('[data-testid="dell-find-error"]');
      await setRange(page, 'dell-step', 17);
      const shown = (await trial(page))!;
      expect(shown.category).toBe('nonword');
      expect(shown.said).not.toBe('kæt');
      const caption = (await page.textContent('[data-testid="dell-caption"]'))!;
      expect(caption).toContain(`/${shown.said}/`);
      expect(caption).toMatch(/非語/);
      if (shown.rescored) {
        rescored++;
        expect(await page.isVisible('[data-testid="dell-verdict"]')).toBe(true);
        expect(await page.textContent('[data-testid="dell-verdict"]')).toMatch(/非語の機会の補正.*30 %/);
      }
    }
    // At the normal weights nearly every nonword is a rescored word slip: the case to explain.
    expect(rescored).toBeGreaterThan(5);
    await page.locator('[data-testid="dell-trial"]').scrollIntoViewIfNeeded();
    await game.screenshot('dell-rescored-nonword');
    await page.selectOption('[data-testid="dell-error-kind"]', 'semantic');
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

  it('reads full-width digits, thousands separators and an “other” column; refuses 1e308', async () => {
    const { page } = game;
    const plain = (await fitUser(page, 'counts', ['120', '1000', '1000', '20', '6', '7'])).userFit!;
    const typed = await fitUser(page, 'counts', ['１２０', '1,000', '1，000', '２０', '6', '7']);
    expect(typed.userError).toBeUndefined();
    expect(typed.userFit).toEqual(plain);
    // G.B.'s published row (Dell et al. 1997), "other" .32 included: fitted like the lab's own fit.
    const gb = (await fit(page))!.patients.find((x) => x.id === 'G.B.')!;
    const row = await fitUser(page, 'proportions', ['0.39', '0.07', '0.09', '0.08', '0.01', '0.03', '0.32']);
    expect(row.userError).toBeUndefined();
    expect({ s: row.userFit!.s, p: row.userFit!.p }).toEqual({ s: gb.s, p: gb.p });
    expect(await page.textContent('[data-testid="dell-user-fit"]')).toMatch(/その他.*32\.\d %/);
    const absurd = await fitUser(page, 'counts', ['1e308', '1', '0', '0', '0', '0', '']);
    expect(absurd.userError).toBe('too-large');
    expect(await page.textContent('[data-testid="dell-user-error"]')).toContain('「1e308」');
    expect(await page.textContent('[data-testid="dell-user-fit"]')).toBe('');
  });

  it('warns when no setting of s and p can produce the profile', async () => {
    const { page } = game;
    const allSemantic = await fitUser(page, 'counts', ['10', '90', '0', '0', '0', '0', '']);
    expect(allSemantic.userFit!.poor).toBe(true);
    await expect.poll(() => page.isVisible('[data-testid="dell-user-warning"]')).toBe(true);
    expect(await page.textContent('[data-testid="dell-user-warning"]')).toMatch(/RMSD 0\.\d{3}.*意味性/);
    await page.locator('[data-testid="dell-user"]').scrollIntoViewIfNeeded();
    await game.screenshot('dell-fit-warning');
    const ordinary = await fitUser(page, 'counts', ['120', '12', '10', '20', '6', '7', '']);
    expect(ordinary.userFit!.poor).toBe(false);
    expect(await page.isVisible('[data-testid="dell-user-warning"]')).toBe(false);
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
      // Damage the saved map in IndexedDB, as a broken profile might: it is reported and removed.
      await setRange(page, 'dell-q', 0.6);
      await expect.poll(() => page.textContent('[data-testid="dell-map-status"]')).toMatch(/2,601/);
      await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('utakaruta-dell');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        await new Promise<void>((resolve, reject) => {
          const store = db.transaction('maps', 'readwrite').objectStore('maps');
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return resolve();
            const value = at.value as { counts: unknown[] };
            value.counts[0] = 'NaN';
            at.update(value);
            at.continue();
          };
          cursor.onerror = () => reject(cursor.error);
        });
        db.close();
      });
      await setRange(page, 'dell-q', 0.55);
      await expect.poll(() => (async () => (await fit(page))!.damagedMap)()).toMatch(/count 0/);
      expect(await page.textContent('[data-testid="dell-map-status"]')).toMatch(/壊れて/);
      expect(await page.isEnabled('[data-testid="dell-make-map"]')).toBe(true);
    },
  );

  it('speaks English after a language switch and goes back to the title', async () => {
    const { page } = game;
    await page.click('.dell-lang');
    await expect.poll(() => page.textContent('.dell-header h1')).toMatch(/Lexical-access lab/);
    expect(await page.textContent('[data-testid="dell-speed"]')).toBe('Speed test');
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
    // The end of the trial reads as English: words by name, sounds respelled.
    await setRange(page, 'dell-step', 17);
    const shown = (await trial(page))!;
    const caption = (await page.textContent('[data-testid="dell-caption"]'))!;
    expect(caption).toMatch(/Said \/[^/]+\/ \(“[a-z]+”(, not a word)?\) → [A-Z]/);
    if (shown.said === 'dɒg') expect(caption).toContain('(“dog”)');
    expect(await page.textContent('[data-testid="dell-trial"] svg')).toMatch(/the a of “cat”/);
    await game.screenshot('dell-english-verdict');
    await page.click('[data-panel="dell"] [data-testid="close"]');
    await expect.poll(() => page.locator('[data-panel="dell"]').count()).toBe(0);
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
  });
});

describe('the lexical-access lab on other screens', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each([
    [1280, 720],
    [1024, 768],
  ])(
    'shows the chart’s result and the whole trial viewer without scrolling at %i×%i',
    async (width, height) => {
      const game = await openGame(browser, { width, height });
      try {
        const { page } = game;
        await openLab(page);
        await chartShows(page, { s: 0.0698, p: 0.1 });
        const viewer = (await page.locator('[data-testid="dell-trial"]').boundingBox())!;
        expect(viewer.y).toBeGreaterThanOrEqual(0);
        expect(viewer.y + viewer.height).toBeLessThanOrEqual(height);
        expect(viewer.width).toBeGreaterThan(400);
        const chart = (await page.locator('[data-testid="dell-chart"]').boundingBox())!;
        expect(chart.y).toBeLessThan(height - 100); // the bars start above the fold
        expect(await page.evaluate(() => document.querySelector('[data-panel="dell"]')!.scrollTop)).toBe(0);
        await game.screenshot(`dell-open-${width}x${height}`);
        expect(game.errors).toEqual([]);
      } finally {
        await game.context.close();
      }
    },
  );

  it.each([
    [768, 1024, 'ja'],
    [768, 1024, 'en'],
    [1024, 768, 'ja'],
    [1024, 768, 'en'],
    [1920, 1080, 'ja'],
    [1920, 1080, 'en'],
  ] as const)('wraps no label one character per line at %i×%i (%s)', async (width, height, lang) => {
    const game = await openGame(browser, { width, height });
    try {
      const { page } = game;
      await openLab(page);
      await chartShows(page, { s: 0.0698 });
      if (lang === 'en') await page.click('.dell-lang');
      await page.waitForFunction(
        () => (window.__utakaruta?.dellFit as FitHooks | undefined)?.mapStatus === 'ready',
      );
      // Fill every part of the lab: a trial at its verdict, a fitted data set, a warning.
      await page.click('[data-testid="dell-play-trial"]');
      await setRange(page, 'dell-step', 17);
      await fitUser(page, 'counts', ['10', '90', '0', '0', '0', '0', '5']);
      expect(await oneCharacterLines(page)).toEqual([]);
      // The panel covers the whole window: nothing of the title beside it to see or to click.
      expect(await page.locator('[data-panel="dell"]').boundingBox()).toEqual({ x: 0, y: 0, width, height });
      await page.evaluate(() => document.querySelector('[data-panel="dell"]')!.scrollTo(0, 0));
      await game.screenshot(`dell-${width}x${height}-${lang}-top`);
      await page.locator('[data-testid="dell-patients"]').scrollIntoViewIfNeeded();
      await game.screenshot(`dell-${width}x${height}-${lang}-patients`);
      await page.locator('[data-testid="dell-user"]').scrollIntoViewIfNeeded();
      await game.screenshot(`dell-${width}x${height}-${lang}-fit`);
      expect(game.errors).toEqual([]);
    } finally {
      await game.context.close();
    }
  });
});
