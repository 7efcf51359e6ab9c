// Kiosk mode, for a game left out at an event: `?kiosk=1` (idle 90 s) or `?kiosk=N` (idle N
// seconds, 10…3600). Read once at start; the title menu leaves settings out in kiosk mode, so a
// visitor cannot change settings, delete or import models, or train over the shipped one.
export const KIOSK_DEFAULT_IDLE_SECONDS = 90;
const MIN_IDLE_SECONDS = 10;
const MAX_IDLE_SECONDS = 3600;

/** Idle seconds before the kiosk goes back to the attract loop, or null when not a kiosk. */
export function kioskIdleSeconds(search: string): number | null {
  const value = new URLSearchParams(search).get('kiosk');
  if (value === null || value === '0' || value === 'false' || value === 'off') return null;
  const seconds = Number(value);
  if (value === '' || value === '1' || value === 'true' || !Number.isFinite(seconds) || seconds < 0)
    return KIOSK_DEFAULT_IDLE_SECONDS;
  return Math.round(Math.min(MAX_IDLE_SECONDS, Math.max(MIN_IDLE_SECONDS, seconds)));
}

/** This page's kiosk setting (null: a normal game). */
export const KIOSK_IDLE_SECONDS: number | null = kioskIdleSeconds(globalThis.location?.search ?? '');
