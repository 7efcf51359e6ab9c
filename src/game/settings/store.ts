// The settings store: one record in localStorage, read once, validated, and shared by every
// screen. The match reads difficulty, protocol, timing and opponent model from here; the settings
// panel writes. Listeners hear every change, so an open screen can follow it at once.
import { setLang } from '../i18n';
import {
  applyPatch,
  DEFAULT_SETTINGS,
  isValidSetting,
  parseSettings,
  serializeSettings,
  type Settings,
  type SettingsNotice,
  type SettingsPatchResult,
} from './settings';

export const SETTINGS_STORAGE_KEY = 'utakaruta.settings';
/** The title screen kept the language alone under this key before the settings store existed. */
export const LEGACY_LANG_KEY = 'utakaruta.lang';

/** The part of the Web Storage API the store uses; tests pass a Map-backed one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

type Listener = (settings: Settings, previous: Settings) => void;

export class SettingsStore {
  private current: Settings;
  private pendingNotice: SettingsNotice | undefined;
  private readonly listeners = new Set<Listener>();
  /** False when the browser refused to write (private mode, quota): settings last this visit. */
  persistent = true;

  constructor(private readonly storage: KeyValueStorage | undefined) {
    const raw = safeGet(storage, SETTINGS_STORAGE_KEY);
    const parsed = parseSettings(raw);
    let settings = parsed.settings;
    if (raw === null) {
      const legacyLang = safeGet(storage, LEGACY_LANG_KEY);
      if (isValidSetting('lang', legacyLang)) settings = { ...settings, lang: legacyLang };
    }
    this.current = settings;
    this.pendingNotice = parsed.notice;
    // Rewrite a repaired record now, so the notice is shown once, not on every visit.
    if (parsed.notice) this.write(settings);
  }

  get(): Settings {
    return this.current;
  }

  /** The reason the saved record was not used as is, once; undefined afterwards. */
  takeNotice(): SettingsNotice | undefined {
    const notice = this.pendingNotice;
    this.pendingNotice = undefined;
    return notice;
  }

  /** Validates, stores and announces a change. An invalid value changes nothing. */
  update(patch: Partial<Settings>): SettingsPatchResult {
    const result = applyPatch(this.current, patch);
    if (!result.ok) return result;
    const previous = this.current;
    this.current = result.settings;
    this.write(result.settings);
    for (const listener of this.listeners) listener(result.settings, previous);
    return result;
  }

  reset(): void {
    this.update(DEFAULT_SETTINGS);
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(settings: Settings): void {
    if (!this.storage) {
      this.persistent = false;
      return;
    }
    try {
      this.storage.setItem(SETTINGS_STORAGE_KEY, serializeSettings(settings));
      this.storage.setItem(LEGACY_LANG_KEY, settings.lang);
      this.persistent = true;
    } catch {
      this.persistent = false;
    }
  }
}

function safeGet(storage: KeyValueStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Some browsers throw on merely touching localStorage when storage is disabled.
    return undefined;
  }
}

let shared: SettingsStore | undefined;

/** The game's one store, created on first use; applies the saved language to the interface. */
export function settingsStore(): SettingsStore {
  if (!shared) {
    shared = new SettingsStore(browserStorage());
    setLang(shared.get().lang);
    shared.onChange((settings) => setLang(settings.lang));
  }
  return shared;
}

/** The current settings (loaded and validated on first call). */
export function loadSettings(): Settings {
  return settingsStore().get();
}

/** Changes some settings; returns the refusal when a value is out of range. */
export function saveSettings(patch: Partial<Settings>): SettingsPatchResult {
  return settingsStore().update(patch);
}

/** Calls `listener` after every change; returns the function that unsubscribes. */
export function onSettingsChange(listener: Listener): () => void {
  return settingsStore().onChange(listener);
}
