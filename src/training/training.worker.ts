// The training panel's Web Worker: builds the model, trains it with src/training's loop on the
// chosen tfjs backend, and reports steps, epochs and the weights of every finished epoch.
// The page stays smooth because none of this runs on the main thread.
//
// WebGL here runs on an OffscreenCanvas. If its context is lost (driver reset, GPU process
// crash, or the test hook), the run goes on on WASM (or the CPU) from the last finished epoch:
// its weights and the shuffle generator's state are kept as plain data after every epoch.
// The optimizer's moments start afresh after such a switch.
//
// The data is the listener task (taskData.ts), so a model trained here can play matches.
import * as tf from '@tensorflow/tfjs-core';
import { createRng, rngFromState, type RngState } from '../data/random';
import { useBrowserBackend } from '../model/backendBrowser';
import { checkpointArtifacts, checkpointFromArtifacts, type Objective } from '../model/checkpoint';
import { makeConfig, type TransformerConfig } from '../model/config';
import { initialWeights, parameterTotal, Transformer } from '../model/transformer';
import { TrainingControl } from './control';
import { train, type EpochMetrics } from './trainer';
import { buildableProblem, checkImport } from './importCheck';
import { DivergenceWatch, type Divergence } from './divergence';
import { RecentMean } from './eta';
import { cosineSchedule } from './schedule';
import { type Backend, type TrainingRecipe } from './recipe';
import type { BackendReason, FromWorker, ToWorker } from './protocol';
import { panelTask } from './panelTask';
import { LISTENER_MAX_LENGTH } from './sizes';

/** The talk's maximum sequence length; every poem half fits with BOS/EOS. */
const MAX_LENGTH = LISTENER_MAX_LENGTH;
const PROGRESS_EVERY_MS = 100;

// The project's tsconfig has DOM types, not WebWorker ones; this is the worker scope we use.
const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

interface WebglProbe {
  readonly available: boolean;
  readonly renderer?: string;
  readonly software: boolean;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

function probeWebgl(): WebglProbe {
  if (typeof OffscreenCanvas === 'undefined') return { available: false, software: false };
  const canvas = new OffscreenCanvas(1, 1);
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return { available: false, software: false };
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext(); // give the probe's context back now
  return { available: true, renderer, software: SOFTWARE_RENDERER.test(renderer) };
}

/** The WebGL context tfjs trains on, when the webgl backend is active. */
function tfjsGl(): WebGLRenderingContext | undefined {
  if (tf.getBackend() !== 'webgl') return undefined;
  // The webgl backend keeps its context on gpgpu.gl; not in tfjs's public types.
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  return backend.gpgpu?.gl;
}

async function chooseBackend(
  recipe: TrainingRecipe,
): Promise<{ backend: Backend; reason: BackendReason; renderer?: string }> {
  const probe = recipe.backend === 'auto' || recipe.backend === 'webgl' ? probeWebgl() : undefined;
  const renderer = probe?.renderer;
  let wanted: Backend[];
  let reason: BackendReason;
  if (recipe.backend === 'auto') {
    if (probe?.available && !probe.software) {
      wanted = ['webgl', 'wasm', 'cpu'];
      reason = { kind: 'auto-hardware-webgl' };
    } else {
      wanted = ['wasm', 'cpu'];
      reason = probe?.available ? { kind: 'auto-software-webgl' } : { kind: 'auto-no-webgl' };
    }
  } else {
    wanted = [recipe.backend, ...(['wasm', 'cpu'] as const).filter((b) => b !== recipe.backend)];
    reason = { kind: 'requested' };
  }
  for (const backend of wanted) {
    // Shapes as uniforms let WebGL reuse one compiled program across sequence lengths; without it
    // every decoding step of a new length compiles shaders again (seconds each on SwiftShader).
    if (backend === 'webgl') tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
    if (await useBrowserBackend(backend)) {
      const fellBack = recipe.backend !== 'auto' && backend !== recipe.backend;
      return {
        backend,
        reason: fellBack ? { kind: 'unavailable', requested: recipe.backend as Backend } : reason,
        renderer,
      };
    }
  }
  throw new Error('no tfjs backend could start');
}

/** Where a run stands after its last finished epoch: enough to resume on another backend. */
interface Snapshot {
  weights: Map<string, Float32Array>;
  epochsDone: number;
  shuffleState: RngState;
}

let control: TrainingControl | undefined;
let running = false;

/** The weights and epoch count of a saved model to continue from, checked against the task. */
function resumePoint(
  artifacts: tf.io.ModelArtifacts,
  expected: TransformerConfig,
  task: ReturnType<typeof panelTask>,
): { weights: Map<string, Float32Array>; epochs: number; config: TransformerConfig } {
  const tooBig = buildableProblem(artifacts.modelTopology);
  if (tooBig) throw new Error(`the saved model cannot be continued: ${tooBig}`);
  const loaded = checkpointFromArtifacts(artifacts, {
    task: task.task,
    sourceVocab: task.dataset.sourceVocab,
    targetVocab: task.dataset.targetVocab,
    config: expected,
  });
  if (!loaded.ok) throw new Error(`the saved model cannot be continued: ${loaded.error.message}`);
  const { model, metadata } = loaded.checkpoint;
  try {
    const epochs = Number.isInteger(metadata.epochs) && metadata.epochs > 0 ? metadata.epochs : 0;
    // The saved model's own config: the sizes are the recipe's (checked above), and it keeps
    // what the panel has no field for (the end mark, the bigram encoder) with their weights.
    return { weights: model.weights(), epochs, config: model.config };
  } finally {
    model.dispose();
  }
}

async function run(recipe: TrainingRecipe, resume?: { artifacts: tf.io.ModelArtifacts }): Promise<void> {
  const prepared = panelTask();
  const { task, dataset, evaluation: evaluationPairs, examples } = prepared;
  const config: TransformerConfig = makeConfig(
    {
      nLayers: recipe.nLayers,
      dModel: recipe.dModel,
      nHeads: recipe.nHeads,
      dFF: recipe.dFF,
      maxSourceLength: MAX_LENGTH,
      maxTargetLength: MAX_LENGTH,
    },
    { sourceVocabSize: dataset.sourceVocab.size, targetVocabSize: dataset.targetVocab.size },
  );
  const stepsPerEpoch = Math.ceil(dataset.pairs.length / recipe.batchSize);
  const totalSteps = stepsPerEpoch * recipe.epochs;
  const objective: Objective = recipe.objective;

  let chosen = await chooseBackend(recipe);
  post({ type: 'backend', ...chosen });
  const start = resume
    ? resumePoint(resume.artifacts, config, prepared)
    : { weights: initialWeights(config, createRng(recipe.seed)), epochs: 0, config };
  // Epoch numbers go on from the saved model's; this run adds recipe.epochs to them.
  const firstEpoch = start.epochs;
  const lastEpoch = firstEpoch + recipe.epochs;
  post({
    type: 'started',
    examples,
    stepsPerEpoch,
    totalSteps,
    // The model's own count: a continued model may carry weights the sizes do not (the bigram).
    parameters: parameterTotal(start.config),
    firstEpoch,
    lastEpoch,
  });

  const watch = new DivergenceWatch(firstEpoch);
  const stepTimes = new RecentMean();
  const snapshot: Snapshot = {
    weights: start.weights,
    epochsDone: firstEpoch,
    // A second stream for shuffling, so changing the data order never changes the initial weights.
    shuffleState: createRng(recipe.seed ^ 0x5eed).state(),
  };
  // One epoch of linear warm-up, then half a cosine down to a twentieth of the rate.
  const schedule = cosineSchedule(recipe.learningRate, stepsPerEpoch, recipe.learningRate / 20);

  let diverged: Divergence | undefined;
  for (;;) {
    // Transposed-first gradients: about twice the steps per second on wasm (npm run bench:kernels).
    const model = new Transformer(start.config, snapshot.weights, { gradients: 'transposed' });
    const shuffle = rngFromState(snapshot.shuffleState);
    const runControl = new TrainingControl();
    control = runControl;
    let contextLost = false;
    // On a lost context a pending GPU read may never settle, so the run must not wait for the
    // trainer to notice: `lost` settles first and the stranded step is left behind.
    let signalLost = () => {};
    const lost = new Promise<'lost'>((resolve) => (signalLost = () => resolve('lost')));
    const markLost = () => {
      contextLost = true;
      runControl.cancel();
      signalLost();
    };
    const gl = tfjsGl();
    const onLost = (event: Event) => {
      event.preventDefault();
      markLost();
    };
    const canvas = gl?.canvas as OffscreenCanvas | undefined;
    canvas?.addEventListener('webglcontextlost', onLost);

    // Epochs this run has finished (a continued model's earlier ones not counted).
    const offset = snapshot.epochsDone - firstEpoch;
    let lastProgress = 0;
    let evaluationStarted = 0;
    let result: Awaited<ReturnType<typeof train>> | undefined;
    try {
      const training = train(model, dataset.pairs, {
        objective,
        epochs: recipe.epochs - offset,
        batchSize: recipe.batchSize,
        schedule: (step) => schedule(step + offset * stepsPerEpoch, totalSteps),
        rng: shuffle,
        evaluationPairs,
        control: runControl,
        onStep(info) {
          if (contextLost || gl?.isContextLost()) {
            markLost();
            return;
          }
          const epoch = info.epoch + offset + firstEpoch;
          const divergence = watch.step(epoch, info.step, info.loss);
          if (divergence) {
            // Nothing after a NaN step can be trusted: stop before the next one.
            diverged = divergence;
            runControl.cancel();
            return;
          }
          stepTimes.add(info.seconds);
          const now = performance.now();
          const last = (info.step + 1) % stepsPerEpoch === 0;
          if (!last && now - lastProgress < PROGRESS_EVERY_MS) return;
          lastProgress = now;
          const secondsPerStep = stepTimes.mean;
          post({
            type: 'progress',
            epoch,
            step: info.step + 1 + offset * stepsPerEpoch,
            totalSteps,
            loss: info.loss,
            stepsPerSecond: secondsPerStep > 0 ? 1 / secondsPerStep : 0,
            secondsPerStep,
          });
        },
        onEvaluate(epoch) {
          evaluationStarted = performance.now();
          post({ type: 'evaluating', epoch: epoch + offset + firstEpoch });
        },
        async onEpoch(metrics: EpochMetrics) {
          // An epoch that ended on a lost context computed nothing trustworthy: drop it.
          if (contextLost || gl?.isContextLost()) {
            markLost();
            return 'stop';
          }
          const epoch = metrics.epoch + offset + firstEpoch;
          const verdict = watch.epoch(epoch, metrics.loss);
          snapshot.weights = model.weights();
          snapshot.epochsDone = epoch;
          snapshot.shuffleState = shuffle.state();
          const evaluation = metrics.evaluation;
          const artifacts = await checkpointArtifacts(
            model,
            { source: dataset.sourceVocab, target: dataset.targetVocab },
            {
              task,
              objective,
              seed: recipe.seed,
              date: new Date().toISOString(),
              epochs: epoch,
              notes: { recipe: { ...recipe }, backend: chosen.backend, loss: metrics.loss },
            },
          );
          const weightData = artifacts.weightData as ArrayBuffer;
          post(
            {
              type: 'epoch',
              report: {
                epoch,
                loss: metrics.loss,
                teacherForcedAccuracy: evaluation?.teacherForcedAccuracy ?? NaN,
                exactMatch: evaluation?.exactMatch ?? NaN,
                total: evaluation?.total ?? evaluationPairs.length,
                outputs: (evaluation?.outputs ?? []).map((ids) => dataset.targetVocab.decode(ids)),
                trainSeconds: metrics.trainSeconds,
                evaluationSeconds: evaluationStarted > 0 ? (performance.now() - evaluationStarted) / 1000 : 0,
                good: verdict.good,
                backend: chosen.backend,
              },
              artifacts,
            },
            [weightData],
          );
          evaluationStarted = 0;
          if (verdict.divergence) {
            diverged = verdict.divergence;
            return 'stop';
          }
        },
      });
      const outcome = await Promise.race([training, lost]);
      if (outcome === 'lost')
        training.catch(() => {}); // stranded on the dead context
      else result = outcome;
    } catch (e) {
      // A step that fails on WebGL is treated like a lost context; elsewhere it is a real error.
      if (chosen.backend !== 'webgl') throw e;
      contextLost = true;
    } finally {
      canvas?.removeEventListener('webglcontextlost', onLost);
      try {
        // A stranded step may still hold these variables; they die with the lost context anyway.
        if (!contextLost) model.dispose();
      } catch {
        // The tensors of a lost context cannot always be released; they go with the backend.
      }
    }

    if (contextLost && chosen.backend === 'webgl') {
      chosen = await fallBackFromWebgl(snapshot.epochsDone);
      post({ type: 'backend', ...chosen });
      continue;
    }
    if (diverged) {
      post({ type: 'diverged', divergence: diverged, goodEpoch: watch.goodEpoch });
      post({ type: 'finished', reason: 'diverged' });
      return;
    }
    post({ type: 'finished', reason: result?.reason === 'cancelled' ? 'cancelled' : 'done' });
    return;
  }
}

async function fallBackFromWebgl(resumeEpoch: number): Promise<{ backend: Backend; reason: BackendReason }> {
  try {
    tf.removeBackend('webgl');
  } catch {
    // Already gone.
  }
  for (const backend of ['wasm', 'cpu'] as const) {
    if (await useBrowserBackend(backend)) return { backend, reason: { kind: 'context-lost', resumeEpoch } };
  }
  throw new Error('no backend left after losing WebGL');
}

async function validate(requestId: number, artifacts: tf.io.ModelArtifacts): Promise<void> {
  // Validating and measuring need a backend: WASM (measuring 100 poems on the JS CPU backend
  // takes many times longer), the CPU if WASM cannot start.
  if (!running && !(await useBrowserBackend('wasm'))) await useBrowserBackend('cpu');
  post({ type: 'validated', requestId, result: checkImport(artifacts, panelTask()) });
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      if (running) return;
      running = true;
      run(message.recipe, message.resume)
        .catch((e: unknown) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }))
        .finally(() => {
          running = false;
          control = undefined;
        });
      break;
    case 'pause':
      if (control?.state === 'running') {
        control.pause();
        post({ type: 'paused' });
      }
      break;
    case 'resume':
      if (control?.state === 'paused') {
        control.resume();
        post({ type: 'resumed' });
      }
      break;
    case 'cancel':
      control?.cancel();
      break;
    case 'validate':
      validate(message.requestId, message.artifacts).catch((e: unknown) =>
        post({
          type: 'validated',
          requestId: message.requestId,
          result: { ok: false, code: 'not-a-model', message: e instanceof Error ? e.message : String(e) },
        }),
      );
      break;
    case 'lose-webgl-context':
      // A test message only: a player's build compiles it to nothing (src/buildFlags.d.ts).
      if (typeof __TEST_HOOKS__ !== 'undefined' && __TEST_HOOKS__)
        tfjsGl()?.getExtension('WEBGL_lose_context')?.loseContext();
      break;
    default: {
      const never: never = message;
      throw new Error(`unknown message ${JSON.stringify(never)}`);
    }
  }
});
