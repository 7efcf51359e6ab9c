import { describe, expect, it } from 'vitest';
import { normalise, profileFromArray } from '../../../src/speech/dell/classify';
import {
  checkMap,
  createMapBuilder,
  fitProfile,
  mapKey,
  mapPoint,
  weightAxis,
  type FixedParams,
  type MapSpec,
} from '../../../src/speech/dell/fit';
import { NORMAL_PARAMS, simulate } from '../../../src/speech/dell/model';
import { PATIENTS, patientTarget } from '../../../src/speech/dell/patients';

const { s: _s, p: _p, ...FIXED } = NORMAL_PARAMS;
const AXIS = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1];
const SPEC: MapSpec = {
  sAxis: AXIS,
  pAxis: AXIS,
  trialsPerPoint: 500,
  seed: 7,
  params: FIXED satisfies FixedParams,
};

describe('the weight axis', () => {
  it('runs from 0.0001 to 0.1 in steps of 0.002', () => {
    const axis = weightAxis();
    expect(axis[0]).toBe(0.0001);
    expect(axis[1]).toBe(0.002);
    expect(axis.at(-1)).toBe(0.1);
    expect(axis).toHaveLength(51);
  });
});

describe('fitting a profile with a map', () => {
  const builder = createMapBuilder(SPEC);
  let steps = 0;
  while (!builder.advance(7)) steps++;
  const map = builder.result();

  it('builds the map in chunks, reporting progress, with proportions at every point', () => {
    expect(steps).toBe(Math.ceil(100 / 7) - 1);
    expect(builder.donePoints).toBe(100);
    const point = mapPoint(map, 9, 9);
    expect(Object.values(point).reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(point.correct).toBeGreaterThan(0.9);
  });

  it('builds the same map in one go as in chunks', () => {
    const whole = createMapBuilder(SPEC);
    whole.advance(1000);
    expect(whole.result().counts).toEqual(map.counts);
  });

  it.each([
    [0.03, 0.02],
    [0.06, 0.01],
    [0.02, 0.06],
  ])('recovers s = %f, p = %f from a profile the model made there', (s, p) => {
    const made = simulate({ ...NORMAL_PARAMS, s, p }, 4000, 12345).proportions;
    const fit = fitProfile(map, made);
    expect(fit.s).toBeCloseTo(s, 6);
    expect(fit.p).toBeCloseTo(p, 6);
    expect(fit.rmsd).toBeLessThan(0.02);
  });

  it('recovers a normal-range profile to within one grid step, where neighbours look alike', () => {
    // Near s = p = 0.1 about 97 % of trials are correct at every neighbouring point, so
    // sampling noise decides between neighbours; the fit must still land next to the truth.
    const made = simulate({ ...NORMAL_PARAMS, s: 0.1, p: 0.1 }, 4000, 12345).proportions;
    const fit = fitProfile(map, made);
    expect(Math.abs(fit.s - 0.1)).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(Math.abs(fit.p - 0.1)).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(fit.rmsd).toBeLessThan(0.02);
  });

  it('rejects a file that is not a map', () => {
    expect(() => checkMap({ format: 'x' })).toThrow(/not a Dell fit map/);
    expect(() => checkMap({ ...map, counts: [1, 2] })).toThrow(/do not match/);
    expect(checkMap(JSON.parse(JSON.stringify(map)))).toEqual(map);
  });

  it('keys a cached map by everything that changes it', () => {
    expect(mapKey(SPEC)).toBe(mapKey({ ...SPEC, params: { ...FIXED } }));
    expect(mapKey({ ...SPEC, params: { ...FIXED, q: 0.5 } })).not.toBe(mapKey(SPEC));
    expect(mapKey({ ...SPEC, trialsPerPoint: 100 })).not.toBe(mapKey(SPEC));
  });
});

describe('patient data', () => {
  it('holds the 23 patients, each row summing to 1 with its other responses', () => {
    expect(PATIENTS).toHaveLength(23);
    for (const patient of PATIENTS) {
      const six = Object.values(patient.profile).reduce((a, b) => a + b);
      expect(six + patient.others).toBeCloseTo(1, 1);
    }
  });

  it('renormalises the six proportions by default and keeps them as given on request', () => {
    const vp = PATIENTS.find((x) => x.id === 'V.P.');
    if (!vp) throw new Error('V.P. missing');
    expect(patientTarget(vp).correct).toBeCloseTo(0.28 / 0.72, 12);
    expect(patientTarget(vp, 'as-given')).toEqual(vp.profile);
    expect(patientTarget(vp)).toEqual(normalise(profileFromArray([0.28, 0.07, 0.11, 0.04, 0.05, 0.17])));
  });
});
