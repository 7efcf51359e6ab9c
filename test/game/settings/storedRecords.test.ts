// Stored settings written by other builds, or damaged: an older record that lacks a newer key
// keeps every value it has (a missing key is not damage), and no stored text, however broken,
// throws, loses a valid field or yields settings that are not valid.
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../src/data/random';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEYS,
  SETTINGS_STORAGE_KEY,
  SettingsStore,
  isValidSetting,
  parseSettings,
  serializeSettings,
  type Settings,
} from '../../../src/game/settings';
import { memoryStorage, OLD_BUILD_RECORD } from './fixtures';

describe('a record from an older build', () => {
  it('keeps every value it has, and gives no notice for the keys it lacks', () => {
    const { opponentModel: _dropped, volume: _also, ...older } = OLD_BUILD_RECORD.settings;
    const parsed = parseSettings(JSON.stringify({ version: 1, settings: older }));
    expect(parsed.notice).toBeUndefined();
    expect(parsed.settings).toEqual({
      ...DEFAULT_SETTINGS,
      ...older,
      opponentModel: DEFAULT_SETTINGS.opponentModel,
      volume: DEFAULT_SETTINGS.volume,
    });
  });

  it('reads the last build’s record whole, the new keys at their defaults', () => {
    const store = new SettingsStore(
      memoryStorage({ [SETTINGS_STORAGE_KEY]: JSON.stringify(OLD_BUILD_RECORD) }),
    );
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, ...OLD_BUILD_RECORD.settings });
    expect(store.takeNotice()).toBeUndefined();
  });

  it('still names a key whose value is bad, beside the missing ones it forgives', () => {
    const { muted: _dropped, ...older } = OLD_BUILD_RECORD.settings;
    const parsed = parseSettings(JSON.stringify({ version: 1, settings: { ...older, volume: 'loud' } }));
    expect(parsed.notice).toEqual({ kind: 'invalid-fields', fields: ['volume'] });
    expect(parsed.settings).toMatchObject({ difficulty: 'master', volume: DEFAULT_SETTINGS.volume });
  });
});

const GARBAGE_VALUES: readonly ((rng: Rng) => unknown)[] = [
  () => null,
  () => true,
  (rng) => rng.int(-1e6, 1e6),
  (rng) => rng.next() * 10,
  () => 1e308,
  () => -0,
  () => '',
  (rng) => 'x'.repeat(rng.int(1, 5000)),
  () => 'master',
  () => 'projector',
  () => 'en',
  () => [],
  () => [1, 2],
  () => ({}),
  () => ({ valueOf: 1 }),
  () => '__proto__',
];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** A seeded mutation of a valid record: keys dropped, values replaced, strange keys added. */
function mutate(rng: Rng): string {
  const settings: Record<string, unknown> = { ...OLD_BUILD_RECORD.settings };
  for (const key of [...SETTINGS_KEYS, ...PROTOTYPE_KEYS]) {
    const roll = rng.next();
    if (roll < 0.15) delete settings[key];
    else if (roll < 0.35) settings[key] = rng.pick(GARBAGE_VALUES)(rng);
  }
  const record: Record<string, unknown> = { version: 1, settings };
  const outer = rng.next();
  if (outer < 0.05) record.version = rng.pick(GARBAGE_VALUES)(rng);
  else if (outer < 0.1) record.settings = rng.pick(GARBAGE_VALUES)(rng);
  else if (outer < 0.15) record[rng.pick(PROTOTYPE_KEYS)] = { version: 1, settings: {} };
  // JSON.stringify drops a `__proto__` own key set by assignment; write it into the text.
  let text = JSON.stringify(record);
  if (rng.next() < 0.2)
    text = text.replace('"settings":{', '"settings":{"__proto__":{"difficulty":"master"},');
  if (rng.next() < 0.05) text = text.slice(0, rng.int(0, text.length));
  return text;
}

const GARBAGE_TEXTS = [
  '',
  'null',
  'undefined',
  '[]',
  '[{"version":1,"settings":{}}]',
  '"settings"',
  '{"version":1,"settings":[]}',
  '{"version":1,"settings":"{}"}',
  '{"version":"1","settings":{}}',
  '{"version":1,"settings":null}',
  '{"__proto__":{"version":1,"settings":{"difficulty":"master"}}}',
  '{"version":1,"settings":{"__proto__":{"lang":"en"},"constructor":{"prototype":{"muted":true}}}}',
  `{"version":1,"settings":{"opponentModel":"${'m'.repeat(1_000_000)}"}}`,
  'x'.repeat(2_000_000),
  '\u0000\uffff{',
];

/** The valid fields of the stored text's settings object, as a reader should keep them. */
function validFieldsOf(raw: string): Partial<Record<string, unknown>> {
  try {
    const record = JSON.parse(raw) as { version?: unknown; settings?: unknown };
    if (record?.version !== 1) return {};
    const stored = record.settings;
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
    const valid: Record<string, unknown> = {};
    for (const key of SETTINGS_KEYS)
      if (Object.hasOwn(stored, key) && isValidSetting(key, (stored as Record<string, unknown>)[key]))
        valid[key] = (stored as Record<string, unknown>)[key];
    return valid;
  } catch {
    return {};
  }
}

function expectValid(settings: Settings): void {
  expect(Object.keys(settings).sort()).toEqual([...SETTINGS_KEYS].sort());
  for (const key of SETTINGS_KEYS) expect(isValidSetting(key, settings[key]), key).toBe(true);
  expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  expect(parseSettings(serializeSettings(settings)).notice).toBeUndefined();
}

describe('the stored-settings path, fuzzed', () => {
  it('never throws, never loses a valid field, always yields valid settings (2,000 seeded mutations)', () => {
    const rng = createRng(15);
    for (let i = 0; i < 2000; i++) {
      const raw = mutate(rng);
      const store = new SettingsStore(memoryStorage({ [SETTINGS_STORAGE_KEY]: raw }));
      const settings = store.get();
      expectValid(settings);
      expect(settings, raw.slice(0, 200)).toMatchObject(validFieldsOf(raw));
      // The repaired record the store wrote back reads as it is, with no second notice.
      expect(
        new SettingsStore(
          memoryStorage({ [SETTINGS_STORAGE_KEY]: serializeSettings(settings) }),
        ).takeNotice(),
      ).toBeUndefined();
    }
  });

  it.each(GARBAGE_TEXTS.map((raw) => [raw.slice(0, 60), raw]))('survives %j', (_name, raw) => {
    const parsed = parseSettings(raw);
    expectValid(parsed.settings);
    expect(parsed.settings).toMatchObject(validFieldsOf(raw));
    expect(({} as Record<string, unknown>).difficulty).toBeUndefined(); // nothing leaked into Object.prototype
  });
});
