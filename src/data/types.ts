// The shape of the poem data. Three spellings of each half matter and differ (../shared KARUTA.md):
// historical kana with dakuten, card kana (no dakuten, as printed on the taking card), and the
// modern reading (as a reader pronounces it). Halves are written with ASCII spaces between phrases.

export const GOSHIKI_COLORS = ['桃', '青', '黄', '緑', '橙'] as const;
export type GoshikiColor = (typeof GOSHIKI_COLORS)[number];

export interface PoemHalf {
  /** Historical kana (歴史的仮名遣い) with dakuten, phrases separated by spaces. */
  readonly kana: string;
  /** As printed on cards: historical kana without dakuten, phrases separated by spaces. */
  readonly card: string;
  /** Modern pronunciation in hiragana (は→わ, む→ん, てふ→ちょう …), phrases separated by spaces. */
  readonly reading: string;
}

export interface Poem {
  /** 1–100; the 序歌 is 0. */
  readonly no: number;
  readonly poet: string;
  readonly poetKana: string;
  /** Kanji-kana text, five phrases separated by spaces. */
  readonly kanji: string;
  readonly kami: PoemHalf;
  readonly shimo: PoemHalf;
  /** The three printed lines of the taking card, right to left: 5 kana, 5 kana, the rest. */
  readonly torifuda: readonly [string, string, string];
  /** Five-colour group (五色百人一首); the 序歌 has none. */
  readonly goshiki: GoshikiColor | null;
}
