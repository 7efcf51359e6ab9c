import { describe, expect, it } from 'vitest';
import { DivergenceWatch } from '../../src/training/divergence';

describe('DivergenceWatch', () => {
  it('stops a learning rate of 1 on the talk preset (measured 5.1, 22.4, 46.8, 36.7) and keeps epoch 1', () => {
    const watch = new DivergenceWatch();
    expect(watch.epoch(1, 5.13).good).toBe(true);
    expect(watch.epoch(2, 22.39)).toEqual({ good: false });
    expect(watch.epoch(3, 46.81)).toEqual({ good: false });
    const verdict = watch.epoch(4, 36.72);
    expect(verdict.divergence).toMatchObject({ kind: 'rising', best: { epoch: 1, loss: 5.13 } });
    expect(watch.goodEpoch).toBe(1);
  });

  it('lets a healthy run and its noise near zero go on', () => {
    const watch = new DivergenceWatch();
    const losses = [3.9, 2.5, 1.6, 0.9, 0.5, 0.2, 0.05, 0.012, 0.015, 0.013, 0.016, 0.011];
    losses.forEach((loss, i) => expect(watch.epoch(i + 1, loss).divergence).toBeUndefined());
    expect(watch.goodEpoch).toBe(12);
  });

  it('calls a NaN step a divergence at once', () => {
    const watch = new DivergenceWatch(4);
    expect(watch.step(5, 120, 2.1)).toBeUndefined();
    expect(watch.step(5, 121, NaN)).toMatchObject({ kind: 'non-finite', epoch: 5, step: 121 });
    expect(watch.goodEpoch).toBe(4);
  });

  it('forgives a bad epoch followed by a good one', () => {
    const watch = new DivergenceWatch();
    for (const [i, loss] of [3, 5, 5, 2.9, 5, 5].entries())
      expect(watch.epoch(i + 1, loss).divergence).toBeUndefined();
    expect(watch.goodEpoch).toBe(4);
  });
});
