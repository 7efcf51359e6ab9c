// Fitting the model to a patient (the WebFit method of Foygel & Dell 2000): simulate a map of
// (s, p) points once, then pick the point whose six proportions are closest (smallest RMSD) to
// the patient's. The map is the slow part, so it is built in resumable chunks (a Web Worker or a
// script drives it) and cached: a shipped JSON for the default parameters, IndexedDB otherwise.
import { CATEGORIES, emptyProfile, rmsd, type Category, type Profile } from './classify';
import { createSimulator, NOISE_FORMS, simulateCounts, type DellParams, type NoiseForm } from './model';
import { fastRng } from './noise';

/** Version 2: a slip that lands back on /kæt/ is scored correct (version 1 sometimes made it a nonword). */
export const MAP_FORMAT = 'utakaruta-dell-map-2';

/** Everything but s and p: the map is computed for one such setting. */
export type FixedParams = Omit<DellParams, 's' | 'p'>;

export interface MapSpec {
  readonly sAxis: readonly number[];
  readonly pAxis: readonly number[];
  readonly trialsPerPoint: number;
  readonly seed: number;
  readonly params: FixedParams;
}

export interface FitMap extends MapSpec {
  readonly format: typeof MAP_FORMAT;
  /** Counts, flat: index ((si · pAxis.length + pi) · 6 + category), categories in CATEGORIES order. */
  readonly counts: readonly number[];
}

/** Weights from `from` to `to`: `from` itself, then every multiple of `step` up to `to`. */
export function weightAxis(from = 0.0001, to = 0.1, step = 0.002): number[] {
  const axis = [from];
  for (let k = 1; k * step <= to + 1e-12; k++) axis.push(Math.round(k * step * 1e6) / 1e6);
  return axis;
}

export function mapSpec(params: FixedParams, trialsPerPoint: number, seed: number, step = 0.002): MapSpec {
  const axis = weightAxis(0.0001, 0.1, step);
  return { sAxis: axis, pAxis: axis, trialsPerPoint, seed, params };
}

/** A stable key for caching a map: same key, same map. */
export function mapKey(spec: MapSpec): string {
  const { sAxis, pAxis, trialsPerPoint, seed, params } = spec;
  const fixed = Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([MAP_FORMAT, sAxis, pAxis, trialsPerPoint, seed, fixed]);
}

export interface MapBuilder {
  readonly spec: MapSpec;
  readonly totalPoints: number;
  readonly donePoints: number;
  /** Simulates up to `points` more map points; returns true when the map is complete. */
  advance(points: number): boolean;
  result(): FitMap;
}

/**
 * Every point runs with the same seed (common random numbers): neighbouring points then differ
 * by their weights, not by their luck, so the RMSD surface is smooth and the best point is stable.
 */
export function createMapBuilder(spec: MapSpec): MapBuilder {
  const cols = spec.pAxis.length;
  const totalPoints = spec.sAxis.length * cols;
  const counts = new Array<number>(totalPoints * CATEGORIES.length).fill(0);
  let done = 0;
  return {
    spec,
    totalPoints,
    get donePoints() {
      return done;
    },
    advance(points) {
      const end = Math.min(totalPoints, done + points);
      for (; done < end; done++) {
        const s = spec.sAxis[Math.floor(done / cols)] as number;
        const p = spec.pAxis[done % cols] as number;
        const sim = createSimulator({ ...spec.params, s, p });
        const point = simulateCounts(sim, fastRng(spec.seed), spec.trialsPerPoint);
        CATEGORIES.forEach((c, i) => (counts[done * CATEGORIES.length + i] = point[c]));
      }
      return done === totalPoints;
    },
    result() {
      if (done < totalPoints) throw new Error(`map incomplete: ${done}/${totalPoints} points`);
      return { format: MAP_FORMAT, ...spec, counts };
    },
  };
}

export type MapCheck =
  { readonly ok: true; readonly map: FitMap } | { readonly ok: false; readonly reason: string };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const finiteIn = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max;
const wholeIn = (x: unknown, min: number, max: number): x is number =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;

/** Largest grid a map may have (the shipped one is 51 × 51); larger is a damaged record. */
const MAX_AXIS = 1001;
const MAX_TRIALS_PER_POINT = 10_000_000;

function checkAxis(axis: unknown, name: string): string | undefined {
  if (!Array.isArray(axis) || axis.length === 0 || axis.length > MAX_AXIS)
    return `${name} axis missing or empty`;
  for (let i = 0; i < axis.length; i++) {
    if (!finiteIn(axis[i], 0, 1)) return `${name} axis value ${i} is not a weight in [0, 1]`;
    if (i > 0 && (axis[i] as number) <= (axis[i - 1] as number)) return `${name} axis is not increasing`;
  }
  return undefined;
}

function checkFixedParams(params: unknown): string | undefined {
  if (!isRecord(params)) return 'settings missing';
  if (!finiteIn(params.q, 0, 1)) return 'decay q not in [0, 1]';
  if (!finiteIn(params.sd1, 0, 100) || !finiteIn(params.sd2, 0, 100))
    return 'noise SD not a finite number ≥ 0';
  if (!NOISE_FORMS.includes(params.noiseForm as NoiseForm)) return 'unknown noise form';
  if (!finiteIn(params.mixedFraction, 0, 1)) return 'mixed fraction not in [0, 1]';
  if (params.nonwordOpportunity !== null && !finiteIn(params.nonwordOpportunity, 0, 1))
    return 'nonword opportunity neither off nor in [0, 1]';
  if (!wholeIn(params.steps, 1, 1000)) return 'steps not a whole number from 1 to 1000';
  if (!finiteIn(params.semanticJolt, 0, 1e6) || !finiteIn(params.wordJolt, 0, 1e6)) return 'jolts not finite';
  return undefined;
}

/**
 * Checks a map read from a file or a cache, all the way down: axes of increasing weights,
 * settings the model accepts, and whole non-negative counts that add up to trialsPerPoint at
 * every point. A map that passes gives finite proportions everywhere.
 */
export function validateMap(value: unknown): MapCheck {
  const fail = (reason: string): MapCheck => ({ ok: false, reason });
  if (!isRecord(value) || value.format !== MAP_FORMAT) return fail('not a Dell fit map of this version');
  const { sAxis, pAxis, counts, trialsPerPoint, seed, params } = value;
  const axisProblem = checkAxis(sAxis, 's') ?? checkAxis(pAxis, 'p');
  if (axisProblem) return fail(axisProblem);
  if (!wholeIn(trialsPerPoint, 1, MAX_TRIALS_PER_POINT))
    return fail('trials per point not a whole number ≥ 1');
  if (!Number.isSafeInteger(seed)) return fail('seed not a whole number');
  const paramsProblem = checkFixedParams(params);
  if (paramsProblem) return fail(paramsProblem);
  const points = (sAxis as unknown[]).length * (pAxis as unknown[]).length;
  if (!Array.isArray(counts) || counts.length !== points * CATEGORIES.length)
    return fail('counts do not match the axes');
  for (let point = 0; point < points; point++) {
    let sum = 0;
    for (let c = 0; c < CATEGORIES.length; c++) {
      const count: unknown = counts[point * CATEGORIES.length + c];
      if (!wholeIn(count, 0, trialsPerPoint))
        return fail(`count ${point * CATEGORIES.length + c} is not a whole count`);
      sum += count;
    }
    if (sum !== trialsPerPoint) return fail(`point ${point} does not add up to ${trialsPerPoint} trials`);
  }
  return { ok: true, map: value as unknown as FitMap };
}

/** validateMap for scripts: throws with the reason. */
export function checkMap(value: unknown): FitMap {
  const checked = validateMap(value);
  if (!checked.ok) throw new Error(`not a usable Dell fit map: ${checked.reason}`);
  return checked.map;
}

export function mapPoint(map: FitMap, si: number, pi: number): Profile {
  const base = (si * map.pAxis.length + pi) * CATEGORIES.length;
  const out = emptyProfile();
  CATEGORIES.forEach((c, i) => (out[c] = (map.counts[base + i] ?? 0) / map.trialsPerPoint));
  return out;
}

export interface Fit {
  readonly s: number;
  readonly p: number;
  readonly rmsd: number;
  /** The model's six proportions at the best point. */
  readonly predicted: Profile;
}

/** RMSD of every map point to `target`, row-major [si][pi]. */
export function rmsdSurface(map: FitMap, target: Profile): Float64Array {
  const surface = new Float64Array(map.sAxis.length * map.pAxis.length);
  for (let si = 0; si < map.sAxis.length; si++) {
    for (let pi = 0; pi < map.pAxis.length; pi++) {
      surface[si * map.pAxis.length + pi] = rmsd(mapPoint(map, si, pi), target);
    }
  }
  return surface;
}

/** The map point closest to `target` (six proportions). Ties go to the first point found. */
export function fitProfile(map: FitMap, target: Profile): Fit {
  const surface = rmsdSurface(map, target);
  let best = 0;
  for (let i = 1; i < surface.length; i++) if ((surface[i] as number) < (surface[best] as number)) best = i;
  const si = Math.floor(best / map.pAxis.length);
  const pi = best % map.pAxis.length;
  return {
    s: map.sAxis[si] as number,
    p: map.pAxis[pi] as number,
    rmsd: surface[best] as number,
    predicted: mapPoint(map, si, pi),
  };
}

/**
 * Above this RMSD no (s, p) setting is said to produce a profile: the lab warns. The 23 patients
 * of Dell et al. (1997) fit with a mean near .02; .05 is more than twice that.
 */
export const POOR_FIT_RMSD = 0.05;

export interface FitMismatch {
  /** The category where the best point and the target differ most. */
  readonly category: Category;
  readonly target: number;
  readonly model: number;
}

/** Where a fit misses most, or undefined when the fit is within POOR_FIT_RMSD. */
export function poorFit(fit: Fit, target: Profile): FitMismatch | undefined {
  if (!(fit.rmsd > POOR_FIT_RMSD)) return undefined;
  let worst: Category = 'correct';
  for (const c of CATEGORIES) {
    if (Math.abs(fit.predicted[c] - target[c]) > Math.abs(fit.predicted[worst] - target[worst])) worst = c;
  }
  return { category: worst, target: target[worst], model: fit.predicted[worst] };
}
