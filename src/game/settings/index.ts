// The settings API other modules import: `import { loadSettings } from '../settings'`.
export * from './settings';
export {
  loadSettings,
  onSettingsChange,
  saveSettings,
  settingsStore,
  SettingsStore,
  SETTINGS_STORAGE_KEY,
  LEGACY_LANG_KEY,
  type KeyValueStorage,
} from './store';
