// `npx tsx --import ./scripts/node/tfjs-esm.mjs scripts/probe-listener.ts --recipe strong [--set JSON] [--seed N] [--untrained]`
// The quick signal for the listener's recipes: trains one (overrides merged from --set), prints
// per evaluated epoch the cards written and the poems sure (≥ 0.9 over all 100) at their static
// kimariji / one sound before, with wall and process CPU seconds and the load; then per poem the
// belief at the kimariji and one sound before, for the poems below 0.9 there.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createRng } from '../src/data/random';
import { useNodeBackend } from '../src/model/backendNode';
import { makeConfig } from '../src/model/config';
import { Transformer } from '../src/model/transformer';
import { beliefInTargets } from '../src/training/metrics';
import { listenerTask } from '../src/training/listener';
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
console.log(`recipe ${values.recipe} ${JSON.stringify(recipe)} seed ${seed}; load ${load()}`);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const cpuNow = () => {
  const c = process.cpuUsage(cpu0);
  return (c.user + c.system) / 1e6;
};
let model: Transformer;
const task = listenerTask();
if (values.untrained) {
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
model.dispose();
