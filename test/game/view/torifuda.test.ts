// The card face painter, checked against a recording 2D context: no browser needed.
import { describe, expect, it, vi } from 'vitest';
import { paintCardFace } from '../../../src/game/view/torifuda';
import { cardHeight, torifudaGlyphs } from '../../../src/game/view/layout';
import { POEM_17, POEM_21 } from './fixtures';

vi.mock('phaser', () => ({ default: { GameObjects: { Container: class {} } } }));

function recordingContext() {
  const texts: { char: string; x: number; y: number; font: string; fill: unknown }[] = [];
  const ctx = {
    font: '',
    fillStyle: '' as unknown,
    strokeStyle: '',
    lineWidth: 1,
    textAlign: '',
    textBaseline: '',
    clearRect: vi.fn(),
    beginPath: vi.fn(),
    roundRect: vi.fn(),
    fill: vi.fn(),
    stroke: vi.fn(),
    createLinearGradient: () => ({ addColorStop: vi.fn() }),
    fillText(char: string, x: number, y: number) {
      texts.push({ char, x, y, font: this.font, fill: this.fillStyle });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts };
}

describe('painting a taking card face', () => {
  it('writes every card kana once, at its layout position, in the bold bundled mincho', () => {
    const { ctx, texts } = recordingContext();
    paintCardFace(ctx, POEM_17.torifuda, 120, Math.round(cardHeight(120)));
    const glyphs = torifudaGlyphs(POEM_17.torifuda, 120);
    expect(texts.map((t) => t.char).join('')).toBe('からくれなゐにみつくくるとは');
    texts.forEach((t, i) => {
      expect(t.x).toBeCloseTo(glyphs[i]!.cx);
      expect(t.y).toBeCloseTo(glyphs[i]!.cy);
      expect(t.font).toMatch(/^800 [\d.]+px "Shippori Mincho"/);
    });
  });

  it('writes poem 21’s six-kana last line in a smaller size than the full columns', () => {
    const { ctx, texts } = recordingContext();
    paintCardFace(ctx, POEM_21.torifuda, 120, Math.round(cardHeight(120)));
    const size = (t: { font: string }) => Number(/(\d+(\.\d+)?)px/.exec(t.font)?.[1]);
    expect(size(texts.at(-1)!)).toBeLessThan(size(texts[0]!));
    expect(texts).toHaveLength(16);
  });
});
