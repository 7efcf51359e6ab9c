// Drawing for the tongue-twister panel: the intended and spoken sentences with the errors in
// red and labelled, arrows from a horizontal error's source to where it landed, the attention
// heat map, and the distribution of error types. Plain DOM/SVG/canvas; no model code.
import { toRomaji } from 'wanakana';
import { getLang, tr, type Bilingual } from '../../i18n';
import { withRomaji } from '../../romaji';
import { el as domEl } from '../settings/dom';
import { ERROR_CLASSES, type ErrorClass, type Intended, type SpeechError } from '../../../speech/annotate';
import { ERROR_TYPES_ORDER, type ErrorTally } from '../../../speech/tally';
import type { Stage } from '../../../speech/speaker';
import {
  CLASS_LABELS,
  DIRECTION_LABELS,
  STAGE_LABELS,
  T,
  TYPE_LABELS,
  UNIT_LABELS,
  explainError,
} from './text';

/** An element with an optional class and text (the shared panel helper, in this panel's shape). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  return domEl(tag, { class: className || undefined }, text);
}

/** An error as the panel lists it; `stage` when the speaker says which stage made it. */
export type ShownError = SpeechError & { readonly stage?: Stage };

export function errorLabel(e: ShownError): string {
  const parts = [
    ...(e.stage ? [STAGE_LABELS[e.stage]] : []),
    TYPE_LABELS[e.type],
    UNIT_LABELS[e.unit],
    DIRECTION_LABELS[e.direction],
    CLASS_LABELS[e.class],
  ]
    .map((b: Bilingual) => tr(b))
    .filter((s) => s.length > 0);
  return `${parts.join(' · ')}: ${withRomaji(e.intendedText || '∅')} → ${withRomaji(e.spokenText || '∅')}`;
}

/** The two sentences, errors marked, labels listed, arrows drawn once laid out. */
export function renderUtterance(
  host: HTMLElement,
  intended: Intended,
  spoken: readonly string[],
  errors: readonly ShownError[],
  planned: readonly string[] = intended.morae,
): void {
  host.replaceChildren();
  const pair = el('div', 'speech-pair');
  const top = el('div', 'speech-row intended');
  const bottom = el('div', 'speech-row spoken');
  top.append(el('span', 'row-label', tr(T.intended)));
  bottom.append(el('span', 'row-label', tr(T.spoken)));
  const wrongIntended = new Set<number>();
  const wrongSpoken = new Set<number>();
  const sources = new Set<number>();
  for (const e of errors) {
    for (const site of [e, ...(e.partner ? [e.partner] : [])]) {
      for (let k = site.intended.start; k < site.intended.end; k++) wrongIntended.add(k);
      for (let k = site.spoken.start; k < site.spoken.end; k++) wrongSpoken.add(k);
    }
    if (e.source && e.class === 'horizontal')
      for (let k = e.source.start; k < e.source.end; k++) sources.add(k);
  }
  // In English, each mora carries its romaji underneath (CSS draws data-romaji).
  const romaji = getLang() === 'en';
  const moraCell = (m: string): HTMLElement => {
    const cell = el('span', 'mora', m);
    if (romaji) cell.dataset.romaji = toRomaji(m);
    return cell;
  };
  const intendedCells: HTMLElement[] = [];
  let index = 0;
  intended.words.forEach((word) => {
    const w = el('span', 'word');
    for (const m of word.morae) {
      const cell = moraCell(m);
      if (wrongIntended.has(index)) cell.classList.add('target');
      if (sources.has(index)) cell.classList.add('source');
      cell.dataset.i = String(index);
      intendedCells.push(cell);
      w.append(cell);
      index++;
    }
    top.append(w);
  });
  const spokenCells: HTMLElement[] = spoken.map((m, k) => {
    const cell = moraCell(m);
    if (wrongSpoken.has(k)) cell.classList.add('err');
    cell.dataset.s = String(k);
    return cell;
  });
  const spokenWord = el('span', 'word');
  spokenWord.append(...spokenCells);
  // An omission at the very end has no spoken cell to mark: show a gap marker.
  const omittedAtEnd = errors.some((e) => e.spoken.start === e.spoken.end && e.spoken.start >= spoken.length);
  if (omittedAtEnd) spokenWord.append(el('span', 'mora err gap', '∅'));
  bottom.append(spokenWord);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.classList.add('arrows');
  pair.append(top, svg, bottom);
  const labels = el('ul', 'error-labels');
  if (errors.length === 0) labels.append(el('li', 'ok', tr(T.noError)));
  for (const e of errors) {
    const item = el('li', `err ${e.class}`, errorLabel(e));
    item.dataset.class = e.class;
    item.dataset.type = e.type;
    item.dataset.unit = e.unit;
    item.dataset.relation = e.relation;
    if (e.stage) item.dataset.stage = e.stage;
    item.append(el('span', 'plain', tr(explainError(e))));
    labels.append(item);
  }
  // When the word stage chose other words, what it chose (then said by the mora stage).
  if (planned.join('') !== intended.morae.join('')) {
    const line = el('p', 'planned-words');
    line.append(
      el('span', 'row-label', tr(T.planned)),
      el('span', 'planned-text', withRomaji(planned.join(''))),
    );
    host.append(pair, line, labels);
  } else host.append(pair, labels);
  requestAnimationFrame(() => drawArrows(pair, svg, errors, intendedCells, spokenCells));
}

function drawArrows(
  pair: HTMLElement,
  svg: SVGSVGElement,
  errors: readonly SpeechError[],
  intendedCells: readonly HTMLElement[],
  spokenCells: readonly HTMLElement[],
): void {
  const box = pair.getBoundingClientRect();
  // Client rects are in the page's pixels; the svg draws in the panel's own, which the projector
  // preset zooms (display.ts): divide by the zoom.
  const zoom = pair.offsetWidth > 0 ? box.width / pair.offsetWidth : 1;
  svg.setAttribute('width', String(box.width / zoom));
  svg.setAttribute('height', String(box.height / zoom));
  svg.innerHTML =
    '<defs><marker id="speech-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#e0b84a"/></marker></defs>';
  const centre = (
    cells: readonly HTMLElement[],
    start: number,
    end: number,
    edge: 'top' | 'bottom',
  ): [number, number] | null => {
    const span = cells.slice(start, Math.max(end, start + 1));
    if (span.length === 0) return null;
    const first = span[0]!.getBoundingClientRect();
    const last = span[span.length - 1]!.getBoundingClientRect();
    return [
      ((first.left + last.right) / 2 - box.left) / zoom,
      ((edge === 'top' ? first.top : first.bottom) - box.top) / zoom,
    ];
  };
  // An exchange draws both ways: each site's material came from the other.
  const links = errors.flatMap((e) =>
    e.class !== 'horizontal' || !e.source
      ? []
      : [
          { source: e.source, spoken: e.spoken },
          ...(e.partner ? [{ source: e.intended, spoken: e.partner.spoken }] : []),
        ],
  );
  for (const e of links) {
    const from = centre(intendedCells, e.source.start, e.source.end, 'bottom');
    const to = centre(spokenCells, e.spoken.start, e.spoken.end, 'top');
    if (!from || !to) continue;
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    const midY = (from[1] + to[1]) / 2;
    path.setAttribute(
      'd',
      `M${from[0]},${from[1] + 2} C${from[0]},${midY} ${to[0]},${midY} ${to[0]},${to[1] - 2}`,
    );
    path.setAttribute('class', 'arrow');
    path.setAttribute('marker-end', 'url(#speech-arrowhead)');
    svg.append(path);
  }
}

/** Rows: spoken morae then end-of-sentence; columns: intended morae. */
export function renderHeatmap(
  canvas: HTMLCanvasElement,
  weights: readonly (readonly number[])[],
  intended: readonly string[],
  spoken: readonly string[],
): void {
  const cell = 22;
  const margin = 28;
  const rows = weights.length;
  const cols = intended.length;
  const ratio = window.devicePixelRatio || 1;
  const width = margin + cols * cell;
  const height = margin + rows * cell;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.scale(ratio, ratio);
  g.fillStyle = '#fbf7ec';
  g.fillRect(0, 0, width, height);
  g.font = '12px sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillStyle = '#1f1b16';
  intended.forEach((m, c) => g.fillText(m, margin + c * cell + cell / 2, margin / 2));
  const rowLabels = [...spoken, '⏎'];
  weights.forEach((row, r) => {
    g.fillStyle = '#1f1b16';
    g.fillText(rowLabels[r] ?? '', margin / 2, margin + r * cell + cell / 2);
    row.forEach((w, c) => {
      const v = Math.max(0, Math.min(1, w));
      g.fillStyle = `rgba(47, 107, 58, ${v.toFixed(3)})`;
      g.fillRect(margin + c * cell + 1, margin + r * cell + 1, cell - 2, cell - 2);
    });
  });
}

/** The bar and legend colour classes of each error class. */
const CLASS_KEYS: Record<ErrorClass, string> = { horizontal: 'h', vertical: 'v', unrelated: 'u' };

/** Bars per error type, split by class, and the share of sentences with an error. */
export function renderDistribution(host: HTMLElement, tally: ErrorTally): void {
  host.replaceChildren();
  const total = (c: Record<ErrorClass, number>): number => ERROR_CLASSES.reduce((n, k) => n + c[k], 0);
  const max = Math.max(1, ...ERROR_TYPES_ORDER.map((t) => total(tally.byType[t])));
  const chart = el('div', 'dist');
  for (const type of ERROR_TYPES_ORDER) {
    const counts = tally.byType[type];
    const row = el('div', 'dist-row');
    row.dataset.type = type;
    row.append(el('span', 'dist-name', tr(TYPE_LABELS[type])));
    const bar = el('span', 'dist-bar');
    for (const c of ERROR_CLASSES) {
      const part = el('span', CLASS_KEYS[c]);
      part.style.width = `${(100 * counts[c]) / max}%`;
      part.title = `${tr(CLASS_LABELS[c])} ${counts[c]}`;
      bar.append(part);
    }
    row.append(bar, el('span', 'dist-count', `${total(counts)}`));
    chart.append(row);
  }
  const legend = el('div', 'dist-legend');
  legend.append(...ERROR_CLASSES.map((c) => el('span', `key ${CLASS_KEYS[c]}`, tr(CLASS_LABELS[c]))));
  host.append(chart, legend);
}
