// Fitting the model to a patient (the WebFit method of Foygel & Dell 2000): simulate a map of
// (s, p) points once, then pick the point whose six proportions are closest (smallest RMSD) to
// the patient's. The map is the slow part, so it is built in resumable chunks (a Web Worker or a
// script drives it) and cached: a shipped JSON for the default parameters, IndexedDB otherwise.
import { CATEGORIES, emptyProfile, rmsd, type Profile } from './classify';
import { createSimulator, simulateCounts, type DellParams } from './model';
import { fastRng } from './noise';

export const MAP_FORMAT = 'utakaruta-dell-map-1';

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

/** Checks a map read from a file or a cache; throws with the reason if it is not one. */
export function checkMap(value: unknown): FitMap {
  const map = value as Partial<FitMap> | null;
  if (!map || map.format !== MAP_FORMAT) throw new Error('not a Dell fit map');
  const { sAxis, pAxis, counts } = map;
  if (!Array.isArray(sAxis) || !Array.isArray(pAxis) || !Array.isArray(counts)) {
    throw new Error('fit map lacks axes or counts');
  }
  if (counts.length !== sAxis.length * pAxis.length * CATEGORIES.length) {
    throw new Error('fit map counts do not match its axes');
  }
  return map as FitMap;
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
