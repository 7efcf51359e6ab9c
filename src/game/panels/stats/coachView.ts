// The coach: the habits the numbers show over the whole history, then one match's readings as
// timelines — when the card became decidable (the deciding sound of the dynamic kimariji), when
// you touched it, and when the model was sure — over the sounds as they were heard.
import { toMorae } from '../../../data/mora';
import { poemByNo } from '../../../data/poems';
import { tr, trf } from '../../i18n';
import { habits, timeline } from '../../stats/coach';
import { moraMsAtRate } from '../../stats/record';
import { el } from '../settings/dom';
import { cardLabel, dateText, modeText, openingText, signedMs, takerText } from './format';
import type { View } from './index';
import { T } from './text';

/** How many sounds past the deciding one the track shows ticks for. */
const TICKS_PAST = 3;

export const renderCoach: View = (root, ctx, params) => {
  const { records } = ctx.list;
  root.append(el('h2', {}, tr(T.habitsHead)));
  const found = habits(records);
  root.append(
    found.length
      ? el(
          'ul',
          { class: 'stats-habits', 'data-testid': 'habits' },
          ...found.map((h) => el('li', { 'data-habit': h.id }, tr(h.text))),
        )
      : el('p', { 'data-testid': 'habits' }, tr(T.habitsNone)),
  );
  const record = records.find((r) => r.id === params.match) ?? records.at(-1);
  if (!record) {
    root.append(el('p', { class: 'notice' }, tr(T.coachNone)));
    return;
  }
  const select = el('select', { name: 'match', 'aria-label': tr(T.pickMatch) });
  for (const r of [...records].reverse().slice(0, 200))
    select.append(
      el(
        'option',
        { value: r.id, selected: r.id === record.id },
        `${dateText(r.playedAt)} · ${modeText(r)} · ${r.opponent}`,
      ),
    );
  select.addEventListener('change', () => ctx.go('coach', { match: select.value }));
  root.append(
    el('h2', {}, tr(T.timelineHead)),
    el('div', { class: 'stats-controls' }, el('label', {}, `${tr(T.pickMatch)} `, select)),
    el(
      'p',
      { 'data-testid': 'coach-match' },
      trf(T.coachFor, { date: dateText(record.playedAt), mode: modeText(record), opponent: record.opponent }),
    ),
    el('p', {}, tr(T.timelineHelp)),
    el(
      'div',
      { class: 'stats-legend' },
      el('span', { class: 'decide' }, tr(T.legendDecide)),
      el('span', { class: 'you' }, tr(T.legendYou)),
      el('span', { class: 'model' }, tr(T.legendModel)),
      el('span', { class: 'them' }, tr(T.legendThem)),
    ),
  );
  if (!record.readings.some((r) => r.sureMora !== null)) root.append(el('p', {}, tr(T.noModel)));
  const rows = timeline(record);
  const span = Math.max(1, ...rows.map((r) => r.spanMs));
  const at = (ms: number) => `${Math.max(0, Math.min(100, (ms / span) * 100)).toFixed(2)}%`;
  const moraMs = moraMsAtRate(record.readingRate);
  const grid = el('div', { class: 'stats-timeline', 'data-testid': 'timeline' });
  for (const row of rows) {
    const r = row.reading;
    const label = el(
      'div',
      {},
      `${cardLabel(r.poem)} `,
      el('span', { class: 'kimariji stats-poem' }, openingText(r.poem, r.kimariji)),
    );
    const track = el('div', { class: 'stats-track', 'data-poem': r.poem });
    const morae = toMorae(poemByNo(r.poem).kami.reading).slice(0, r.kimariji + TICKS_PAST);
    morae.forEach((mora, i) =>
      track.append(el('span', { class: 'tick', style: `left:${at(moraMs(r.poem, i))}` }, mora)),
    );
    track.append(
      el('span', { class: 'mark decide', style: `left:${at(r.decideMs)}`, title: tr(T.legendDecide) }),
    );
    if (r.sureMs !== null)
      track.append(
        el('span', { class: 'mark model', style: `left:${at(r.sureMs)}`, title: tr(T.legendModel) }),
      );
    if (r.opponentTouchMs !== null)
      track.append(
        el('span', { class: 'mark them', style: `left:${at(r.opponentTouchMs)}`, title: tr(T.legendThem) }),
      );
    if (r.touchMs !== null)
      track.append(el('span', { class: 'mark you', style: `left:${at(r.touchMs)}`, title: tr(T.legendYou) }));
    const faults = r.faults.own + r.faults.karafuda + r.faults.double;
    const outcome = el(
      'div',
      {},
      r.lay === null ? tr(T.whereNone) : takerText(r.taker),
      row.playerAfterMs === null ? '' : ` · ${tr(T.you)} ${signedMs(row.playerAfterMs)}`,
      faults > 0 ? el('span', { class: 'stats-fault' }, ` ${tr(T.colFaultsOwn)} ${faults}`) : '',
    );
    grid.append(label, track, outcome);
  }
  root.append(grid);
};
