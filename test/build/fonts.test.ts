// The build keeps only the WOFF2 fonts of @fontsource (vite.config.ts): every face still has
// its WOFF2 source, and no WOFF fallback is left to be copied into the build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woff2Only } from '../../vite.config';

const require = createRequire(import.meta.url);

function transform(code: string, id: string): string | null {
  const hook = woff2Only().transform as (code: string, id: string) => string | null;
  return hook(code, id);
}

describe('woff2Only', () => {
  it.each(['500', '800'])(
    'strips the WOFF fallbacks of Shippori Mincho %s, keeping one WOFF2 per face',
    (weight) => {
      const id = require.resolve(`@fontsource/shippori-mincho/${weight}.css`);
      const css = readFileSync(id, 'utf8');
      const faces = css.match(/@font-face/g)?.length ?? 0;
      expect(faces).toBeGreaterThan(100);
      expect(css).toContain("format('woff')");
      const out = transform(css, id);
      expect(out).not.toBeNull();
      expect(out).not.toContain("format('woff')");
      expect(out!.match(/format\('woff2'\)/g)?.length).toBe(faces);
    },
  );

  it('leaves other CSS alone', () => {
    expect(transform("src: url(a.woff) format('woff')", '/work/src/game/view/panel.css')).toBeNull();
  });
});
