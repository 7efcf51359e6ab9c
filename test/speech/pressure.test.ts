// The pressure knob: what the user sets, mapped per model to the sampler's raw pressure, then
// to the slip model's weight and temperature.
import { describe, expect, it } from 'vitest';
import {
  CALIBRATION,
  calibratedPressure,
  DEFAULT_PRESSURE,
  pressureSchedule,
} from '../../src/speech/speaker';

describe('calibratedPressure', () => {
  it.each([0.1, 0.29, 0.5])('keeps 0 and 1, and maps the default to the model’s calibrated %s', (at) => {
    expect(calibratedPressure(0, at)).toBe(0);
    expect(calibratedPressure(DEFAULT_PRESSURE, at)).toBeCloseTo(at, 10);
    expect(calibratedPressure(1, at)).toBeCloseTo(1, 10);
  });

  it('rises with the knob and clamps outside 0–1', () => {
    const knob = Array.from({ length: 21 }, (_, k) => k / 20);
    const raw = knob.map((p) => calibratedPressure(p, CALIBRATION.vertical));
    for (let k = 1; k < raw.length; k++) expect(raw[k]).toBeGreaterThan(raw[k - 1] as number);
    expect(calibratedPressure(-1, 0.2)).toBe(0);
    expect(calibratedPressure(2, 0.2)).toBe(1);
  });
});

describe('pressureSchedule', () => {
  it('first raises the slip model’s weight, then its temperature', () => {
    expect(pressureSchedule(0, 1)).toEqual({ pressure: 0, temperature: 1 });
    expect(pressureSchedule(0.3, 1)).toEqual({ pressure: 0.5, temperature: 1 });
    expect(pressureSchedule(0.6, 1)).toEqual({ pressure: 1, temperature: 1 });
    expect(pressureSchedule(1, 1)).toEqual({ pressure: 1, temperature: 2 });
  });
});
