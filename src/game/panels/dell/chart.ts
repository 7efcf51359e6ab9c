// The response-distribution bar chart, drawn as SVG. Correct responses (near 1 for normal
// speakers) get their own panel on a 0–1 scale; the five error kinds share a second panel whose
// scale follows the largest error, so a 1 % error is still visible next to a 97 % correct.
import { CATEGORIES, type Category, type Profile } from '../../../speech/dell/classify';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | number>> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly profile: Profile;
}

export interface ChartLabels {
  category(c: Category): string;
  readonly correctPanel: string;
  readonly errorsPanel: string;
}

const WIDTH = 640;
const HEIGHT = 270;
const TOP = 34;
const BOTTOM = 222;
const ERROR_CATEGORIES = CATEGORIES.filter((c) => c !== 'correct');

/** A round upper bound for the error axis: 0.02, 0.05, 0.1, 0.2, 0.5 or 1. */
export function errorAxisMax(values: readonly number[]): number {
  const top = Math.max(0, ...values);
  return [0.02, 0.05, 0.1, 0.2, 0.5, 1].find((limit) => top <= limit) ?? 1;
}

const percent = (x: number): string => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

export function drawBarChart(svg: SVGSVGElement, series: readonly Series[], labels: ChartLabels): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('role', 'img');
  const errorMax = errorAxisMax(series.flatMap((s) => ERROR_CATEGORIES.map((c) => s.profile[c])));
  const panels = [
    { x: 48, width: 110, max: 1, categories: ['correct'] as Category[], title: labels.correctPanel },
    { x: 226, width: 400, max: errorMax, categories: ERROR_CATEGORIES, title: labels.errorsPanel },
  ];
  for (const panel of panels) {
    const y = (v: number) => BOTTOM - (Math.min(v, panel.max) / panel.max) * (BOTTOM - TOP);
    svg.append(svgEl('text', { x: panel.x, y: 16, class: 'dell-chart-title' }, panel.title));
    for (const tick of [0, 0.5, 1]) {
      const value = tick * panel.max;
      svg.append(
        svgEl('line', {
          x1: panel.x,
          x2: panel.x + panel.width,
          y1: y(value),
          y2: y(value),
          class: 'dell-grid',
        }),
        svgEl(
          'text',
          { x: panel.x - 6, y: y(value) + 4, class: 'dell-tick', 'text-anchor': 'end' },
          percent(value),
        ),
      );
    }
    const slot = panel.width / panel.categories.length;
    const barWidth = Math.min(26, (slot - 10) / series.length);
    panel.categories.forEach((category, ci) => {
      const left = panel.x + ci * slot + (slot - barWidth * series.length) / 2;
      series.forEach((s, si) => {
        const value = s.profile[category];
        const x = left + si * barWidth;
        const bar = svgEl('rect', {
          x,
          y: y(value),
          width: barWidth - 2,
          height: BOTTOM - y(value),
          fill: s.color,
          'data-category': category,
          'data-series': si,
          'data-value': value.toFixed(4),
        });
        bar.append(svgEl('title', {}, `${s.name}: ${labels.category(category)} ${percent(value)}`));
        svg.append(bar);
        if (value > 0) {
          const label = value > panel.max ? `${percent(value)}↑` : percent(value);
          svg.append(
            svgEl(
              'text',
              { x: x + barWidth / 2 - 1, y: y(value) - 4, class: 'dell-value', 'text-anchor': 'middle' },
              label,
            ),
          );
        }
      });
      svg.append(
        svgEl(
          'text',
          { x: panel.x + ci * slot + slot / 2, y: BOTTOM + 18, class: 'dell-axis', 'text-anchor': 'middle' },
          labels.category(category),
        ),
      );
    });
  }
  // Legend.
  series.forEach((s, i) => {
    const x = 48 + i * 190;
    svg.append(
      svgEl('rect', { x, y: HEIGHT - 16, width: 14, height: 14, fill: s.color }),
      svgEl('text', { x: x + 20, y: HEIGHT - 4, class: 'dell-legend' }, s.name),
    );
  });
}
