// Telling a run that is going wrong from one that is merely noisy. A loss that is NaN or
// infinite at any step has diverged at once. An epoch whose mean loss is well above the best
// epoch so far (by `minRise` of it plus `minAbsolute`, so noise near zero does not count) is a
// bad epoch; `badEpochs` of them in a row is divergence (a learning rate of 1 does this: the
// talk preset measured 5.1, 22.4, 46.8, 36.7 over its first four epochs). The last good epoch
// is the last one that was not bad: that is what the run keeps.

export interface DivergenceOptions {
  readonly badEpochs: number;
  /** How far above the best loss, as a fraction of it, an epoch must be to count as bad. */
  readonly minRise: number;
  /** …plus this many nats. */
  readonly minAbsolute: number;
}

export const DEFAULT_DIVERGENCE: DivergenceOptions = { badEpochs: 3, minRise: 0.1, minAbsolute: 0.05 };

export type Divergence =
  | { readonly kind: 'non-finite'; readonly epoch: number; readonly step: number; readonly loss: number }
  | {
      readonly kind: 'rising';
      readonly epoch: number;
      /** The best epoch's loss, then the bad epochs' losses. */
      readonly best: { readonly epoch: number; readonly loss: number };
      readonly losses: readonly number[];
    };

export class DivergenceWatch {
  private best: { epoch: number; loss: number } | undefined;
  private bad: number[] = [];
  /** The last epoch the run could be trusted at (0, or the epoch it started from: none yet). */
  goodEpoch: number;

  constructor(
    startEpoch = 0,
    private readonly options: DivergenceOptions = DEFAULT_DIVERGENCE,
  ) {
    this.goodEpoch = startEpoch;
  }

  /** A step's loss: a divergence when it is not a finite number. */
  step(epoch: number, step: number, loss: number): Divergence | undefined {
    return Number.isFinite(loss) ? undefined : { kind: 'non-finite', epoch, step, loss };
  }

  /** An epoch's mean loss: whether it is good (the new last good epoch) and any divergence. */
  epoch(epoch: number, loss: number): { good: boolean; divergence?: Divergence } {
    if (!Number.isFinite(loss))
      return { good: false, divergence: { kind: 'non-finite', epoch, step: -1, loss } };
    const best = this.best;
    const bad =
      best !== undefined && loss > best.loss * (1 + this.options.minRise) + this.options.minAbsolute;
    if (!best || loss < best.loss) this.best = { epoch, loss };
    if (!bad) {
      this.bad = [];
      this.goodEpoch = epoch;
      return { good: true };
    }
    this.bad.push(loss);
    if (this.bad.length >= this.options.badEpochs && best) {
      return { good: false, divergence: { kind: 'rising', epoch, best, losses: [...this.bad] } };
    }
    return { good: false };
  }
}
