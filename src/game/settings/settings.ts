// The player's settings: a typed, versioned record with one validator per field. Pure: no DOM,
// no storage; store.ts persists it. A saved record is trusted field by field: a field that is
// out of range falls back to its default and is named in the notice, so one bad value (hand-edited,
// damaged) never costs the player the rest of their choices. A key that is missing is not damage:
// a record written before the key existed takes its default quietly.
import { LANGS, type Lang } from '../i18n';

export const SETTINGS_VERSION = 1;

export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced', 'master'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** competition: previous lower half, then next upper half; beginner: upper then lower of one poem. */
export const PROTOCOLS = ['competition', 'beginner'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** normal, or projector: larger text, thicker lines and more contrast for the back of a room. */
export const DISPLAYS = ['normal', 'projector'] as const;
export type Display = (typeof DISPLAYS)[number];

/** The pretrained checkpoint that ships with the game (assets/checkpoints/opponent/). */
export const SHIPPED_MODEL = 'shipped';
/** 'shipped', or the id of a model the player trained and saved (src/game/storage/models.ts). */
export type OpponentModelRef = string;

export interface Settings {
  readonly difficulty: Difficulty;
  readonly protocol: Protocol;
  /** Reading speed as a playback rate: 1 = as recorded. */
  readonly readingRate: number;
  /** Seconds the last sound of the lower half is held (余韻); the classic rhythm uses 3. */
  readonly yoinSeconds: number;
  /** Silence between the held sound and the next upper half; the classic rhythm uses 1. */
  readonly pauseSeconds: number;
  /** Memorization time before the first reading, in seconds (competition: 15 minutes). */
  readonly memorizationSeconds: number;
  readonly lang: Lang;
  /** 0 … 1. */
  readonly volume: number;
  readonly muted: boolean;
  readonly opponentModel: OpponentModelRef;
  readonly display: Display;
  /** Kiosk mode for a game left out at an event (src/game/kiosk/); kept until the organiser leaves it. */
  readonly kiosk: boolean;
  /** Seconds without a touch before the kiosk goes back to its attract loop. */
  readonly kioskIdleSeconds: number;
}

export const DEFAULT_SETTINGS: Settings = {
  difficulty: 'intermediate',
  protocol: 'competition',
  readingRate: 1,
  yoinSeconds: 3,
  pauseSeconds: 1,
  memorizationSeconds: 120,
  lang: 'ja',
  volume: 0.8,
  muted: false,
  opponentModel: SHIPPED_MODEL,
  display: 'normal',
  kiosk: false,
  kioskIdleSeconds: 90,
};

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** Ranges the panel's sliders use and the validator enforces. */
export const RANGES = {
  readingRate: { min: 0.5, max: 2, step: 0.05 },
  yoinSeconds: { min: 0, max: 5, step: 0.1 },
  pauseSeconds: { min: 0, max: 5, step: 0.1 },
  memorizationSeconds: { min: 0, max: 900, step: 30 },
  volume: { min: 0, max: 1, step: 0.05 },
  kioskIdleSeconds: { min: 10, max: 3600, step: 1 },
} as const satisfies Record<string, NumberRange>;

export type SettingsKey = keyof Settings;

type Validators = { readonly [K in SettingsKey]: (value: unknown) => value is Settings[K] };

function oneOf<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);
}

function inRange(range: NumberRange) {
  return (value: unknown): value is number =>
    typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max;
}

const VALIDATORS: Validators = {
  difficulty: oneOf(DIFFICULTIES),
  protocol: oneOf(PROTOCOLS),
  readingRate: inRange(RANGES.readingRate),
  yoinSeconds: inRange(RANGES.yoinSeconds),
  pauseSeconds: inRange(RANGES.pauseSeconds),
  memorizationSeconds: inRange(RANGES.memorizationSeconds),
  lang: oneOf(LANGS),
  volume: inRange(RANGES.volume),
  muted: (value): value is boolean => typeof value === 'boolean',
  opponentModel: (value): value is string =>
    typeof value === 'string' && value.length > 0 && value.length <= 200,
  display: oneOf(DISPLAYS),
  kiosk: (value): value is boolean => typeof value === 'boolean',
  kioskIdleSeconds: (value): value is number =>
    inRange(RANGES.kioskIdleSeconds)(value) && Number.isInteger(value),
};

export const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingsKey[];

/** Why a stored record was not taken as is. */
export type SettingsNotice =
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'newer-version'; readonly version: number }
  | { readonly kind: 'invalid-fields'; readonly fields: readonly SettingsKey[] };

export interface ParsedSettings {
  readonly settings: Settings;
  readonly notice?: SettingsNotice;
}

export function isValidSetting<K extends SettingsKey>(key: K, value: unknown): value is Settings[K] {
  return VALIDATORS[key](value);
}

/**
 * Reads a stored record (the JSON text, or null when nothing was saved). Never throws: anything
 * that is not a record of this version gives the defaults and a notice.
 */
export function parseSettings(raw: string | null): ParsedSettings {
  if (raw === null) return { settings: DEFAULT_SETTINGS };
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    return { settings: DEFAULT_SETTINGS, notice: { kind: 'unreadable' } };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { settings: DEFAULT_SETTINGS, notice: { kind: 'unreadable' } };
  }
  const { version, settings } = record as { version?: unknown; settings?: unknown };
  if (
    typeof version !== 'number' ||
    typeof settings !== 'object' ||
    settings === null ||
    Array.isArray(settings)
  ) {
    return { settings: DEFAULT_SETTINGS, notice: { kind: 'unreadable' } };
  }
  if (version > SETTINGS_VERSION) {
    return { settings: DEFAULT_SETTINGS, notice: { kind: 'newer-version', version } };
  }
  const stored = settings as Record<string, unknown>;
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const invalid: SettingsKey[] = [];
  for (const key of SETTINGS_KEYS) {
    // Own keys only: `{"__proto__": …}` or an inherited name is not a stored value.
    if (!Object.hasOwn(stored, key)) continue;
    const value = stored[key];
    if (isValidSetting(key, value)) result[key] = value;
    else invalid.push(key);
  }
  const parsed = result as unknown as Settings;
  return invalid.length > 0
    ? { settings: parsed, notice: { kind: 'invalid-fields', fields: invalid } }
    : { settings: parsed };
}

export function serializeSettings(settings: Settings): string {
  return JSON.stringify({ version: SETTINGS_VERSION, settings });
}

export type SettingsPatchResult =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly field: SettingsKey; readonly value: unknown };

/** Applies a change; a value out of range is refused (returned), never clamped silently. */
export function applyPatch(settings: Settings, patch: Partial<Settings>): SettingsPatchResult {
  for (const key of Object.keys(patch) as SettingsKey[]) {
    if (!SETTINGS_KEYS.includes(key) || !isValidSetting(key, patch[key])) {
      return { ok: false, field: key, value: patch[key] };
    }
  }
  return { ok: true, settings: { ...settings, ...patch } };
}
