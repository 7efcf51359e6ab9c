// The training tab: the recipe form, start / pause / resume / cancel, live plots, the per-poem
// view and saving. The work itself happens in training.worker.ts; this file only shows it.
import { tr, trf, type Bilingual } from '../../i18n';
import { DEFAULT_RECIPE, recipeProblems, type Backend, type TrainingRecipe } from '../../../training/recipe';
import type { StoredEpoch, StoreError } from '../../storage/models';
import { testHooks } from '../../testHooks';
import { el, type LiveTexts } from './dom';
import type { ModelLibrary } from './library';
import { downloadModelFile, storeErrorText } from './modelActions';
import { LinePlot } from './plot';
import { buildRecipeForm } from './recipeForm';
import { PoemView } from './poemView';
import type { BackendReason, EpochReport, FromWorker } from '../../../training/protocol';
import type { io } from '@tensorflow/tfjs';
import { TrainingWorker } from '../../../training/workerClient';

type RunState = 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

const STATE_LABELS: Record<RunState, Bilingual> = {
  idle: { ja: '待機中', en: 'Ready' },
  running: { ja: '学習中', en: 'Training' },
  paused: { ja: '一時停止中', en: 'Paused' },
  done: { ja: '完了', en: 'Finished' },
  cancelled: { ja: '中止しました', en: 'Cancelled' },
  failed: { ja: '失敗しました', en: 'Failed' },
};

export function backendReasonText(reason: BackendReason, renderer: string | undefined): Bilingual {
  const r = renderer ?? '?';
  switch (reason.kind) {
    case 'requested':
      return { ja: '指定どおり。', en: 'As requested.' };
    case 'auto-hardware-webgl':
      return { ja: `自動：GPU の WebGL を使います（${r}）。`, en: `Auto: WebGL on a hardware GPU (${r}).` };
    case 'auto-software-webgl':
      return {
        ja: `自動：この WebGL はソフトウェア描画（${r}）で GPU がないため、WASM の方が速く、WASM を選びました。`,
        en: `Auto: WebGL here is software-rendered (${r}), with no GPU behind it, so WASM is faster and was chosen.`,
      };
    case 'auto-no-webgl':
      return {
        ja: '自動：WebGL が使えないため WASM を選びました。',
        en: 'Auto: WebGL is unavailable, so WASM was chosen.',
      };
    case 'unavailable':
      return {
        ja: `${reason.requested.toUpperCase()} はこのブラウザで使えないため切り替えました。`,
        en: `${reason.requested.toUpperCase()} is unavailable in this browser, so another backend took over.`,
      };
    case 'context-lost':
      return {
        ja: `WebGL のコンテキストが失われたため、エポック ${reason.resumeEpoch} の終わりから続けています。`,
        en: `The WebGL context was lost; training continues from the end of epoch ${reason.resumeEpoch}.`,
      };
    default: {
      const never: never = reason;
      return never;
    }
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` : `${s} s`;
}

export interface LatestModel {
  readonly report: EpochReport;
  readonly artifacts: io.ModelArtifacts;
  readonly metrics: readonly StoredEpoch[];
  readonly recipe: TrainingRecipe;
  readonly startedAt: Date;
}

export interface TrainingSection {
  readonly root: HTMLElement;
  dispose(): void;
}

export function buildTrainingSection(
  texts: LiveTexts,
  library: ModelLibrary,
  playAgainst: ((modelId: string) => void) | undefined,
): TrainingSection {
  const root = el('div', { class: 'training' });
  let recipe: TrainingRecipe = { ...DEFAULT_RECIPE };
  let state: RunState = 'idle';
  let worker: TrainingWorker | undefined;
  let stopListening: (() => void) | undefined;
  let latest: LatestModel | undefined;
  let savedId: string | undefined;
  let storeProblem: StoreError | undefined = library.unavailable;
  let backendInUse: { backend: Backend; reason: BackendReason; renderer?: string } | undefined;
  let progress = { epoch: 0, step: 0, totalSteps: 0, loss: NaN, stepsPerSecond: 0 };
  let runStartedAt = new Date();
  let epochSeconds: number[] = [];
  let epochStartedAt = 0;
  let epochsDone = 0;
  const notices: Bilingual[] = [];
  const hooks = testHooks();

  const recipeForm = buildRecipeForm(texts, recipe, (changed) => {
    recipe = changed;
    refresh();
  });
  const form = recipeForm.root;
  const problemsList = recipeForm.problems;

  // ---- controls and status ----
  const start = texts.text(
    'button',
    { ja: '学習を始める', en: 'Start training' },
    { type: 'button', 'data-testid': 'start' },
  );
  const pause = texts.text(
    'button',
    { ja: '一時停止', en: 'Pause' },
    { type: 'button', 'data-testid': 'pause' },
  );
  const resume = texts.text(
    'button',
    { ja: '再開', en: 'Resume' },
    { type: 'button', 'data-testid': 'resume' },
  );
  const cancel = texts.text(
    'button',
    { ja: '中止', en: 'Cancel' },
    { type: 'button', 'data-testid': 'cancel' },
  );
  const status = el('div', { class: 'training-status card-surface', 'data-testid': 'training-status' });
  const statusLine = el('p', { 'data-testid': 'status-line' });
  const backendLine = el('p', { 'data-testid': 'backend-line' });
  const noticeBox = el('div', { class: 'training-notices', 'data-testid': 'training-notices' });
  status.append(statusLine, backendLine);
  const statusText = () => {
    const elapsed = (performance.now() - epochStartedAt) / 1000;
    const left =
      epochSeconds.length > 0
        ? Math.max(0, mean(epochSeconds) * (recipe.epochs - epochsDone) - elapsed)
        : progress.stepsPerSecond > 0
          ? (progress.totalSteps - progress.step) / progress.stepsPerSecond
          : NaN;
    const values = {
      state: tr(STATE_LABELS[state]),
      epoch: Math.max(progress.epoch, 0),
      epochs: recipe.epochs,
      step: progress.step,
      total: progress.totalSteps,
      loss: Number.isFinite(progress.loss) ? progress.loss.toFixed(3) : '—',
      sps: progress.stepsPerSecond.toFixed(1),
      left: state === 'running' ? formatDuration(left) : '—',
    };
    return trf(
      {
        ja: '{state}　エポック {epoch} / {epochs}　ステップ {step} / {total}　損失 {loss}　{sps} ステップ/秒　残り {left}',
        en: '{state}   epoch {epoch} / {epochs}   step {step} / {total}   loss {loss}   {sps} steps/s   {left} left',
      },
      values,
    );
  };
  texts.bind(statusLine, statusText);
  texts.bind(backendLine, () =>
    backendInUse
      ? trf(
          { ja: '使用中の計算方式：{b}。{why}', en: 'Backend in use: {b}. {why}' },
          {
            b: backendInUse.backend.toUpperCase(),
            why: tr(backendReasonText(backendInUse.reason, backendInUse.renderer)),
          },
        )
      : tr({
          ja: '使用中の計算方式：（学習を始めると表示）',
          en: 'Backend in use: (shown once training starts)',
        }),
  );

  // ---- plots ----
  const epochLabel = () => tr({ ja: 'エポック', en: 'epoch' });
  const lossPlot = new LinePlot(['#b3261e'], { xLabel: epochLabel, yFormat: (y) => y.toFixed(1) });
  const accuracyPlot = new LinePlot(['#c77700'], {
    yMin: 0,
    yMax: 100,
    xLabel: epochLabel,
    yFormat: (y) => `${Math.round(y)}%`,
  });
  const exactPlot = new LinePlot(['#1f4fb3'], {
    yMin: 0,
    yMax: 100,
    xLabel: epochLabel,
    yFormat: (y) => String(Math.round(y)),
  });
  const plotBox = (plot: LinePlot, title: Bilingual, id: string) =>
    el('figure', { class: 'plot', 'data-testid': id }, texts.text('figcaption', title), plot.canvas);
  const plots = el(
    'div',
    { class: 'plots' },
    plotBox(lossPlot, { ja: '損失（交差エントロピー）', en: 'Loss (cross-entropy)' }, 'plot-loss'),
    plotBox(accuracyPlot, { ja: '教師強制の正解率 %', en: 'Teacher-forced accuracy %' }, 'plot-accuracy'),
    plotBox(
      exactPlot,
      { ja: '自力で書けた下の句 / 100', en: 'Free-running exact match / 100' },
      'plot-exact',
    ),
  );
  const poems = new PoemView(texts);

  // ---- saving ----
  const saveBox = el(
    'fieldset',
    { class: 'save-box' },
    texts.text('legend', { ja: 'モデルを残す', en: 'Keep the model' }),
  );
  const nameInput = el('input', {
    type: 'text',
    name: 'model-name',
    maxlength: 80,
    'data-testid': 'model-name',
  });
  const autosave = el('input', {
    type: 'checkbox',
    name: 'autosave',
    checked: true,
    'data-testid': 'autosave',
  });
  const saveButton = texts.text(
    'button',
    { ja: 'このブラウザに保存', en: 'Save in this browser' },
    { type: 'button', 'data-testid': 'save' },
  );
  const exportButton = texts.text(
    'button',
    { ja: 'ファイルに書き出す', en: 'Export to a file' },
    { type: 'button', 'data-testid': 'export' },
  );
  const playButton = texts.text(
    'button',
    { ja: 'このモデルと対戦', en: 'Play against this model' },
    { type: 'button', 'data-testid': 'play' },
  );
  const saveMessage = el('p', {
    class: 'save-message',
    'data-testid': 'save-message',
    'aria-live': 'polite',
  });
  saveBox.append(
    el(
      'label',
      { class: 'recipe-field recipe-wide' },
      texts.text('span', { ja: '名前', en: 'Name' }),
      nameInput,
    ),
    el(
      'label',
      { class: 'recipe-field recipe-wide' },
      autosave,
      texts.text('span', {
        ja: ' エポックごとに自動で保存（最後に終わったエポックが残ります）',
        en: ' Save after every epoch (the last finished epoch is what is kept)',
      }),
    ),
    el('div', { class: 'settings-actions' }, saveButton, exportButton, playButton),
    saveMessage,
  );
  let saveText: Bilingual | (() => string) | undefined;
  const showSaveMessage = (text: Bilingual | (() => string) | undefined) => {
    saveText = text;
    texts.bind(saveMessage, () =>
      saveText === undefined ? '' : typeof saveText === 'function' ? saveText() : tr(saveText),
    );
  };

  const storeProblemText = (): Bilingual | undefined =>
    storeProblem
      ? {
          ja: `このブラウザにはモデルを保存できません（${tr(storeErrorText(storeProblem))}）。学習は続けられ、ファイルへの書き出しはできます。`,
          en: `Models cannot be kept in this browser (${tr(storeErrorText(storeProblem))}). Training still works, and export to a file does too.`,
        }
      : undefined;

  const defaultName = () =>
    `${recipe.preset === 'custom' ? `${recipe.nLayers}L-${recipe.dModel}-${recipe.nHeads}h` : recipe.preset} ${recipe.objective} ${runStartedAt.toISOString().slice(0, 16).replace('T', ' ')}`;

  let saving: Promise<void> = Promise.resolve();
  const save = (model: LatestModel) => {
    // Saves run one after another: a slow save never overtakes the next epoch's.
    saving = saving.then(async () => {
      const name = nameInput.value.trim() || defaultName();
      const result = await library.use((store) =>
        store.save({
          ...(savedId ? { id: savedId } : {}),
          name,
          recipe: { ...model.recipe, backend: model.report.backend, objectiveUsed: model.recipe.objective },
          metrics: model.metrics,
          artifacts: model.artifacts,
        }),
      );
      if (result.ok) {
        savedId = result.value.id;
        storeProblem = undefined;
        hooks.savedModelId = savedId;
        showSaveMessage(() =>
          trf(
            { ja: '保存しました：「{name}」（エポック {epoch}）', en: 'Saved: “{name}” (epoch {epoch})' },
            {
              name,
              epoch: model.report.epoch,
            },
          ),
        );
      } else {
        storeProblem = result.error;
        showSaveMessage(storeProblemText());
      }
      refresh();
    });
    return saving;
  };

  saveButton.addEventListener('click', () => {
    if (latest) void save(latest);
  });
  exportButton.addEventListener('click', () => {
    if (!latest) return;
    downloadModelFile(
      {
        name: nameInput.value.trim() || defaultName(),
        createdAt: latest.startedAt.toISOString(),
        recipe: { ...latest.recipe },
        metrics: latest.metrics,
      },
      latest.artifacts,
    );
  });
  playButton.addEventListener('click', async () => {
    if (!latest) return;
    if (!savedId || library.models.find((m) => m.id === savedId)?.metrics.length !== latest.metrics.length)
      await save(latest);
    else await saving;
    if (savedId && !storeProblem) playAgainst?.(savedId);
  });

  root.append(
    el(
      'div',
      { class: 'training-top' },
      form,
      el(
        'div',
        { class: 'training-side' },
        el('div', { class: 'settings-actions' }, start, pause, resume, cancel),
        status,
        noticeBox,
        saveBox,
      ),
    ),
    plots,
    poems.root,
  );

  // ---- the run ----
  const onWorker = (message: FromWorker) => {
    switch (message.type) {
      case 'backend':
        backendInUse = message;
        hooks.trainingBackend = message.backend;
        if (message.reason.kind === 'context-lost') {
          notices.push(backendReasonText(message.reason, message.renderer));
        }
        break;
      case 'started':
        progress = { ...progress, totalSteps: message.totalSteps };
        poems.setExamples(message.examples);
        epochStartedAt = performance.now();
        break;
      case 'progress':
        progress = message;
        hooks.trainingProgress = message;
        lossPlot.add(0, message.step / (message.totalSteps / recipe.epochs), message.loss);
        texts.bind(statusLine, statusText);
        return;
      case 'epoch': {
        const { report } = message;
        epochSeconds.push((performance.now() - epochStartedAt) / 1000);
        epochStartedAt = performance.now();
        const metrics: StoredEpoch[] = [
          ...(latest?.metrics ?? []).filter((m) => m.epoch < report.epoch),
          {
            epoch: report.epoch,
            loss: report.loss,
            teacherForcedAccuracy: report.teacherForcedAccuracy,
            exactMatch: report.exactMatch,
            total: report.total,
          },
        ];
        latest = { report, artifacts: message.artifacts, metrics, recipe, startedAt: runStartedAt };
        progress = { ...progress, epoch: report.epoch };
        epochsDone = report.epoch;
        accuracyPlot.add(0, report.epoch, report.teacherForcedAccuracy * 100);
        exactPlot.add(0, report.epoch, (report.exactMatch / report.total) * 100);
        poems.showEpoch(report.epoch, report.outputs);
        hooks.trainingEpochs = metrics;
        if (autosave.checked && !storeProblem) void save(latest);
        break;
      }
      case 'paused':
        state = 'paused';
        break;
      case 'resumed':
        state = 'running';
        break;
      case 'finished':
        state = message.reason;
        stopWorker();
        break;
      case 'failed':
        state = 'failed';
        notices.push({
          ja: `学習が失敗しました：${message.message}`,
          en: `Training failed: ${message.message}`,
        });
        stopWorker();
        break;
      case 'validated':
        break;
      default: {
        const never: never = message;
        throw new Error(`unknown worker message ${JSON.stringify(never)}`);
      }
    }
    hooks.trainingState = state;
    refresh();
  };

  const stopWorker = () => {
    stopListening?.();
    worker?.terminate();
    worker = undefined;
    stopListening = undefined;
  };

  start.addEventListener('click', () => {
    if (recipeProblems(recipe).length > 0 || state === 'running' || state === 'paused') return;
    stopWorker();
    lossPlot.clear(recipe.epochs);
    accuracyPlot.clear(recipe.epochs);
    exactPlot.clear(recipe.epochs);
    notices.length = 0;
    latest = undefined;
    savedId = undefined;
    backendInUse = undefined;
    epochSeconds = [];
    epochsDone = 0;
    runStartedAt = new Date();
    progress = { epoch: 0, step: 0, totalSteps: 0, loss: NaN, stepsPerSecond: 0 };
    showSaveMessage(undefined);
    state = 'running';
    hooks.trainingState = state;
    worker = new TrainingWorker();
    stopListening = worker.onMessage(onWorker);
    worker.send({ type: 'start', recipe });
    refresh();
  });
  pause.addEventListener('click', () => worker?.send({ type: 'pause' }));
  resume.addEventListener('click', () => worker?.send({ type: 'resume' }));
  cancel.addEventListener('click', () => worker?.send({ type: 'cancel' }));
  // For the browser tests and demos: lose the worker's WebGL context on purpose.
  hooks.loseTrainingWebglContext = () => worker?.send({ type: 'lose-webgl-context' });

  function refresh(): void {
    const problems = recipeProblems(recipe);
    problemsList.hidden = problems.length === 0;
    problemsList.replaceChildren(...problems.map((p) => texts.text('li', p.reason)));
    const active = state === 'running' || state === 'paused';
    start.disabled = active || problems.length > 0;
    pause.disabled = state !== 'running';
    resume.disabled = state !== 'paused';
    cancel.disabled = !active;
    form.disabled = active;
    saveButton.disabled = !latest || Boolean(library.unavailable);
    exportButton.disabled = !latest;
    playButton.disabled = !latest || Boolean(library.unavailable);
    playButton.hidden = !playAgainst;
    const problemText = storeProblemText();
    noticeBox.replaceChildren(
      ...[...notices, ...(problemText ? [problemText] : [])].map((n) =>
        texts.text('p', n, { class: 'notice' }),
      ),
    );
    texts.refresh();
  }

  refresh();
  return {
    root,
    dispose() {
      stopWorker();
      lossPlot.dispose();
      accuracyPlot.dispose();
      exactPlot.dispose();
    },
  };
}
