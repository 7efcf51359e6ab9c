// Trains the tongue-twister speaker and writes its checkpoints (seeded, reproducible):
//   1. the repeater (復唱): a Transformer that says back the sentence it hears, pretrained on
//      the training split plus synthetic copy data (src/speech/datasets.ts);
//   2. the horizontal slip model: the repeater fine-tuned on horizontal slips;
//   3. the vertical slip model: the repeater fine-tuned on vertical slips.
// Usage: npm run train:speech [-- --seed N] [--out DIR]
//   trains all three with the shipped recipe, which is what made assets/speech/checkpoints:
//   the repeater for 10 epochs (peak learning rate 2e-3), then 12 more from there (a second
//   cosine cycle, peak 1.5e-3), then each slip model fine-tuned from it for 20 epochs (peak
//   1.5e-3) on six slips of each training sentence plus 300 of word salads. About 25 minutes on
//   two idle cores.
// Single steps, for experiments: --only repeater|horizontal|vertical [--epochs N] [--rate R]
//   [--resume] [--slip-epochs N]; --resume continues the saved model of that part.
// Runs on the WASM backend in Node; the same seed gives the same checkpoints.
import { parseArgs } from 'node:util';
import { createRng } from '../src/data/random';
import { Transformer } from '../src/model/transformer';
import { makeConfig, type ModelSize } from '../src/model/config';
import { saveCheckpoint, loadCheckpoint } from '../src/model/checkpoint';
import { fileCheckpoint } from '../src/model/fileHandler';
import { useNodeBackend } from '../src/model/backendNode';
import { train } from '../src/training/trainer';
import { cosineSchedule } from '../src/training/schedule';
import type { Pair } from '../src/training/dataset';
import { loadCorpus, MAX_MORAE } from '../src/speech/corpus';
import { makeLexicon } from '../src/speech/annotate';
import { moraVocabulary } from '../src/speech/vocab';
import { repetitionPairs, slipPairs, REPETITION_RECIPE, SLIP_RECIPE } from '../src/speech/datasets';
import { SPEAKER_TASKS, type SpeakerPart } from '../src/speech/speaker';

export const SPEAKER_SIZE: ModelSize = {
  dModel: 48,
  nHeads: 4,
  dFF: 96,
  nLayers: 1,
  maxSourceLength: MAX_MORAE,
  maxTargetLength: MAX_MORAE + 1,
};

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '7' },
    only: { type: 'string' },
    // Continue training the saved repeater instead of starting from seeded initial weights.
    resume: { type: 'boolean', default: false },
    rate: { type: 'string' },
    epochs: { type: 'string' },
    'slip-epochs': { type: 'string', default: '20' },
    'slip-rate': { type: 'string', default: '1.5e-3' },
    'slips-per-sentence': { type: 'string', default: String(SLIP_RECIPE.perSentence) },
    out: { type: 'string', default: 'assets/speech/checkpoints' },
  },
});
const seed = Number(values.seed);
const only = values.only as SpeakerPart | undefined;
if (only !== undefined && !(only in SPEAKER_TASKS)) throw new Error(`--only: ${only}?`);
const outDir = values.out;

await useNodeBackend('wasm');
const corpus = loadCorpus();
const vocab = moraVocabulary();
const config = makeConfig(SPEAKER_SIZE, { sourceVocabSize: vocab.size, targetVocabSize: vocab.size });
const heldOutPairs: Pair[] = corpus.heldOut.map((s) => ({
  source: vocab.encode(s.morae),
  target: vocab.encode(s.morae),
}));
const lexicon = makeLexicon(corpus.train.flatMap((s) => s.words));
console.log(`corpus: ${corpus.train.length} training, ${corpus.heldOut.length} held-out sentences`);

async function save(
  part: SpeakerPart,
  model: Transformer,
  epochs: number,
  notes: Record<string, unknown>,
): Promise<void> {
  await saveCheckpoint(
    model,
    { source: vocab, target: vocab },
    { task: SPEAKER_TASKS[part], objective: 'honest', seed, date: new Date().toISOString(), epochs, notes },
    fileCheckpoint(`${outDir}/${part}`),
  );
  console.log(`saved ${outDir}/${part}`);
}

/** The shipped recipe for the repeater: a first cosine cycle from seeded weights, then a second. */
const REPEATER_STAGES = [
  { resume: false, epochs: 10, rate: 2e-3 },
  { resume: true, epochs: 12, rate: 1.5e-3 },
] as const;

async function runRepeater(stage: { resume: boolean; epochs: number; rate: number }): Promise<Transformer> {
  // Every stage draws the same data and batch order from the seed (a resumed stage starts
  // from the saved weights instead of seeded ones).
  const rng = createRng(seed);
  const model = stage.resume ? await loadRepeater() : Transformer.create(config, rng);
  const pairs = repetitionPairs(corpus.train, vocab, rng);
  const epochs = stage.epochs;
  console.log(`repeater: ${model.parameterCount} parameters, ${pairs.length} pairs, ${epochs} epochs`);
  const steps = Math.ceil(pairs.length / 32) * epochs;
  const result = await train(model, pairs, {
    objective: 'honest',
    epochs,
    batchSize: 32,
    schedule: cosineSchedule(stage.rate, Math.round(steps * 0.05), 5e-5),
    rng,
    clipNorm: 1,
    evaluationPairs: heldOutPairs,
    evaluateEvery: 3,
    onEpoch: (m) =>
      console.log(
        `epoch ${m.epoch} loss ${m.loss.toFixed(4)} ${m.trainSeconds.toFixed(0)} s` +
          (m.evaluation ? ` held-out exact ${m.evaluation.exactMatch}/${m.evaluation.total}` : ''),
      ),
  });
  const last = result.epochs[result.epochs.length - 1];
  await save('repeater', model, epochs, {
    resumed: stage.resume,
    peakRate: stage.rate,
    recipe: REPETITION_RECIPE,
    size: SPEAKER_SIZE,
    trainSeconds: result.trainSeconds,
    heldOutExact: last?.evaluation ? last.evaluation.exactMatch / last.evaluation.total : null,
  });
  return model;
}

async function loadPart(part: SpeakerPart): Promise<Transformer> {
  const loaded = await loadCheckpoint(fileCheckpoint(`${outDir}/${part}`), { task: SPEAKER_TASKS[part] });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.checkpoint.model;
}

async function loadRepeater(): Promise<Transformer> {
  return loadPart('repeater');
}

async function runSlip(part: 'horizontal' | 'vertical', repeater: Transformer): Promise<void> {
  // A resumed run draws new slips (another stream of the same seed).
  const rng = createRng(seed + (part === 'horizontal' ? 1 : 2) + (values.resume && only === part ? 10 : 0));
  const model =
    values.resume && only === part ? await loadPart(part) : new Transformer(config, repeater.weights());
  const recipe = { ...SLIP_RECIPE, perSentence: Number(values['slips-per-sentence']) };
  const pairs = slipPairs(corpus.train, part, lexicon, vocab, rng, recipe);
  const epochs = Number(values['slip-epochs']);
  console.log(`${part}: ${pairs.length} slip pairs, ${epochs} epochs`);
  const steps = Math.ceil(pairs.length / 32) * epochs;
  const result = await train(model, pairs, {
    objective: 'honest',
    epochs,
    batchSize: 32,
    schedule: cosineSchedule(Number(values['slip-rate']), Math.round(steps * 0.05), 2e-5),
    rng,
    clipNorm: 1,
    // Saved after every epoch, so a run cut short still leaves its last whole epoch.
    onEpoch: async (m) => {
      console.log(`${part} epoch ${m.epoch} loss ${m.loss.toFixed(4)} ${m.trainSeconds.toFixed(0)} s`);
      await save(part, model, m.epoch, { recipe, fineTunedFrom: 'repeater', loss: m.loss });
    },
  });
  await save(part, model, epochs, {
    recipe,
    fineTunedFrom: 'repeater',
    trainSeconds: result.trainSeconds,
  });
  model.dispose();
}

let repeater: Transformer;
if (only === undefined) {
  // Each stage is saved, and the next resumes from the file, exactly as the single steps do.
  for (const stage of REPEATER_STAGES) (await runRepeater(stage)).dispose();
  repeater = await loadRepeater();
} else if (only === 'repeater') {
  repeater = await runRepeater({
    resume: values.resume,
    epochs: Number(values.epochs ?? 10),
    rate: Number(values.rate ?? 2e-3),
  });
} else {
  repeater = await loadRepeater();
}
if (only === undefined || only === 'horizontal') await runSlip('horizontal', repeater);
if (only === undefined || only === 'vertical') await runSlip('vertical', repeater);
repeater.dispose();
