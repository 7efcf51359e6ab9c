// Trains the tongue-twister speaker and writes its checkpoints (seeded, reproducible):
//   1. the repeater (復唱): a Transformer that says back the sentence it hears, pretrained on
//      the training split plus synthetic copy data (src/speech/datasets.ts);
//   2. the horizontal slip model: the repeater fine-tuned on horizontal slips;
//   3. the vertical slip model: the repeater fine-tuned on vertical slips.
// Usage: npx tsx scripts/speech-train.ts [--seed N] [--only repeater|horizontal|vertical]
//        [--epochs N] [--slip-epochs N] [--rate R] [--resume] [--out DIR]
// Runs on the WASM backend in Node. The shipped checkpoints were made by these four runs
// (about an hour on two busy cores):
//   npx tsx scripts/speech-train.ts --only repeater                                # 10 epochs
//   npx tsx scripts/speech-train.ts --only repeater --resume --epochs 12 --rate 1.5e-3
//   npx tsx scripts/speech-train.ts --only horizontal                              # 3 epochs
//   npx tsx scripts/speech-train.ts --only vertical                                # 3 epochs
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
    rate: { type: 'string', default: '2e-3' },
    epochs: { type: 'string', default: '10' },
    'slip-epochs': { type: 'string', default: '3' },
    out: { type: 'string', default: 'assets/speech/checkpoints' },
  },
});
const seed = Number(values.seed);
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

async function runRepeater(): Promise<Transformer> {
  const rng = createRng(seed);
  const model = values.resume ? await loadRepeater() : Transformer.create(config, rng);
  const pairs = repetitionPairs(corpus.train, vocab, rng);
  const epochs = Number(values.epochs);
  console.log(`repeater: ${model.parameterCount} parameters, ${pairs.length} pairs, ${epochs} epochs`);
  const steps = Math.ceil(pairs.length / 32) * epochs;
  const result = await train(model, pairs, {
    objective: 'honest',
    epochs,
    batchSize: 32,
    schedule: cosineSchedule(Number(values.rate), Math.round(steps * 0.05), 5e-5),
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
    resumed: values.resume,
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
  const rng = createRng(seed + (part === 'horizontal' ? 1 : 2) + (values.resume ? 10 : 0));
  const model = values.resume ? await loadPart(part) : new Transformer(config, repeater.weights());
  const pairs = slipPairs(corpus.train, part, lexicon, vocab, rng);
  const epochs = Number(values['slip-epochs']);
  console.log(`${part}: ${pairs.length} slip pairs, ${epochs} epochs`);
  const steps = Math.ceil(pairs.length / 32) * epochs;
  const result = await train(model, pairs, {
    objective: 'honest',
    epochs,
    batchSize: 32,
    schedule: cosineSchedule(5e-4, Math.round(steps * 0.05), 2e-5),
    rng,
    clipNorm: 1,
    // Saved after every epoch, so a run cut short still leaves its last whole epoch.
    onEpoch: async (m) => {
      console.log(`${part} epoch ${m.epoch} loss ${m.loss.toFixed(4)} ${m.trainSeconds.toFixed(0)} s`);
      await save(part, model, m.epoch, { recipe: SLIP_RECIPE, fineTunedFrom: 'repeater', loss: m.loss });
    },
  });
  await save(part, model, epochs, {
    recipe: SLIP_RECIPE,
    fineTunedFrom: 'repeater',
    trainSeconds: result.trainSeconds,
  });
  model.dispose();
}

const only = values.only as SpeakerPart | undefined;
const repeater = only === undefined || only === 'repeater' ? await runRepeater() : await loadRepeater();
if (only === undefined || only === 'horizontal') await runSlip('horizontal', repeater);
if (only === undefined || only === 'vertical') await runSlip('vertical', repeater);
repeater.dispose();
