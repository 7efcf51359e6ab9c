import { describe, expect, it } from 'vitest';
import {
  TourAborted,
  TourRunner,
  abortableWait,
  type TourFrame,
  type TourScript,
} from '../../../src/game/panels/tour/runner';

/** A wait that resolves on the next turn of the event loop, recording what was asked. */
function fastWait(asked: number[]) {
  return (ms: number, signal: AbortSignal) => {
    asked.push(ms);
    return abortableWait(0, signal);
  };
}

function script(log: string[], steps = 3): TourScript {
  return {
    id: 'lab',
    title: { ja: 'ツアー', en: 'Tour' },
    reset: () => void log.push('reset'),
    steps: Array.from({ length: steps }, (_, i) => ({
      caption: { ja: `手順${i}`, en: `step ${i}` },
      holdMs: 1000 * (i + 1),
      act: () => void log.push(`act ${i}`),
    })),
  };
}

describe('a guided tour', () => {
  it('plays its steps in order, holding each caption, and loops back to the start', async () => {
    const log: string[] = [];
    const asked: number[] = [];
    const frames: TourFrame[] = [];
    const runner = new TourRunner(script(log), {
      wait: fastWait(asked),
      timeScale: 2,
      show: (frame) => {
        frames.push(frame);
        // Let it go round twice, then the visitor touches the screen during the second pass.
        if (frame.pass === 2 && frame.step === 1) runner.stop('handed-over');
      },
    });
    await runner.play();
    expect(log).toEqual(['reset', 'act 0', 'act 1', 'act 2', 'reset', 'act 0']);
    // Hold times are divided by the test speed-up.
    expect(asked.slice(0, 3)).toEqual([500, 1000, 1500]);
    expect(runner.state).toBe('handed-over');
    // Handed over where it was: the frame keeps the step the visitor saw.
    expect(runner.current).toMatchObject({ state: 'handed-over', step: 1, pass: 2 });
  });

  it('plays once and stops when asked not to loop', async () => {
    const log: string[] = [];
    const runner = new TourRunner(script(log, 2), { wait: fastWait([]), show: () => {}, once: true });
    await runner.play();
    expect(log).toEqual(['reset', 'act 0', 'act 1']);
    expect(runner.state).toBe('stopped');
  });

  it('waits for a slow action as well as for the hold, and aborts the action on a handover', async () => {
    let aborted = false;
    const runner = new TourRunner(
      {
        id: 'lab',
        title: { ja: 'ツアー', en: 'Tour' },
        steps: [
          {
            caption: { ja: '長い', en: 'long' },
            holdMs: 0,
            act: (signal) =>
              new Promise<void>((_, reject) =>
                signal.addEventListener('abort', () => {
                  aborted = true;
                  reject(new TourAborted());
                }),
              ),
          },
        ],
      },
      { wait: fastWait([]), show: () => {} },
    );
    const playing = runner.play();
    await new Promise((done) => setTimeout(done, 20));
    // The hold (0 ms) is long over; the step still plays because its action has not finished.
    expect(runner.current).toMatchObject({ state: 'playing', step: 0 });
    runner.stop('handed-over');
    await playing;
    expect(aborted).toBe(true);
    expect(runner.state).toBe('handed-over');
  });

  it('says so when a step fails, instead of looping over a broken lab', async () => {
    const runner = new TourRunner(
      {
        id: 'lab',
        title: { ja: 'ツアー', en: 'Tour' },
        steps: [
          {
            caption: { ja: '壊れた', en: 'broken' },
            act: () => {
              throw new Error('no model');
            },
          },
        ],
      },
      { wait: fastWait([]), show: () => {} },
    );
    await runner.play();
    expect(runner.current).toMatchObject({ state: 'failed', step: 0, error: 'no model' });
  });

  it('starts again from the first step when played after a handover', async () => {
    const log: string[] = [];
    let stopAt = true;
    const runner = new TourRunner(script(log, 2), {
      wait: fastWait([]),
      once: true,
      show: (frame) => {
        if (stopAt && frame.step === 1) {
          stopAt = false;
          runner.stop('handed-over');
        }
      },
    });
    await runner.play();
    await runner.play();
    expect(log).toEqual(['reset', 'act 0', 'reset', 'act 0', 'act 1']);
    expect(runner.state).toBe('stopped');
  });
});
