import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIOSK_DEFAULT_IDLE_SECONDS, kioskIdleSeconds } from '../../../src/game/kiosk/param';

describe('the kiosk URL parameter', () => {
  it.each([
    ['', null],
    ['?seed=3', null],
    ['?kiosk=0', null],
    ['?kiosk=off', null],
    ['?kiosk', KIOSK_DEFAULT_IDLE_SECONDS],
    ['?kiosk=1', KIOSK_DEFAULT_IDLE_SECONDS],
    ['?kiosk=true', KIOSK_DEFAULT_IDLE_SECONDS],
    ['?kiosk=90', 90],
    ['?kiosk=45.6', 46],
    ['?kiosk=3', 10],
    ['?kiosk=1e9', 3600],
    ['?kiosk=-5', KIOSK_DEFAULT_IDLE_SECONDS],
    ['?kiosk=abc', KIOSK_DEFAULT_IDLE_SECONDS],
    ['?kiosk=Infinity', KIOSK_DEFAULT_IDLE_SECONDS],
  ])('reads %j as %s', (search, expected) => {
    expect(kioskIdleSeconds(search)).toBe(expected);
  });

  it('gives null or a whole number of seconds from 10 to 3600 for any value', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const seconds = kioskIdleSeconds(`?kiosk=${encodeURIComponent(value)}`);
        return seconds === null || (Number.isInteger(seconds) && seconds >= 10 && seconds <= 3600);
      }),
      { seed: 15, numRuns: 2000 },
    );
  });
});
