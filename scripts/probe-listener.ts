// `npx tsx --import ./scripts/node/tfjs-esm.mjs scripts/probe-listener.ts --recipe strong [--set JSON] [--seed N] [--untrained | --checkpoint DIR]`
// The quick signal for the listener's recipes: trains one (overrides merged from --set), prints
// per evaluated epoch the cards written and the poems sure (≥ 0.9 over all 100) at their static
// kimariji / one sound before, with wall and process CPU seconds and the load; then per poem the
// belief at the kimariji and one sound before, for the poems below 0.9 there; then the same at
// every shorter, dynamic kimariji (the poems sharing those sounds read and gone, every other
// card still unread: the hardest field for the belief), as the master meets 68 and 95 in play.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createRng } from '../src/data/random';
import { useNodeBackend } from '../src/model/backendNode';
import { makeConfig } from '../src/model/config';
import { Transformer } from '../src/model/transformer';
import { CandidateScorer } from '../src/model/inference';
import { beliefInTargets } from '../src/training/metrics';
import { loadCheckpoint } from '../src/model/checkpoint';
import { fileCheckpoint } from '../src/model/fileHandler';
import { LISTENER_TASK, listenerTask } from '../src/training/listener';
import {
  decidingPrefixes,
  LISTENER_RECIPES,
  trainListener,
  type ListenerRecipe,
  type ListenerRecipeName,
} from '../src/training/recipes';

const { values } = parseArgs({
  options: {
    recipe: { type: 'string', default: 'strong' },
    set: { type: 'string', default: '{}' },
    seed: { type: 'string', default: '2023' },
    untrained: { type: 'boolean', default: false },
    /** Measure a checkpoint (e.g. one `npm run train:opponent -- --out DIR` wrote) instead of training. */
    checkpoint: { type: 'string' },
  },
});
await useNodeBackend('wasm');
const recipe = {
  ...LISTENER_RECIPES[values.recipe as ListenerRecipeName],
  ...(JSON.parse(values.set) as Partial<ListenerRecipe>),
} as ListenerRecipe;
const seed = Number(values.seed);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(
  values.checkpoint !== undefined
    ? `checkpoint ${values.checkpoint}; load ${load()}`
    : `recipe ${values.recipe} ${JSON.stringify(recipe)} seed ${seed}; load ${load()}`,
);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const cpuNow = () => {
  const c = process.cpuUsage(cpu0);
  return (c.user + c.system) / 1e6;
};
let model: Transformer;
const task = listenerTask();
if (values.checkpoint !== undefined) {
  const loaded = await loadCheckpoint(fileCheckpoint(values.checkpoint), { task: LISTENER_TASK });
  if (!loaded.ok) throw new Error(`${values.checkpoint}: ${loaded.error.code}: ${loaded.error.message}`);
  model = loaded.checkpoint.model;
} else if (values.untrained) {
  const config = makeConfig(recipe.size, {
    sourceVocabSize: task.sourceVocab.size,
    targetVocabSize: task.targetVocab.size,
  });
  model = Transformer.create(config, createRng(seed));
} else {
  const run = await trainListener(recipe, seed, {
    onEpoch: (m, d) => {
      const e = m.evaluation;
      if (!e) return;
      console.log(
        `ep ${String(m.epoch).padStart(2)} loss ${m.loss.toFixed(3)} written ${e.exactMatch}/${e.total} ` +
          `sure ${d?.sure ?? 'too few'} early ${d?.early ?? '-'}  wall ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
          `cpu ${cpuNow().toFixed(1)} s eval ${e.seconds.toFixed(2)} s`,
      );
    },
  });
  model = run.model;
  console.log(
    `run: ${run.result.reason} after ${run.result.epochs.length} epochs, wall ${run.wallSeconds.toFixed(1)} s, ` +
      `cpu ${cpuNow().toFixed(1)} s, load ${load()}`,
  );
}
const at = decidingPrefixes(task, new Set(task.poems.map((p) => p.no)));
const before = at.map((p) => ({ ...p, source: p.source.slice(0, Math.max(1, p.source.length - 1)) }));
const candidates = task.poems.map((p) => p.target);
const pAt = beliefInTargets(model, at, candidates);
const pBefore = beliefInTargets(model, before, candidates);
const low = pAt.map((p, i) => ({ no: i + 1, p, b: pBefore[i] ?? 0 })).filter((x) => x.p < 0.9);
console.log(`sure at the kimariji: ${pAt.filter((p) => p >= 0.9).length}/100`);
console.log(
  `below (${low.length}): ${low
    .slice(0, 14)
    .map((x) => `${x.no} (${x.p.toFixed(2)}; before ${x.b.toFixed(2)})`)
    .join(', ')}`,
);
const early = pBefore.map((p, i) => ({ no: i + 1, p })).filter((x) => at[x.no - 1]!.source.length > 1);
const worst = early.sort((a, b) => b.p - a.p).slice(0, 3);
console.log(`highest belief one sound before: ${worst.map((x) => `${x.no} ${x.p.toFixed(2)}`).join(', ')}`);
// Dynamic kimariji: poem `no` after j < k sounds once every other poem opening with those j
// sounds is read; its belief among the cards left (all the others), and one sound before.
const scorer = new CandidateScorer(model, candidates);
const scores = new Map<string, number[]>();
const scoreOf = (source: number[]) => {
  const key = source.join(',');
  const got = scores.get(key) ?? scorer.score(source);
  scores.set(key, got);
  return got;
};
const beliefAmong = (logp: number[], row: number, gone: ReadonlySet<number>) => {
  const kept = logp.filter((_, i) => !gone.has(i));
  const max = Math.max(...kept);
  const total = kept.reduce((sum, lp) => sum + Math.exp(lp - max), 0);
  return Math.exp((logp[row] ?? -Infinity) - max) / total;
};
const dynamic: { no: number; j: number; p: number; b: number }[] = [];
for (const [row, poem] of task.poems.entries()) {
  const k = at[row]!.source.length;
  const rivalsAt = (j: number) =>
    task.poems
      .map((other, i) =>
        i !== row && poem.source.slice(0, j).every((id, t) => other.source[t] === id) ? i : -1,
      )
      .filter((i) => i >= 0);
  for (let j = 1; j < k; j++) {
    const opening = poem.source.slice(0, j);
    const gone = new Set(rivalsAt(j));
    // Where one more sound rules out no rival, the kimariji with those rivals gone is shorter.
    if (j > 1 && rivalsAt(j - 1).length === gone.size) continue;
    const p = beliefAmong(scoreOf(opening), row, gone);
    const b = j > 1 ? beliefAmong(scoreOf(poem.source.slice(0, j - 1)), row, gone) : 0;
    dynamic.push({ no: poem.no, j, p, b });
  }
}
scorer.dispose();
const dynLow = dynamic.filter((d) => d.p < 0.9);
const dynEarly = dynamic.filter((d) => d.b >= 0.9);
console.log(
  `dynamic kimariji: sure ${dynamic.length - dynLow.length}/${dynamic.length}, early ${dynEarly.length}; ` +
    `68 at 2: ${dynamic.find((d) => d.no === 68 && d.j === 2)?.p.toFixed(2)}, 95 at 2: ${dynamic.find((d) => d.no === 95 && d.j === 2)?.p.toFixed(2)}`,
);
if (dynEarly.length > 0)
  console.log(`dynamic early: ${dynEarly.map((d) => `${d.no}@${d.j} ${d.b.toFixed(2)}`).join(', ')}`);
console.log(
  `dynamic below 0.9 (${dynLow.length}): ${dynLow
    .sort((a, b) => a.p - b.p)
    .slice(0, 16)
    .map((d) => `${d.no}@${d.j} ${d.p.toFixed(2)} (before ${d.b.toFixed(2)})`)
    .join(', ')}`,
);
model.dispose();
