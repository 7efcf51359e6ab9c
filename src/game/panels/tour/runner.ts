// A guided tour's timeline, without the DOM: steps play in order, each showing its caption for
// at least its hold time while its action runs; the last step leads back to the first (a tour at
// an event loops by itself). The visitor's first touch stops it where it is and hands them the
// lab as the tour left it: nothing is undone. Pure, so the order, the loop and the handover are
// unit-tested with a fake clock (test/game/tourRunner.test.ts); tourView.ts draws it.
import type { Bilingual } from '../../i18n';

export interface TourStep {
  /** What the visitor reads while the step plays: one or two short sentences. */
  readonly caption: Bilingual;
  /**
   * What the step does in the lab: presses the lab's own controls, waits for its model. It must
   * return soon after `signal` aborts (the visitor took over, or the panel closed).
   */
  readonly act?: (signal: AbortSignal) => Promise<void> | void;
  /** The caption stays at least this long, ms (before the test speed-up); default 4000. */
  readonly holdMs?: number;
  /** The element the caption speaks of: outlined and scrolled into view. */
  readonly target?: () => Element | null | undefined;
}

export interface TourScript {
  /** The lab it belongs to: 'listen', 'training', 'speech', 'dell'. */
  readonly id: string;
  readonly title: Bilingual;
  readonly steps: readonly TourStep[];
  /** Puts the lab where the tour begins; runs before every pass, with the pass's signal. */
  readonly reset?: (signal: AbortSignal) => Promise<void> | void;
}

export type TourState = 'idle' | 'playing' | 'handed-over' | 'stopped' | 'failed';

export interface TourFrame {
  readonly state: TourState;
  /** Index of the step showing (-1 before the first). */
  readonly step: number;
  /** Passes begun, from 1. */
  readonly pass: number;
  readonly error?: string;
}

export interface TourRunnerOptions {
  /** Resolves after `ms`, or rejects at once when `signal` aborts. */
  readonly wait: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Called on every change of state or step. */
  readonly show: (frame: TourFrame, step: TourStep | undefined) => void;
  /** Hold times are divided by this (?testSpeed=); default 1. */
  readonly timeScale?: number;
  /** Play once and stop instead of looping. */
  readonly once?: boolean;
}

export const DEFAULT_HOLD_MS = 4000;

/** Waits `ms` with setTimeout; rejects with the signal's reason when it aborts. */
export function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new TourAborted());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TourAborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export class TourAborted extends Error {
  constructor() {
    super('tour stopped');
    this.name = 'TourAborted';
  }
}

/** Rejects with TourAborted if the tour was stopped meanwhile: for actions between awaits. */
export function throwIfStopped(signal: AbortSignal): void {
  if (signal.aborted) throw new TourAborted();
}

export class TourRunner {
  private controller: AbortController | undefined;
  private frame: TourFrame = { state: 'idle', step: -1, pass: 0 };

  constructor(
    readonly script: TourScript,
    private readonly options: TourRunnerOptions,
  ) {}

  get state(): TourState {
    return this.frame.state;
  }

  get current(): TourFrame {
    return this.frame;
  }

  /** Starts from the first step (again, if it had stopped); resolves when the tour ends. */
  async play(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    let pass = 0;
    try {
      do {
        pass++;
        this.set({ state: 'playing', step: -1, pass }, undefined);
        await this.script.reset?.(signal);
        throwIfStopped(signal);
        for (const [index, step] of this.script.steps.entries()) {
          this.set({ state: 'playing', step: index, pass }, step);
          throwIfStopped(signal); // stopped as the caption came up: the action never starts
          const hold = (step.holdMs ?? DEFAULT_HOLD_MS) / (this.options.timeScale ?? 1);
          await Promise.all([Promise.resolve(step.act?.(signal)), this.options.wait(hold, signal)]);
          throwIfStopped(signal);
        }
      } while (!this.options.once);
      if (this.controller === controller) this.set({ state: 'stopped', step: -1, pass }, undefined);
    } catch (error) {
      if (this.controller !== controller) return; // replaced by a newer play()
      if (signal.aborted) return; // stop() already said how it ended
      const message = error instanceof Error ? error.message : String(error);
      this.set({ state: 'failed', step: this.frame.step, pass, error: message }, undefined);
    }
  }

  /**
   * Stops where it is. 'handed-over': the visitor touched the lab and has it now; 'stopped':
   * the panel closed or the tour's own button stopped it.
   */
  stop(state: 'handed-over' | 'stopped' = 'stopped'): void {
    if (this.frame.state !== 'playing') return;
    this.controller?.abort();
    this.set({ ...this.frame, state }, undefined);
  }

  private set(frame: TourFrame, step: TourStep | undefined): void {
    this.frame = frame;
    this.options.show(frame, step);
  }
}
