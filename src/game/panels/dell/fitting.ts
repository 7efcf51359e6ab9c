// The fitting half of the lab: the map (shipped, cached or made now in a worker, with a
// progress bar), the 23 patients with their fits, and "fit my data".
import { tr, trf } from '../../i18n';
import { el, type LiveTexts } from '../settings/dom';
import { testHooks } from '../../testHooks';
import type { Category, Profile } from '../../../speech/dell/classify';
import {
  fitProfile,
  mapKey,
  mapSpec,
  poorFit,
  type FitMap,
  type FixedParams,
  type Fit,
} from '../../../speech/dell/fit';
import { buildMap, type MapJob } from '../../../speech/dell/mapJob';
import { PATIENTS, patientTarget, type Patient } from '../../../speech/dell/patients';
import { DATA_FIELDS, parseUserData, type DataMode } from '../../../speech/dell/userData';
import { drawBarChart, svgEl } from './chart';
import { drawRmsdMap } from './heatmap';
import { DellMapStore, loadShippedMap } from '../../storage/dellMaps';
import { KIOSK_LOCKED, kioskLockedNote } from '../../kiosk/locks';
import { APHASIA_NAMES, CATEGORY_NAMES, FIELD_NAMES, poorFitMessage, T, userDataMessage } from './text';

/**
 * Maps made in the browser use a coarser grid (26 × 26 points, step 0.004) at the shipped map's
 * 1,000 trials per point: a quarter of the work, and each point as precise as in the shipped map.
 */
const BROWSER_MAP_TRIALS = 1000;
const BROWSER_MAP_STEP = 0.004;
const MAP_SEED = 1997;
const COLOR_DATA = '#b3261e';
const COLOR_MODEL = '#2f6b3a';

export interface FittingSection {
  readonly root: HTMLElement;
  /** The lab's q / noise settings changed: use a cached map for them if there is one. */
  settingsChanged(fixed: FixedParams): void;
  relabel(): void;
  dispose(): void;
}

export interface DellFitHooks {
  mapStatus: 'loading' | 'ready' | 'building' | 'error';
  mapProgress: number;
  patients: { id: string; s: number; p: number; rmsd: number }[];
  userFit?: { s: number; p: number; rmsd: number; poor: boolean };
  userError?: string;
  /** The last stored map found damaged (and removed), if any. */
  damagedMap?: string;
}

const fmt = (x: number, digits = 4): string => x.toFixed(digits);
const sameSettings = (a: FixedParams, b: FixedParams): boolean =>
  mapKey({ sAxis: [], pAxis: [], trialsPerPoint: 0, seed: 0, params: a }) ===
  mapKey({ sAxis: [], pAxis: [], trialsPerPoint: 0, seed: 0, params: b });

export function createFittingSection(
  texts: LiveTexts,
  current: () => FixedParams,
  useWeights: (s: number, p: number) => void,
): FittingSection {
  const hooks: DellFitHooks = { mapStatus: 'loading', mapProgress: 0, patients: [] };
  testHooks().dellFit = hooks;
  const categoryName = (c: Category): string => tr(CATEGORY_NAMES[c]);
  const chartLabels = () => ({
    category: categoryName,
    correctPanel: tr(T.correctPanel),
    errorsPanel: tr(T.errorsPanel),
  });

  let map: FitMap | undefined;
  let job: MapJob | undefined;
  let fits: Fit[] = [];
  let selected: Patient = PATIENTS[PATIENTS.length - 1] as Patient;
  let mapMessage: (() => string) | undefined;

  // Map status.
  const mapLine = el('p', { class: 'dell-map-line', 'data-testid': 'dell-map-status' });
  const mismatch = texts.text('p', T.mapMismatch, { class: 'notice', hidden: true });
  const makeMap = texts.text('button', T.makeMap, { type: 'button', 'data-testid': 'dell-make-map' });
  const cancel = texts.text('button', T.cancel, { type: 'button', hidden: true });
  const progress = el('progress', { max: 1, value: 0, hidden: true, 'data-testid': 'dell-map-progress' });
  // Building a map writes it to this browser's map store: not a visitor's to do at a kiosk.
  if (KIOSK_LOCKED) mismatch.append(kioskLockedNote(T.makeMap));
  else mismatch.append(' ', makeMap, ' ', cancel, ' ', progress);

  // Patients.
  const table = el('table', { class: 'dell-patients', 'data-testid': 'dell-patients' });
  const detailTitle = el('h3', {});
  const detailFit = el('p', { 'data-testid': 'dell-patient-fit' });
  const detailChart = svgEl('svg', { class: 'dell-chart', 'data-testid': 'dell-patient-chart' });
  const tryWeights = texts.text('button', T.useWeights, { type: 'button' });
  const landscape = el('canvas', { class: 'dell-landscape', 'data-testid': 'dell-rmsd-map' });
  const landscapeNote = texts.text('p', T.landscape, { class: 'dell-note' });
  const meanLine = el('p', { class: 'dell-note' });

  // Fit my data.
  const modeInputs = (['counts', 'proportions'] as const).map((mode) =>
    el('input', { type: 'radio', name: 'dell-mode', value: mode, checked: mode === 'counts' }),
  );
  const modeLabels = modeInputs.map((input, i) =>
    el('label', { class: 'dell-mode' }, input, texts.text('span', i === 0 ? T.counts : T.proportions)),
  );
  const fields = DATA_FIELDS.map((f) =>
    el('input', { type: 'text', inputmode: 'decimal', size: 6, 'data-testid': `dell-user-${f}` }),
  );
  const fieldLabels = DATA_FIELDS.map((f, i) =>
    el(
      'label',
      { class: f === 'other' ? 'dell-field dell-field-other' : 'dell-field' },
      texts.text('span', FIELD_NAMES[f]),
      fields[i] as HTMLInputElement,
    ),
  );
  const fitButton = texts.text('button', T.fitButton, { type: 'button', 'data-testid': 'dell-fit-user' });
  const userError = el('p', {
    class: 'error',
    hidden: true,
    role: 'alert',
    'data-testid': 'dell-user-error',
  });
  const userResult = el('p', { 'data-testid': 'dell-user-fit' });
  const userWarning = el('p', { class: 'notice', hidden: true, 'data-testid': 'dell-user-warning' });
  const userChart = svgEl('svg', { class: 'dell-chart', 'data-testid': 'dell-user-chart' });
  let userState:
    { target: Profile; others: number } | { error: ReturnType<typeof userDataMessage> } | undefined;
  const store = new DellMapStore();

  const renderMapLine = (): void => {
    if (mapMessage) mapLine.textContent = mapMessage();
    else if (map) {
      mapLine.textContent = trf(T.mapShipped, {
        points: (map.sAxis.length * map.pAxis.length).toLocaleString(),
        trials: map.trialsPerPoint.toLocaleString(),
        q: map.params.q,
        sd2: map.params.sd2,
      });
    }
    mismatch.hidden = !map || sameSettings(map.params, current());
  };

  const renderPatients = (): void => {
    const head = el(
      'tr',
      {},
      ...[T.patient, T.type].map((t) => el('th', {}, tr(t))),
      el('th', {}, 's'),
      el('th', {}, 'p'),
      el('th', {}, 'RMSD'),
    );
    const rows = PATIENTS.map((patient, i) => {
      const fit = fits[i];
      const row = el(
        'tr',
        { class: patient === selected ? 'selected' : undefined, tabindex: 0, 'data-patient': patient.id },
        el('td', {}, patient.id),
        el('td', {}, tr(APHASIA_NAMES[patient.type])),
        el('td', {}, fit ? fmt(fit.s) : '…'),
        el('td', {}, fit ? fmt(fit.p) : '…'),
        el('td', {}, fit ? fmt(fit.rmsd, 3) : '…'),
      );
      const choose = (): void => {
        selected = patient;
        renderPatients();
      };
      row.addEventListener('click', choose);
      row.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') choose();
      });
      return row;
    });
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
    const fit = fits[PATIENTS.indexOf(selected)];
    detailTitle.textContent = `${selected.id} — ${tr(APHASIA_NAMES[selected.type])}`;
    detailFit.textContent = fit ? trf(T.fittedAt, { s: fmt(fit.s), p: fmt(fit.p), rmsd: fmt(fit.rmsd) }) : '';
    tryWeights.disabled = !fit;
    const series = [
      { name: `${selected.id} ${tr(T.data)}`, color: COLOR_DATA, profile: patientTarget(selected) },
    ];
    if (fit) series.push({ name: tr(T.fit), color: COLOR_MODEL, profile: fit.predicted });
    drawBarChart(detailChart, series, chartLabels());
    landscape.hidden = landscapeNote.hidden = !map;
    if (map) drawRmsdMap(landscape, map, patientTarget(selected));
    if (fits.length) {
      const mean = fits.reduce((sum, f) => sum + f.rmsd, 0) / fits.length;
      meanLine.textContent = trf(T.meanRmsd, { rmsd: fmt(mean) });
    }
  };

  const renderUser = (): void => {
    userError.hidden = !(userState && 'error' in userState);
    userResult.textContent = '';
    userWarning.hidden = true;
    userChart.replaceChildren();
    if (!userState) return;
    if ('error' in userState) {
      userError.textContent = tr(userState.error);
      return;
    }
    const series = [{ name: tr(T.yourData), color: COLOR_DATA, profile: userState.target }];
    if (map) {
      const fit = fitProfile(map, userState.target);
      const mismatch = poorFit(fit, userState.target);
      hooks.userFit = { s: fit.s, p: fit.p, rmsd: fit.rmsd, poor: mismatch !== undefined };
      const others =
        userState.others > 0
          ? ` ${trf(T.othersSetAside, { share: `${(userState.others * 100).toFixed(1)} %` })}`
          : '';
      userResult.textContent =
        trf(T.fittedAt, { s: fmt(fit.s), p: fmt(fit.p), rmsd: fmt(fit.rmsd) }) + others;
      if (mismatch) {
        userWarning.hidden = false;
        userWarning.textContent = tr(poorFitMessage(fit.rmsd, mismatch));
      }
      series.push({ name: tr(T.fit), color: COLOR_MODEL, profile: fit.predicted });
    }
    drawBarChart(userChart, series, chartLabels());
  };

  const useMap = (next: FitMap): void => {
    map = next;
    fits = PATIENTS.map((patient) => fitProfile(next, patientTarget(patient)));
    hooks.patients = fits.map((fit, i) => ({
      id: PATIENTS[i]?.id ?? '',
      s: fit.s,
      p: fit.p,
      rmsd: fit.rmsd,
    }));
    hooks.mapStatus = 'ready';
    renderMapLine();
    renderPatients();
    renderUser();
  };

  makeMap.addEventListener('click', () => {
    const spec = mapSpec(current(), BROWSER_MAP_TRIALS, MAP_SEED, BROWSER_MAP_STEP);
    makeMap.disabled = true;
    cancel.hidden = false;
    progress.hidden = false;
    hooks.mapStatus = 'building';
    job = buildMap(spec, (done, total) => {
      progress.value = done / total;
      hooks.mapProgress = done / total;
      mapMessage = () => trf(T.mapProgress, { done: done.toLocaleString(), total: total.toLocaleString() });
      renderMapLine();
    });
    // The job is over as soon as the worker is: a settings change made while the new map is
    // being written to IndexedDB must be heard (settingsChanged ignores changes during a job).
    const settle = (): void => {
      job = undefined;
      makeMap.disabled = false;
      cancel.hidden = true;
      progress.hidden = true;
    };
    job.done
      .then(async ({ map: made, ms }) => {
        settle();
        mapMessage = () => trf(T.mapMade, { s: (ms / 1000).toFixed(1) });
        useMap(made);
        const saved = await store.save(made);
        if (!saved.ok) {
          mapMessage = () => trf(T.mapNotSaved, { s: (ms / 1000).toFixed(1), message: saved.message });
          renderMapLine();
        }
      })
      .catch((error: unknown) => {
        settle();
        mapMessage = String(error).includes('cancelled')
          ? undefined
          : () => trf(T.mapError, { message: String(error) });
        hooks.mapStatus = map ? 'ready' : 'error';
        renderMapLine();
      });
  });
  cancel.addEventListener('click', () => job?.cancel());

  tryWeights.addEventListener('click', () => {
    const fit = fits[PATIENTS.indexOf(selected)];
    if (fit) useWeights(fit.s, fit.p);
  });

  fitButton.addEventListener('click', () => {
    const mode = (modeInputs.find((input) => input.checked)?.value ?? 'counts') as DataMode;
    const parsed = parseUserData(
      fields.map((f) => f.value),
      mode,
    );
    if (parsed.ok) {
      userState = { target: parsed.target, others: parsed.others };
      hooks.userError = undefined;
    } else {
      userState = { error: userDataMessage(parsed.error) };
      hooks.userError = parsed.error.code;
      hooks.userFit = undefined;
    }
    renderUser();
  });

  void loadShippedMap().then((shipped) => {
    if (shipped.ok) {
      useMap(shipped.map);
      return;
    }
    hooks.mapStatus = 'error';
    mapMessage = () => trf(T.mapError, { message: shipped.message });
    renderMapLine();
  });
  mapMessage = undefined;
  mapLine.textContent = tr(T.mapLoading);
  renderPatients();

  const root = el(
    'div',
    { class: 'dell-fitting' },
    el(
      'section',
      { class: 'card-surface' },
      texts.text('h2', T.patients),
      texts.text('p', T.patientsIntro, { class: 'dell-note' }),
      mapLine,
      mismatch,
      el(
        'div',
        { class: 'dell-columns' },
        el('div', { class: 'dell-table-wrap' }, table, meanLine),
        el(
          'div',
          {},
          detailTitle,
          detailFit,
          detailChart,
          el('div', { class: 'dell-row' }, tryWeights, landscape, landscapeNote),
        ),
      ),
    ),
    el(
      'section',
      { class: 'card-surface', 'data-testid': 'dell-user' },
      texts.text('h2', T.fitMine),
      texts.text('p', T.fitMineIntro, { class: 'dell-note' }),
      el('div', { class: 'dell-row' }, ...modeLabels),
      el('div', { class: 'dell-row' }, ...fieldLabels, fitButton),
      userError,
      userResult,
      userWarning,
      userChart,
    ),
  );

  return {
    root,
    settingsChanged(fixed) {
      renderMapLine();
      if (job || (map && sameSettings(map.params, fixed))) return;
      void (async () => {
        const shipped = await loadShippedMap();
        if (shipped.ok && sameSettings(shipped.map.params, fixed)) {
          if (sameSettings(fixed, current())) {
            mapMessage = undefined;
            useMap(shipped.map);
          }
          return;
        }
        const cached = await store.read(mapSpec(fixed, BROWSER_MAP_TRIALS, MAP_SEED, BROWSER_MAP_STEP));
        if (!sameSettings(fixed, current())) return; // the settings moved on meanwhile
        if (cached.status === 'found') {
          mapMessage = undefined;
          useMap(cached.map);
        } else if (cached.status === 'damaged') {
          hooks.damagedMap = cached.reason;
          mapMessage = () => trf(T.mapDamaged, { reason: cached.reason });
          renderMapLine();
        }
      })();
    },
    relabel() {
      renderMapLine();
      renderPatients();
      if (userState && 'error' in userState) fitButton.click();
      else renderUser();
    },
    dispose() {
      job?.cancel();
    },
  };
}
