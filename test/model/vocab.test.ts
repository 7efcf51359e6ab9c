import { describe, expect, it } from 'vitest';
import { BOS, EOS, PAD, UNK, Vocabulary } from '../../src/model/vocab';

describe('Vocabulary', () => {
  const vocab = Vocabulary.fromSymbols(['か', 'あ', 'か', 'き']);

  it('puts the four special tokens first and the symbols after them in sorted order', () => {
    expect(vocab.tokens).toEqual(['<pad>', '<bos>', '<eos>', '<unk>', 'あ', 'か', 'き']);
    expect([PAD, BOS, EOS, UNK]).toEqual([0, 1, 2, 3]);
  });

  it('encodes and decodes a sequence back to the same symbols', () => {
    const ids = vocab.encode(['き', 'あ', 'か']);
    expect(ids).toEqual([6, 4, 5]);
    expect(vocab.decode(ids)).toEqual(['き', 'あ', 'か']);
  });

  it('maps an unknown symbol to UNK and decodes only up to the first EOS, skipping specials', () => {
    expect(vocab.encode(['ん'])).toEqual([UNK]);
    expect(vocab.decode([BOS, 4, PAD, 5, EOS, 6])).toEqual(['あ', 'か']);
  });

  it('rebuilds a saved token list and refuses one without the special tokens', () => {
    expect(Vocabulary.fromTokens(vocab.tokens).equals(vocab)).toBe(true);
    expect(() => Vocabulary.fromTokens(['あ', 'か'])).toThrow(/token 0/);
    expect(Vocabulary.fromSymbols(['あ']).equals(vocab)).toBe(false);
  });
});
