// `npm run train:opponent [-- --recipe levels|strong|learner|novice|fast|prefix] [--seed N] [--out DIR]`
// (overrides for experiments: --epochs --batch --max-prefix --lr --width --objective talk, and
// --set JSON merged over the recipe, as in scripts/probe-listener.ts)
// Trains the listener from scratch on the wasm backend with a seeded recipe, evaluates
// free-running exact match on the full readings of the poems it learns after every epoch, and
// writes the checkpoint (model.json + weights.bin, metadata with config, vocabularies, objective,
// recipe, metrics, seed, date) to assets/checkpoints/opponent/ (recipe 'strong'; others to
// opponent-NAME). The default, 'levels', trains every level's listener with its own seed:
// strong (advanced, master), learner (intermediate), novice (beginner).
import { parseArgs } from 'node:util';
import { saveCheckpoint } from '../src/model/checkpoint';
import { useNodeBackend } from '../src/model/backendNode';
import { fileCheckpoint } from '../src/model/fileHandler';
import { LISTENER_TASK } from '../src/training/listener';
import {
  LISTENER_RECIPES,
  trainListener,
  type ListenerRecipe,
  type ListenerRecipeName,
} from '../src/training/recipes';

const { values } = parseArgs({
  options: {
    recipe: { type: 'string', default: 'levels' },
    seed: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string' },
    batch: { type: 'string' },
    'max-prefix': { type: 'string' },
    lr: { type: 'string' },
    objective: { type: 'string', default: 'honest' },
    width: { type: 'string' },
    set: { type: 'string' },
  },
});
/** Each level's listener and the seed its shipped checkpoint was trained with. */
const LEVEL_RUNS: readonly { recipe: ListenerRecipeName; seed: number }[] = [
  { recipe: 'strong', seed: 2023 },
  { recipe: 'learner', seed: 86 },
  { recipe: 'novice', seed: 49 },
];
const runs =
  values.recipe === 'levels'
    ? LEVEL_RUNS
    : [{ recipe: values.recipe as ListenerRecipeName, seed: Number(values.seed ?? 2023) }];
if (values.recipe === 'levels' && values.out) throw new Error('--out needs one --recipe');

await useNodeBackend('wasm');
for (const { recipe: recipeName, seed: defaultSeed } of runs)
  await trainOne(recipeName, Number(values.seed ?? defaultSeed));

async function trainOne(recipeName: ListenerRecipeName, seed: number): Promise<void> {
  const base: ListenerRecipe | undefined = LISTENER_RECIPES[recipeName];
  if (!base)
    throw new Error(
      `unknown recipe ${recipeName}; one of levels, ${Object.keys(LISTENER_RECIPES).join(', ')}`,
    );
  const recipe: ListenerRecipe = {
    ...base,
    ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
    ...(values.batch ? { batchSize: Number(values.batch) } : {}),
    ...(values['max-prefix'] ? { maxPrefix: Number(values['max-prefix']) } : {}),
    ...(values.lr && base.schedule.kind === 'cosine'
      ? { schedule: { ...base.schedule, peak: Number(values.lr) } }
      : {}),
    ...(values.width
      ? { size: { ...base.size, dModel: Number(values.width), dFF: 2 * Number(values.width) } }
      : {}),
    ...(values.set ? (JSON.parse(values.set) as Partial<ListenerRecipe>) : {}),
  };
  const out =
    values.out ?? `assets/checkpoints/${recipeName === 'strong' ? 'opponent' : `opponent-${recipeName}`}`;

  console.log(`recipe ${recipeName} seed ${seed}: ${JSON.stringify(recipe)}`);
  const cpuStart = process.cpuUsage();
  const objective = values.objective === 'talk' ? 'talk' : 'honest';
  const run = await trainListener(
    recipe,
    seed,
    {
      onEpoch: (m, decided) => {
        const e = m.evaluation;
        console.log(
          `epoch ${String(m.epoch).padStart(2)}  loss ${m.loss.toFixed(3)}  train ${m.trainSeconds.toFixed(1)} s` +
            (e
              ? `  teacher-forced ${(100 * e.teacherForcedAccuracy).toFixed(1)} %  ` +
                `${e.freeRunning === false ? 'written (teacher-forced)' : 'free-running'} ${e.exactMatch}/${e.total}`
              : '') +
            (decided !== null
              ? decided.sure === null
                ? '  sure at the kimariji: too few (check cut short)'
                : `  sure at the kimariji ${decided.sure}/${e?.total ?? '?'}, early ${decided.early ?? '-'}`
              : ''),
        );
      },
    },
    objective,
  );
  const cpu = process.cpuUsage(cpuStart);
  const last = run.result.epochs.at(-1);
  const summary = {
    trainSeconds: last?.trainSeconds ?? 0,
    wallSeconds: run.wallSeconds,
    stoppedBy: run.result.reason === 'stopped' ? 'stop rule' : 'last epoch',
    knownPoems: run.known.length,
    secondsToStable: run.secondsToStable,
    stableFromEpoch: run.stableFromEpoch,
    processCpuSeconds: (cpu.user + cpu.system) / 1e6,
    /** Learnt cards written exactly free-running at the deciding (or last) epoch. */
    exactMatch: run.writtenFreeRunning ?? last?.evaluation?.exactMatch ?? null,
    /** Learnt poems believed ≥ DECIDED_P after their static kimariji, at the last epoch. */
    decidedAtKimariji: run.decided,
    teacherForcedAccuracy: last?.evaluation?.teacherForcedAccuracy ?? null,
    loss: last?.loss ?? null,
    backend: 'wasm (Node)',
  };
  console.log(JSON.stringify(summary));
  await saveCheckpoint(
    run.model,
    { source: run.task.sourceVocab, target: run.task.targetVocab },
    {
      task: LISTENER_TASK,
      objective,
      seed,
      date: new Date().toISOString(),
      epochs: run.result.epochs.length,
      notes: {
        recipe: recipeName,
        ...recipe,
        ...summary,
        history: run.result.epochs.map((m) => ({
          epoch: m.epoch,
          loss: m.loss,
          trainSeconds: m.trainSeconds,
          exactMatch: m.evaluation?.exactMatch,
          teacherForcedAccuracy: m.evaluation?.teacherForcedAccuracy,
        })),
      },
    },
    fileCheckpoint(out),
  );
  console.log(`wrote ${out}/model.json and weights.bin`);
  run.model.dispose();
}
