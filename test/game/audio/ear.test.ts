// The opponent's ear in listening practice: what it says, from the shipped listener's real
// belief, beside untrained weights of the same shape (the control).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMorae } from '../../../src/data/mora';
import { POEMS } from '../../../src/data/poems';
import { createRng } from '../../../src/data/random';
import {
  cardOpening,
  earMoment,
  earVerdict,
  ordinal,
  verdictText,
  type EarMoment,
} from '../../../src/game/audio/ear';
import { commitChoice, OPPONENT_LEVELS } from '../../../src/game/opponents/levels';
import { TransformerListener } from '../../../src/game/opponents/transformerListener';
import { loadCheckpoint } from '../../../src/model/checkpoint';
import { fileCheckpoint } from '../../../src/model/fileHandler';
import { useNodeBackend } from '../../../src/model/backendNode';
import { Transformer } from '../../../src/model/transformer';

const ALL = POEMS.map((p) => p.no);
const SURE = OPPONENT_LEVELS.master.commitAt;

/** The ear's moments over the upper half of `no`, as the lab computes them. */
function hearPoem(listener: TransformerListener, no: number, unread: readonly number[] = ALL): EarMoment[] {
  const morae = toMorae(POEMS[no - 1]!.kami.reading);
  return morae.map((_, i) => {
    const heard = morae.slice(0, i + 1);
    const belief = listener.belief(heard, unread);
    return earMoment(heard, unread, belief, commitChoice(belief, SURE)?.poem ?? null);
  });
}

describe("the opponent's ear", () => {
  let listener: TransformerListener;
  let untrained: TransformerListener;
  beforeAll(async () => {
    await useNodeBackend('wasm');
    const loaded = await loadCheckpoint(fileCheckpoint('assets/checkpoints/opponent'), { task: 'listener' });
    if (!loaded.ok) throw new Error(loaded.error.message);
    listener = TransformerListener.fromCheckpoint(loaded.checkpoint);
    const { model, sourceVocab, targetVocab } = loaded.checkpoint;
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

  it('hears the tour poem 15 split with 50 until its kimariji, the 6th sound, and decides there', () => {
    const moments = hearPoem(listener, 15);
    expect(moments.map((m) => m.possible).slice(0, 6)).toEqual([3, 2, 2, 2, 2, 1]);
    const split = moments[4]!;
    expect(split.decided).toBeNull();
    expect(split.top.map((c) => c.poem).sort()).toEqual([15, 50]);
    const verdict = earVerdict(moments, 15, ALL);
    expect(verdict).toMatchObject({
      poem: 15,
      right: true,
      atSound: 6,
      kimariji: 6,
      kimarijiKana: 'きみがためは',
    });
    expect(verdictText(verdict!).ja).toContain('これより早く分かる聴き手はいません');
    expect(verdictText(verdict!).en).toContain('the 6th sound');
    expect(verdictText(verdict!).en).toContain('kimigatameha');
  });

  it('decides the one-sound card 87 at its first sound', () => {
    expect(earVerdict(hearPoem(listener, 87), 87, ALL)).toMatchObject({ poem: 87, atSound: 1, kimariji: 1 });
  });

  it('untrained weights (the control) never settle on 15 and spread their belief', () => {
    const moments = hearPoem(untrained, 15);
    expect(earVerdict(moments, 15, ALL)).toBeNull();
    expect(moments.at(-1)!.top[0]!.p).toBeLessThan(SURE);
  });

  it('the candidates are the most believed first, at least 1 % each, five at most', () => {
    const belief = new Map([
      [3, 0.005],
      [5, 0.3],
      [8, 0.3],
      [9, 0.2],
      [10, 0.1],
      [11, 0.05],
      [12, 0.045],
    ]);
    const m = earMoment(['あ'], ALL, belief, null);
    expect(m.top.map((c) => c.poem)).toEqual([5, 8, 9, 10, 11]);
    expect(m.possible).toBe(16); // the 16 poems that open with あ
  });

  it('a verdict says when it came against the kimariji: late, a guess, or wrong', () => {
    const base = {
      poem: 31,
      right: true,
      kimariji: 6,
      kimarijiKana: 'あさぼらけあ',
      kimarijiReading: 'あさぼらけあ',
      p: 0.99,
    };
    expect(verdictText({ ...base, atSound: 7 }).en).toContain('1 sound after the kimariji');
    expect(verdictText({ ...base, atSound: 7 }).ja).toContain('1 音遅れて');
    expect(verdictText({ ...base, atSound: 4 }).en).toContain('a guess');
    expect(verdictText({ ...base, poem: 64, right: false, atSound: 6 }).en).toContain('the wrong poem');
  });

  it('writes English ordinals and the card opening with its romaji', () => {
    expect([1, 2, 3, 4, 6, 11, 12, 13, 21, 22].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '6th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
    ]);
    expect(cardOpening(15)).toEqual({ kana: 'わかころもてに', romaji: 'wagakoromodeni' });
  });
});
