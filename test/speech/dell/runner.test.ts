import { describe, expect, it } from 'vitest';
import { NORMAL_PARAMS, simulate } from '../../../src/speech/dell/model';
import { createLatestRunner, type RunOutcome, type RunRequest } from '../../../src/speech/dell/runner';
import type { FromRunWorker, ToRunWorker } from '../../../src/speech/dell/runWorker';

/** A stand-in for the run worker: holds each posted run until the test lets it answer. */
class FakeWorker extends EventTarget {
  readonly posted: ToRunWorker[] = [];
  terminated = false;
  postMessage(message: ToRunWorker): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers the oldest unanswered run, as the real worker would. */
  answer(): void {
    const run = this.posted.shift();
    if (!run) throw new Error('nothing to answer');
    const { proportions } = simulate(run.params, run.trials, run.seed);
    const data: FromRunWorker = { type: 'result', id: run.id, proportions, ms: 1 };
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

const request = (s: number, seed = 1): RunRequest => ({ params: { ...NORMAL_PARAMS, s }, trials: 50, seed });

describe('the chart’s run queue', () => {
  it('runs one at a time, drops requests overtaken before they start, and ends on the newest', () => {
    const worker = new FakeWorker();
    const shown: RunOutcome[] = [];
    const runner = createLatestRunner(
      (outcome) => shown.push(outcome),
      (message) => {
        throw new Error(message);
      },
      () => worker as unknown as Worker,
    );
    for (let k = 1; k <= 25; k++) runner.request(request(0.002 * k));
    expect(worker.posted).toHaveLength(1); // the first is running; only the 25th waits
    expect(runner.busy).toBe(true);
    worker.answer();
    expect(worker.posted).toHaveLength(1);
    expect(worker.posted[0]!.params.s).toBeCloseTo(0.05, 12);
    worker.answer();
    expect(runner.busy).toBe(false);
    expect(shown.map((o) => o.params.s)).toEqual([0.002, 0.05]);
    expect(shown[1]!.proportions).toEqual(simulate(request(0.05).params, 50, 1).proportions);
    expect(shown.every((o) => o.where === 'worker')).toBe(true);
  });

  it('finishes on the main thread when no worker can be started', () => {
    const shown: RunOutcome[] = [];
    const runner = createLatestRunner(
      (outcome) => shown.push(outcome),
      () => {},
      () => {
        throw new Error('no workers here');
      },
    );
    runner.request(request(0.03, 4));
    expect(shown).toHaveLength(1);
    expect(shown[0]!.where).toBe('main');
    expect(shown[0]!.proportions).toEqual(simulate(request(0.03).params, 50, 4).proportions);
  });

  it('reports nothing after it is disposed', () => {
    const worker = new FakeWorker();
    const shown: RunOutcome[] = [];
    const runner = createLatestRunner(
      (outcome) => shown.push(outcome),
      () => {},
      () => worker as unknown as Worker,
    );
    runner.request(request(0.03));
    runner.dispose();
    worker.answer();
    expect(shown).toEqual([]);
    expect(worker.terminated).toBe(true);
  });
});
