// The fitting landscape: the RMSD between a patient's six proportions and the model's at every
// (s, p) point of the map, darker where the model fits better, with the best point ringed.
import { rmsdSurface, type FitMap } from '../../../speech/dell/fit';
import type { Profile } from '../../../speech/dell/classify';

const CELL = 4;
const MARGIN = 28;

export function drawRmsdMap(canvas: HTMLCanvasElement, map: FitMap, target: Profile): void {
  const surface = rmsdSurface(map, target);
  const cols = map.sAxis.length;
  const rows = map.pAxis.length;
  canvas.width = MARGIN + cols * CELL + 8;
  canvas.height = rows * CELL + MARGIN;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let best = 0;
  let worst = 0;
  surface.forEach((v, i) => {
    if (v < (surface[best] as number)) best = i;
    if (v > (surface[worst] as number)) worst = i;
  });
  const low = Math.log(Math.max(surface[best] as number, 1e-4));
  const high = Math.log(Math.max(surface[worst] as number, 1e-3));
  ctx.fillStyle = '#fbf7ec';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (let si = 0; si < cols; si++) {
    for (let pi = 0; pi < rows; pi++) {
      const v = Math.log(Math.max(surface[si * rows + pi] as number, 1e-4));
      const t = Math.min(1, Math.max(0, (v - low) / (high - low || 1)));
      // Good fits dark green, poor fits pale cream.
      const r = Math.round(29 + t * (244 - 29));
      const g = Math.round(82 + t * (236 - 82));
      const b = Math.round(50 + t * (216 - 50));
      ctx.fillStyle = `rgb(${r}, ${g}, ${b})`;
      // s grows to the right, p grows upwards.
      ctx.fillRect(MARGIN + si * CELL, (rows - 1 - pi) * CELL, CELL, CELL);
    }
  }
  const bs = Math.floor(best / rows);
  const bp = best % rows;
  ctx.strokeStyle = '#b3261e';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(MARGIN + bs * CELL + CELL / 2, (rows - 1 - bp) * CELL + CELL / 2, 6, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.fillStyle = '#1f1b16';
  ctx.font = '12px sans-serif';
  ctx.fillText('s →', MARGIN + cols * CELL - 22, rows * CELL + 16);
  ctx.fillText('0', MARGIN - 2, rows * CELL + 16);
  ctx.fillText('0.1', MARGIN + cols * CELL - 60, rows * CELL + 16);
  ctx.save();
  ctx.translate(14, 30);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText('p →', -10, 0);
  ctx.restore();
  ctx.fillText('0.1', 2, 10);
}
