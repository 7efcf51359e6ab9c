// A small line plot on a canvas: one or more series over a shared x axis, redrawn on demand.
// Enough for live training curves without a chart library. The previous run's curves can be kept
// beside the new ones, faded and dashed, so two runs compare on one chart.

export interface Series {
  readonly color: string;
  readonly points: { x: number; y: number }[];
}

export interface PlotOptions {
  readonly yMin?: number;
  readonly yMax?: number;
  readonly xLabel: () => string;
  readonly yFormat: (y: number) => string;
}

export class LinePlot {
  readonly canvas: HTMLCanvasElement;
  readonly series: Series[];
  /** The previous run's curves, drawn faded and dashed under the current ones. */
  readonly previous: Series[];
  private frame = 0;
  /** The x axis runs to at least this (the run's epoch count), so a curve grows across it. */
  xMax = 1;

  constructor(
    colors: readonly string[],
    private readonly options: PlotOptions,
    width = 340,
    height = 180,
  ) {
    this.canvas = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = width * ratio;
    this.canvas.height = height * ratio;
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.series = colors.map((color) => ({ color, points: [] }));
    this.previous = colors.map((color) => ({ color, points: [] }));
    this.draw();
  }

  add(seriesIndex: number, x: number, y: number): void {
    if (!Number.isFinite(y)) return;
    this.series[seriesIndex]?.points.push({ x, y });
    this.schedule();
  }

  /** The curves drawn now become the previous run's (replacing any older one). */
  keepAsPrevious(): void {
    this.series.forEach((s, i) => {
      const kept = this.previous[i];
      kept?.points.splice(0, kept.points.length, ...s.points);
    });
    this.schedule();
  }

  get hasPrevious(): boolean {
    return this.previous.some((s) => s.points.length > 0);
  }

  clear(xMax = 1): void {
    this.xMax = xMax;
    for (const s of this.series) s.points.length = 0;
    this.schedule();
  }

  /** Redraws at the next animation frame at most once, however many points arrive. */
  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  draw(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const w = this.canvas.width / ratio;
    const h = this.canvas.height / ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = '#fbf7ec';
    ctx.fillRect(0, 0, w, h);
    const left = 48;
    const bottom = h - 22;
    const top = 8;
    const right = w - 8;
    const all = [...this.series, ...this.previous].flatMap((s) => s.points);
    const xMax = Math.max(this.xMax, ...all.map((p) => p.x));
    const yMin = this.options.yMin ?? Math.min(0, ...all.map((p) => p.y));
    const yMaxData = all.length ? Math.max(...all.map((p) => p.y)) : 1;
    const yMax = this.options.yMax ?? (yMaxData > yMin ? yMaxData : yMin + 1);
    const px = (x: number) => left + (x / xMax) * (right - left);
    const py = (y: number) => bottom - ((y - yMin) / (yMax - yMin)) * (bottom - top);

    ctx.strokeStyle = '#c9bfa8';
    ctx.lineWidth = 1;
    ctx.fillStyle = '#6b6255';
    ctx.font = '11px sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let i = 0; i <= 4; i++) {
      const y = yMin + ((yMax - yMin) * i) / 4;
      ctx.beginPath();
      ctx.moveTo(left, py(y));
      ctx.lineTo(right, py(y));
      ctx.stroke();
      ctx.fillText(this.options.yFormat(y), left - 4, py(y));
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(this.options.xLabel(), (left + right) / 2, bottom + 5);
    ctx.textAlign = 'left';
    ctx.fillText('0', left, bottom + 5);
    ctx.textAlign = 'right';
    ctx.fillText(String(Math.round(xMax)), right, bottom + 5);

    const drawn = [
      ...this.previous.map((s) => ({ s, faded: true })),
      ...this.series.map((s) => ({ s, faded: false })),
    ];
    for (const { s, faded } of drawn) {
      if (s.points.length === 0) continue;
      ctx.globalAlpha = faded ? 0.4 : 1;
      ctx.setLineDash(faded ? [5, 4] : []);
      ctx.strokeStyle = s.color;
      ctx.fillStyle = s.color;
      ctx.lineWidth = 2;
      ctx.beginPath();
      s.points.forEach((p, i) => (i === 0 ? ctx.moveTo(px(p.x), py(p.y)) : ctx.lineTo(px(p.x), py(p.y))));
      ctx.stroke();
      if (s.points.length < 60) {
        for (const p of s.points) {
          ctx.beginPath();
          ctx.arc(px(p.x), py(p.y), 2.5, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
    }
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
  }
}
