// Kiosk mode, for a game left out at an event. Two ways in: the stored setting (Settings → kiosk
// mode: on, with its idle seconds), which survives reloads until the organiser leaves it, and the
// URL for one visit: `?kiosk=1` (idle 90 s) or `?kiosk=N` (idle N seconds, 10…3600). The URL wins:
// `?kiosk=0` opens a normal game for that visit and leaves the stored kiosk as it is. Read once at
// start; in kiosk mode the title menu leaves settings out and the labs hide every action that
// would change or lose what is stored (locks.ts).
import { RANGES, loadSettings, type Settings } from '../settings';

export const KIOSK_DEFAULT_IDLE_SECONDS = 90;
const { min: MIN_IDLE_SECONDS, max: MAX_IDLE_SECONDS } = RANGES.kioskIdleSeconds;

/** Idle seconds the URL asks for, null when it turns kiosk mode off, undefined when it says nothing. */
export function kioskIdleSecondsFromUrl(search: string): number | null | undefined {
  const value = new URLSearchParams(search).get('kiosk');
  if (value === null) return undefined;
  if (value === '0' || value === 'false' || value === 'off') return null;
  const seconds = Number(value);
  if (value === '' || value === '1' || value === 'true' || !Number.isFinite(seconds) || seconds < 0)
    return KIOSK_DEFAULT_IDLE_SECONDS;
  return Math.round(Math.min(MAX_IDLE_SECONDS, Math.max(MIN_IDLE_SECONDS, seconds)));
}

/** Idle seconds from the URL alone, or null when it asks for no kiosk. */
export function kioskIdleSeconds(search: string): number | null {
  return kioskIdleSecondsFromUrl(search) ?? null;
}

export interface KioskMode {
  readonly idleSeconds: number;
  /** 'stored': the organiser turned it on in settings, and leaves it from the game (exit.ts). */
  readonly source: 'url' | 'stored';
}

/** This visit's kiosk mode from the URL and the stored settings, or null for a normal game. */
export function kioskMode(
  search: string,
  stored: Pick<Settings, 'kiosk' | 'kioskIdleSeconds'>,
): KioskMode | null {
  const fromUrl = kioskIdleSecondsFromUrl(search);
  if (fromUrl !== undefined) return fromUrl === null ? null : { idleSeconds: fromUrl, source: 'url' };
  return stored.kiosk ? { idleSeconds: stored.kioskIdleSeconds, source: 'stored' } : null;
}

/** This page's kiosk mode (null: a normal game). */
export const KIOSK: KioskMode | null = kioskMode(globalThis.location?.search ?? '', loadSettings());
export const KIOSK_IDLE_SECONDS: number | null = KIOSK?.idleSeconds ?? null;
