// The word stage of `npm run train:speech` (src/speech/words.ts): a word repeater trained to
// say back word tokens, then two word slip models fine-tuned from it under the same constraint
// in the objective as the mora slip models (constraint.ts): out of class for horizontal = words
// absent from the sentence, for vertical = words of the sentence. Seeded; training split only.
import { createRng } from '../src/data/random';
import { Transformer } from '../src/model/transformer';
import { makeConfig, type ModelSize } from '../src/model/config';
import { saveCheckpoint, loadCheckpoint } from '../src/model/checkpoint';
import { fileCheckpoint } from '../src/model/fileHandler';
import { train } from '../src/training/trainer';
import { cosineSchedule } from '../src/training/schedule';
import type { Pair } from '../src/training/dataset';
import type { Sentence } from '../src/speech/corpus';
import { makeLexicon } from '../src/speech/annotate';
import { distinctWords } from '../src/speech/datasets';
import {
  MAX_WORD_SOURCE,
  MAX_WORD_TARGET,
  WORD_REPETITION_RECIPE,
  WORD_SLIP_RECIPE,
  WORD_HORIZONTAL_SLIP_RECIPE,
  WordVocabulary,
  type WordRecipe,
  wordRepetitionPairs,
  wordSaladOf,
  wordSlipPairs,
} from '../src/speech/words';
import {
  constrainedLoss,
  LagrangeMultiplier,
  takeEpochTerms,
  type ConstraintLog,
} from '../src/speech/constraint';
import { SPEAKER_TASKS, type WordPart } from '../src/speech/speaker';

export const WORD_SIZE: ModelSize = {
  dModel: 32,
  nHeads: 4,
  dFF: 64,
  nLayers: 1,
  maxSourceLength: MAX_WORD_SOURCE,
  maxTargetLength: MAX_WORD_TARGET,
};

export interface WordStageOptions {
  readonly seed: number;
  readonly outDir: string;
  readonly epochs: number;
  readonly slipEpochs: number;
  readonly bound: number;
  readonly dualStep: number;
  readonly constrained: boolean;
  /** The vertical word model's narrower class: rivals of the label's category only. */
  readonly sameCategoryOnly: boolean;
  /** The word slip models' teaching data (default WORD_SLIP_RECIPE), per kind. */
  readonly slipRecipe?: Partial<Record<'horizontal' | 'vertical', WordRecipe>>;
}

export const WORD_RECIPE = { epochs: 12, rate: 3e-3, slipEpochs: 8, slipRate: 2e-3 } as const;

async function save(
  part: WordPart,
  model: Transformer,
  vocab: WordVocabulary,
  o: WordStageOptions,
  epochs: number,
  notes: Record<string, unknown>,
): Promise<void> {
  await saveCheckpoint(
    model,
    { source: vocab.vocab, target: vocab.vocab },
    {
      task: SPEAKER_TASKS[part],
      objective: 'honest',
      seed: o.seed,
      date: new Date().toISOString(),
      epochs,
      notes,
    },
    fileCheckpoint(`${o.outDir}/${part}`),
  );
  console.log(`saved ${o.outDir}/${part}`);
}

/** Trains the word repeater, then both word slip models from it. */
export async function trainWordStage(
  trainSet: readonly Sentence[],
  o: WordStageOptions,
  only?: WordPart,
): Promise<void> {
  const vocab = WordVocabulary.fromTraining(trainSet);
  const words = distinctWords(trainSet);
  const lexicon = makeLexicon(trainSet.flatMap((s) => s.words));
  const config = makeConfig(WORD_SIZE, { sourceVocabSize: vocab.size, targetVocabSize: vocab.size });
  console.log(`word stage: ${vocab.size} tokens`);
  if (only === undefined || only === 'word-repeater') {
    const rng = createRng(o.seed + 20);
    const model = Transformer.create(config, rng);
    const pairs = wordRepetitionPairs(trainSet, vocab, words, rng);
    const checkRng = createRng(o.seed + 120);
    const check: Pair[] = Array.from({ length: 100 }, () => {
      const e = vocab.encode(wordSaladOf(words, checkRng), { rng: checkRng, slotShare: 0.25 });
      return { source: e.source, target: e.target };
    });
    console.log(
      `word-repeater: ${model.parameterCount} parameters, ${pairs.length} pairs, ${o.epochs} epochs`,
    );
    const steps = Math.ceil(pairs.length / 32) * o.epochs;
    const result = await train(model, pairs, {
      objective: 'honest',
      epochs: o.epochs,
      batchSize: 32,
      schedule: cosineSchedule(WORD_RECIPE.rate, Math.round(steps * 0.05), 5e-5),
      rng,
      clipNorm: 1,
      evaluationPairs: check,
      evaluateEvery: 3,
      onEpoch: (m) => {
        console.log(
          `word-repeater epoch ${m.epoch} loss ${m.loss.toFixed(4)} ${m.trainSeconds.toFixed(0)} s` +
            (m.evaluation ? ` word salads exact ${m.evaluation.exactMatch}/${m.evaluation.total}` : ''),
        );
        return undefined;
      },
    });
    const last = result.epochs[result.epochs.length - 1];
    await save('word-repeater', model, vocab, o, o.epochs, {
      recipe: WORD_REPETITION_RECIPE,
      size: WORD_SIZE,
      peakRate: WORD_RECIPE.rate,
      trainSeconds: result.trainSeconds,
      wordSaladExact: last?.evaluation ? last.evaluation.exactMatch / last.evaluation.total : null,
    });
    model.dispose();
  }
  for (const kind of ['horizontal', 'vertical'] as const) {
    const part: WordPart = kind === 'horizontal' ? 'word-horizontal' : 'word-vertical';
    if (only !== undefined && only !== part) continue;
    const loaded = await loadCheckpoint(fileCheckpoint(`${o.outDir}/word-repeater`), {
      task: SPEAKER_TASKS['word-repeater'],
      sourceVocab: vocab.vocab,
      targetVocab: vocab.vocab,
    });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const model = loaded.checkpoint.model;
    const rng = createRng(o.seed + (kind === 'horizontal' ? 21 : 22));
    const recipe =
      o.slipRecipe?.[kind] ?? (kind === 'horizontal' ? WORD_HORIZONTAL_SLIP_RECIPE : WORD_SLIP_RECIPE);
    const pairs = wordSlipPairs(trainSet, kind, lexicon, vocab, words, rng, recipe);
    console.log(`${part}: ${pairs.length} slip pairs, ${o.slipEpochs} epochs`);
    const steps = Math.ceil(pairs.length / 32) * o.slipEpochs;
    const constraint = o.constrained ? { bound: o.bound, step: o.dualStep, max: 20 } : null;
    const multiplier = constraint ? new LagrangeMultiplier(constraint) : null;
    // The vertical word model's deviations belong on words of the label's category.
    const sameCategory = kind === 'vertical' && o.sameCategoryOnly;
    const outOf = sameCategory ? vocab.otherCategoryOut : vocab.alwaysOut;
    const log: ConstraintLog = { crossEntropy: 0, constraint: 0, steps: 0 };
    const perEpoch: { epoch: number; crossEntropy: number; constraint: number; lambda: number }[] = [];
    const result = await train(model, pairs, {
      objective: 'honest',
      epochs: o.slipEpochs,
      batchSize: 32,
      schedule: cosineSchedule(WORD_RECIPE.slipRate, Math.round(steps * 0.05), 2e-5),
      rng,
      clipNorm: 1,
      ...(multiplier ? { loss: constrainedLoss(kind, multiplier, log, outOf) } : {}),
      onEpoch: (m) => {
        const terms = takeEpochTerms(log, m.epoch, m.loss, multiplier);
        perEpoch.push(terms);
        console.log(
          `${part} epoch ${m.epoch} CE ${terms.crossEntropy.toFixed(4)} c ${terms.constraint.toFixed(3)}` +
            ` λ ${terms.lambda.toFixed(2)} ${m.trainSeconds.toFixed(0)} s`,
        );
        return undefined;
      },
    });
    await save(part, model, vocab, o, o.slipEpochs, {
      recipe,
      fineTunedFrom: 'word-repeater',
      peakRate: WORD_RECIPE.slipRate,
      constraint,
      sameCategoryOnly: sameCategory,
      perEpoch,
      trainSeconds: result.trainSeconds,
    });
    model.dispose();
  }
}
