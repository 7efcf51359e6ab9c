// The match history: newest first, each with its coach; export to a file, import one back
// (every match validated, duplicates skipped), erase with a confirmation; damaged records listed.
import { tr, trf, type Bilingual } from '../../i18n';
import {
  deleteMatch,
  eraseHistory,
  exportHistory,
  importMatches,
  parseHistoryFile,
  type ParsedHistoryFile,
} from '../../storage/history';
import { KIOSK_LOCKED, kioskLockedNote } from '../../kiosk/locks';
import { faultTotal } from '../../stats/aggregate';
import { el } from '../settings/dom';
import { dateText, modeText, resultText } from './format';
import type { View } from './index';
import { T } from './text';

const REASONS: Record<Extract<ParsedHistoryFile, { ok: false }>['reason'], Bilingual> = {
  'too-large': T.reasonTooLarge,
  'not-json': T.reasonNotJson,
  'not-a-history-file': T.reasonNotHistory,
  'newer-version': T.reasonNewer,
};

let message: string | null = null;

export const renderHistory: View = (root, ctx) => {
  const { records, damaged } = ctx.list;
  const status = el(
    'p',
    { class: 'notice', 'data-testid': 'history-message', hidden: message === null },
    message ?? '',
  );
  message = null;
  const say = async (text: string) => {
    message = text;
    await ctx.reload();
  };

  const exportButton = el(
    'button',
    { type: 'button', 'data-testid': 'export', disabled: records.length === 0 },
    tr(T.exportFile),
  );
  exportButton.addEventListener('click', () => {
    const blob = new Blob([exportHistory(records)], { type: 'application/json' });
    const link = el('a', {
      href: URL.createObjectURL(blob),
      download: `utakaruta-history-${new Date().toISOString().slice(0, 10)}.json`,
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  const fileInput = el('input', {
    type: 'file',
    accept: '.json,application/json',
    'data-testid': 'import-file',
    hidden: true,
  });
  const importButton = el('button', { type: 'button', 'data-testid': 'import' }, tr(T.importFile));
  importButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void file.text().then(async (text) => {
      const parsed = parseHistoryFile(text);
      if (!parsed.ok) return say(trf(T.importRefused, { reason: tr(REASONS[parsed.reason]) }));
      const { added, skipped } = await importMatches(parsed.records);
      await say(trf(T.imported, { added, skipped, rejected: parsed.rejected.length }));
    });
  });
  const eraseButton = el(
    'button',
    { type: 'button', 'data-testid': 'erase', disabled: records.length + damaged.length === 0 },
    tr(T.erase),
  );
  const confirm = el('span', { hidden: true }, `${tr(T.eraseConfirm)} `);
  const yes = el('button', { type: 'button', 'data-testid': 'erase-yes' }, tr(T.eraseYes));
  const no = el('button', { type: 'button' }, tr(T.eraseNo));
  confirm.append(yes, ' ', no);
  eraseButton.addEventListener('click', () => (confirm.hidden = false));
  no.addEventListener('click', () => (confirm.hidden = true));
  yes.addEventListener('click', () => void eraseHistory().then(() => say(tr(T.erased))));
  // A visitor at a kiosk neither takes the organiser's history away nor changes it.
  root.append(
    KIOSK_LOCKED
      ? kioskLockedNote(T.lockedControls)
      : el('div', { class: 'stats-controls' }, exportButton, importButton, fileInput, eraseButton, confirm),
    status,
  );

  if (damaged.length > 0) {
    const remove = el('button', { type: 'button', 'data-testid': 'delete-damaged' }, tr(T.deleteDamaged));
    remove.addEventListener(
      'click',
      () => void Promise.all(damaged.map((d) => deleteMatch(d.key))).then(() => ctx.reload()),
    );
    root.append(
      el(
        'div',
        { class: 'error', 'data-testid': 'damaged' },
        el('p', {}, trf(T.damaged, { n: damaged.length })),
        el('ul', {}, ...damaged.slice(0, 20).map((d) => el('li', {}, `${d.key}: ${d.reason}`))),
        KIOSK_LOCKED ? kioskLockedNote(T.deleteDamaged) : remove,
      ),
    );
  }
  if (records.length === 0) {
    root.append(el('p', {}, tr(T.empty)));
    return;
  }
  root.append(el('h3', {}, trf(T.historyHead, { n: records.length })));
  const table = el('table', { class: 'stats-table', 'data-testid': 'history-table' });
  table.append(
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...[T.colDate, T.colMode, T.colOpponent, T.colResult, T.colTaken, T.colFaultsOwn, T.tabCoach].map(
          (l) => el('th', {}, tr(l)),
        ),
      ),
    ),
  );
  const body = el('tbody');
  for (const record of [...records].reverse()) {
    const coach = el('button', { type: 'button' }, tr(T.openCoach));
    coach.addEventListener('click', () => ctx.go('coach', { match: record.id }));
    const taken = record.readings.filter((r) => r.taker === 0).length;
    const lost = record.readings.filter((r) => r.taker === 1).length;
    const faults = record.readings.reduce((n, r) => n + faultTotal(r.faults), 0);
    body.append(
      el(
        'tr',
        { 'data-match': record.id },
        el('td', {}, dateText(record.playedAt)),
        el('td', {}, modeText(record)),
        el('td', {}, record.opponent),
        el('td', {}, resultText(record)),
        el('td', { class: 'num' }, `${taken} : ${lost}`),
        el('td', { class: 'num' }, String(faults)),
        el('td', {}, coach),
      ),
    );
  }
  table.append(body);
  root.append(table);
};
