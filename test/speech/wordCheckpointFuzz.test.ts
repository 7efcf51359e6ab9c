// Damaged word-stage checkpoints (seeded fuzz): whatever is wrong with one of the three word
// models' files, loading the speaker answers with a clear error value naming that part — it
// never throws, leaks no tensors — and the intact checkpoints still load and speak afterwards.
import * as tf from '@tensorflow/tfjs-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/data/random';
import { useNodeBackend } from '../../src/model/backendNode';
import { fileCheckpoint, MODEL_JSON, WEIGHTS_BIN } from '../../src/model/fileHandler';
import { makeLexicon } from '../../src/speech/annotate';
import { loadCorpus } from '../../src/speech/corpus';
import { loadSpeaker, WORD_PARTS, type SpeakerLoad, type WordPart } from '../../src/speech/speaker';

const DIR = 'assets/speech/checkpoints';
const work = mkdtempSync(join(tmpdir(), 'word-fuzz-'));

type Json = Record<string, unknown>;
type Topology = Json & { sourceVocab: string[]; targetVocab: string[]; config: Json };

/** One way a word checkpoint can be damaged: new model.json text and weights.bin bytes. */
type Damage = (json: string, weights: Uint8Array, rng: Rng) => { json: string; weights: Uint8Array };

const onTopology =
  (change: (t: Topology, rng: Rng) => void): Damage =>
  (json, weights, rng) => {
    const parsed = JSON.parse(json) as Json & { modelTopology: Topology };
    change(parsed.modelTopology, rng);
    return { json: JSON.stringify(parsed), weights };
  };

const DAMAGES: Record<string, Damage> = {
  'model.json cut short': (json, weights, rng) => ({
    json: json.slice(0, rng.int(0, json.length - 2)),
    weights,
  }),
  'model.json empty': (_json, weights) => ({ json: '', weights }),
  'model.json not JSON': (_json, weights) => ({ json: '\u0000\u00ff garbage {', weights }),
  'model.json an array': (_json, weights) => ({ json: '[1, 2, 3]', weights }),
  'weights.bin cut short': (json, weights, rng) => ({
    json,
    weights: weights.slice(0, rng.int(0, weights.length - 1)),
  }),
  'weights.bin empty': (json) => ({ json, weights: new Uint8Array(0) }),
  'a word token dropped from the vocabulary': onTopology((t, rng) => {
    const k = rng.int(20, t.targetVocab.length - 1);
    t.targetVocab.splice(k, 1);
    t.sourceVocab.splice(k, 1);
  }),
  'a word token duplicated': onTopology((t, rng) => {
    const k = rng.int(20, t.targetVocab.length - 1);
    t.targetVocab[k] = t.targetVocab[k - 1] as string;
    t.sourceVocab[k] = t.sourceVocab[k - 1] as string;
  }),
  'a word token renamed': onTopology((t, rng) => {
    const k = rng.int(100, t.targetVocab.length - 1);
    t.targetVocab[k] = 'ぬぬぬ:nothing';
    t.sourceVocab[k] = 'ぬぬぬ:nothing';
  }),
  'the vocabulary missing': onTopology((t) => {
    delete (t as Json).targetVocab;
  }),
  'the vocabulary not a list': onTopology((t) => {
    (t as Json).targetVocab = 'ぱん';
  }),
  'another task': onTopology((t) => {
    t.task = 'speech-repeater';
  }),
  'another width': onTopology((t) => {
    t.config = { ...t.config, dModel: 48 };
  }),
  'a negative size': onTopology((t) => {
    t.config = { ...t.config, nLayers: -1 };
  }),
  'no config': onTopology((t) => {
    delete (t as Json).config;
  }),
  'a future version': onTopology((t) => {
    t.version = 99;
  }),
  'bytes flipped in model.json': (json, weights, rng) => {
    const chars = [...json];
    for (let k = 0; k < 8; k++)
      chars[rng.int(0, chars.length - 1)] = rng.pick(['"', '{', ']', ',', 'x', '9']);
    return { json: chars.join(''), weights };
  },
};

/** The shipped checkpoints with `part` damaged by `damage`, in a fresh folder. */
function damagedCopy(part: WordPart, damage: Damage, seed: number): string {
  const dir = join(work, `${part}-${seed}`);
  cpSync(DIR, dir, { recursive: true });
  const json = readFileSync(join(DIR, part, MODEL_JSON), 'utf8');
  const weights = new Uint8Array(readFileSync(join(DIR, part, WEIGHTS_BIN)));
  const out = damage(json, weights, createRng(seed));
  writeFileSync(join(dir, part, MODEL_JSON), out.json);
  writeFileSync(join(dir, part, WEIGHTS_BIN), out.weights);
  return dir;
}

const load = (dir: string): Promise<SpeakerLoad> => loadSpeaker((part) => fileCheckpoint(`${dir}/${part}`));

const CASES = WORD_PARTS.flatMap((part, p) =>
  Object.entries(DAMAGES).map(([name, damage], d) => [part, name, damage, 100 * p + d] as const),
);

describe('damaged word-stage checkpoints', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(CASES)('%s with %s: a clear error for that part, no leak', async (part, _name, damage, seed) => {
    const dir = damagedCopy(part, damage, seed);
    const before = tf.memory().numTensors;
    const loaded = await load(dir);
    if (loaded.ok) loaded.speaker.dispose();
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.part).toBe(part);
    expect(loaded.error.message.length).toBeGreaterThan(10);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the intact checkpoints still load and speak after every damaged load', async () => {
    const loaded = await load(DIR);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const corpus = loadCorpus();
    const lexicon = makeLexicon(corpus.train.flatMap((s) => s.words));
    const s = corpus.train[0]!;
    const said = loaded.speaker.say(s, 'intact', 0, createRng(1), lexicon);
    expect(said.spoken.join('')).toBe(s.morae.join(''));
    loaded.speaker.dispose();
  });
});
