// The settings tab: every player setting as a form control. Each change is saved at once
// (no OK button to forget); the language switch relabels the whole panel immediately.
import { trf, type Bilingual } from '../../i18n';
import {
  DIFFICULTIES,
  DISPLAYS,
  PROTOCOLS,
  RANGES,
  SHIPPED_MODEL,
  settingsStore,
  type Difficulty,
  type Display,
  type NumberRange,
  type Protocol,
  type Settings,
  type SettingsNotice,
} from '../../settings';
import { el, type LiveTexts } from './dom';

const DIFFICULTY_LABELS: Record<Difficulty, Bilingual> = {
  beginner: { ja: '初級', en: 'Beginner' },
  intermediate: { ja: '中級', en: 'Intermediate' },
  advanced: { ja: '上級', en: 'Advanced' },
  master: { ja: '名人', en: 'Master' },
};

const PROTOCOL_LABELS: Record<Protocol, Bilingual> = {
  competition: {
    ja: '競技（前の下の句 → 次の上の句）',
    en: 'Competition (previous lower half → next upper half)',
  },
  beginner: {
    ja: '初心者（上の句 → 同じ歌の下の句）',
    en: 'Beginner (upper half → lower half of the same poem)',
  },
};

const DISPLAY_LABELS: Record<Display, Bilingual> = {
  normal: { ja: '通常', en: 'Normal' },
  projector: {
    ja: 'プロジェクター（大きな文字・太い線・高いコントラスト）',
    en: 'Projector (larger text, thicker lines, more contrast)',
  },
};

export function noticeText(notice: SettingsNotice): Bilingual {
  switch (notice.kind) {
    case 'unreadable':
      return {
        ja: '保存された設定が壊れていたため、初期設定に戻しました。',
        en: 'The saved settings were corrupted, so the defaults were restored.',
      };
    case 'newer-version':
      return {
        ja: '保存された設定は新しい版のものだったため、初期設定を使います。',
        en: 'The saved settings came from a newer version of the game, so the defaults are used.',
      };
    case 'invalid-fields':
      return {
        ja: `保存された設定の一部（${notice.fields.join('、')}）が不正だったため、その項目を初期値に戻しました。`,
        en: `Some saved settings (${notice.fields.join(', ')}) were invalid and were reset to their defaults.`,
      };
    default: {
      const never: never = notice;
      return never;
    }
  }
}

export interface ModelChoice {
  readonly id: string;
  readonly name: string;
}

export interface SettingsForm {
  readonly root: HTMLElement;
  /** Refills the opponent-model list (after a model was saved, renamed or deleted). */
  setSavedModels(models: readonly ModelChoice[]): void;
}

export function buildSettingsForm(texts: LiveTexts): SettingsForm {
  const store = settingsStore();
  const root = el('div', { class: 'settings-form' });
  const notices = el('div', { class: 'settings-notices', 'data-testid': 'settings-notices' });
  root.append(notices);

  const notice = store.takeNotice();
  if (notice)
    notices.append(
      texts.bind(el('p', { class: 'notice', 'data-testid': 'settings-notice' }), noticeText(notice)),
    );
  const notStored = texts.bind(el('p', { class: 'notice', hidden: store.persistent }), {
    ja: 'このブラウザは設定を保存できません（プライベートモードなど）。この訪問の間だけ有効です。',
    en: 'This browser cannot store settings (private mode?). They last for this visit only.',
  });
  notices.append(notStored);
  const error = el('p', { class: 'error', hidden: true, role: 'alert' });
  notices.append(error);

  const save = (patch: Partial<Settings>) => {
    const result = store.update(patch);
    error.hidden = result.ok;
    if (!result.ok) {
      texts.bind(error, () =>
        trf(
          { ja: '{field} の値 {value} は範囲外です。', en: '{field}: {value} is out of range.' },
          {
            field: result.field,
            value: String(result.value),
          },
        ),
      );
    }
    notStored.hidden = store.persistent;
  };

  const row = (label: Bilingual, control: HTMLElement, extra?: HTMLElement) =>
    el(
      'label',
      { class: 'settings-row' },
      texts.text('span', label, { class: 'settings-label' }),
      control,
      extra,
    );

  const select = <T extends string>(
    name: keyof Settings,
    values: readonly T[],
    labels: Record<T, Bilingual>,
    current: T,
    onPick: (value: T) => void,
  ) => {
    const node = el('select', { name, 'data-setting': name });
    for (const value of values) node.append(texts.bind(el('option', { value }), labels[value]));
    node.value = current;
    node.addEventListener('change', () => onPick(node.value as T));
    return node;
  };

  const slider = (
    name: keyof Settings,
    range: NumberRange,
    current: number,
    format: (v: number) => string,
  ) => {
    const input = el('input', {
      type: 'range',
      name,
      'data-setting': name,
      min: range.min,
      max: range.max,
      step: range.step,
      value: current,
    });
    const shown = el('output', { class: 'settings-value' });
    texts.bind(shown, () => format(Number(input.value)));
    input.addEventListener('input', () => {
      shown.textContent = format(Number(input.value));
      save({ [name]: Number(input.value) });
    });
    return { input, shown };
  };

  const s = store.get();

  const seconds = (v: number) => trf({ ja: '{v} 秒', en: '{v} s' }, { v: v.toFixed(1) });
  const minutes = (v: number) =>
    v === 0
      ? trf({ ja: 'なし', en: 'none' }, {})
      : trf({ ja: '{m} 分 {s} 秒', en: '{m} min {s} s' }, { m: Math.floor(v / 60), s: v % 60 });

  const game = el('fieldset', {}, texts.text('legend', { ja: '対戦', en: 'Match' }));
  game.append(
    row(
      { ja: '強さ', en: 'Difficulty' },
      select('difficulty', DIFFICULTIES, DIFFICULTY_LABELS, s.difficulty, (v) => save({ difficulty: v })),
    ),
    (() => {
      const m = slider('memorizationSeconds', RANGES.memorizationSeconds, s.memorizationSeconds, minutes);
      return row({ ja: '暗記時間', en: 'Memorization time' }, m.input, m.shown);
    })(),
  );

  const reading = el('fieldset', {}, texts.text('legend', { ja: '読み', en: 'Reading' }));
  const rate = slider('readingRate', RANGES.readingRate, s.readingRate, (v) => `×${v.toFixed(2)}`);
  const yoin = slider('yoinSeconds', RANGES.yoinSeconds, s.yoinSeconds, seconds);
  const pause = slider('pauseSeconds', RANGES.pauseSeconds, s.pauseSeconds, seconds);
  reading.append(
    row(
      { ja: '読み方', en: 'Reading protocol' },
      select('protocol', PROTOCOLS, PROTOCOL_LABELS, s.protocol, (v) => save({ protocol: v })),
    ),
    row({ ja: '読む速さ', en: 'Reading speed' }, rate.input, rate.shown),
    row({ ja: '余韻（下の句の最後の音）', en: 'Held last sound (yoin)' }, yoin.input, yoin.shown),
    row({ ja: '間（次の上の句まで）', en: 'Pause before the next upper half' }, pause.input, pause.shown),
  );

  const ui = el('fieldset', {}, texts.text('legend', { ja: '表示と音', en: 'Interface and sound' }));
  const langSelect = el('select', { name: 'lang', 'data-setting': 'lang' });
  langSelect.append(el('option', { value: 'ja' }, '日本語'), el('option', { value: 'en' }, 'English'));
  langSelect.value = s.lang;
  langSelect.addEventListener('change', () => save({ lang: langSelect.value as Settings['lang'] }));
  const volume = slider('volume', RANGES.volume, s.volume, (v) => `${Math.round(v * 100)} %`);
  const muted = el('input', { type: 'checkbox', name: 'muted', 'data-setting': 'muted', checked: s.muted });
  muted.addEventListener('change', () => save({ muted: muted.checked }));
  ui.append(
    row({ ja: '言語 / Language', en: 'Language / 言語' }, langSelect),
    row(
      { ja: '画面', en: 'Display' },
      select('display', DISPLAYS, DISPLAY_LABELS, s.display, (v) => save({ display: v })),
    ),
    row({ ja: '音量', en: 'Volume' }, volume.input, volume.shown),
    row({ ja: '消音', en: 'Mute' }, muted),
  );

  const opponent = el('fieldset', {}, texts.text('legend', { ja: '相手のモデル', en: 'Opponent model' }));
  const modelSelect = el('select', { name: 'opponentModel', 'data-setting': 'opponentModel' });
  modelSelect.addEventListener('change', () => save({ opponentModel: modelSelect.value }));
  opponent.append(row({ ja: '使うモデル', en: 'Model to play against' }, modelSelect));

  let savedModels: readonly ModelChoice[] = [];
  const fillModels = () => {
    const chosen = store.get().opponentModel;
    modelSelect.replaceChildren(
      texts.bind(el('option', { value: SHIPPED_MODEL }), {
        ja: '同梱の学習済みモデル',
        en: 'Shipped pretrained model',
      }),
      ...savedModels.map((m) => el('option', { value: m.id }, m.name)),
    );
    // A chosen model that was deleted is shown as missing rather than silently swapped.
    if (chosen !== SHIPPED_MODEL && !savedModels.some((m) => m.id === chosen)) {
      modelSelect.append(
        texts.bind(el('option', { value: chosen }), { ja: '（見つからないモデル）', en: '(missing model)' }),
      );
    }
    modelSelect.value = chosen;
  };
  fillModels();

  const reset = texts.text('button', { ja: '初期設定に戻す', en: 'Restore defaults' }, { type: 'button' });
  reset.addEventListener('click', () => {
    store.reset();
    const now = store.get();
    root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-setting]').forEach((control) => {
      const key = control.dataset.setting as keyof Settings;
      const value = now[key];
      if (control instanceof HTMLInputElement && control.type === 'checkbox')
        control.checked = Boolean(value);
      else control.value = String(value);
    });
    texts.refresh();
  });

  root.append(
    game,
    reading,
    ui,
    opponent,
    buildKioskSection(texts, s, save),
    el('div', { class: 'settings-actions' }, reset),
  );

  return {
    root,
    setSavedModels(models) {
      savedModels = models;
      fillModels();
    },
  };
}

/**
 * Kiosk mode for an event: the idle time, and the button that turns it on and reloads into it.
 * It stays on across reloads until the organiser leaves it from the game (kiosk/exit.ts).
 */
function buildKioskSection(
  texts: LiveTexts,
  s: Settings,
  save: (patch: Partial<Settings>) => void,
): HTMLElement {
  const section = el(
    'fieldset',
    { 'data-testid': 'kiosk-settings' },
    texts.text('legend', { ja: '展示モード（イベント用）', en: 'Kiosk mode (for events)' }),
  );
  const range = RANGES.kioskIdleSeconds;
  const idle = el('input', {
    type: 'number',
    name: 'kioskIdleSeconds',
    'data-setting': 'kioskIdleSeconds',
    min: range.min,
    max: range.max,
    step: range.step,
    value: s.kioskIdleSeconds,
    inputmode: 'numeric',
  });
  idle.addEventListener('change', () => save({ kioskIdleSeconds: Number(idle.value) }));
  const start = texts.text(
    'button',
    { ja: '展示モードを始める', en: 'Start kiosk mode' },
    { type: 'button', 'data-testid': 'kiosk-start' },
  );
  start.addEventListener('click', () => {
    save({ kiosk: true });
    if (!settingsStore().get().kiosk) return; // not stored: the error line says why
    const url = new URL(window.location.href);
    url.searchParams.delete('kiosk');
    window.location.replace(url.toString());
  });
  section.append(
    el(
      'label',
      { class: 'settings-row' },
      texts.text(
        'span',
        { ja: '操作がないと案内に戻るまで', en: 'Back to the attract loop after' },
        {
          class: 'settings-label',
        },
      ),
      idle,
      texts.text('span', { ja: '秒', en: 'seconds idle' }, { class: 'settings-value' }),
    ),
    texts.text('p', {
      ja: '全画面で、自動対戦の案内を流し、触れると対戦が始まります。設定・学習・保存したモデル・履歴の消去などは使えなくなります。再読み込みしても続きます。終了するには、画面の左上の角を 3 秒押し続け、確認で「展示モードを終了する」を選びます。',
      en: 'Full screen, an attract loop of two models playing, a touch starts a match. Settings, training, saved models and erasing the history are locked. It stays on after a reload. To leave it, hold the top-left corner of the screen for 3 seconds and confirm “Leave kiosk mode”.',
    }),
    el('div', { class: 'settings-actions' }, start),
  );
  return section;
}
