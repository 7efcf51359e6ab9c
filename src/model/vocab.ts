// A vocabulary maps symbols (a mora, a kana, any short string) to token ids and back.
// Ids 0–3 are the special tokens in every vocabulary; the list of symbols is saved with the
// checkpoint, so a model never meets ids it was not trained on.

export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
export const UNK = 3;
export const SPECIAL_TOKENS = ['<pad>', '<bos>', '<eos>', '<unk>'] as const;

export class Vocabulary {
  /** Every token, specials first: `tokens[id]` is the symbol of `id`. */
  readonly tokens: readonly string[];
  private readonly ids: ReadonlyMap<string, number>;

  private constructor(tokens: readonly string[]) {
    this.tokens = tokens;
    this.ids = new Map(tokens.map((t, i) => [t, i]));
    if (this.ids.size !== tokens.length) throw new Error('vocabulary has a repeated token');
  }

  /** A vocabulary of the distinct symbols seen, in sorted order (stable across runs). */
  static fromSymbols(symbols: Iterable<string>): Vocabulary {
    const distinct = [...new Set(symbols)].filter((s) => !(SPECIAL_TOKENS as readonly string[]).includes(s));
    distinct.sort();
    return new Vocabulary([...SPECIAL_TOKENS, ...distinct]);
  }

  /** Rebuilds a saved vocabulary; throws if it does not start with the special tokens. */
  static fromTokens(tokens: readonly string[]): Vocabulary {
    SPECIAL_TOKENS.forEach((s, i) => {
      if (tokens[i] !== s) throw new Error(`vocabulary token ${i} should be ${s}, got ${String(tokens[i])}`);
    });
    return new Vocabulary(tokens.slice());
  }

  get size(): number {
    return this.tokens.length;
  }

  id(symbol: string): number {
    return this.ids.get(symbol) ?? UNK;
  }

  encode(symbols: readonly string[]): number[] {
    return symbols.map((s) => this.id(s));
  }

  /** The symbols of `ids` up to the first EOS, specials left out. */
  decode(ids: readonly number[]): string[] {
    const out: string[] = [];
    for (const id of ids) {
      if (id === EOS) break;
      if (id < SPECIAL_TOKENS.length) continue;
      out.push(this.tokens[id] ?? SPECIAL_TOKENS[UNK]);
    }
    return out;
  }

  equals(other: Vocabulary): boolean {
    return this.size === other.size && this.tokens.every((t, i) => t === other.tokens[i]);
  }
}
