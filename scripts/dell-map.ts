// Generates the shipped fit map for the Dell lab: the model's six proportions at every (s, p)
// point of the grid, with the default fixed parameters. The browser loads it instead of
// simulating millions of trials; other settings of q and noise are mapped in the browser.
//   npx tsx scripts/dell-map.ts [--trials 1000] [--seed 1997] [--step 0.002] [--out assets/dell/map.json]
import { writeFileSync } from 'node:fs';
import { createMapBuilder, mapSpec, type FixedParams } from '../src/speech/dell/fit';
import { NORMAL_PARAMS } from '../src/speech/dell/model';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const trials = Number(option('trials', '1000'));
const seed = Number(option('seed', '1997'));
const step = Number(option('step', '0.002'));
const out = option('out', 'assets/dell/map.json');

const { s: _s, p: _p, ...fixed } = NORMAL_PARAMS;
const builder = createMapBuilder(mapSpec(fixed satisfies FixedParams, trials, seed, step));
const started = performance.now();
const rowSize = builder.spec.pAxis.length;
while (!builder.advance(rowSize)) {
  const done = builder.donePoints;
  if ((done / rowSize) % 5 === 0) {
    const secs = (performance.now() - started) / 1000;
    console.log(`${done}/${builder.totalPoints} points, ${secs.toFixed(0)} s`);
  }
}
const secs = (performance.now() - started) / 1000;
writeFileSync(out, JSON.stringify(builder.result()) + '\n');
const total = builder.totalPoints * trials;
console.log(
  `${out}: ${builder.totalPoints} points × ${trials} trials in ${secs.toFixed(1)} s (${Math.round(total / secs)} trials/s)`,
);
