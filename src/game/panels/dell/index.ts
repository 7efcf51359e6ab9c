// 語彙アクセス実験室 / Lexical-access lab: Dell's semantic–phonological model of naming, in the
// browser. Sliders for s, p, q and noise; "name the picture 1,000 times" against the controls;
// one trial played back on the network; the 23 patients' fits and "fit my data".
// Opened from the title menu and from the tongue-twister mode (`openDellLab`).
import './dell.css';
import { getLang, onLangChange, setLang, tr, trf, type Bilingual } from '../../i18n';
import { openPanel, type PanelHandle } from '../host';
import { el, LiveTexts } from '../settings/dom';
import { testHooks } from '../../testHooks';
import { CATEGORIES, type Category } from '../../../speech/dell/classify';
import type { FixedParams } from '../../../speech/dell/fit';
import {
  NORMAL_PARAMS,
  NOISE_FORMS,
  simulate,
  type DellParams,
  type NoiseForm,
} from '../../../speech/dell/model';
import { CONTROLS } from '../../../speech/dell/patients';
import { createLatestRunner, type RunOutcome } from '../../../speech/dell/runner';
import { drawBarChart, svgEl } from './chart';
import { createFittingSection } from './fitting';
import { CATEGORY_GLOSS, CATEGORY_NAMES, T } from './text';
import { dellTour } from './tour';
import { createTrialViewer } from './trialViewer';
import { mountTour, type MountedTour } from '../tour/tourView';

export const DELL_PANEL_KEY = 'dell';
export { MENU_LABEL as DELL_MENU_LABEL } from './text';

/** What the browser tests read about the last simulation and speed test. */
export interface DellLabHooks {
  lastRun?: {
    trials: number;
    ms: number;
    seed: number;
    params: DellParams;
    proportions: Record<Category, number>;
  };
  /** Runs the chart has drawn since the lab opened. */
  runs: number;
  speed?: { trials: number; ms: number; trialsPerSec: number };
}

/** The chart's runs: always 1,000 trials; changes re-run with one seed so only the settings differ. */
const CHART_TRIALS = 1000;
const CHANGE_SEED = 1;
/** Coalesces the burst of input events of one gesture (and "normal values" setting six at once). */
const CHANGE_DELAY_MS = 30;

interface Slider {
  readonly row: HTMLElement;
  readonly input: HTMLInputElement;
  set(value: number): void;
}

function slider(
  texts: LiveTexts,
  label: Bilingual,
  range: { min: number; max: number; step: number },
  value: number,
  digits: number,
  testId: string,
  onChange: () => void,
): Slider {
  const input = el('input', { type: 'range', ...range, value, 'data-testid': testId });
  const shown = el('output', { class: 'dell-value-out' }, value.toFixed(digits));
  input.addEventListener('input', () => {
    shown.textContent = Number(input.value).toFixed(digits);
    onChange();
  });
  const row = el('label', { class: 'dell-slider' }, texts.text('span', label), input, shown);
  return {
    row,
    input,
    set(v) {
      input.value = String(v);
      shown.textContent = v.toFixed(digits);
    },
  };
}

/** The six kinds of response in plain words, under the chart that counts them. */
function glossary(texts: LiveTexts): HTMLElement {
  return el(
    'dl',
    { class: 'dell-gloss', 'data-testid': 'dell-gloss' },
    ...CATEGORIES.filter((c) => c !== 'correct').flatMap((c) => [
      texts.text('dt', CATEGORY_NAMES[c]),
      texts.text('dd', CATEGORY_GLOSS[c]),
    ]),
  );
}

export function openDellLab(onClose?: () => void): PanelHandle {
  return openPanel(
    DELL_PANEL_KEY,
    (root, handle) => {
      const texts = new LiveTexts();
      const hooks: DellLabHooks = { runs: 0 };
      testHooks().dell = hooks;
      const categoryName = (c: Category): string => tr(CATEGORY_NAMES[c]);

      // Parameters: every change re-runs the chart (and looks for a fit map for q and noise).
      let changeTimer: number | undefined;
      const changed = (): void => {
        fitting.settingsChanged(fixedParams());
        window.clearTimeout(changeTimer);
        changeTimer = window.setTimeout(() => requestRun(CHANGE_SEED), CHANGE_DELAY_MS);
      };
      const s = slider(
        texts,
        T.sLabel,
        { min: 0.0001, max: 0.1, step: 0.0001 },
        NORMAL_PARAMS.s,
        4,
        'dell-s',
        changed,
      );
      const p = slider(
        texts,
        T.pLabel,
        { min: 0.0001, max: 0.1, step: 0.0001 },
        NORMAL_PARAMS.p,
        4,
        'dell-p',
        changed,
      );
      const q = slider(
        texts,
        T.qLabel,
        { min: 0.1, max: 0.9, step: 0.01 },
        NORMAL_PARAMS.q,
        2,
        'dell-q',
        changed,
      );
      const sd2 = slider(
        texts,
        T.noiseLabel,
        { min: 0, max: 0.4, step: 0.01 },
        NORMAL_PARAMS.sd2,
        2,
        'dell-sd2',
        changed,
      );
      const form = el('select', { 'data-testid': 'dell-noise-form' });
      const fillForms = (): void => {
        const chosen = (form.value || NORMAL_PARAMS.noiseForm) as NoiseForm;
        form.replaceChildren(
          ...NOISE_FORMS.map((f) =>
            el(
              'option',
              { value: f, selected: f === chosen },
              tr(f === 'sd-proportional' ? T.sdForm : T.varForm),
            ),
          ),
        );
      };
      fillForms();
      form.addEventListener('change', changed);
      const adjust = el('input', { type: 'checkbox', checked: true, 'data-testid': 'dell-nonword-adjust' });
      adjust.addEventListener('change', changed);

      const params = (): DellParams => ({
        ...NORMAL_PARAMS,
        s: Number(s.input.value),
        p: Number(p.input.value),
        q: Number(q.input.value),
        sd2: Number(sd2.input.value),
        noiseForm: form.value as NoiseForm,
        nonwordOpportunity: adjust.checked ? 0.8 : null,
      });
      const fixedParams = (): FixedParams => {
        const { s: _s, p: _p, ...fixed } = params();
        return fixed;
      };

      const normal = texts.text('button', T.normalWeights, { type: 'button', 'data-testid': 'dell-normal' });
      normal.addEventListener('click', () => {
        s.set(NORMAL_PARAMS.s);
        p.set(NORMAL_PARAMS.p);
        q.set(NORMAL_PARAMS.q);
        sd2.set(NORMAL_PARAMS.sd2);
        form.value = NORMAL_PARAMS.noiseForm;
        adjust.checked = true;
        changed();
      });

      // Simulation and chart.
      const chart = svgEl('svg', { class: 'dell-chart', 'data-testid': 'dell-chart' });
      const chartParams = el('p', { class: 'dell-chart-params', 'data-testid': 'dell-chart-params' });
      const runLine = el('p', { class: 'dell-note', 'data-testid': 'dell-run-line' });
      let freshSeed = CHANGE_SEED;
      let lastRun: RunOutcome | undefined;
      const runListeners = new Set<() => void>();
      const describeRun = (): string => {
        if (!lastRun) return tr(T.chartRunning);
        const r = lastRun.params;
        return trf(T.chartParams, {
          s: r.s.toFixed(4),
          p: r.p.toFixed(4),
          q: r.q.toFixed(2),
          sd2: r.sd2.toFixed(2),
          form: tr(r.noiseForm === 'sd-proportional' ? T.sdFormShort : T.varFormShort),
          adjust: tr(r.nonwordOpportunity === null ? T.off : T.on),
          n: lastRun.trials.toLocaleString(),
          seed: lastRun.seed,
        });
      };
      const drawChart = (): void => {
        chartParams.textContent = describeRun();
        const series = [{ name: tr(T.controls), color: '#8a8170', profile: CONTROLS }];
        if (lastRun) series.unshift({ name: tr(T.model), color: '#2f6b3a', profile: lastRun.proportions });
        drawBarChart(chart, series, {
          category: categoryName,
          correctPanel: tr(T.correctPanel),
          errorsPanel: tr(T.errorsPanel),
        });
      };
      const runner = createLatestRunner(
        (outcome) => {
          lastRun = outcome;
          hooks.runs++;
          hooks.lastRun = {
            trials: outcome.trials,
            ms: outcome.ms,
            seed: outcome.seed,
            params: outcome.params,
            proportions: { ...outcome.proportions },
          };
          texts.bind(runLine, runText(outcome.trials, outcome.ms));
          drawChart();
          for (const listener of [...runListeners]) listener();
        },
        (message) => {
          runLine.textContent = message;
        },
      );
      const requestRun = (seed: number): void => {
        window.clearTimeout(changeTimer);
        runner.request({ params: params(), trials: CHART_TRIALS, seed });
      };
      // The speed test times the main thread on purpose: it is what the page itself can do.
      const timed = (trials: number): { ms: number } => {
        const started = performance.now();
        simulate(params(), trials, ++freshSeed);
        return { ms: performance.now() - started };
      };
      const runText = (trials: number, ms: number) => () =>
        trf(T.ranTrials, {
          n: trials.toLocaleString(),
          ms: ms.toFixed(0),
          rate: Math.round(trials / (ms / 1000)).toLocaleString(),
        });
      const run = texts.text('button', T.name1000, {
        type: 'button',
        class: 'dell-primary',
        'data-testid': 'dell-run',
      });
      run.addEventListener('click', () => requestRun(++freshSeed));
      const speed = texts.text('button', T.speedTest, { type: 'button', 'data-testid': 'dell-speed' });
      speed.addEventListener('click', () => {
        speed.disabled = true;
        // Let the disabled button paint before the main thread is busy for a moment.
        window.setTimeout(() => {
          timed(2_000); // warm-up: let the JIT compile the simulation before timing it
          const { ms } = timed(10_000);
          hooks.speed = { trials: 10_000, ms, trialsPerSec: 10_000 / (ms / 1000) };
          texts.bind(runLine, runText(10_000, ms));
          speed.disabled = false;
        }, 30);
      });

      const viewer = createTrialViewer(texts, params);
      const fitting = createFittingSection(texts, fixedParams, (fs, fp) => {
        s.set(fs);
        p.set(fp);
        changed();
        root.querySelector('.dell-top')?.scrollIntoView({ behavior: 'smooth' });
      });

      const back = texts.text('button', T.back, { type: 'button', 'data-testid': 'close' });
      back.addEventListener('click', () => handle.close());
      const langButton = el('button', { type: 'button', class: 'dell-lang' });
      const paintLang = (): void => {
        langButton.textContent = getLang() === 'ja' ? 'English' : '日本語';
        speed.title = tr(T.speedTestTitle); // its text is bound to the language already
      };
      langButton.addEventListener('click', () => setLang(getLang() === 'ja' ? 'en' : 'ja'));
      paintLang();

      // The guided tour presses this lab's own controls and reads back what they drew.
      const tour: MountedTour = mountTour(
        root,
        dellTour(
          {
            root,
            lastRun: () => lastRun,
            onRun: (listener) => {
              runListeners.add(listener);
              return () => runListeners.delete(listener);
            },
            showing: () => viewer.showing(),
          },
          () => tour.refresh(),
        ),
      );

      root.classList.add('dell-lab');
      root.append(
        el(
          'header',
          { class: 'dell-header' },
          texts.text('h1', T.title),
          el('div', {}, tour.button, ' ', langButton, ' ', back),
        ),
        texts.text('p', T.intro, { class: 'dell-intro' }),
        el(
          'div',
          { class: 'dell-top' },
          el(
            'div',
            { class: 'dell-side' },
            el(
              'section',
              { class: 'card-surface dell-params' },
              texts.text('h2', T.parameters),
              s.row,
              p.row,
              q.row,
              sd2.row,
              el('label', { class: 'dell-slider' }, texts.text('span', T.noiseForm), form),
              el('label', { class: 'dell-check' }, adjust, texts.text('span', T.nonwordAdjust)),
              el('div', { class: 'dell-row' }, run, normal, speed),
              runLine,
            ),
            el(
              'section',
              { class: 'card-surface dell-dist' },
              texts.text('h2', T.distribution),
              chartParams,
              chart,
              glossary(texts),
              texts.text('p', T.autoRun, { class: 'dell-note' }),
            ),
          ),
          viewer.root,
        ),
        fitting.root,
      );
      drawChart();
      requestRun(CHANGE_SEED); // the lab opens on the normal weights' result, not an empty chart

      const stopLang = onLangChange(() => {
        paintLang();
        fillForms();
        drawChart();
        viewer.relabel();
        fitting.relabel();
      });
      return () => {
        tour.dispose();
        window.clearTimeout(changeTimer);
        runner.dispose();
        stopLang();
        texts.dispose();
        viewer.dispose();
        fitting.dispose();
      };
    },
    onClose,
  );
}
