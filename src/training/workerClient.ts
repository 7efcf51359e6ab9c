// The main thread's side of the training worker: a typed wrapper around one Worker instance.
import type { io } from '@tensorflow/tfjs-core';
import type { FromWorker, ToWorker } from './protocol';

export class TrainingWorker {
  private readonly worker: Worker;
  private readonly listeners = new Set<(message: FromWorker) => void>();
  private nextRequest = 1;

  constructor() {
    this.worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      for (const listener of this.listeners) listener(event.data);
    });
    this.worker.addEventListener('error', (event) => {
      const message: FromWorker = { type: 'failed', message: event.message || 'the training worker crashed' };
      for (const listener of this.listeners) listener(message);
    });
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  onMessage(listener: (message: FromWorker) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the worker whether `artifacts` are a model this game can play with. */
  validate(artifacts: io.ModelArtifacts): Promise<Extract<FromWorker, { type: 'validated' }>['result']> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      const stop = this.onMessage((message) => {
        // A worker that crashed (out of memory, say) answers no more: say so instead of waiting.
        if (message.type === 'failed') {
          stop();
          resolve({ ok: false, code: 'not-a-model', message: message.message });
          return;
        }
        if (message.type !== 'validated' || message.requestId !== requestId) return;
        stop();
        resolve(message.result);
      });
      this.send({ type: 'validate', requestId, artifacts });
    });
  }

  terminate(): void {
    this.listeners.clear();
    this.worker.terminate();
  }
}
