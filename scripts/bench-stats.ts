// `npm run bench:stats [-- --json] [-- --matches N] [-- --runs N]`: how fast the statistics screen
// renders from a large history, in the built game in headless Chromium (Debian's /usr/bin/chromium).
// N seeded synthetic competitive matches (default 1,000, ~100 readings each, made by the same
// buildRecord a real match goes through) are imported through the panel's own file import; then
// the panel is opened R times (default 15) and each time its own clock is read: from the menu
// click's open() to the first animation frame after the card table and the chart are drawn,
// IndexedDB read, validation of every record and aggregation included. The control is the same
// measure with an empty history. Target: median under 200 ms at 1,000 matches.
// With --json, stdout is one object: { matches, renderMs: { median, p95 }, control: {...}, ... }.
import { build, preview } from 'vite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { exportHistory } from '../src/game/storage/history';
import { simulateMatch } from '../src/game/stats/synthetic';

const json = process.argv.includes('--json');
const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const MATCHES = arg('--matches', 1000);
const RUNS = arg('--runs', 15);
const log = (...args: unknown[]): void => (json ? console.error(...args) : console.log(...args));

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}
const round = (x: number) => Math.round(x * 10) / 10;

async function openStats(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
  const entry = await page.evaluate(() =>
    (
      window.__utakaruta?.title as {
        menu: () => { id: string; x: number; y: number; width: number; height: number }[];
      }
    )
      .menu()
      .find((m) => m.id === 'stats'),
  );
  if (!entry) throw new Error('no stats entry in the title menu');
  await page.mouse.click(entry.x + entry.width / 2, entry.y + entry.height / 2);
  await page.waitForFunction(
    () => (window.__utakaruta?.stats as { ready?: boolean } | undefined)?.ready === true,
    null,
    {
      timeout: 120_000,
    },
  );
  return page.evaluate(() => (window.__utakaruta?.stats as { renderMs: number }).renderMs);
}

async function measure(page: Page, runs: number): Promise<{ median: number; p95: number; all: number[] }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(await openStats(page));
    await page.click('.stats-panel [data-testid=close]');
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), all: times.map(round) };
}

const outDir = mkdtempSync(join(tmpdir(), 'utakaruta-bench-stats-'));
try {
  log(`simulating ${MATCHES} matches…`);
  const records = Array.from({ length: MATCHES }, (_, i) =>
    simulateMatch(i + 1, { lateMorae: 1 + (i % 3) * 0.5, faultRate: 0.08, slowOn: [8, 44, 77] }),
  );
  const file = join(outDir, 'history.json');
  writeFileSync(file, exportHistory(records));
  log('building the game…');
  const site = join(outDir, 'site');
  await build({ logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: site },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${address.port}/`);
  const control = await measure(page, RUNS);
  log(`empty history: median ${control.median} ms, p95 ${control.p95} ms`);
  await openStats(page);
  await page.click('[data-tab=history]');
  await page.setInputFiles('[data-testid=import-file]', file);
  await page.waitForFunction(
    (n) => (window.__utakaruta?.stats as { matches?: number }).matches === n,
    MATCHES,
    {
      timeout: 300_000,
    },
  );
  await page.click('.stats-panel [data-testid=close]');
  const full = await measure(page, RUNS);
  log(`${MATCHES} matches: median ${full.median} ms, p95 ${full.p95} ms (runs: ${full.all.join(', ')})`);
  log(full.median < 200 ? 'OK: median under 200 ms' : 'FAIL: median 200 ms or more');
  if (json)
    console.log(
      JSON.stringify({
        matches: MATCHES,
        renderMs: { median: full.median, p95: full.p95 },
        control: { matches: 0, renderMs: { median: control.median, p95: control.p95 } },
        runs: RUNS,
        readings: records.reduce((n, r) => n + r.readings.length, 0),
      }),
    );
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
