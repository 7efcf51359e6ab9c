// Pause, resume and cancel a training run between optimizer steps. The trainer awaits
// `between()` after each step; a worker flips the state from its message handler.

export type ControlState = 'running' | 'paused' | 'cancelled';

export class TrainingControl {
  private current: ControlState = 'running';
  private wake: (() => void) | null = null;
  private lastYield = 0;

  /** Yield to the event loop at least this often, so messages (pause, cancel) get through. */
  constructor(private readonly yieldEveryMs = 30) {}

  get state(): ControlState {
    return this.current;
  }

  pause(): void {
    if (this.current === 'running') this.current = 'paused';
  }

  resume(): void {
    if (this.current !== 'paused') return;
    this.current = 'running';
    this.wake?.();
  }

  cancel(): void {
    this.current = 'cancelled';
    this.wake?.();
  }

  /** Waits while paused; resolves false once cancelled. */
  async between(): Promise<boolean> {
    const now = Date.now();
    if (now - this.lastYield >= this.yieldEveryMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.lastYield = Date.now();
    }
    while (this.current === 'paused') {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
    return this.current !== 'cancelled';
  }
}
