// The saved-models tab: every model kept in this browser with its recipe and last metrics;
// rename, delete, export, play against; import a model file.
import { getLang, tr, trf, type Bilingual } from '../../i18n';
import { settingsStore, SHIPPED_MODEL } from '../../settings';
import type { SavedModelSummary } from '../../storage/models';
import { el, type LiveTexts } from './dom';
import type { ModelLibrary } from './library';
import { downloadModelFile, importModelFile, storeErrorText } from './modelActions';

export interface ModelsSection {
  readonly root: HTMLElement;
  dispose(): void;
}

export function buildModelsSection(
  texts: LiveTexts,
  library: ModelLibrary,
  playAgainst: ((modelId: string) => void) | undefined,
): ModelsSection {
  const root = el('div', { class: 'models' });
  const message = el('div', { 'data-testid': 'models-message', 'aria-live': 'polite' });
  const list = el('ul', { class: 'model-list', 'data-testid': 'model-list' });
  const fileInput = el('input', {
    type: 'file',
    accept: '.json,application/json',
    'data-testid': 'import-file',
    hidden: true,
  });
  const importButton = texts.text(
    'button',
    { ja: 'ファイルから読み込む', en: 'Import from a file' },
    { type: 'button' },
  );
  importButton.addEventListener('click', () => fileInput.click());

  const say = (text: Bilingual | undefined, kind: 'notice' | 'error' | 'ok' = 'ok') => {
    message.replaceChildren(
      ...(text ? [texts.text('p', text, { class: kind === 'ok' ? 'notice ok' : kind })] : []),
    );
  };

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    say({ ja: `「${file.name}」を確かめています…`, en: `Checking “${file.name}”…` }, 'notice');
    const result = await importModelFile(file, library);
    if (result.ok)
      say({ ja: `読み込みました：「${result.model.name}」`, en: `Imported “${result.model.name}”.` });
    else say(result.reason, 'error');
  });

  const date = (iso: string) =>
    iso
      ? new Date(iso).toLocaleString(getLang() === 'ja' ? 'ja-JP' : 'en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })
      : '—';

  const row = (model: SavedModelSummary): HTMLElement => {
    const last = model.metrics[model.metrics.length - 1];
    const name = el('input', {
      type: 'text',
      value: model.name,
      maxlength: 80,
      'aria-label': 'name',
      'data-testid': 'rename-input',
    });
    const rename = texts.text(
      'button',
      { ja: '名前を変える', en: 'Rename' },
      { type: 'button', 'data-testid': 'rename' },
    );
    rename.addEventListener('click', async () => {
      const result = await library.use((store) => store.rename(model.id, name.value));
      say(
        result.ok ? { ja: '名前を変えました。', en: 'Renamed.' } : storeErrorText(result.error),
        result.ok ? 'ok' : 'error',
      );
    });
    const remove = texts.text(
      'button',
      { ja: '削除', en: 'Delete' },
      { type: 'button', 'data-testid': 'delete' },
    );
    remove.addEventListener('click', async () => {
      if (!window.confirm(tr({ ja: `「${model.name}」を削除しますか？`, en: `Delete “${model.name}”?` })))
        return;
      const result = await library.use((store) => store.delete(model.id));
      if (result.ok && settingsStore().get().opponentModel === model.id) {
        settingsStore().update({ opponentModel: SHIPPED_MODEL });
      }
      say(
        result.ok ? { ja: '削除しました。', en: 'Deleted.' } : storeErrorText(result.error),
        result.ok ? 'ok' : 'error',
      );
    });
    const exportButton = texts.text(
      'button',
      { ja: '書き出す', en: 'Export' },
      { type: 'button', 'data-testid': 'export-saved' },
    );
    exportButton.addEventListener('click', async () => {
      const artifacts = await library.use((store) => store.artifacts(model.id));
      if (artifacts.ok) downloadModelFile(model, artifacts.value);
      else say(storeErrorText(artifacts.error), 'error');
    });
    const play = texts.text(
      'button',
      { ja: 'このモデルと対戦', en: 'Play against this model' },
      { type: 'button', 'data-testid': 'play-saved' },
    );
    play.hidden = !playAgainst;
    play.addEventListener('click', () => playAgainst?.(model.id));
    const chosen = settingsStore().get().opponentModel === model.id;
    const details = el('p', { class: 'model-details' });
    texts.bind(details, () =>
      trf(
        {
          ja: '{date}　{recipe}　エポック {epochs}　損失 {loss}　自力で書けた下の句 {exact} / {total}',
          en: '{date}   {recipe}   {epochs} epochs   loss {loss}   free-running exact match {exact} / {total}',
        },
        {
          date: date(model.updatedAt),
          recipe: [model.recipe.preset, model.recipe.objective, model.recipe.backend]
            .filter(Boolean)
            .join(' · '),
          epochs: last?.epoch ?? 0,
          loss: last ? last.loss.toFixed(3) : '—',
          exact: last?.exactMatch ?? '—',
          total: last?.total ?? 100,
        },
      ),
    );
    return el(
      'li',
      { class: 'card-surface model-row', 'data-model-id': model.id },
      el(
        'div',
        { class: 'model-name' },
        name,
        chosen
          ? texts.text('span', { ja: '対戦に使用中', en: 'used for matches' }, { class: 'badge' })
          : null,
      ),
      details,
      el('div', { class: 'settings-actions' }, rename, exportButton, play, remove),
    );
  };

  const render = (models: readonly SavedModelSummary[]) => {
    list.replaceChildren(
      ...(models.length > 0
        ? models.map(row)
        : [
            texts.text(
              'li',
              { ja: 'まだ保存されたモデルはありません。', en: 'No model is saved yet.' },
              { class: 'empty' },
            ),
          ]),
    );
  };
  const stop = library.onChange(render);
  render(library.models);

  if (library.unavailable) {
    say(
      {
        ja: `このブラウザにはモデルを保存できません（${tr(storeErrorText(library.unavailable))}）。学習とファイルへの書き出しはできます。`,
        en: `Models cannot be kept in this browser (${tr(storeErrorText(library.unavailable))}). Training and export still work.`,
      },
      'notice',
    );
    importButton.disabled = true;
  }

  root.append(el('div', { class: 'settings-actions' }, importButton, fileInput), message, list);
  return { root, dispose: stop };
}
