import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { decoderInput, decoderLabels, labelLogProbs, padBatch } from '../../src/model/batch';
import { makeConfig, PRESETS } from '../../src/model/config';
import { attentionWeights, CandidateScorer, greedyDecode, scoreCandidates } from '../../src/model/inference';
import { Transformer } from '../../src/model/transformer';

const config = makeConfig(PRESETS.tiny, { sourceVocabSize: 9, targetVocabSize: 7 });

describe('inference on plain numbers', () => {
  const model = Transformer.create(config, createRng(3));
  afterAll(() => model.dispose());

  it('decodes a batch the same as each source on its own', () => {
    const sources = [[4, 5, 6], [7], [8, 8, 4, 5]];
    const batched = greedyDecode(model, sources);
    expect(batched).toEqual(sources.map((s) => greedyDecode(model, [s])[0]));
    for (const out of batched) expect(out.length).toBeLessThanOrEqual(config.maxTargetLength - 1);
  });

  it('decodes greedily: each output token is the arg-max given the tokens before it', () => {
    const [out] = greedyDecode(model, [[4, 5, 6]]);
    const input = decoderInput(out!);
    const logits = tf.tidy(
      () =>
        model
          .forward(padBatch([[4, 5, 6]]), padBatch([input]))
          .argMax(-1)
          .arraySync() as number[][],
    );
    expect(logits[0]!.slice(0, out!.length)).toEqual(out);
  });

  it('scores many candidates in one pass exactly as one at a time', () => {
    const candidates = [[4], [5, 6], [6, 6, 6, 4], []];
    const batched = scoreCandidates(model, [4, 5], candidates);
    candidates.forEach((c, i) => expect(batched[i]).toBeCloseTo(scoreCandidates(model, [4, 5], [c])[0]!, 4));
  });

  it('a CandidateScorer with cached target work gives the same scores, for all or a subset', () => {
    const candidates = [[4], [5, 6], [6, 6, 6, 4], [], [4, 4]];
    const scorer = new CandidateScorer(model, candidates);
    const plain = scoreCandidates(model, [4, 5, 6], candidates);
    scorer.score([4, 5, 6]).forEach((s, i) => expect(s).toBeCloseTo(plain[i]!, 4));
    const subset = scorer.score([4, 5, 6], [4, 1]);
    expect(subset[0]).toBeCloseTo(plain[4]!, 4);
    expect(subset[1]).toBeCloseTo(plain[1]!, 4);
    scorer.dispose();
  });

  it('scores a candidate as the sum of its token log-probabilities, EOS included', () => {
    const candidate = [5, 6];
    const expected = tf.tidy(() => {
      const logits = model.forward(padBatch([[4, 5]]), padBatch([decoderInput(candidate)]));
      return labelLogProbs(logits, padBatch([decoderLabels(candidate)]))
        .sum()
        .arraySync() as number;
    });
    expect(scoreCandidates(model, [4, 5], [candidate])[0]).toBeCloseTo(expected, 4);
  });

  it('gives probabilities of all one-token outputs that sum to at most 1', () => {
    const all = [4, 5, 6].map((t) => [t]);
    const total = scoreCandidates(model, [4], all).reduce((s, lp) => s + Math.exp(lp), 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(1);
  });

  it('returns attention maps whose rows are probability distributions over the right keys', () => {
    const maps = attentionWeights(model, [4, 5, 6], [5, 6]);
    expect(maps.cross).toHaveLength(config.nLayers);
    const cross = maps.cross[0]!;
    expect(cross).toHaveLength(config.nHeads);
    expect(cross[0]).toHaveLength(3); // BOS + 2 target tokens
    for (const row of cross[0]!) {
      expect(row).toHaveLength(3);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    const self = maps.decoderSelf[0]![0]!;
    expect(self[0]![1]).toBe(0); // causal: BOS does not see the next token
  });

  it('refuses an empty source', () => {
    expect(() => greedyDecode(model, [[]])).toThrow(/at least one/);
  });
});
