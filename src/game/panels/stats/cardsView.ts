// Per-card statistics: an overview with a chart of time after the kimariji per match, the 100
// cards in a table sortable by weakness, and a card's own page with its trend and its history.
import { poemByNo } from '../../../data/poems';
import { tr, trf, type Bilingual } from '../../i18n';
import {
  cardHistory,
  cardStats,
  faultTotal,
  sortCards,
  SORT_KEYS,
  type CardStats,
  type SortKey,
} from '../../stats/aggregate';
import { el } from '../settings/dom';
import { msOverTime } from './chart';
import {
  cardLabel,
  dateText,
  msText,
  openingText,
  percentText,
  signedMs,
  takerText,
  whereText,
} from './format';
import type { StatsContext, View } from './index';
import { T } from './text';

const SORT_LABELS: Record<SortKey, Bilingual> = {
  weakness: T.sortWeakness,
  poem: T.sortPoem,
  takeRate: T.sortTakeRate,
  after: T.sortAfter,
  faults: T.sortFaults,
};

let sortKey: SortKey = 'weakness';

function trendText(s: CardStats): string {
  if (s.trendMsPerTake === null) return tr(T.none);
  if (s.trendMsPerTake < -30) return `↘ ${tr(T.faster)}`;
  if (s.trendMsPerTake > 30) return `↗ ${tr(T.slower)}`;
  return `→ ${tr(T.steady)}`;
}

function cell(text: string, num = false): HTMLTableCellElement {
  return el('td', { class: num ? 'num' : undefined }, text);
}

function headRow(labels: readonly string[]): HTMLTableSectionElement {
  return el('thead', {}, el('tr', {}, ...labels.map((l) => el('th', {}, l))));
}

export const renderCards: View = (root, ctx, params) => {
  if (params.card !== undefined) return renderCard(root, ctx, params.card);
  const { overview: o, perMatch } = ctx.summary;
  if (o.matches === 0) {
    root.append(el('p', { class: 'notice' }, tr(T.empty)));
    return;
  }
  root.append(
    el(
      'p',
      { 'data-testid': 'overview' },
      trf(T.overview, {
        matches: o.matches,
        wins: o.wins,
        takes: o.takes,
        field: o.fieldReadings,
        after: msText(o.medianAfterMs),
        faults: o.faults,
      }),
    ),
  );
  const chartBox = el('div', { class: 'stats-chart', 'data-testid': 'chart-matches' });
  root.append(el('h3', {}, tr(T.chartMatches)), chartBox);
  const chart = msOverTime(chartBox, { ...perMatch, label: tr(T.seriesAfter) }, ctx.width(), tr(T.noTakes));

  const select = el('select', { name: 'sort', 'aria-label': tr(T.sortBy) });
  for (const key of SORT_KEYS)
    select.append(el('option', { value: key, selected: key === sortKey }, tr(SORT_LABELS[key])));
  select.addEventListener('change', () => {
    sortKey = select.value as SortKey;
    ctx.go('cards');
  });
  root.append(el('div', { class: 'stats-controls' }, el('label', {}, `${tr(T.sortBy)} `, select)));

  const table = el('table', { class: 'stats-table', 'data-testid': 'card-table' });
  table.append(
    headRow(
      [
        T.colCard,
        T.colReadings,
        T.colTakeRate,
        T.colAfter,
        T.colFaultsOwn,
        T.colFaultsKara,
        T.colFaultsDouble,
        T.colTrend,
      ].map(tr),
    ),
  );
  const body = el('tbody');
  const sorted = sortCards(ctx.stats, sortKey);
  const weakest = new Set(
    sortCards(ctx.stats, 'weakness')
      .filter((s) => s.weakness > 0)
      .slice(0, 10)
      .map((s) => s.poem),
  );
  for (const s of sorted) {
    const open = el('button', { type: 'button', 'data-card': s.poem }, cardLabel(s.poem));
    open.addEventListener('click', () => ctx.go('cards', { card: s.poem }));
    const first = el('td', {}, open);
    const row = el(
      'tr',
      { 'data-poem': s.poem, class: weakest.has(s.poem) ? 'stats-row-weak' : undefined },
      first,
      cell(String(s.readings), true),
      cell(percentText(s.takeRate), true),
      cell(msText(s.medianAfterMs), true),
      cell(String(s.faults.own), true),
      cell(String(s.faults.karafuda), true),
      cell(String(s.faults.double), true),
      cell(trendText(s)),
    );
    body.append(row);
  }
  table.append(body);
  root.append(table);
  return chart;
};

function renderCard(root: HTMLElement, ctx: StatsContext, poem: number): () => void {
  // From the matches themselves: the summary behind the table keeps no trend points.
  const s = cardStats(ctx.list.records)[poem - 1];
  const p = poemByNo(poem);
  const back = el('button', { type: 'button', 'data-testid': 'back' }, tr(T.back));
  back.addEventListener('click', () => ctx.go('cards'));
  root.append(
    el('div', { class: 'stats-controls' }, back),
    el('h2', { 'data-testid': 'card-title' }, trf(T.cardTitle, { no: poem, poet: p.poet })),
    el('p', { class: 'stats-poem' }, p.kanji),
  );
  if (s)
    root.append(
      el(
        'p',
        { 'data-testid': 'card-summary' },
        trf(T.cardSummary, {
          readings: s.readings,
          takes: s.takes,
          rate: percentText(s.takeRate),
          lost: s.lost,
          after: msText(s.medianAfterMs),
          own: s.faults.own,
          kara: s.faults.karafuda,
          double: s.faults.double,
        }),
      ),
    );
  const chartBox = el('div', { class: 'stats-chart', 'data-testid': 'chart-card' });
  root.append(el('h3', {}, tr(T.chartCard)), chartBox);
  const chart = msOverTime(
    chartBox,
    {
      at: (s?.trend ?? []).map((t) => t.playedAt),
      ms: (s?.trend ?? []).map((t) => t.afterMs),
      label: tr(T.seriesAfter),
    },
    ctx.width(),
    tr(T.noTakes),
    180,
  );

  const history = cardHistory(ctx.list.records, poem).reverse();
  root.append(el('h3', {}, tr(T.cardHistoryHead)));
  const table = el('table', { class: 'stats-table', 'data-testid': 'card-history' });
  table.append(
    headRow(
      [
        T.colDate,
        T.colKimariji,
        T.colWhere,
        T.colTaker,
        T.colAfter,
        T.colFaultsOwn,
        T.colModelSure,
        T.tabCoach,
      ].map(tr),
    ),
  );
  const body = el('tbody');
  for (const { record, reading } of history) {
    const coach = el('button', { type: 'button' }, tr(T.openCoach));
    coach.addEventListener('click', () => ctx.go('coach', { match: record.id }));
    const faults = faultTotal(reading.faults);
    body.append(
      el(
        'tr',
        { 'data-match': record.id },
        cell(dateText(record.playedAt)),
        el('td', { class: 'kimariji' }, openingText(poem, reading.kimariji)),
        cell(whereText(reading.lay)),
        cell(reading.lay === null ? tr(T.none) : takerText(reading.taker)),
        cell(reading.touchMs === null ? tr(T.none) : signedMs(reading.touchMs - reading.decideMs), true),
        cell(String(faults), true),
        cell(reading.sureMs === null ? tr(T.none) : signedMs(reading.sureMs - reading.decideMs), true),
        el('td', {}, coach),
      ),
    );
  }
  table.append(body);
  root.append(table);
  return chart;
}
