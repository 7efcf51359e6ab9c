// The training tab: the recipe form, start / pause / resume / cancel, live plots, the per-poem
// view and saving. The work itself happens in training.worker.ts; this file only shows it.
import { tr, trf, type Bilingual } from '../../i18n';
import { getLang } from '../../i18n';
import { parseRecipe, recipeProblems, type Backend, type TrainingRecipe } from '../../../training/recipe';
import type { Divergence } from '../../../training/divergence';
import { formatDuration, RecentMean, timeLeft } from '../../../training/eta';
import { loadTrainingRecipe, saveTrainingRecipe } from '../../settings/trainingRecipe';
import type { SavedModelSummary, StoredEpoch, StoreError } from '../../storage/models';
import { testHooks } from '../../testHooks';
import { el, type LiveTexts } from './dom';
import type { ModelLibrary } from './library';
import { downloadModelFile } from './modelActions';
import { storeErrorText } from '../../storage/importModel';
import { LinePlot } from './plot';
import { buildRecipeForm } from './recipeForm';
import { PoemView } from './poemView';
import type { BackendReason, EpochReport, FromWorker } from '../../../training/protocol';
import type { io } from '@tensorflow/tfjs-core';
import { TrainingWorker } from '../../../training/workerClient';

type RunState = 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed' | 'diverged';

const STATE_LABELS: Record<RunState, Bilingual> = {
  idle: { ja: '待機中', en: 'Ready' },
  running: { ja: '学習中', en: 'Training' },
  paused: { ja: '一時停止中', en: 'Paused' },
  done: { ja: '完了', en: 'Finished' },
  cancelled: { ja: '中止しました', en: 'Cancelled' },
  failed: { ja: '失敗しました', en: 'Failed' },
  diverged: { ja: '発散したため止めました', en: 'Stopped: diverged' },
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

export function divergenceText(divergence: Divergence, goodEpoch: number, firstEpoch: number): Bilingual {
  const kept =
    goodEpoch > firstEpoch
      ? {
          ja: `エポック ${goodEpoch} の重みを残して止めました。`,
          en: `Stopped; the weights of epoch ${goodEpoch} are kept.`,
        }
      : firstEpoch > 0
        ? { ja: '止めました。元のモデルはそのままです。', en: 'Stopped; the saved model is left as it was.' }
        : { ja: '止めました。残せるエポックはありません。', en: 'Stopped; no epoch is worth keeping.' };
  const advice = { ja: '学習率を下げてやり直してください。', en: 'Try again with a lower learning rate.' };
  if (divergence.kind === 'non-finite')
    return {
      ja: `学習が発散しました：エポック ${divergence.epoch} で損失が ${String(divergence.loss)} になりました。${kept.ja}${advice.ja}`,
      en: `Training diverged: the loss became ${String(divergence.loss)} in epoch ${divergence.epoch}. ${kept.en} ${advice.en}`,
    };
  const losses = divergence.losses.map((l) => l.toFixed(2)).join(' → ');
  const n = divergence.losses.length;
  return {
    ja: `学習が発散しました：損失が ${n} エポック続けて最良（エポック ${divergence.best.epoch}：${divergence.best.loss.toFixed(2)}）を大きく上回りました（${losses}）。${kept.ja}${advice.ja}`,
    en: `Training diverged: for ${n} epochs in a row the loss stayed well above its best (epoch ${divergence.best.epoch}: ${divergence.best.loss.toFixed(2)}): ${losses}. ${kept.en} ${advice.en}`,
  };
}

/** The saved model a run continues: its summary and checkpoint. */
interface BaseModel {
  readonly summary: SavedModelSummary;
  readonly artifacts: io.ModelArtifacts;
  readonly epochs: number;
}

export interface LatestModel {
  readonly report: EpochReport;
  readonly artifacts: io.ModelArtifacts;
  readonly metrics: readonly StoredEpoch[];
  readonly recipe: TrainingRecipe;
  readonly startedAt: Date;
}

/** What the training tour (trainingTour.ts) presses and reads: the tab's own controls and state. */
export interface TrainingLab {
  readonly root: HTMLElement;
  readonly form: HTMLFieldSetElement;
  readonly plots: HTMLElement;
  readonly legend: HTMLElement;
  readonly start: HTMLButtonElement;
  readonly fromScratch: HTMLButtonElement;
  readonly autosave: HTMLInputElement;
  /** The run's state: 'idle', 'running', 'paused', 'done', 'cancelled', 'failed', 'diverged'. */
  state(): RunState;
  /** Every epoch report of the run under way (or the last run), in order. */
  epochs(): readonly StoredEpoch[];
  /** The recipe of the run under way (or the last run). */
  runRecipe(): TrainingRecipe | undefined;
  /** True while a saved model is being continued. */
  continuing(): boolean;
}

export type { RunState };

export interface TrainingSection {
  readonly root: HTMLElement;
  readonly lab: TrainingLab;
  /** True when nothing is running or the player agreed to stop the run (which is then ended). */
  confirmLeave(): boolean;
  /** Sets the form up to train `model` further (its sizes and objective fixed). */
  continueFrom(model: SavedModelSummary): Promise<void>;
  dispose(): void;
}

export function buildTrainingSection(
  texts: LiveTexts,
  library: ModelLibrary,
  playAgainst: ((modelId: string) => void) | undefined,
): TrainingSection {
  const root = el('div', { class: 'training' });
  let recipe: TrainingRecipe = loadTrainingRecipe();
  let state: RunState = 'idle';
  let worker: TrainingWorker | undefined;
  let stopListening: (() => void) | undefined;
  let latest: LatestModel | undefined;
  let savedId: string | undefined;
  let storeProblem: StoreError | undefined = library.unavailable;
  let backendInUse: { backend: Backend; reason: BackendReason; renderer?: string } | undefined;
  let progress = { epoch: 0, step: 0, totalSteps: 0, loss: NaN, stepsPerSecond: 0, secondsPerStep: NaN };
  let runStartedAt = new Date();
  let evaluationTimes = new RecentMean(5);
  /** performance.now() when the evaluation under way began; 0 when none is. */
  let evaluatingSince = 0;
  let epochsDone = 0;
  let span = { first: 0, last: recipe.epochs };
  let base: BaseModel | undefined;
  /** The last epoch whose loss did not run away: what a diverged run keeps. */
  let lastGood: LatestModel | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const notices: Bilingual[] = [];
  const hooks = testHooks();

  const recipeForm = buildRecipeForm(texts, recipe, (changed) => {
    recipe = changed;
    if (!base) saveTrainingRecipe(recipe);
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
  const leftText = (): string => {
    if (state !== 'running' && state !== 'paused') return '—';
    const left = timeLeft({
      stepsLeft: progress.totalSteps - progress.step,
      secondsPerStep: progress.secondsPerStep,
      evaluationsLeft: span.last - epochsDone,
      secondsPerEvaluation: evaluationTimes.mean,
      evaluatingFor: evaluatingSince > 0 ? (performance.now() - evaluatingSince) / 1000 : 0,
    });
    const duration = formatDuration(left.seconds, getLang());
    if (left.includesEvaluation || duration === '—') return duration;
    return tr({ ja: `${duration} ＋ 評価（未計測）`, en: `${duration} + evaluation (not yet timed)` });
  };
  const stateText = (): string =>
    evaluatingSince > 0 && state === 'running'
      ? tr({
          ja: `評価中…（エポック ${progress.epoch}：100 首を自力で書かせています）`,
          en: `Evaluating… (epoch ${progress.epoch}: writing all 100 lower halves free-running)`,
        })
      : tr(STATE_LABELS[state]);
  const statusText = () => {
    const values = {
      state: stateText(),
      epoch: Math.max(progress.epoch, 0),
      epochs: span.last,
      step: progress.step,
      total: progress.totalSteps,
      loss: Number.isFinite(progress.loss) ? progress.loss.toFixed(3) : '—',
      sps: progress.stepsPerSecond.toFixed(1),
      left: leftText(),
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
  // Two runs on one chart: the previous run's curves stay, faded and dashed, with this legend.
  const legend = el('p', { class: 'plot-legend', 'data-testid': 'plot-legend', hidden: true });
  const objectiveName = (r: TrainingRecipe): Bilingual =>
    r.objective === 'talk'
      ? { ja: '2023年の発表の目的関数', en: "the 2023 talk's objective" }
      : { ja: '正直な目的関数', en: 'the honest objective' };
  let thisRun: TrainingRecipe | undefined;
  let previousRun: TrainingRecipe | undefined;
  const legendText = (): string => {
    if (!thisRun || !previousRun) return '';
    const now = thisRun;
    const before = previousRun;
    return tr({
      ja: `濃い実線：今回（${objectiveName(now).ja}、${now.epochs} エポック）\u3000薄い点線：前回（${objectiveName(before).ja}、${before.epochs} エポック）`,
      en: `Solid: this run (${objectiveName(now).en}, ${now.epochs} epochs)   Faded, dashed: the previous run (${objectiveName(before).en}, ${before.epochs} epochs)`,
    });
  };
  texts.bind(legend, legendText);
  /** This run's epoch reports (a continued model's earlier epochs not among them). */
  let runEpochs: StoredEpoch[] = [];
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
  // The legend above the charts, so the two runs are named where the eye starts.
  const charts = el('div', { class: 'training-charts', 'data-testid': 'charts' }, legend, plots);
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
    charts,
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
        span = { first: message.firstEpoch, last: message.lastEpoch };
        epochsDone = message.firstEpoch;
        poems.setExamples(message.examples);
        for (const plot of [lossPlot, accuracyPlot, exactPlot]) plot.xMax = span.last;
        break;
      case 'progress':
        progress = message;
        evaluatingSince = 0;
        hooks.trainingProgress = message;
        lossPlot.add(
          0,
          span.first + message.step / (message.totalSteps / (span.last - span.first)),
          message.loss,
        );
        texts.bind(statusLine, statusText);
        return;
      case 'evaluating':
        evaluatingSince = performance.now();
        progress = { ...progress, epoch: message.epoch };
        hooks.trainingEvaluating = message.epoch;
        texts.bind(statusLine, statusText);
        return;
      case 'diverged': {
        notices.push(divergenceText(message.divergence, message.goodEpoch, span.first));
        hooks.trainingDiverged = message.divergence.kind;
        // Keep the last good epoch, not the one the loss ran away at (nor the ones after it).
        if (lastGood && latest && latest.report.epoch !== lastGood.report.epoch) {
          latest = lastGood;
          hooks.trainingEpochs = latest.metrics;
          poems.showEpoch(latest.report.epoch, latest.report.outputs);
          if (savedId && !storeProblem) void save(latest);
        } else if (!lastGood && latest && savedId === undefined) latest = undefined;
        break;
      }
      case 'epoch': {
        const { report } = message;
        evaluationTimes.add(report.evaluationSeconds);
        evaluatingSince = 0;
        const metrics: StoredEpoch[] = [
          ...(latest?.metrics ?? base?.summary.metrics ?? []).filter((m) => m.epoch < report.epoch),
          {
            epoch: report.epoch,
            loss: report.loss,
            teacherForcedAccuracy: report.teacherForcedAccuracy,
            exactMatch: report.exactMatch,
            total: report.total,
          },
        ];
        latest = { report, artifacts: message.artifacts, metrics, recipe, startedAt: runStartedAt };
        runEpochs = [...runEpochs.filter((m) => m.epoch < report.epoch), metrics.at(-1)!];
        if (report.good) lastGood = latest;
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
        evaluatingSince = 0;
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
    if (ticker) clearInterval(ticker);
    ticker = undefined;
  };

  /** Ends the run at once: the worker is terminated, the last finished epoch is what remains. */
  const endRun = () => {
    stopWorker();
    state = 'cancelled';
    evaluatingSince = 0;
    hooks.trainingState = state;
    if (latest)
      notices.push({
        ja: `中止しました。最後に終わったエポック ${latest.report.epoch} が残っています。`,
        en: `Cancelled. The last finished epoch, ${latest.report.epoch}, is what remains.`,
      });
    refresh();
  };

  start.addEventListener('click', () => {
    if (recipeProblems(recipe).length > 0 || state === 'running' || state === 'paused') return;
    stopWorker();
    const first = base?.epochs ?? 0;
    span = { first, last: first + recipe.epochs };
    // The run shown until now stays on the charts, faded, beside the new one.
    const shown = [lossPlot, accuracyPlot, exactPlot].some((plot) =>
      plot.series.some((s) => s.points.length),
    );
    if (shown && thisRun) {
      for (const plot of [lossPlot, accuracyPlot, exactPlot]) plot.keepAsPrevious();
      previousRun = thisRun;
    }
    thisRun = recipe;
    runEpochs = [];
    legend.hidden = !previousRun;
    texts.bind(legend, legendText);
    for (const plot of [lossPlot, accuracyPlot, exactPlot]) plot.clear(span.last);
    // A continued model's curve so far, so the new epochs carry it on.
    for (const m of base?.summary.metrics ?? []) {
      if (m.epoch > first) continue;
      lossPlot.add(0, m.epoch, m.loss);
      if (m.teacherForcedAccuracy !== undefined) accuracyPlot.add(0, m.epoch, m.teacherForcedAccuracy * 100);
      if (m.exactMatch !== undefined) exactPlot.add(0, m.epoch, (m.exactMatch / (m.total ?? 100)) * 100);
    }
    notices.length = 0;
    latest = undefined;
    lastGood = undefined;
    savedId = base?.summary.id;
    if (base) nameInput.value = base.summary.name;
    backendInUse = undefined;
    evaluationTimes = new RecentMean(5);
    evaluatingSince = 0;
    epochsDone = first;
    runStartedAt = new Date();
    progress = { epoch: first, step: 0, totalSteps: 0, loss: NaN, stepsPerSecond: 0, secondsPerStep: NaN };
    showSaveMessage(undefined);
    state = 'running';
    hooks.trainingState = state;
    worker = new TrainingWorker();
    stopListening = worker.onMessage(onWorker);
    worker.send({ type: 'start', recipe, ...(base ? { resume: { artifacts: base.artifacts } } : {}) });
    // The time left counts down between the worker's reports too (an evaluation sends none).
    ticker = setInterval(() => texts.bind(statusLine, statusText), 1000);
    refresh();
  });
  pause.addEventListener('click', () => worker?.send({ type: 'pause' }));
  resume.addEventListener('click', () => worker?.send({ type: 'resume' }));
  cancel.addEventListener('click', () => {
    if (state === 'running' || state === 'paused') endRun();
  });
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

  // ---- continuing a saved model ----
  const baseBox = el('div', { class: 'notice continue-box', 'data-testid': 'continue-box', hidden: true });
  const baseText = el('span', {});
  const fromScratch = texts.text(
    'button',
    { ja: '最初から学習する', en: 'Train from scratch instead' },
    { type: 'button', 'data-testid': 'from-scratch' },
  );
  baseBox.append(baseText, ' ', fromScratch);
  form.before(baseBox);
  const showBase = () => {
    baseBox.hidden = !base;
    recipeForm.lockSizes(Boolean(base));
    if (base) {
      const b = base;
      texts.bind(baseText, () =>
        tr({
          ja: `続きから学習：「${b.summary.name}」（エポック ${b.epochs} まで学習済み）。あと ${recipe.epochs} エポック学習し、同じモデルに保存します。`,
          en: `Continuing “${b.summary.name}” (trained for ${b.epochs} epochs): ${recipe.epochs} more epochs, saved to the same model.`,
        }),
      );
    }
  };
  fromScratch.addEventListener('click', () => {
    if (state === 'running' || state === 'paused') return;
    base = undefined;
    recipe = loadTrainingRecipe();
    recipeForm.set(recipe);
    savedId = undefined;
    nameInput.value = '';
    showBase();
    refresh();
  });

  const continueFrom = async (model: SavedModelSummary): Promise<void> => {
    if (state === 'running' || state === 'paused') {
      notices.push({
        ja: '学習中は別のモデルを続けられません。先に中止してください。',
        en: 'Another run is under way; cancel it first.',
      });
      refresh();
      return;
    }
    const found = await library.use((store) => store.artifacts(model.id));
    if (!found.ok) {
      notices.push({
        ja: `「${model.name}」を続けられません：${tr(storeErrorText(found.error))}`,
        en: `Cannot continue “${model.name}”: ${tr(storeErrorText(found.error))}`,
      });
      refresh();
      return;
    }
    const topology = (found.value.modelTopology ?? {}) as {
      config?: Partial<Record<'nLayers' | 'dModel' | 'nHeads' | 'dFF', unknown>>;
      objective?: unknown;
      epochs?: unknown;
    };
    const sizes = parseRecipe({ ...topology.config, preset: 'custom' });
    const epochs = Number.isInteger(topology.epochs) ? (topology.epochs as number) : 0;
    base = { summary: model, artifacts: found.value, epochs };
    recipe = parseRecipe({
      ...recipe,
      nLayers: sizes.nLayers,
      dModel: sizes.dModel,
      nHeads: sizes.nHeads,
      dFF: sizes.dFF,
      preset: 'custom',
      objective: topology.objective === 'talk' ? 'talk' : 'honest',
    });
    recipeForm.set(recipe);
    notices.length = 0;
    showBase();
    refresh();
  };

  const confirmLeave = (): boolean => {
    if (state !== 'running' && state !== 'paused') return true;
    const epoch = latest?.report.epoch;
    const ok = window.confirm(
      tr({
        ja: `学習中です。やめると、この学習は終わります${epoch ? `（エポック ${epoch} までは残ります）` : '（まだ終わったエポックはありません）'}。やめますか？`,
        en: `Training is under way. Leaving ends this run${epoch ? ` (epochs up to ${epoch} are kept)` : ' (no epoch has finished yet)'}. Leave?`,
      }),
    );
    if (ok) endRun();
    return ok;
  };
  // A reload or a closed tab asks too while a run is under way.
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (state !== 'running' && state !== 'paused') return;
    event.preventDefault();
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);

  refresh();
  return {
    root,
    lab: {
      root,
      form,
      plots: charts,
      legend,
      start,
      fromScratch,
      autosave,
      state: () => state,
      epochs: () => runEpochs,
      runRecipe: () => thisRun,
      continuing: () => Boolean(base),
    },
    confirmLeave,
    continueFrom,
    dispose() {
      window.removeEventListener('beforeunload', onBeforeUnload);
      stopWorker();
      lossPlot.dispose();
      accuracyPlot.dispose();
      exactPlot.dispose();
    },
  };
}
