// The shipped word stage (src/speech/words.ts, speaker.ts `planWords`): sampled freely, the
// vertical word model's changes are same-category whole-word substitutions and the horizontal
// one's bring in words of the sentence (about half of each), far more often than the same architecture with untrained
// weights at the same pressure; the speaker labels each error with the stage that made it.
// Training sentences only (the held-out ones are the benchmark's).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { useNodeBackend } from '../../src/model/backendNode';
import { fileCheckpoint } from '../../src/model/fileHandler';
import { Transformer } from '../../src/model/transformer';
import { annotate, makeLexicon, type Intended } from '../../src/speech/annotate';
import { loadCorpus } from '../../src/speech/corpus';
import { DEFAULT_PRESSURE, loadSpeaker, Speaker, stageErrors, type SlipPart } from '../../src/speech/speaker';

const DIR = 'assets/speech/checkpoints';
const corpus = loadCorpus();
const lexicon = makeLexicon(corpus.all.flatMap((s) => s.words));
const sentences: Intended[] = corpus.train
  .filter((s) => s.source === 'everyday' && s.words.filter((w) => w.category).length >= 2)
  .slice(0, 40);

describe('the shipped word stage', () => {
  let speaker: Speaker;
  let untrained: Speaker;
  beforeAll(async () => {
    await useNodeBackend('wasm');
    const loaded = await loadSpeaker((part) => fileCheckpoint(`${DIR}/${part}`));
    if (!loaded.ok) throw new Error(loaded.error.message);
    speaker = loaded.speaker;
    const words = speaker.words!;
    const random = Transformer.create(words.models.repeater.config, createRng(99));
    untrained = new Speaker(speaker.models, speaker.vocab, {
      vocab: words.vocab,
      models: { repeater: words.models.repeater, horizontal: random, vertical: random },
    });
    // The same raw word-stage pressure for both, at the default knob.
    for (const s of [speaker, untrained]) s.wordCalibration = { horizontal: 0.15, vertical: 0.15 };
  });

  /** Of the word choices that differ from the intended words, the share `keep` accepts. */
  function share(s: Speaker, mode: SlipPart, keep: (errors: ReturnType<typeof annotate>) => boolean): number {
    const rng = createRng(5);
    const changed = sentences
      .flatMap((x) => s.planWords(x, mode, DEFAULT_PRESSURE, rng, 12).map((plan) => ({ x, plan })))
      .filter(({ x, plan }) => plan !== x)
      .map(({ x, plan }) => annotate(x, plan.morae, lexicon));
    expect(changed.length).toBeGreaterThan(20);
    return changed.filter(keep).length / changed.length;
  }

  it('vertical: half of the word changes are same-category whole-word substitutions; untrained weights make few', () => {
    const sameCategory = (errors: ReturnType<typeof annotate>) =>
      errors.length > 0 &&
      errors.every((e) => e.unit === 'word' && e.class === 'vertical' && e.relation === 'same-category');
    const trained = share(speaker, 'vertical', sameCategory);
    const control = share(untrained, 'vertical', sameCategory);
    console.log(
      `word changes all same-category: trained ${trained.toFixed(3)}, untrained ${control.toFixed(3)}`,
    );
    expect(trained).toBeGreaterThan(0.4);
    expect(trained - control).toBeGreaterThan(0.3);
  });

  it('horizontal: half of the word changes bring in words of the sentence; untrained weights bring in outside words', () => {
    const fromSentence = (errors: ReturnType<typeof annotate>) =>
      errors.length > 0 && errors.every((e) => e.class === 'horizontal');
    const trained = share(speaker, 'horizontal', fromSentence);
    const control = share(untrained, 'horizontal', fromSentence);
    console.log(
      `word changes all horizontal: trained ${trained.toFixed(3)}, untrained ${control.toFixed(3)}`,
    );
    expect(trained).toBeGreaterThan(0.4);
    expect(trained - control).toBeGreaterThan(0.3);
  });

  it('leaves no tensor behind when both stages speak', () => {
    const s = sentences[1]!;
    const run = () => speaker.sayMany(s, 'vertical', 0.8, createRng(1), 8, lexicon);
    run();
    const before = tf.memory().numTensors;
    run();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('says which stage made each error', () => {
    const s = sentences[0]!;
    const said = speaker.sayMany(s, 'vertical', 0.6, createRng(3), 30, lexicon);
    const word = said.filter((u) => u.planned.join('') !== s.morae.join(''));
    expect(word.length).toBeGreaterThan(0);
    for (const u of word) expect(u.errors.some((e) => e.stage === 'word')).toBe(true);
    for (const u of said.filter((u) => u.planned.join('') === s.morae.join('')))
      expect(u.errors.every((e) => e.stage === 'mora')).toBe(true);
  });
});

describe('stage labels', () => {
  it('give an error the word stage when it overlaps a word-stage change, else the mora stage', () => {
    const base = {
      type: 'substitution',
      direction: 'none',
      class: 'vertical',
      relation: 'other',
      source: null,
      intendedText: '',
      spokenText: '',
    } as const;
    const word = {
      ...base,
      unit: 'word',
      intended: { start: 2, end: 5 },
      spoken: { start: 2, end: 5 },
    } as const;
    const mora = {
      ...base,
      unit: 'mora',
      intended: { start: 7, end: 8 },
      spoken: { start: 7, end: 8 },
    } as const;
    expect(stageErrors([word, mora], [word]).map((e) => e.stage)).toEqual(['word', 'mora']);
    expect(stageErrors([word, mora], []).map((e) => e.stage)).toEqual(['mora', 'mora']);
  });
});
