// The kanji dictionary in the browser: the twelve files of @patdx/kuromoji's dictionary are
// part of the build (hashed assets, fetched from the game's own folder, cached for offline play)
// and read only when a typed sentence first holds kanji. Decompression by the browser's own
// DecompressionStream.
import { buildKanjiTokenizer, DICTIONARY_FILES, type KanjiTokenizer } from './kanji';

const URLS = import.meta.glob('/node_modules/@patdx/kuromoji/dict/*.dat.gz', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function urlOf(file: string): string {
  const url = Object.entries(URLS).find(([path]) => path.endsWith(`/${file}`))?.[1];
  if (!url) throw new Error(`the kanji dictionary has no ${file}`);
  return url;
}

async function gunzip(data: Uint8Array): Promise<ArrayBuffer> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

let tokenizer: Promise<KanjiTokenizer> | null = null;

/** The shared tokenizer, built on first use; a failed load is forgotten so a retry can work. */
export function browserKanjiTokenizer(): Promise<KanjiTokenizer> {
  tokenizer ??= (async () => {
    for (const file of DICTIONARY_FILES) urlOf(file);
    return buildKanjiTokenizer(async (file) => {
      const response = await fetch(urlOf(file));
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      return response.arrayBuffer();
    }, gunzip);
  })().catch((error: unknown) => {
    tokenizer = null;
    throw error;
  });
  return tokenizer;
}
