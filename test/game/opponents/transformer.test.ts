import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kimarijiLength } from '../../../src/data/kimariji';
import { toMorae } from '../../../src/data/mora';
import { POEMS } from '../../../src/data/poems';
import { createRng } from '../../../src/data/random';
import { OPPONENT_LEVELS } from '../../../src/game/opponents/levels';
import { MIN_REACTION_MS, TransformerOpponent } from '../../../src/game/opponents/transformer';
import { TransformerListener } from '../../../src/game/opponents/transformerListener';
import { loadCheckpoint } from '../../../src/model/checkpoint';
import { fileCheckpoint } from '../../../src/model/fileHandler';
import { useNodeBackend } from '../../../src/model/backendNode';
import { Transformer } from '../../../src/model/transformer';

const ALL = POEMS.map((p) => p.no);
/** The strongest level commits above this belief. */
const SURE = OPPONENT_LEVELS.master.commitAt;
const morae = (no: number) => toMorae(POEMS[no - 1]!.kami.reading);

/** Feeds the upper half of `no`; returns the first reach and after how many morae. */
function listen(opponent: TransformerOpponent, no: number) {
  const heard = morae(no);
  for (let i = 0; i < heard.length; i++) {
    const reach = opponent.hear({ index: i, mora: heard[i]!, atMs: i * 300 });
    if (reach) return { reach, morae: i + 1 };
  }
  return null;
}

describe('the Transformer opponent with the shipped checkpoint', () => {
  let listener: TransformerListener;
  let untrained: TransformerListener;
  beforeAll(async () => {
    await useNodeBackend('wasm');
    const loaded = await loadCheckpoint(fileCheckpoint('assets/checkpoints/opponent'), { task: 'listener' });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const { model, sourceVocab, targetVocab } = loaded.checkpoint;
    listener = TransformerListener.fromCheckpoint(loaded.checkpoint);
    untrained = new TransformerListener(
      Transformer.create(model.config, createRng(1)),
      sourceVocab,
      targetVocab,
    );
  });
  afterAll(() => {
    listener.dispose();
    untrained.dispose();
  });

  it('believes all unread poems equally before a sound, and its belief always sums to 1', () => {
    const before = listener.belief([], [3, 5, 8]);
    expect([...before.values()]).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const after = listener.belief(['あ', 'き'], ALL);
    expect([...after.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('never passes the commit threshold before the kimariji, and passes it at the kimariji for nearly every poem', () => {
    let sureAtKimariji = 0;
    for (const no of ALL) {
      const k = kimarijiLength(no, ALL);
      const heard = morae(no);
      if (k > 1) expect(listener.belief(heard.slice(0, k - 1), ALL).get(no)).toBeLessThan(SURE);
      if ((listener.belief(heard.slice(0, k), ALL).get(no) ?? 0) > SURE) sureAtKimariji++;
    }
    // Measured on the shipped 'strong' recipe (end mark, bigram encoder, deciding pairs with
    // repeats, transposed gradients, lead weight ×2): 100 of 100 (the one before: 99, 27 at
    // 0.89), none ≥ 0.9 one sound before. The older
    // prefix recipe had 94 (30, 31, 64, 76, 79, 100 one sound late): this test failed on it.
    expect(sureAtKimariji).toBeGreaterThanOrEqual(99);
  });

  it('hears 44 おうことの by sound: おお is shared with 60 and 95, so it waits for こ', () => {
    const heard = morae(44);
    expect(listener.belief(heard.slice(0, 2), ALL).get(44)).toBeLessThan(SURE);
    expect(listener.belief(heard.slice(0, 3), ALL).get(44)).toBeGreaterThan(SURE);
  });

  it('follows the dynamic kimariji: once 21 いまこ has been read, 63 いまは is decided at いま', () => {
    const unread = ALL.filter((no) => no !== 21);
    expect(listener.belief(morae(63).slice(0, 2), unread).get(63)).toBeGreaterThan(SURE);
    expect(listener.belief(morae(63).slice(0, 2), ALL).get(63)).toBeLessThan(SURE);
  });

  // The echoed openings where the master was late in play: こ-こ (68 once 29 こころあ is read) and
  // お-お (95 once 44 おうこ and 60 おおえ are read). The checkpoint before the bigram encoder
  // gave 68 0.35 and 95 0.47 here (some belief stayed on the こ and お cards that the echo rules
  // out): this test failed on it. Untrained weights stay near uniform.
  it.each([
    [68, [29]],
    [95, [44, 60]],
  ])('hears an echoed sound: %i is decided after two sounds once %j are read', (no, read) => {
    const unread = ALL.filter((n) => !read.includes(n));
    const twoSounds = morae(no).slice(0, 2);
    expect(twoSounds[0]).toBe(twoSounds[1]);
    expect(listener.belief(twoSounds, unread).get(no)).toBeGreaterThan(SURE);
    expect(listener.belief(twoSounds.slice(0, 1), unread).get(no)).toBeLessThan(SURE);
    expect(untrained.belief(twoSounds, unread).get(no)).toBeLessThan(SURE);
  });

  it('shows the level it plays in its name, in Japanese and English', () => {
    const opponent = new TransformerOpponent(listener, OPPONENT_LEVELS.beginner, 1);
    expect(opponent.name.ja).toContain(OPPONENT_LEVELS.beginner.label.ja);
    expect(opponent.name.en).toContain(OPPONENT_LEVELS.beginner.label.en);
    expect(opponent.level.label).toEqual(OPPONENT_LEVELS.beginner.label);
  });

  it('gives a weak level more time when the reading is slower, the strongest none', () => {
    const takeAt = (level: keyof typeof OPPONENT_LEVELS, moraMs: number) => {
      const opponent = new TransformerOpponent(listener, OPPONENT_LEVELS[level], 1);
      opponent.beginReading({ own: [], other: [], common: ALL, unread: ALL });
      // 31 あさぼらけあ: あ is shared by 16 poems, so even the beginner hears two sounds or more
      // (and so the pace) before it commits; read at the given pace.
      const heard = morae(31);
      for (let i = 0; i < heard.length; i++) {
        const reach = opponent.hear({ index: i, mora: heard[i]!, atMs: i * moraMs });
        if (reach) return reach.atMs - i * moraMs;
      }
      return null;
    };
    // Same seed, same reaction noise: only the pace differs.
    expect(takeAt('beginner', 440)! - takeAt('beginner', 220)!).toBeGreaterThan(0);
    expect(takeAt('master', 440)).toBeCloseTo(takeAt('master', 220)!, 6);
  });

  it('reaches for the read card at its kimariji, one reaction time after the sound', () => {
    const opponent = new TransformerOpponent(listener, OPPONENT_LEVELS.master, 1);
    opponent.beginReading({ own: [], other: [], common: ALL, unread: ALL });
    const take = listen(opponent, 87); // む: a one-sound card
    expect(take?.reach.card).toBe(87);
    expect(take?.morae).toBe(1);
    expect(take!.reach.atMs).toBeGreaterThanOrEqual(MIN_REACTION_MS);
    expect(opponent.latest?.decided).toBe(87);
  });

  it('holds back when its belief points to a karafuda (a poem whose card is not on the field)', () => {
    const opponent = new TransformerOpponent(listener, OPPONENT_LEVELS.master, 1);
    const field = ALL.filter((no) => no !== 87);
    opponent.beginReading({ own: field.slice(0, 25), other: field.slice(25, 50), common: [], unread: ALL });
    expect(listen(opponent, 87)).toBeNull();
    expect(opponent.latest?.decided).toBe(87);
  });

  it('sends one card of a 友札 pair it holds, the one decided last', () => {
    const opponent = new TransformerOpponent(listener, OPPONENT_LEVELS.master, 1);
    const own = [87, 18, 31, 64, 15];
    const sent = opponent.chooseSend({ own, other: [], common: [], unread: ALL });
    expect([31, 64]).toContain(sent);
  });

  it('an untrained model of the same shape rarely believes the right poem even after a whole upper half', () => {
    const sample = ALL.filter((no) => no % 5 === 0);
    const top = (l: TransformerListener, no: number) => {
      const belief = [...l.belief(morae(no), ALL)];
      return belief.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    };
    expect(sample.filter((no) => top(untrained, no) === no).length).toBeLessThanOrEqual(2);
    expect(sample.filter((no) => top(listener, no) === no).length).toBe(sample.length);
  });
});
