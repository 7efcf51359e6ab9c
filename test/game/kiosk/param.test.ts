import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIOSK_DEFAULT_IDLE_SECONDS, kioskIdleSeconds, kioskMode } from '../../../src/game/kiosk/param';

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

describe('kiosk mode from the URL and the stored setting', () => {
  const stored = { kiosk: true, kioskIdleSeconds: 45 };
  const off = { kiosk: false, kioskIdleSeconds: 45 };

  it('comes back from the stored setting on a reload without the URL parameter', () => {
    expect(kioskMode('', stored)).toEqual({ idleSeconds: 45, source: 'stored' });
    expect(kioskMode('?seed=3', stored)).toEqual({ idleSeconds: 45, source: 'stored' });
  });

  it('lets ?kiosk=0 open a normal game for one visit, the stored kiosk left as it is', () => {
    expect(kioskMode('?kiosk=0', stored)).toBeNull();
  });

  it('takes the URL’s idle time over the stored one, and works with nothing stored', () => {
    expect(kioskMode('?kiosk=20', stored)).toEqual({ idleSeconds: 20, source: 'url' });
    expect(kioskMode('?kiosk=1', off)).toEqual({ idleSeconds: KIOSK_DEFAULT_IDLE_SECONDS, source: 'url' });
    expect(kioskMode('', off)).toBeNull();
  });
});
