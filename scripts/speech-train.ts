// Trains the tongue-twister speaker and writes its checkpoints (seeded, reproducible):
//   1. the repeater (復唱): a Transformer that says back the sentence it hears, pretrained on
//      the training split plus synthetic copy data (src/speech/datasets.ts);
//   2. the horizontal slip model: the repeater fine-tuned on horizontal slips, under the
//      constraint that its deviation mass stay on morae of the sentence (src/speech/constraint.ts:
//      cross-entropy + λ·c, λ learnt by dual ascent);
//   3. the vertical slip model: likewise on vertical slips, its deviation mass kept off the
//      sentence's morae.
// Only the training split is read (never the held-out sentences): the repeater's progress is
// measured on fresh word salads of training words.
// Usage: npm run train:speech [-- --seed N] [--out DIR]
//   trains all three with the shipped recipe, which is what made assets/speech/checkpoints:
//   the repeater for 10 epochs (peak learning rate 2e-3); each slip model fine-tuned from that
//   first-cycle repeater on a 6-epoch (horizontal) or 12-epoch (vertical) cosine schedule (peak 1.5e-3), on six slips of each
//   training sentence plus 300 of word salads, under the constraint (bound 0.1, dual step 0.2);
//   then the repeater's second cycle, a 6-epoch schedule (peak 1.5e-3). About 10 min on two
//   cores (2026-12-01, beside other work). The three fine-tunings are
//   independent (each seeds its own stream), so they may run as parallel --only steps.
// The word stage (scripts/speechWords.ts) comes first: the word repeater for 12 epochs, then
//   the two word slip models from it for 8 epochs under the same constraint (the horizontal one
//   on the training sentences' own slips only: WORD_HORIZONTAL_SLIP_RECIPE); `--only words`
//   trains just these three (--only word-repeater|word-horizontal|word-vertical one of them).
// Single steps, for experiments: --only repeater|horizontal|vertical [--epochs N] [--rate R]
//   [--resume] [--slip-epochs N] [--slip-stop-after N] [--stop-after N] [--from DIR] [--bound E] [--dual-step H] [--no-constraint];
//   --resume continues the saved model of that part.
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
import {
  repetitionPairs,
  slipPairs,
  wordSalad,
  distinctWords,
  REPETITION_RECIPE,
  SLIP_RECIPE,
} from '../src/speech/datasets';
import {
  constrainedLoss,
  LagrangeMultiplier,
  unrelatedMorae,
  takeEpochTerms,
  type ConstraintLog,
} from '../src/speech/constraint';
import { SPEAKER_TASKS, WORD_PARTS, type SpeakerPart, type WordPart } from '../src/speech/speaker';
import { trainWordStage, WORD_RECIPE, type WordStageOptions } from './speechWords';
import { WORD_HORIZONTAL_SLIP_RECIPE } from '../src/speech/words';

export const SPEAKER_SIZE: ModelSize = {
  dModel: 48,
  nHeads: 4,
  dFF: 96,
  nLayers: 1,
  maxSourceLength: MAX_MORAE,
  maxTargetLength: MAX_MORAE + 1,
};

/** Epochs of each shipped slip model's cosine schedule: the vertical model's narrower class
 *  (neighbouring morae only) takes longer to approach its bound (c 0.85 after 6, 0.34 after 12). */
const SLIP_EPOCHS: Record<'horizontal' | 'vertical', number> = { horizontal: 6, vertical: 12 };

/** The shipped constraint: at most 10 % of the deviation mass out of class. */
const CONSTRAINT = { bound: 0.1, step: 0.2, max: 20 } as const;

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '7' },
    only: { type: 'string' },
    // Continue training the saved repeater instead of starting from seeded initial weights.
    resume: { type: 'boolean', default: false },
    rate: { type: 'string' },
    epochs: { type: 'string' },
    // Default per part (SLIP_EPOCHS): the shipped slip models' whole cosine schedule.
    'slip-epochs': { type: 'string' },
    // The shipped slip models: the whole 6-epoch cosine schedule.
    'slip-stop-after': { type: 'string' },
    'stop-after': { type: 'string' },
    // Fine-tune a slip model from the repeater saved in this directory (default: --out).
    from: { type: 'string' },
    'slip-rate': { type: 'string', default: '1.5e-3' },
    'slips-per-sentence': { type: 'string', default: String(SLIP_RECIPE.perSentence) },
    out: { type: 'string', default: 'assets/speech/checkpoints' },
    // The constraint: bound ε on the out-of-class share of deviation mass, dual step η.
    bound: { type: 'string', default: String(CONSTRAINT.bound) },
    'dual-step': { type: 'string', default: String(CONSTRAINT.step) },
    // The multiplier's cap (projected dual ascent keeps λ in [0, cap]).
    'lambda-max': { type: 'string', default: String(CONSTRAINT.max) },
    'no-constraint': { type: 'boolean', default: false },
    // The vertical models' older constraint: any outside mora or word in class, with or without
    // a reason to compete (neighbouring sound, same category).
    'any-outside': { type: 'boolean', default: false },
    'word-slip-epochs': { type: 'string', default: String(WORD_RECIPE.slipEpochs) },
    // The horizontal word slip model's teaching data: word salads and the share of known words
    // sent through slots (default WORD_HORIZONTAL_SLIP_RECIPE: none of either).
    'word-salads': { type: 'string' },
    'slot-share': { type: 'string' },
  },
});
const seed = Number(values.seed);
const onlyArg = values.only as SpeakerPart | WordPart | 'words' | undefined;
if (onlyArg !== undefined && onlyArg !== 'words' && !(onlyArg in SPEAKER_TASKS))
  throw new Error(`--only: ${onlyArg}?`);
const wordOnly = onlyArg === 'words' || (WORD_PARTS as readonly string[]).includes(onlyArg ?? '');
const only = wordOnly ? undefined : (onlyArg as SpeakerPart | undefined);
const outDir = values.out;

await useNodeBackend('wasm');
const corpus = loadCorpus();
const vocab = moraVocabulary();
const config = makeConfig(SPEAKER_SIZE, { sourceVocabSize: vocab.size, targetVocabSize: vocab.size });
// Fresh word salads (their own stream of the seed), to see the repeater copy new strings.
const saladRng = createRng(seed + 100);
const checkPairs: Pair[] = Array.from({ length: 100 }, () => {
  const ids = vocab.encode(wordSalad(distinctWords(corpus.train), saladRng).morae);
  return { source: ids, target: ids };
});
const lexicon = makeLexicon(corpus.train.flatMap((s) => s.words));
console.log(`corpus: ${corpus.train.length} training sentences`);

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
  // A second, 6-epoch cosine cycle.
  { resume: true, epochs: 6, rate: 1.5e-3 },
] as const;

async function runRepeater(stage: {
  resume: boolean;
  epochs: number;
  rate: number;
  stopAfter?: number;
}): Promise<Transformer> {
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
    evaluationPairs: checkPairs,
    evaluateEvery: 3,
    // Saved after every epoch under a side name, so a run cut short still leaves its last epoch.
    onEpoch: async (m) => {
      console.log(
        `epoch ${m.epoch} loss ${m.loss.toFixed(4)} ${m.trainSeconds.toFixed(0)} s` +
          (m.evaluation ? ` word salads exact ${m.evaluation.exactMatch}/${m.evaluation.total}` : ''),
      );
      await saveCheckpoint(
        model,
        { source: vocab, target: vocab },
        {
          task: SPEAKER_TASKS.repeater,
          objective: 'honest',
          seed,
          date: new Date().toISOString(),
          epochs: m.epoch,
        },
        fileCheckpoint(`${outDir}/repeater-last-epoch`),
      );
      return stage.stopAfter !== undefined && m.epoch >= stage.stopAfter ? 'stop' : undefined;
    },
  });
  const last = result.epochs[result.epochs.length - 1];
  await save('repeater', model, last?.epoch ?? epochs, {
    resumed: stage.resume,
    peakRate: stage.rate,
    recipe: REPETITION_RECIPE,
    size: SPEAKER_SIZE,
    trainSeconds: result.trainSeconds,
    wordSaladExact: last?.evaluation ? last.evaluation.exactMatch / last.evaluation.total : null,
  });
  return model;
}

async function loadPart(part: SpeakerPart, dir = outDir): Promise<Transformer> {
  const loaded = await loadCheckpoint(fileCheckpoint(`${dir}/${part}`), { task: SPEAKER_TASKS[part] });
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
  const epochs = Number(values['slip-epochs'] ?? SLIP_EPOCHS[part]);
  const stopAfter = Number(values['slip-stop-after'] ?? epochs);
  console.log(`${part}: ${pairs.length} slip pairs, ${epochs} epochs`);
  const steps = Math.ceil(pairs.length / 32) * epochs;
  const constraint = values['no-constraint']
    ? null
    : { bound: Number(values.bound), step: Number(values['dual-step']), max: Number(values['lambda-max']) };
  const multiplier = constraint ? new LagrangeMultiplier(constraint) : null;
  // The vertical model's deviations belong on neighbours of the label (a reason to compete).
  const alwaysOut = part === 'vertical' && !values['any-outside'] ? unrelatedMorae(vocab) : undefined;
  const log: ConstraintLog = { crossEntropy: 0, constraint: 0, steps: 0 };
  const perEpoch: { epoch: number; crossEntropy: number; constraint: number; lambda: number }[] = [];
  const result = await train(model, pairs, {
    objective: 'honest',
    epochs,
    batchSize: 32,
    schedule: cosineSchedule(Number(values['slip-rate']), Math.round(steps * 0.05), 2e-5),
    rng,
    clipNorm: 1,
    ...(multiplier ? { loss: constrainedLoss(part, multiplier, log, alwaysOut) } : {}),
    // Saved after every epoch, so a run cut short still leaves its last whole epoch.
    onEpoch: async (m) => {
      const terms = takeEpochTerms(log, m.epoch, m.loss, multiplier);
      perEpoch.push(terms);
      console.log(
        `${part} epoch ${m.epoch} loss ${m.loss.toFixed(4)} CE ${terms.crossEntropy.toFixed(4)}` +
          ` c ${terms.constraint.toFixed(3)} λ ${terms.lambda.toFixed(2)} ${m.trainSeconds.toFixed(0)} s`,
      );
      await save(part, model, m.epoch, {
        recipe,
        fineTunedFrom: 'repeater',
        constraint,
        neighboursOnly: alwaysOut !== undefined,
        perEpoch,
      });
      return m.epoch >= stopAfter ? 'stop' : undefined;
    },
  });
  await save(part, model, perEpoch.length, {
    recipe,
    fineTunedFrom: 'repeater',
    constraint,
    neighboursOnly: alwaysOut !== undefined,
    perEpoch,
    trainSeconds: result.trainSeconds,
  });
  model.dispose();
}

// The slip models are fine-tuned from the repeater after its first cycle (what they need of it
// is copying, which they keep practising on the slip pairs' unslipped morae), so they can train
// beside its second cycle: `--only horizontal --from DIR` reads the repeater in DIR.
const wordOptions: WordStageOptions = {
  seed,
  outDir,
  epochs: Number(values.epochs ?? WORD_RECIPE.epochs),
  slipEpochs: Number(values['word-slip-epochs']),
  bound: Number(values.bound),
  dualStep: Number(values['dual-step']),
  constrained: !values['no-constraint'],
  sameCategoryOnly: !values['any-outside'],
  slipRecipe: {
    horizontal: {
      ...WORD_HORIZONTAL_SLIP_RECIPE,
      ...(values['word-salads'] ? { wordSalads: Number(values['word-salads']) } : {}),
      ...(values['slot-share'] ? { slotShare: Number(values['slot-share']) } : {}),
    },
  },
};
if (wordOnly) {
  await trainWordStage(corpus.train, wordOptions, onlyArg === 'words' ? undefined : (onlyArg as WordPart));
} else if (only === undefined) {
  await trainWordStage(corpus.train, { ...wordOptions, epochs: WORD_RECIPE.epochs });
  const [first, second] = REPEATER_STAGES;
  (await runRepeater(first)).dispose();
  const firstCycle = await loadRepeater();
  await runSlip('horizontal', firstCycle);
  await runSlip('vertical', firstCycle);
  firstCycle.dispose();
  (await runRepeater(second)).dispose();
} else if (only === 'repeater') {
  (
    await runRepeater({
      resume: values.resume,
      epochs: Number(values.epochs ?? 10),
      rate: Number(values.rate ?? 2e-3),
      ...(values['stop-after'] ? { stopAfter: Number(values['stop-after']) } : {}),
    })
  ).dispose();
} else {
  const repeater = values.from ? await loadPart('repeater', values.from) : await loadRepeater();
  await runSlip(only, repeater);
  repeater.dispose();
}
