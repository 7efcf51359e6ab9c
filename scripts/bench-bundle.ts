// `npm run bench:bundle`: how much JavaScript a player downloads before the title screen answers,
// checked against the first-load budget (exit 1 above it). Reads the production build in dist/
// (run `npm run build` first; CI does), two ways:
//  - static: the entry chunk and everything it imports statically (Vite's manifest), gzipped;
//  - in Chromium: the scripts the page actually fetched before the title set its
//    `utakaruta:title-interactive` performance mark, gzipped, and the time to that mark
//    (median of --runs page loads, each in a fresh browser context, so nothing is cached).
// Sizes are gzip level 6 (zlib's default, what a web server sends), in bytes; "KB" is 1,000.
//   npm run bench:bundle -- [--json] [--dist dist] [--runs 3] [--no-browser] [--budget 450000]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { servePreview } from './preview';
import { TITLE_INTERACTIVE_MARK } from '../src/game/marks';

export const FIRST_LOAD_BUDGET_BYTES = 450_000;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

function gzipSize(dist: string, file: string): FileSize {
  const data = readFileSync(join(dist, file));
  return { file, bytes: data.length, gzipBytes: gzipSync(data, { level: 6 }).length };
}

/** The entry's JavaScript and its static imports, transitively: what the page needs to start. */
export function staticFirstLoad(dist: string): FileSize[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry && key.endsWith('index.html'));
  if (!entry) throw new Error('the manifest has no index.html entry');
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entry);
  return [...seen].map((key) => gzipSize(dist, manifest[key]!.file));
}

interface BrowserRun {
  ttiMs: number;
  files: FileSize[];
}

async function browserFirstLoad(dist: string, runs: number): Promise<BrowserRun[]> {
  const server = await servePreview(dist, 'warn');
  const { url } = server;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--ignore-gpu-blocklist'],
  });
  try {
    const results: BrowserRun[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ja-JP' });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark).length > 0,
        TITLE_INTERACTIVE_MARK,
        {
          timeout: 120_000,
        },
      );
      const seen = await page.evaluate((mark) => {
        const at = performance.getEntriesByName(mark)[0]!.startTime;
        const scripts = performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
          .filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= at)
          .map((entry) => new URL(entry.name).pathname);
        const main = new URL(document.querySelector<HTMLScriptElement>('script[type="module"]')!.src)
          .pathname;
        return { at, scripts: [...new Set([main, ...scripts])] };
      }, TITLE_INTERACTIVE_MARK);
      results.push({
        ttiMs: seen.at,
        files: seen.scripts.map((path) => gzipSize(dist, path.replace(/^\//, ''))),
      });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}

const total = (files: readonly FileSize[]) => files.reduce((sum, f) => sum + f.gzipBytes, 0);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      dist: { type: 'string', default: 'dist' },
      runs: { type: 'string', default: '3' },
      'no-browser': { type: 'boolean', default: false },
      budget: { type: 'string', default: String(FIRST_LOAD_BUDGET_BYTES) },
    },
  });
  const dist = resolve(values.dist);
  const budget = Number(values.budget);
  if (!existsSync(join(dist, '.vite/manifest.json'))) {
    console.error(`No production build in ${dist}: run \`npm run build\` first.`);
    process.exit(2);
  }
  const staticFiles = staticFirstLoad(dist);
  const runs = values['no-browser']
    ? []
    : await browserFirstLoad(dist, Math.max(1, Number(values.runs) || 3));
  const browserBytes = runs.length ? Math.max(...runs.map((run) => total(run.files))) : undefined;
  const report = {
    budgetBytes: budget,
    static: { gzipBytes: total(staticFiles), files: staticFiles },
    ...(runs.length
      ? {
          browser: {
            gzipBytes: browserBytes,
            files: runs[0]!.files,
            ttiMs: {
              median: Math.round(median(runs.map((r) => r.ttiMs))),
              runs: runs.map((r) => Math.round(r.ttiMs)),
            },
          },
        }
      : {}),
    ok: total(staticFiles) <= budget && (browserBytes ?? 0) <= budget,
  };
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`First-load JavaScript (gzip), budget ${kb(budget)} (${budget} bytes)`);
    console.log(
      `  static imports of the entry: ${kb(report.static.gzipBytes)} (${report.static.gzipBytes} bytes)`,
    );
    for (const f of staticFiles)
      console.log(`    ${f.file.padEnd(44)} ${kb(f.gzipBytes).padStart(10)}  (${kb(f.bytes)} raw)`);
    if (report.browser) {
      console.log(`  fetched by Chromium before the title took input: ${kb(report.browser.gzipBytes!)}`);
      for (const f of report.browser.files)
        console.log(`    ${f.file.padEnd(44)} ${kb(f.gzipBytes).padStart(10)}`);
      console.log(
        `  time to interactive title: median ${report.browser.ttiMs.median} ms (runs ${report.browser.ttiMs.runs.join(', ')})`,
      );
    }
    console.log(report.ok ? 'within budget' : 'OVER BUDGET');
  }
  process.exit(report.ok ? 0 : 1);
}

await main();
