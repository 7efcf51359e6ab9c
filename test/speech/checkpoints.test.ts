// The shipped checkpoints: they load as the six parts of the speaker, the mora models with the
// mora vocabulary and the word models with the word vocabulary, and slip with pressure (held-out repetition: test/speech/heldout.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { useNodeBackend } from '../../src/model/backendNode';
import { loadCheckpoint } from '../../src/model/checkpoint';
import { fileCheckpoint } from '../../src/model/fileHandler';
import { makeLexicon } from '../../src/speech/annotate';
import { loadCorpus } from '../../src/speech/corpus';
import {
  loadSpeaker,
  SPEAKER_PARTS,
  SPEAKER_TASKS,
  WORD_PARTS,
  type Speaker,
} from '../../src/speech/speaker';
import { WordVocabulary } from '../../src/speech/words';
import { moraVocabulary } from '../../src/speech/vocab';

const DIR = 'assets/speech/checkpoints';

describe('the shipped speaker checkpoints', () => {
  let speaker: Speaker;
  beforeAll(async () => {
    await useNodeBackend('wasm');
    const loaded = await loadSpeaker((part) => fileCheckpoint(`${DIR}/${part}`));
    if (!loaded.ok) throw new Error(loaded.error.message);
    speaker = loaded.speaker;
  });

  it.each(SPEAKER_PARTS)('%s loads with its task, seed and the mora vocabulary', async (part) => {
    const loaded = await loadCheckpoint(fileCheckpoint(`${DIR}/${part}`), { task: SPEAKER_TASKS[part] });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.checkpoint.sourceVocab.equals(moraVocabulary())).toBe(true);
    expect(loaded.checkpoint.metadata.seed).toBe(7);
    loaded.checkpoint.model.dispose();
  });

  it.each(WORD_PARTS)(
    '%s loads with its task, seed and the word vocabulary of the training split',
    async (part) => {
      const loaded = await loadCheckpoint(fileCheckpoint(`${DIR}/${part}`), { task: SPEAKER_TASKS[part] });
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      expect(
        loaded.checkpoint.targetVocab.equals(WordVocabulary.fromTraining(loadCorpus().train).vocab),
      ).toBe(true);
      expect(loaded.checkpoint.metadata.seed).toBe(7);
      loaded.checkpoint.model.dispose();
    },
  );

  it('refuses a checkpoint of another part', async () => {
    const loaded = await loadCheckpoint(fileCheckpoint(`${DIR}/horizontal`), {
      task: SPEAKER_TASKS.repeater,
    });
    expect(loaded.ok).toBe(false);
  });

  it('slips at full pressure and hardly at all at pressure 0', () => {
    const corpus = loadCorpus();
    const lexicon = makeLexicon(corpus.train.flatMap((s) => s.words));
    const sentences = corpus.train.slice(0, 20);
    const rate = (pressure: number) => {
      const said = sentences.flatMap((s) =>
        speaker.sayMany(s, 'horizontal', pressure, createRng(2), 3, lexicon),
      );
      return said.filter((u) => u.errors.length > 0).length / said.length;
    };
    expect(rate(0)).toBeLessThan(0.1);
    expect(rate(1)).toBeGreaterThan(0.6);
  });
});
