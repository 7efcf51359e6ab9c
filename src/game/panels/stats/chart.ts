// The statistics panel's charts, drawn by uPlot (a small, fast canvas chart library): one series
// of milliseconds after the kimariji against time, points and a line, in the panel's palette.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TimeSeries {
  /** Epoch ms, ascending. */
  readonly at: readonly number[];
  readonly ms: readonly (number | null)[];
  readonly label: string;
}

/**
 * Draws `series` into `target` and returns what removes it; with no point to draw, writes `empty`
 * instead (an empty frame of axes says nothing).
 */
export function msOverTime(
  target: HTMLElement,
  series: TimeSeries,
  width: number,
  empty: string,
  height = 220,
): () => void {
  if (!series.ms.some((ms) => ms !== null)) {
    const note = document.createElement('p');
    note.textContent = empty;
    target.append(note);
    return () => note.remove();
  }
  const options: uPlot.Options = {
    width,
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: [
      { stroke: '#f4ecd8', grid: { stroke: '#f4ecd822' }, ticks: { stroke: '#f4ecd844' } },
      {
        stroke: '#f4ecd8',
        grid: { stroke: '#f4ecd822' },
        ticks: { stroke: '#f4ecd844' },
        size: 56,
        values: (_, ticks) => ticks.map((t) => `${Math.round(t)}`),
      },
    ],
    series: [
      {},
      {
        label: series.label,
        stroke: '#e0b84a',
        width: 2,
        points: { show: true, size: 6, fill: '#e0b84a' },
        spanGaps: true,
      },
    ],
  };
  const data: uPlot.AlignedData = [series.at.map((t) => t / 1000), [...series.ms]];
  const chart = new uPlot(options, data, target);
  return () => chart.destroy();
}
