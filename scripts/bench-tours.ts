// `npm run bench:tours`: how long one pass of each guided tour takes at normal speed (the target
// is under a minute), in headless Chromium against a build with the test hooks compiled in (the
// tour publishes its step there). Each lab opens with ?tour=<id>, so the tour starts by itself;
// a pass is timed from its first caption to the first caption of the next pass, with each step's
// share (a step lasts its caption's hold time or its action, whichever is longer).
//   npm run bench:tours -- [speech dell …] [--passes 2] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { buildFlags } from '../vite.config';
import { servePreview } from './preview';

interface TourHooks {
  count: number;
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { passes: { type: 'string', default: '2' }, json: { type: 'boolean', default: false } },
});
const labs = positionals.length > 0 ? positionals : ['speech', 'dell'];
const passes = Math.max(1, Number(values.passes));

/**
 * Watches the tour in the page and resolves, once `count` passes have ended, with each pass's ms
 * (first caption to the next pass's first caption) and each step's ms. A string, so that tsx's
 * name helpers stay out of the page.
 */
const WATCH_PASSES = `(count) => new Promise((resolve, reject) => {
  const starts = [];
  const stepMs = [];
  let last = { pass: 0, step: -2, at: 0 };
  const began = performance.now();
  const timer = setInterval(() => {
    const t = window.__utakaruta && window.__utakaruta.tour;
    const now = performance.now();
    let error = null;
    if (now - began > 600000) error = 'timed out';
    else if (t && t.state === 'failed') error = 'tour failed: ' + t.error;
    if (error) { clearInterval(timer); reject(new Error(error)); return; }
    if (!t || t.state !== 'playing' || (t.pass === last.pass && t.step === last.step)) return;
    if (last.step >= 0) (stepMs[last.pass - 1] = stepMs[last.pass - 1] || [])[last.step] = now - last.at;
    if (t.step === 0) starts[t.pass - 1] = now;
    last = { pass: t.pass, step: t.step, at: now };
    if (starts.length > count) {
      clearInterval(timer);
      resolve({ passMs: starts.slice(1).map((s, i) => s - starts[i]), stepMs: stepMs.slice(0, count) });
    }
  }, 20);
})`;

async function timePasses(page: Page, count: number): Promise<{ passMs: number[]; stepMs: number[][] }> {
  return page.evaluate(`(${WATCH_PASSES})(${count})`);
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'utakaruta-tours-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
  let served: Awaited<ReturnType<typeof servePreview>> | undefined;
  try {
    await build({ logLevel: 'warn', define: buildFlags(true), build: { outDir, emptyOutDir: true } });
    served = await servePreview(outDir, 'warn');
    const results: Record<string, { passMs: number[]; stepMs: number[][]; steps: number }> = {};
    for (const lab of labs) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ja-JP' });
      const page = await context.newPage();
      await page.goto(`${served.url}?tour=${lab}`);
      await page.waitForFunction(() => window.__utakaruta?.screen === 'title', null, { timeout: 60_000 });
      const menu = await page.evaluate(() => (window.__utakaruta?.title as { menu: () => Box[] }).menu());
      const entry = menu.find((m) => m.id === lab);
      if (!entry) throw new Error(`no lab "${lab}" on the title menu`);
      // This click opens the lab before its tour exists, so it does not hand the tour over.
      await page.mouse.click(entry.x + entry.width / 2, entry.y + entry.height / 2);
      const timed = await timePasses(page, passes);
      const steps = (await page.evaluate(() => (window.__utakaruta?.tour as TourHooks).count)) ?? 0;
      results[lab] = { ...timed, steps };
      await context.close();
    }
    if (values.json) console.log(JSON.stringify(results));
    else
      for (const [lab, r] of Object.entries(results)) {
        const passes = r.passMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ');
        console.log(`${lab}: ${r.steps} steps; pass ${passes}`);
        r.stepMs.forEach((steps, i) =>
          console.log(`  pass ${i + 1} steps (s): ${steps.map((ms) => (ms / 1000).toFixed(1)).join(' ')}`),
        );
      }
  } finally {
    await browser.close();
    await served?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
