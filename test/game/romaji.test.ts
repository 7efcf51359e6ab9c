import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/game/i18n';
import { romajiFor, withRomaji } from '../../src/game/romaji';

afterEach(() => setLang('ja'));

describe('romaji beside kana', () => {
  it('spells kana in English mode and leaves Japanese mode alone', () => {
    setLang('en');
    expect(withRomaji('か')).toBe('か (ka)');
    expect(withRomaji('あさぼらけ')).toBe('あさぼらけ (asaborake)');
    expect(romajiFor('ちゃ')).toBe('cha');
    setLang('ja');
    expect(withRomaji('か')).toBe('か');
    expect(romajiFor('か')).toBe('');
  });

  it('adds nothing to text that is not kana', () => {
    setLang('en');
    expect(withRomaji('∅')).toBe('∅');
    expect(withRomaji('cat')).toBe('cat');
  });
});
