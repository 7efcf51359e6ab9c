// `npm run bench:pwa`: the offline copy's size and how long a first visit takes to make it.
// Builds the player's game into a temporary folder, serves it with `vite preview`, then:
//  - precache: the files the service worker lists (its injected manifest), split into the
//    core tier (installed before the worker activates) and the media tier (filled by the page
//    in the background), with their bytes on disk;
//  - first visit, in Chromium, median of --runs fresh contexts (nothing cached): time from
//    navigation to the title being interactive, to the worker active (core cached: a match can
//    start offline), and to the media tier complete (everything offline);
//  - control: the same first visit with service workers blocked (the game before this copy),
//    time to the interactive title, so the worker's cost to the first load shows beside it.
//   npm run bench:pwa -- [--runs 5] [--json]
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { servePreview } from './preview';
import { TITLE_INTERACTIVE_MARK } from '../src/game/marks';
import { MEDIA_CACHE, tierOf, type Tier } from '../src/pwa/tiers';
import { median } from './audio/metrics';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs));

/** The URLs in the built worker's precache manifest. */
function precacheUrls(dist: string): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{(?:"?revision"?:[^,}]*,)?"?url"?:"([^"]+)"/g)].map((m) => m[1]!);
}

interface Visit {
  titleMs: number;
  coreMs: number | null;
  mediaMs: number | null;
}

async function main(): Promise<void> {
  const dist = mkdtempSync(join(tmpdir(), 'utakaruta-pwa-'));
  try {
    await build({ logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
    const urls = precacheUrls(dist);
    const tiers: Record<Tier, { files: number; bytes: number }> = {
      core: { files: 0, bytes: 0 },
      media: { files: 0, bytes: 0 },
    };
    for (const url of urls) {
      const tier = tiers[tierOf(url)];
      tier.files++;
      tier.bytes += statSync(join(dist, url)).size;
    }
    const server = await servePreview(dist, 'error');
    const { url } = server;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
    });
    const visit = async (serviceWorkers: 'allow' | 'block'): Promise<Visit> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark).length > 0,
        TITLE_INTERACTIVE_MARK,
        {
          timeout: 120_000,
        },
      );
      const titleMs = await page.evaluate(
        (mark) => performance.getEntriesByName(mark)[0]!.startTime,
        TITLE_INTERACTIVE_MARK,
      );
      let coreMs: number | null = null;
      let mediaMs: number | null = null;
      if (serviceWorkers === 'allow') {
        coreMs = await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
          return performance.now();
        });
        mediaMs = await page.evaluate(
          async ([name, count]) => {
            for (;;) {
              const keys = await (await caches.open(name)).keys();
              if (keys.length >= count) return performance.now();
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
          },
          [MEDIA_CACHE, tiers.media.files] as const,
        );
      }
      await context.close();
      return { titleMs, coreMs, mediaMs };
    };
    const withCopy: Visit[] = [];
    const control: Visit[] = [];
    for (let i = 0; i < runs; i++) {
      control.push(await visit('block'));
      withCopy.push(await visit('allow'));
    }
    await browser.close();
    await server.close();
    const ms = (xs: (number | null)[]) => Math.round(median(xs.filter((x): x is number => x !== null)));
    const report = {
      precache: {
        core: tiers.core,
        media: tiers.media,
        total: { files: urls.length, bytes: tiers.core.bytes + tiers.media.bytes },
      },
      firstVisit: {
        runs,
        titleMs: ms(withCopy.map((v) => v.titleMs)),
        coreInstalledMs: ms(withCopy.map((v) => v.coreMs)),
        mediaFilledMs: ms(withCopy.map((v) => v.mediaMs)),
        runsMediaFilledMs: withCopy.map((v) => Math.round(v.mediaMs ?? NaN)),
      },
      control: { serviceWorkers: 'block', titleMs: ms(control.map((v) => v.titleMs)) },
    };
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
    console.log('precache (files, bytes on disk):');
    console.log(
      `  core  ${report.precache.core.files} files, ${mb(report.precache.core.bytes)} (installed before the worker activates)`,
    );
    console.log(
      `  media ${report.precache.media.files} files, ${mb(report.precache.media.bytes)} (filled in the background)`,
    );
    console.log(`  total ${report.precache.total.files} files, ${mb(report.precache.total.bytes)}`);
    console.log(`first visit, median of ${runs} fresh contexts (ms from navigation):`);
    console.log(
      `  title interactive   ${report.firstVisit.titleMs}   (control, no service worker: ${report.control.titleMs})`,
    );
    console.log(`  core installed      ${report.firstVisit.coreInstalledMs}   (a match can start offline)`);
    console.log(
      `  media filled        ${report.firstVisit.mediaFilledMs}   (everything offline; runs ${report.firstVisit.runsMediaFilledMs.join(', ')})`,
    );
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

await main();
