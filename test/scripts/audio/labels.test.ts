import { describe, expect, it } from 'vitest';
import {
  alignMorae,
  moraPhonemes,
  parseLabelTrace,
  toKatakana,
  type Phoneme,
} from '../../../scripts/audio/labels';

// Phonemes as Open JTalk writes them, 100 ms each from 500 ms (after a leading silence).
function phonemes(spec: string): Phoneme[] {
  return spec.split(' ').map((phoneme, i) => ({ phoneme, startMs: 500 + 100 * i, endMs: 600 + 100 * i }));
}

describe('parseLabelTrace', () => {
  it('reads each label line into a phoneme with times converted from 100 ns units to ms', () => {
    const trace = [
      '[Text analysis result]',
      'x',
      '',
      '[Output label]',
      '0 5800000 xx^xx-sil+ch=I/A:xx+xx+xx/B:xx',
      '5800000 7250000 xx^sil-ch+I=h/A:-2+1+5/B:xx',
      '7250000 7650000 sil^ch-I+h=a/A:-2+1+5/B:xx',
      '',
      '[Global parameter]',
    ].join('\n');
    expect(parseLabelTrace(trace)).toEqual([
      { phoneme: 'sil', startMs: 0, endMs: 580 },
      { phoneme: 'ch', startMs: 580, endMs: 725 },
      { phoneme: 'I', startMs: 725, endMs: 765 },
    ]);
  });

  it('refuses a trace without a label section', () => {
    expect(() => parseLabelTrace('[Text analysis result]\n')).toThrow(/Output label/);
  });
});

describe('moraPhonemes', () => {
  it('spells morae the way Open JTalk does', () => {
    expect(moraPhonemes('ち')).toEqual(['ch', 'i']);
    expect(moraPhonemes('つ')).toEqual(['ts', 'u']);
    expect(moraPhonemes('ふ')).toEqual(['f', 'u']);
    expect(moraPhonemes('を')).toEqual(['o']);
    expect(moraPhonemes('ん')).toEqual(['N']);
    expect(moraPhonemes('っ')).toEqual(['cl']);
    expect(moraPhonemes('きょ')).toEqual(['ky', 'o']);
    expect(moraPhonemes('しょ')).toEqual(['sh', 'o']);
    expect(moraPhonemes('ちょ')).toEqual(['ch', 'o']);
    expect(moraPhonemes('じゅ')).toEqual(['j', 'u']);
  });
});

describe('alignMorae', () => {
  it('gives each mora the start of its first phoneme, skipping pauses', () => {
    const result = alignMorae(phonemes('sil ch I h a pau w a sil'), ['ち', 'は', 'わ']);
    expect(result).toMatchObject({
      ok: true,
      morae: [
        { mora: 'ち', startMs: 600 },
        { mora: 'は', startMs: 800 },
        { mora: 'わ', startMs: 1100 },
      ],
      speechEndMs: 1300,
      holdStartMs: null,
    });
  });

  it('reports where Open JTalk read the text differently (たつた read as タッタ)', () => {
    const result = alignMorae(phonemes('sil t a cl t a sil'), ['た', 'つ', 'た']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/mora 1 "つ".*heard "cl t a"/);
  });

  it('accepts a long vowel where う follows an o-sound and い follows an e-sound', () => {
    expect(alignMorae(phonemes('o o k o'), ['お', 'う', 'こ']).ok).toBe(true);
    expect(alignMorae(phonemes('s e e'), ['せ', 'い']).ok).toBe(true);
    expect(alignMorae(phonemes('k a a'), ['か', 'う']).ok).toBe(false);
  });

  it('takes repeats of the last sound as the held vowel and refuses anything else after it', () => {
    const held = alignMorae(phonemes('w a a a a sil'), ['わ']);
    expect(held).toMatchObject({ ok: true, speechEndMs: 700, holdStartMs: 700, soundEndMs: 1000 });
    expect(alignMorae(phonemes('w a k a'), ['わ']).ok).toBe(false);
  });
});

describe('toKatakana', () => {
  it('turns the hiragana of a reading into katakana and keeps spaces and long marks', () => {
    expect(toKatakana('たつたがわ\u3000ゐーー')).toBe('タツタガワ\u3000ヰーー');
  });
});
