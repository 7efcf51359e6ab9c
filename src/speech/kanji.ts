// Kanji in a typed sentence, read with a dictionary: kuromoji (the IPA dictionary it ships in its
// npm package, @patdx/kuromoji) splits each word that holds kanji and gives its reading, which
// becomes hiragana words for parseInput (input.ts). Only the words with kanji are read; kana,
// romaji, spaces and what the visitor wrote around them stay as typed, so every other message
// is the one it would be without kanji. A dictionary gives one reading: 生米 comes back as
// なまべい, not the twister's なまごめ. The panel shows the reading it used, and kana typed
// instead always win.
//
// The dictionary (18 MB) is loaded only when a sentence first holds kanji: in the browser from
// the game's own files (kanjiBrowser.ts), in Node from node_modules (tests). Nothing here throws
// on bad input: a word the dictionary cannot read is quoted back, a dictionary that does not
// load is reported as such.
import type { IpadicFeatures } from '@patdx/kuromoji';
import { toHiragana } from 'wanakana';

/** The part of a kuromoji tokenizer used here (a stand-in can be given in tests). */
export interface KanjiTokenizer {
  tokenize(
    text: string,
  ): readonly Pick<IpadicFeatures, 'surface_form' | 'reading' | 'pos' | 'pos_detail_1'>[];
}

export type KanjiReading =
  | {
      readonly ok: true;
      /** The sentence with every word that held kanji replaced by its reading in hiragana. */
      readonly text: string;
      /** Each word read, as typed and as read. */
      readonly read: readonly { readonly typed: string; readonly kana: string }[];
    }
  | { readonly ok: false; readonly problem: KanjiProblem };

export type KanjiProblem =
  | { readonly code: 'kanji-unreadable'; readonly word: string }
  | { readonly code: 'kanji-dictionary'; readonly reason: string };

const HAN = /\p{Script=Han}/u;
const HAN_OR_ITERATION = /[\p{Script=Han}々〆ヶ]/u;

export function hasKanji(text: string): boolean {
  return HAN.test(text);
}

type Token = ReturnType<KanjiTokenizer['tokenize']>[number];

/**
 * Tokens that belong to the word before them, as the corpus writes words (のみます, ねている):
 * auxiliaries, suffixes, a dependent verb, and て/で after a verb or adjective.
 */
function joinsPrevious(token: Token, previous: Token | undefined): boolean {
  if (!previous) return false;
  if (token.pos === '助動詞') return true;
  if (token.pos_detail_1 === '接尾') return true;
  if (token.pos === '動詞' && token.pos_detail_1 === '非自立') return true;
  const afterInflecting = ['動詞', '形容詞', '助動詞'].includes(previous.pos);
  return afterInflecting && token.pos === '助詞' && token.pos_detail_1 === '接続助詞';
}

/** Reads one space-free chunk that holds kanji into hiragana words joined by spaces. */
function readChunk(
  chunk: string,
  tokenizer: KanjiTokenizer,
): { ok: true; kana: string } | { ok: false; word: string } {
  const words: string[] = [];
  let previous: Token | undefined;
  for (const token of tokenizer.tokenize(chunk)) {
    const surface = token.surface_form;
    let kana = surface;
    if (HAN_OR_ITERATION.test(surface)) {
      const reading = token.reading;
      // kuromoji leaves unknown words without a reading (or '*'); the word is quoted back.
      if (!reading || reading === '*' || HAN.test(reading)) return { ok: false, word: surface };
      kana = toHiragana(reading, { passRomaji: true, convertLongVowelMark: false });
    }
    if (joinsPrevious(token, previous) && words.length > 0) words[words.length - 1] += kana;
    else words.push(kana);
    previous = token;
  }
  return { ok: true, kana: words.join(' ') };
}

/** Replaces every whitespace-separated chunk that holds kanji by its reading. */
export function readKanji(text: string, tokenizer: KanjiTokenizer): KanjiReading {
  const read: { typed: string; kana: string }[] = [];
  const parts = text.normalize('NFC').split(/(\s+)/u);
  for (const [k, part] of parts.entries()) {
    if (!HAN_OR_ITERATION.test(part)) continue;
    let result: ReturnType<typeof readChunk>;
    try {
      result = readChunk(part, tokenizer);
    } catch (error) {
      return { ok: false, problem: { code: 'kanji-dictionary', reason: String(error) } };
    }
    if (!result.ok) return { ok: false, problem: { code: 'kanji-unreadable', word: result.word } };
    read.push({ typed: part, kana: result.kana });
    parts[k] = result.kana;
  }
  return { ok: true, text: parts.join(''), read };
}

/** The dictionary's twelve files, by the names kuromoji asks for. */
export const DICTIONARY_FILES = [
  'base.dat.gz',
  'check.dat.gz',
  'tid.dat.gz',
  'tid_pos.dat.gz',
  'tid_map.dat.gz',
  'cc.dat.gz',
  'unk.dat.gz',
  'unk_pos.dat.gz',
  'unk_map.dat.gz',
  'unk_char.dat.gz',
  'unk_compat.dat.gz',
  'unk_invoke.dat.gz',
] as const;

/** Where a dictionary file's bytes come from (gzip-compressed or already decompressed). */
export type DictionaryBytes = (file: string) => Promise<ArrayBuffer>;

/**
 * Builds a tokenizer from the dictionary's bytes. A file may arrive still gzipped (the file as
 * shipped) or already decompressed (a server that sent it with Content-Encoding: gzip); the
 * gzip magic number decides.
 */
export async function buildKanjiTokenizer(
  bytes: DictionaryBytes,
  gunzip: (data: Uint8Array) => Promise<ArrayBuffer>,
): Promise<KanjiTokenizer> {
  const { TokenizerBuilder } = await import('@patdx/kuromoji');
  const loader = {
    async loadArrayBuffer(file: string): Promise<ArrayBuffer> {
      const data = new Uint8Array(await bytes(file));
      return data[0] === 0x1f && data[1] === 0x8b ? gunzip(data) : data.slice().buffer;
    },
  };
  return new TokenizerBuilder({ loader }).build();
}
