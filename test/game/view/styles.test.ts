// Font loading as scenes rely on it: each glyph's subset asked for once per weight, a failing or
// hanging load never blocks a screen.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  vi.useRealTimers();
});

async function withFonts(load: (font: string, text: string) => Promise<unknown>) {
  const fonts = { load: vi.fn(load), check: vi.fn(() => false) };
  vi.stubGlobal('document', { fonts });
  const styles = await import('../../../src/game/view/styles');
  return { fonts, styles };
}

describe('loading glyphs of the bundled font', () => {
  it('asks for each character once per weight, in the bundled family', async () => {
    const { fonts, styles } = await withFonts(() => Promise.resolve([]));
    await styles.loadGlyphs('ちはやふる');
    await styles.loadGlyphs('ちはやぶる');
    const calls = fonts.load.mock.calls.map(([font, text]) => [font.split(' ')[0], text]);
    expect(calls).toEqual([
      ['500', 'ちはやふる'],
      ['800', 'ちはやふる'],
      ['500', 'ぶ'],
      ['800', 'ぶ'],
    ]);
    expect(fonts.load.mock.calls[0]![0]).toContain('"Shippori Mincho"');
  });

  it('resolves even when the font files fail to load', async () => {
    const { styles } = await withFonts(() => Promise.reject(new Error('offline')));
    await expect(styles.loadGlyphs('歌')).resolves.toBeUndefined();
  });

  it('gives up on a load that never finishes, so the screen is drawn with a fallback', async () => {
    vi.useFakeTimers();
    const { styles } = await withFonts(() => new Promise(() => {}));
    const done = styles.loadGlyphs('札', 500);
    await vi.advanceTimersByTimeAsync(500);
    await expect(done).resolves.toBeUndefined();
  });
});
