// `npm run bench:training [-- --json] [-- --epochs N] [-- --backends wasm,cpu] [-- --no-honest-clock]`: drives the training panel of the built
// game in headless Chromium (Debian's /usr/bin/chromium) and measures, per tfjs backend, the
// worker's training speed on the 2023 talk's preset, and the main thread's frame time (from
// requestAnimationFrame) while training runs. The page must keep rendering: p95 < 50 ms.
//
// Then the honest clock of the shipped opponent's recipe ('strong', the deciding-prefix task):
// wall-clock in Chromium (wasm, on the eval page) from the start until its stop rule decided
// during the run, every evaluation included — the figure `eval:opponent` reports too. Skip it
// with --no-honest-clock.
//
// Steps/s is the worker's own count over the last epoch's optimizer steps (evaluation and the
// first epoch's shader compilation excluded). With --json, stdout is one JSON object:
// { stepsPerSec: { webgl, wasm, cpu }, frameMs: { median, p95 }, ... }.
import { build, preview } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildFlags } from '../vite.config';
import { startEvalServer } from './eval-opponent-server';

const json = process.argv.includes('--json');
const epochsAt = process.argv.indexOf('--epochs');
const EPOCHS = epochsAt >= 0 ? Number(process.argv[epochsAt + 1]) : 2;
const ALL_BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
type Backend = (typeof ALL_BACKENDS)[number];
const backendsAt = process.argv.indexOf('--backends');
const BACKENDS: readonly Backend[] =
  backendsAt >= 0
    ? ALL_BACKENDS.filter((b) => (process.argv[backendsAt + 1] ?? '').split(',').includes(b))
    : ALL_BACKENDS;
const log = (...args: unknown[]): void => {
  if (!json) console.log(...args);
  else console.error(...args);
};

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

const honestClock = !process.argv.includes('--no-honest-clock');

/** The shipped recipe trained in Chromium to its stop rule (eval page, wasm), seed 2023. */
async function honestClockInChromium(): Promise<{
  wallSeconds: number;
  stoppedByRule: boolean;
  epochs: number | null;
  backend: string;
}> {
  const server = await startEvalServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(server.url);
    await tab.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 120_000 });
    const run = await tab.evaluate(() => window.__evalOpponent!.measureTraining(2023, 'strong'));
    return {
      wallSeconds: run.wallSeconds,
      stoppedByRule: run.stoppedByRule,
      epochs: run.epochs,
      backend: run.backend,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

async function openTraining(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
  const menu = await page.evaluate(() =>
    (
      window.__utakaruta?.title as {
        menu: () => { id: string; x: number; y: number; width: number; height: number }[];
      }
    ).menu(),
  );
  const entry = menu.find((m) => m.id === 'settings');
  if (!entry) throw new Error('no settings entry in the title menu');
  await page.mouse.click(entry.x + entry.width / 2, entry.y + entry.height / 2);
  await page.waitForFunction(() => window.__utakaruta?.settingsReady === true, null, { timeout: 60_000 });
  await page.click('[data-tab=training]');
}

/** Starts collecting main-thread frame intervals; the returned function stops and returns them. */
async function recordFrames(page: Page): Promise<() => Promise<number[]>> {
  // Passed as source text: tsx adds helper calls (__name) to functions, which the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__framesOn = true;
    let last = performance.now();
    const tick = (now) => {
      if (!window.__framesOn) return;
      window.__frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  return () =>
    page.evaluate(`(() => { window.__framesOn = false; return window.__frames; })()`) as Promise<number[]>;
}

async function trainOn(
  page: Page,
  backend: Backend,
): Promise<{ stepsPerSec: number; used: string; seconds: number }> {
  await page.selectOption('select[name=preset]', 'talk');
  await page.selectOption('select[name=backend]', backend);
  await page.fill('input[name=epochs]', String(EPOCHS));
  await page.uncheck('[data-testid=autosave]');
  const started = Date.now();
  await page.click('[data-testid=start]');
  await page.waitForFunction(
    () => ['done', 'failed', 'cancelled'].includes(String(window.__utakaruta?.trainingState)),
    null,
    { timeout: 30 * 60_000, polling: 500 },
  );
  const state = await page.evaluate(() => window.__utakaruta?.trainingState);
  if (state !== 'done') throw new Error(`training on ${backend} ended ${String(state)}`);
  const progress = await page.evaluate(
    () => window.__utakaruta?.trainingProgress as { stepsPerSecond: number },
  );
  const used = String(await page.evaluate(() => window.__utakaruta?.trainingBackend));
  return { stepsPerSec: progress.stepsPerSecond, used, seconds: (Date.now() - started) / 1000 };
}

const outDir = mkdtempSync(join(tmpdir(), 'utakaruta-bench-'));
try {
  log('building the game…');
  // The test build: the benchmark drives the page through its test hooks.
  await build({ logLevel: 'warn', define: buildFlags(true), build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'none';
  });
  log(`WebGL renderer: ${renderer}`);
  await openTraining(page, url);

  // The same measure with the panel open and nothing training, for comparison.
  const stopIdle = await recordFrames(page);
  await page.waitForTimeout(5000);
  const idleSorted = (await stopIdle()).sort((a, b) => a - b);
  const idle = { median: round(percentile(idleSorted, 50)), p95: round(percentile(idleSorted, 95)) };
  log(`frame ms with the panel open and no training: median ${idle.median}, p95 ${idle.p95}`);

  const stepsPerSec: Record<Backend, number | null> = { webgl: null, wasm: null, cpu: null };
  const frames: number[] = [];
  const perBackend: Record<string, { median: number; p95: number; seconds: number; used: string }> = {};
  for (const backend of BACKENDS) {
    const stop = await recordFrames(page);
    const result = await trainOn(page, backend);
    const intervals = await stop();
    const sorted = intervals.slice().sort((a, b) => a - b);
    frames.push(...intervals);
    stepsPerSec[backend] = result.used === backend ? round(result.stepsPerSec) : null;
    perBackend[backend] = {
      median: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      seconds: round(result.seconds, 1),
      used: result.used,
    };
    log(
      `${backend}: ${round(result.stepsPerSec)} steps/s (ran on ${result.used}), ${round(result.seconds, 1)} s for ${EPOCHS} epochs; ` +
        `frame ms median ${perBackend[backend].median}, p95 ${perBackend[backend].p95}`,
    );
  }
  const clock = honestClock ? await honestClockInChromium() : null;
  if (clock)
    log(
      `honest clock, shipped recipe 'strong' in Chromium (${clock.backend}): ${round(clock.wallSeconds, 1)} s wall-clock ` +
        (clock.stoppedByRule
          ? `until its stop rule decided at epoch ${clock.epochs} (evaluation included)`
          : `for all ${clock.epochs} epochs: the stop rule never decided`),
    );
  const sorted = frames.sort((a, b) => a - b);
  const frameMs = { median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) };
  log(
    `main-thread frame time while training: median ${frameMs.median} ms, p95 ${frameMs.p95} ms (${sorted.length} frames)`,
  );
  log(frameMs.p95 < 50 ? 'OK: p95 frame time under 50 ms' : 'FAIL: p95 frame time is 50 ms or more');
  if (json) {
    console.log(
      JSON.stringify({
        stepsPerSec,
        frameMs,
        perBackend,
        idleFrameMs: idle,
        preset: 'talk',
        batchSize: 32,
        epochs: EPOCHS,
        renderer,
        frames: sorted.length,
        honestClock: clock && {
          recipe: 'strong',
          seed: 2023,
          chromiumWallSeconds: round(clock.wallSeconds, 1),
          stoppedByRule: clock.stoppedByRule,
          epochs: clock.epochs,
          backend: clock.backend,
        },
      }),
    );
  }
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
