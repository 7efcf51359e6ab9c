import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzip as gunzipCallback } from 'node:zlib';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeLexicon } from '../../src/speech/annotate';
import { loadCorpus } from '../../src/speech/corpus';
import { parseInput } from '../../src/speech/input';
import {
  buildKanjiTokenizer,
  DICTIONARY_FILES,
  readKanji,
  type KanjiTokenizer,
} from '../../src/speech/kanji';
import { createRng } from '../../src/data/random';

const DICT = 'node_modules/@patdx/kuromoji/dict';
const gunzip = promisify(gunzipCallback);
const lexicon = makeLexicon(loadCorpus().all.flatMap((s) => s.words));
let tokenizer: KanjiTokenizer;

beforeAll(async () => {
  tokenizer = await buildKanjiTokenizer(
    async (file) => new Uint8Array(await readFile(join(DICT, file))).buffer,
    async (data) => new Uint8Array(await gunzip(data)).buffer,
  );
}, 60_000);

const said = (text: string) => {
  const read = readKanji(text, tokenizer);
  if (!read.ok) return read.problem;
  const parsed = parseInput(read.text, lexicon);
  return parsed.ok ? parsed.sentence.words.map((w) => w.kana).join(' ') : parsed.problem;
};

describe('kanji read with the shipped dictionary', () => {
  it.each([
    ['東京特許許可局', 'とうきょう とっきょ きょかきょく'],
    ['隣の客はよく柿食う客だ', 'となり の きゃく は よく かき くう きゃく だ'],
    ['坊主が屏風に上手に坊主の絵を描いた', 'ぼうず が びょうぶ に じょうず に ぼうず の え を えがいた'],
    // Kana and romaji around the kanji stay as typed; the corpus word こーひー keeps its category.
    ['コーヒーを飲みます', 'こーひー を のみます'],
    ['namamugi 生卵', 'なまむぎ なま たまご'],
    ['時々雨', 'ときどき あめ'],
  ])('%s → %s', (text, expected) => {
    expect(said(text)).toBe(expected);
  });

  it('says which words it read and how, so the panel can show it', () => {
    const read = readKanji('きょうは 雨が降る', tokenizer);
    expect(read.ok && read.read).toEqual([{ typed: '雨が降る', kana: 'あめ が ふる' }]);
  });

  it('quotes a word the dictionary cannot read', () => {
    expect(readKanji('𠮷野家で食べた', tokenizer)).toEqual({
      ok: false,
      problem: { code: 'kanji-unreadable', word: '𠮷' },
    });
  });

  it('leaves a sentence without kanji exactly as typed', () => {
    for (const text of ['namamugi namagome', 'なまむぎ🍺', 'hello world', ''])
      expect(readKanji(text, tokenizer)).toEqual({ ok: true, text, read: [] });
  });

  it('never throws on anything typed (2,000 seeded strings of kanji, kana, emoji, symbols)', () => {
    const rng = createRng(13);
    const pool = [...'生麦米卵東京特許局隣客柿食坊主屏風絵々〆ヶあいうアイウabc 　🍺𠮷\u0301\u200d、。!?ー'];
    for (let n = 0; n < 2000; n++) {
      const length = 1 + Math.floor(rng.next() * 16);
      const text = Array.from({ length }, () => pool[Math.floor(rng.next() * pool.length)]).join('');
      const read = readKanji(text, tokenizer);
      if (read.ok) expect(read.text).not.toMatch(/\p{Script=Han}/u);
      else expect(read.problem.code).toBe('kanji-unreadable');
      if (read.ok) parseInput(read.text, lexicon);
    }
  });

  it('reports a dictionary that does not load, without throwing', async () => {
    await expect(
      buildKanjiTokenizer(
        async (file) => {
          if (file === DICTIONARY_FILES[0]) throw new Error('offline');
          return new Uint8Array(await readFile(join(DICT, file))).buffer;
        },
        async (data) => new Uint8Array(await gunzip(data)).buffer,
      ),
    ).rejects.toThrow('offline');
  });
});
