// A text in both languages the game speaks. It lives here, below the game, so that the domain
// layers (src/speech, src/training) can label things without importing src/game; the current
// language and the translation helpers stay in src/game/i18n.ts.
export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}
