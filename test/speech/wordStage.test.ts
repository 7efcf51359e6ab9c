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

describe("the word stage draws from the slip model's nucleus", () => {
  // A scripted word slip model: at every step the intended word gets logit 9, one outside rival
  // of the same part of speech logit 8, every other token 0 — with some 600 nouns in the frame,
  // about 0.69 / 0.26 / 0.05 of the frame's mass. With top-p 0.9 the nucleus is the intended
  // word and the rival: the long tail (hundreds of words, each unlikely) is never drawn.
  it('never says a word outside the nucleus, and the rival when it changes a word', async () => {
    await useNodeBackend('wasm');
    const loaded = await loadSpeaker((part) => fileCheckpoint(`${DIR}/${part}`));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const shipped = loaded.speaker;
    const words = shipped.words!;
    const x = sentences[0]!;
    const encoded = words.vocab.encode(x);
    const inSentence = new Set(encoded.target);
    const rivalOf = (id: number): number => {
      const pos = words.vocab.partOfSpeech(id);
      for (let v = 0; v < words.vocab.size; v++)
        if (!inSentence.has(v) && pos !== null && words.vocab.partOfSpeech(v) === pos) return v;
      return id;
    };
    const V = words.vocab.size;
    const stub = {
      config: words.models.repeater.config,
      encode: (src: tf.Tensor2D) => tf.zeros([src.shape[0], src.shape[1], 4]) as tf.Tensor3D,
      decode: (_memory: tf.Tensor3D, _src: tf.Tensor2D, input: tf.Tensor2D) => {
        const [batch, length] = input.shape;
        const logits = new Float32Array(batch * length * V);
        for (let b = 0; b < batch; b++)
          for (let t = 0; t < length; t++) {
            const meant = encoded.target[t] ?? 0;
            logits[(b * length + t) * V + meant] = 9;
            logits[(b * length + t) * V + rivalOf(meant)] = 8;
          }
        return tf.tensor3d(logits, [batch, length, V]);
      },
    } as unknown as Transformer;
    const s = new Speaker(shipped.models, shipped.vocab, {
      vocab: words.vocab,
      models: { repeater: words.models.repeater, horizontal: stub, vertical: stub },
    });
    // Raw word pressure 0.6 at the default knob: the slip model wins every slot, temperature 1.
    s.wordCalibration = { horizontal: 0.6, vertical: 0.6 };
    s.decoding = { ...s.decoding, topP: 0.9 };
    const rivals = new Set(encoded.target.map(rivalOf));
    const said = s.planWords(x, 'horizontal', DEFAULT_PRESSURE, createRng(8), 200);
    const chosen = said.flatMap((plan) => (plan === x ? [] : words.vocab.encode(plan).target));
    expect(said.filter((plan) => plan !== x).length).toBeGreaterThan(20);
    for (const id of chosen) expect(inSentence.has(id) || rivals.has(id)).toBe(true);
    shipped.dispose();
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
