import { describe, expect, it } from 'vitest';
import { mediaOrder, splitTiers, tierOf } from '../../src/pwa/tiers';

describe('the offline copy’s tiers', () => {
  it.each([
    ['assets/001-kami-CCyZV_jJ.mp3', 'media'],
    ['assets/001-kami-DX.opus', 'media'],
    ['assets/shippori-mincho-54-500-normal-B6HNidhp.woff2', 'media'],
    ['assets/x.opus?v=2', 'media'],
    ['assets/base.dat-CdoNGEHQ.gz', 'media'],
    ['index.html', 'core'],
    ['assets/phaser-C831z-fk.js', 'core'],
    ['assets/tfjs-backend-wasm-simd-BrM3BlWr.wasm', 'core'],
    ['assets/weights-BakojpZ7.bin', 'core'],
    ['assets/model-CL4bywYg.json', 'core'],
    ['assets/training.worker-BW7A6OO7.js', 'core'],
    ['assets/mp3-decoder.js', 'core'],
    ['manifest.webmanifest', 'core'],
  ])('puts %s in the %s tier', (url, tier) => {
    expect(tierOf(url)).toBe(tier);
  });

  it('splits a manifest without losing or repeating an entry', () => {
    const entries = ['a.js', 'b.mp3', 'c.woff2', 'd.wasm'].map((url) => ({ url, revision: null }));
    const { core, media } = splitTiers(entries);
    expect(core.map((e) => e.url)).toEqual(['a.js', 'd.wasm']);
    expect(media.map((e) => e.url)).toEqual(['b.mp3', 'c.woff2']);
  });

  it('fetches the audio this browser plays first, then the font, then the other format', () => {
    const urls = ['f2.woff2', 'b.mp3', 'a.opus', 'f1.woff2', 'a.mp3', 'b.opus'];
    expect(mediaOrder(urls, 'opus')).toEqual(['a.opus', 'b.opus', 'f1.woff2', 'f2.woff2', 'a.mp3', 'b.mp3']);
    expect(mediaOrder(urls, 'mp3')).toEqual(['a.mp3', 'b.mp3', 'f1.woff2', 'f2.woff2', 'a.opus', 'b.opus']);
  });

  it('fetches the kanji dictionary last', () => {
    expect(mediaOrder(['cc.dat-1.gz', 'b.mp3', 'a.opus', 'f.woff2'], 'opus')).toEqual([
      'a.opus',
      'f.woff2',
      'b.mp3',
      'cc.dat-1.gz',
    ]);
  });
});
