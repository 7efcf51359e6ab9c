// The in-browser half of `npm run eval:opponent` (and of test/browser/model.test.ts): served by
// a Vite dev server on a bare page, it loads the shipped checkpoint with the wasm binaries and
// the weights bundled as local URLs (nothing fetched from outside), times candidate scoring on
// WASM and WebGL, checks free-running exact match, and can time a full training run.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import modelJsonUrl from '../assets/checkpoints/opponent/model.json?url';
import weightsUrl from '../assets/checkpoints/opponent/weights.bin?url';
import { useBrowserBackend, type BrowserBackend } from '../src/model/backendBrowser';
import { httpCheckpoint, loadCheckpoint } from '../src/model/checkpoint';
import { CandidateScorer, scoreCandidates } from '../src/model/inference';
import { freeRunning } from '../src/training/metrics';
import { POEMS } from '../src/data/poems';
import { fullReadingPairs, LISTENER_TASK, listenerTask } from '../src/training/listener';
import { LISTENER_RECIPES, trainListener, type ListenerRecipeName } from '../src/training/recipes';

export interface BackendReport {
  readonly backend: BrowserBackend;
  readonly available: boolean;
  readonly exactMatch: number;
  /** Median ms to score all 100 cards' texts for one 3-mora prefix, as the opponent does
   *  (CandidateScorer: the cards' source-independent decoder work cached). */
  readonly scoreMsMedian: number;
  /** The same with plain scoreCandidates (nothing cached, one batched pass). */
  readonly plainScoreMsMedian: number;
  readonly runs: number;
}

async function measureBackend(backend: BrowserBackend, runs: number): Promise<BackendReport> {
  if (!(await useBrowserBackend(backend)))
    return { backend, available: false, exactMatch: 0, scoreMsMedian: NaN, plainScoreMsMedian: NaN, runs: 0 };
  const loaded = await loadCheckpoint(httpCheckpoint(modelJsonUrl, weightsUrl), { task: LISTENER_TASK });
  if (!loaded.ok) throw new Error(`${loaded.error.code}: ${loaded.error.message}`);
  const { model } = loaded.checkpoint;
  try {
    const { sourceVocab, targetVocab } = loaded.checkpoint;
    const pairs = fullReadingPairs(listenerTask(POEMS, { source: sourceVocab, target: targetVocab }));
    const exactMatch = freeRunning(model, pairs).exactMatch;
    const source = (pairs[0]?.source ?? []).slice(0, 3);
    const candidates = pairs.map((p) => p.target);
    const scorer = new CandidateScorer(model, candidates);
    const time = (score: () => number[]): number => {
      for (let i = 0; i < 10; i++) score();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        score();
        times.push(performance.now() - started);
      }
      return median(times);
    };
    const scoreMsMedian = time(() => scorer.score(source));
    const plainScoreMsMedian = time(() => scoreCandidates(model, source, candidates));
    scorer.dispose();
    return { backend, available: true, exactMatch, scoreMsMedian, plainScoreMsMedian, runs };
  } finally {
    model.dispose();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function measureScoring(runs = 200): Promise<BackendReport[]> {
  const reports: BackendReport[] = [];
  for (const backend of ['wasm', 'webgl'] as const) reports.push(await measureBackend(backend, runs));
  return reports;
}

async function measureTraining(
  seed: number,
  recipe: ListenerRecipeName = 'fast',
  stopAfterStableEpochs?: number,
): Promise<{
  backend: string;
  wallSeconds: number;
  stoppedByRule: boolean;
  secondsToStable: number | null;
  stableFromEpoch: number | null;
  trainSeconds: number;
  exactMatch: number | null;
  epochs: number;
  decided: number | null;
}> {
  if (!(await useBrowserBackend('wasm'))) throw new Error('wasm backend unavailable');
  const base = LISTENER_RECIPES[recipe];
  const run = await trainListener(
    stopAfterStableEpochs === undefined ? base : { ...base, stopAfterStableEpochs },
    seed,
  );
  const last = run.result.epochs.at(-1);
  run.model.dispose();
  return {
    backend: tf.getBackend(),
    wallSeconds: run.wallSeconds,
    stoppedByRule: run.result.reason === 'stopped',
    secondsToStable: run.secondsToStable,
    stableFromEpoch: run.stableFromEpoch,
    trainSeconds: last?.trainSeconds ?? NaN,
    exactMatch: run.writtenFreeRunning ?? last?.evaluation?.exactMatch ?? null,
    epochs: run.result.epochs.length,
    decided: run.decided,
  };
}

declare global {
  interface Window {
    __evalOpponent?: { measureScoring: typeof measureScoring; measureTraining: typeof measureTraining };
  }
}

window.__evalOpponent = { measureScoring, measureTraining };
document.body.dataset.ready = 'yes';
