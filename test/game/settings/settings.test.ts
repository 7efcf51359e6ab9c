import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SETTINGS,
  LEGACY_LANG_KEY,
  SETTINGS_STORAGE_KEY,
  SETTINGS_VERSION,
  SettingsStore,
  type KeyValueStorage,
  parseSettings,
  serializeSettings,
  type Settings,
} from '../../../src/game/settings';
import { memoryStorage, OLD_BUILD_RECORD } from './fixtures';

// Every stored key away from its default.
const custom: Settings = { ...DEFAULT_SETTINGS, ...OLD_BUILD_RECORD.settings };

describe('parseSettings', () => {
  it('gives the defaults without a notice when nothing was saved', () => {
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('reads back exactly what was serialized', () => {
    expect(parseSettings(serializeSettings(custom))).toEqual({ settings: custom });
  });

  it.each([
    ['text that is not JSON', '{"version":1,"settings":{'],
    ['a JSON array', '[1,2,3]'],
    ['a bare number', '42'],
    ['a record without a version', '{"settings":{}}'],
    ['a record without settings', '{"version":1}'],
  ])('falls back to the defaults with an "unreadable" notice for %s', (_name, raw) => {
    expect(parseSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, notice: { kind: 'unreadable' } });
  });

  it('does not trust a record written by a newer version of the game', () => {
    const raw = JSON.stringify({ version: SETTINGS_VERSION + 1, settings: custom });
    expect(parseSettings(raw)).toEqual({
      settings: DEFAULT_SETTINGS,
      notice: { kind: 'newer-version', version: SETTINGS_VERSION + 1 },
    });
  });

  it('keeps the valid fields and names each invalid one', () => {
    const raw = JSON.stringify({
      version: 1,
      settings: { ...custom, volume: 7, difficulty: 'godlike', readingRate: Number.NaN },
    });
    const parsed = parseSettings(raw);
    expect(parsed.settings).toEqual({
      ...custom,
      volume: DEFAULT_SETTINGS.volume,
      difficulty: DEFAULT_SETTINGS.difficulty,
      readingRate: DEFAULT_SETTINGS.readingRate,
    });
    expect(parsed.notice).toEqual({
      kind: 'invalid-fields',
      fields: ['difficulty', 'readingRate', 'volume'],
    });
  });

  it('never throws and always returns valid settings, whatever the stored text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(null)), (raw) => {
        const { settings } = parseSettings(raw);
        expect(parseSettings(serializeSettings(settings)).notice).toBeUndefined();
      }),
    );
  });
});

describe('SettingsStore', () => {
  it('persists a change so that a new store (a reload) reads it back', () => {
    const storage = memoryStorage();
    new SettingsStore(storage).update({ difficulty: 'advanced', volume: 0.5 });
    const reloaded = new SettingsStore(storage);
    expect(reloaded.get()).toMatchObject({ difficulty: 'advanced', volume: 0.5 });
    expect(reloaded.takeNotice()).toBeUndefined();
  });

  it('refuses an out-of-range value and changes nothing', () => {
    const storage = memoryStorage();
    const store = new SettingsStore(storage);
    const heard: Settings[] = [];
    store.onChange((s) => heard.push(s));
    expect(store.update({ memorizationSeconds: -1 })).toEqual({
      ok: false,
      field: 'memorizationSeconds',
      value: -1,
    });
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(heard).toEqual([]);
    expect(storage.data.has(SETTINGS_STORAGE_KEY)).toBe(false);
  });

  it('tells listeners the new and the previous settings', () => {
    const store = new SettingsStore(memoryStorage());
    const heard: [Settings, Settings][] = [];
    const stop = store.onChange((s, prev) => heard.push([s, prev]));
    store.update({ muted: true });
    stop();
    store.update({ muted: false });
    expect(heard).toEqual([[{ ...DEFAULT_SETTINGS, muted: true }, DEFAULT_SETTINGS]]);
  });

  it('repairs a corrupted record to the defaults and gives the notice only once', () => {
    const storage = memoryStorage({ [SETTINGS_STORAGE_KEY]: 'garbage{' });
    const store = new SettingsStore(storage);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeNotice()).toEqual({ kind: 'unreadable' });
    expect(store.takeNotice()).toBeUndefined();
    expect(new SettingsStore(storage).takeNotice()).toBeUndefined();
  });

  it('adopts the language the title screen saved before settings existed', () => {
    const store = new SettingsStore(memoryStorage({ [LEGACY_LANG_KEY]: 'en' }));
    expect(store.get().lang).toBe('en');
  });

  it('keeps the legacy language key in step for code that still reads it', () => {
    const storage = memoryStorage();
    new SettingsStore(storage).update({ lang: 'en' });
    expect(storage.data.get(LEGACY_LANG_KEY)).toBe('en');
  });

  it('keeps working for this visit when the browser refuses to store', () => {
    const storage: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const store = new SettingsStore(storage);
    expect(store.update({ muted: true }).ok).toBe(true);
    expect(store.get().muted).toBe(true);
    expect(store.persistent).toBe(false);
  });
});
