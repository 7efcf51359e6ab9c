// The saved-models tab: every model kept in this browser with its recipe and last metrics;
// rename, delete, export, play against; import a model file.
import { getLang, tr, trf, type Bilingual } from '../../i18n';
import { settingsStore, SHIPPED_MODEL } from '../../settings';
import type { DamagedRecord, SavedModelSummary } from '../../storage/models';
import { checkEpochs, checkRecipe } from '../../storage/validate';
import type { io } from '@tensorflow/tfjs-core';
import { el, type LiveTexts } from './dom';
import type { ModelLibrary } from './library';
import { downloadModelFile, downloadText, importModelFile } from './modelActions';
import { storeErrorText } from '../../storage/importModel';

export interface ModelsSection {
  readonly root: HTMLElement;
  dispose(): void;
}

function importedText(model: SavedModelSummary, dropped: readonly Bilingual[]): Bilingual {
  const last = model.metrics[model.metrics.length - 1];
  const measured = last
    ? {
        ja: `読み込み時に測定：自力で書けた下の句 ${last.exactMatch ?? 0} / ${last.total ?? 100}、損失 ${last.loss.toFixed(3)}`,
        en: `measured on import: free-running exact match ${last.exactMatch ?? 0} / ${last.total ?? 100}, loss ${last.loss.toFixed(3)}`,
      }
    : { ja: '', en: '' };
  const ignored =
    dropped.length > 0
      ? {
          ja: `ファイルの記録のうち ${dropped.length} 件は数値が正しくないので使いませんでした（${dropped
            .slice(0, 3)
            .map((d) => d.ja)
            .join('、')}${dropped.length > 3 ? '…' : ''}）。`,
          en: ` ${dropped.length} of the file's records were not valid numbers and were ignored (${dropped
            .slice(0, 3)
            .map((d) => d.en)
            .join('; ')}${dropped.length > 3 ? '…' : ''}).`,
        }
      : { ja: '', en: '' };
  return {
    ja: `読み込みました：「${model.name}」（${measured.ja}）。${ignored.ja}`,
    en: `Imported “${model.name}” (${measured.en}).${ignored.en}`,
  };
}

/** A damaged record's export: a model file when its weights survived, else its raw summary. */
function downloadSalvage(label: string, summary: unknown, artifacts: io.ModelArtifacts | undefined): void {
  const raw = (typeof summary === 'object' && summary !== null ? summary : {}) as Record<string, unknown>;
  if (artifacts) {
    const recipe = checkRecipe(raw.recipe);
    downloadModelFile(
      {
        name: label,
        createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : '',
        recipe: recipe.ok ? recipe.value : {},
        metrics: checkEpochs(raw.metrics).epochs,
      },
      artifacts,
    );
  } else {
    let text: string;
    try {
      text = JSON.stringify({ format: 'utakaruta-damaged-record', summary }, null, 2);
    } catch {
      text = JSON.stringify({ format: 'utakaruta-damaged-record', summary: String(summary) });
    }
    downloadText(`${label}.damaged.json`, text);
  }
}

export function buildModelsSection(
  texts: LiveTexts,
  library: ModelLibrary,
  playAgainst: ((modelId: string) => void) | undefined,
  continueTraining?: (model: SavedModelSummary) => void,
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
    try {
      const result = await importModelFile(file, library);
      if (result.ok) say(importedText(result.model, result.dropped));
      else say(result.reason, 'error');
    } catch (e) {
      // Never leave "Checking…" on screen: whatever went wrong is said.
      const why = e instanceof Error ? e.message : String(e);
      say(
        { ja: `「${file.name}」を読み込めません：${why}`, en: `Cannot import “${file.name}”: ${why}` },
        'error',
      );
    }
  });

  const date = (iso: string) =>
    iso
      ? new Date(iso).toLocaleString(getLang() === 'ja' ? 'ja-JP' : 'en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })
      : '—';

  const damagedRow = (record: DamagedRecord): HTMLElement => {
    const label = record.name ?? tr({ ja: '（名前を読めません）', en: '(unreadable name)' });
    const problems = el('p', { class: 'model-details error' });
    texts.bind(problems, () =>
      trf(
        {
          ja: 'この記録は壊れているため使えません：{why}。書き出して直すか、削除できます。',
          en: 'This record is damaged and cannot be used: {why}. You can export it to repair it, or delete it.',
        },
        { why: record.problems.map((p) => tr(p)).join(getLang() === 'ja' ? '、' : '; ') },
      ),
    );
    const exportButton = texts.text(
      'button',
      { ja: '書き出す', en: 'Export' },
      { type: 'button', 'data-testid': 'export-damaged' },
    );
    exportButton.addEventListener('click', async () => {
      const found = await library.use((store) => store.salvage(record.key));
      if (!found.ok) {
        say(storeErrorText(found.error), 'error');
        return;
      }
      downloadSalvage(label, found.value.summary, found.value.artifacts);
      say(
        found.value.artifacts
          ? {
              ja: '重みは無事でした。書き出したファイルを読み込むと、数値を測り直して保存します。',
              en: 'The weights are intact. Importing the exported file measures the model again and keeps it.',
            }
          : {
              ja: '重みは読めませんでした。記録の残りを書き出しました。',
              en: 'The weights could not be read; what is left of the record was exported.',
            },
        'notice',
      );
    });
    const remove = texts.text(
      'button',
      { ja: '削除', en: 'Delete' },
      { type: 'button', 'data-testid': 'delete-damaged' },
    );
    remove.addEventListener('click', async () => {
      if (
        !window.confirm(
          tr({ ja: `壊れた記録「${label}」を削除しますか？`, en: `Delete the damaged record “${label}”?` }),
        )
      )
        return;
      const result = await library.use((store) => store.delete(record.key));
      say(
        result.ok ? { ja: '削除しました。', en: 'Deleted.' } : storeErrorText(result.error),
        result.ok ? 'ok' : 'error',
      );
    });
    return el(
      'li',
      { class: 'card-surface model-row damaged', 'data-testid': 'damaged-row' },
      el(
        'div',
        { class: 'model-name' },
        el('span', {}, label),
        texts.text('span', { ja: '壊れた記録', en: 'damaged' }, { class: 'badge badge-damaged' }),
      ),
      problems,
      el('div', { class: 'settings-actions' }, exportButton, remove),
    );
  };

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
    const more = texts.text(
      'button',
      { ja: '続けて学習', en: 'Continue training' },
      { type: 'button', 'data-testid': 'continue-saved' },
    );
    more.hidden = !continueTraining;
    more.addEventListener('click', () => continueTraining?.(model));
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
      el('div', { class: 'settings-actions' }, rename, exportButton, play, more, remove),
    );
  };

  // A row that cannot be drawn is shown as damaged; it never takes the list down with it.
  const safeRow = (model: SavedModelSummary): HTMLElement => {
    try {
      return row(model);
    } catch (e) {
      return damagedRow({
        key: model.id,
        name: model.name,
        problems: [{ ja: String(e), en: String(e) }],
      });
    }
  };

  const render = (models: readonly SavedModelSummary[]) => {
    const damaged = library.damaged;
    list.replaceChildren(
      ...(models.length + damaged.length > 0
        ? [...models.map(safeRow), ...damaged.map(damagedRow)]
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
