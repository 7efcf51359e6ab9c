// What every layout test checks on a screen: canvas texts that wrap one character per line
// (「正/確」), run off the screen or lie on top of each other; panel texts that wrap one character
// per line or stick out of the panel.
import type { Page } from 'playwright-core';
import type { Box } from './matchHelpers';

export interface CanvasText extends Box {
  text: string;
  lines: string[];
  fontSize: number;
}

/** A text split so that (nearly) every line holds one character: 「正/確」. */
export function oneCharPerLine(lines: readonly string[]): boolean {
  const shown = lines.map((l) => l.trim()).filter(Boolean);
  return shown.length >= 2 && shown.filter((l) => [...l].length === 1).length >= 2;
}

export async function canvasTexts(
  page: Page,
): Promise<{ texts: CanvasText[]; canvas: Box; gameWidth: number }> {
  return page.evaluate(() => {
    const element = document.querySelector('canvas')!;
    const rect = element.getBoundingClientRect();
    return {
      gameWidth: element.width,
      texts: (window.__utakaruta?.texts as () => CanvasText[])(),
      canvas: { x: rect.left, y: rect.top, width: rect.width, height: rect.height },
    };
  });
}

/**
 * How far (CSS px) two texts' ink crosses in each direction; both > 0 means they overlap. A text's
 * box holds the padding and leading Mincho needs above and below: a fifth of the font size each
 * way (in CSS px: the box's scale over the game's) is left out.
 */
function crossing(a: CanvasText, b: CanvasText, cssPerGamePx: number): { x: number; y: number } {
  const ink = (t: CanvasText) => {
    const inset = Math.min(t.height / 2, t.fontSize * 0.2 * cssPerGamePx);
    return { x: t.x, y: t.y + inset, width: t.width, height: t.height - 2 * inset };
  };
  const [p, q] = [ink(a), ink(b)];
  return {
    x: Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x),
    y: Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y),
  };
}

/**
 * Problems with the texts drawn on the canvas now. `overlaps`: also any two texts whose boxes
 * cross by more than `slack` CSS px both ways (the padding Mincho needs is within the slack).
 */
export async function canvasProblems(
  page: Page,
  options: { overlaps?: boolean; slack?: number } = {},
): Promise<string[]> {
  const { texts, canvas, gameWidth } = await canvasTexts(page);
  const problems: string[] = [];
  for (const t of texts) {
    if (oneCharPerLine(t.lines)) problems.push(`one character per line: ${JSON.stringify(t.text)}`);
    const off =
      t.x < canvas.x - 2 ||
      t.y < canvas.y - 2 ||
      t.x + t.width > canvas.x + canvas.width + 2 ||
      t.y + t.height > canvas.y + canvas.height + 2;
    if (off) problems.push(`off the screen: ${JSON.stringify(t.text.slice(0, 40))}`);
  }
  if (options.overlaps) {
    const slack = options.slack ?? 6;
    texts.forEach((a, i) =>
      texts.slice(i + 1).forEach((b) => {
        const c = crossing(a, b, canvas.width / gameWidth);
        if (c.x > slack && c.y > slack)
          problems.push(
            `overlap: ${JSON.stringify(a.text.slice(0, 24))} × ${JSON.stringify(b.text.slice(0, 24))}`,
          );
      }),
    );
  }
  return problems;
}

/** Text nodes in the open panel laid out one character per line (measured by their line boxes). */
export async function panelProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(
      document.querySelector('#panels') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chars = [...(node.textContent ?? '').replace(/\s/g, '')];
      if (chars.length < 2) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set(
        [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
      );
      if (tops.size >= 2 && tops.size >= chars.length) out.push(node.textContent ?? '');
    }
    return out;
  });
}

/**
 * Visible text in the open panel that sticks out of the window sideways (the panel scrolls
 * down, never across), or a panel wider than the window.
 */
export async function panelOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const panel of document.querySelectorAll<HTMLElement>('#panels .panel')) {
      if (panel.scrollWidth > panel.clientWidth + 1)
        out.push(
          `panel ${panel.dataset.panel} scrolls sideways: ${panel.scrollWidth} > ${panel.clientWidth}`,
        );
      const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!(node.textContent ?? '').trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.width === 0) continue;
          if (r.left < -1 || r.right > width + 1) {
            out.push(`sticks out: ${JSON.stringify((node.textContent ?? '').trim().slice(0, 40))}`);
            break;
          }
        }
      }
    }
    return out;
  });
}
