// The Transformer as a listener: after each heard mora it scores the card text of every poem
// that could still be read (one batched forward pass) and turns the scores into a belief over
// those poems. No Phaser, no DOM: the opponent, the eval script and the live view share it.
import { soundKeys } from '../../data/mora';
import { POEMS } from '../../data/poems';
import type { LoadedCheckpoint } from '../../model/checkpoint';
import { scoreCandidates } from '../../model/inference';
import type { Transformer } from '../../model/transformer';
import type { Vocabulary } from '../../model/vocab';

export class TransformerListener {
  /** Card-text token ids per poem number. */
  private readonly cards: ReadonlyMap<number, number[]>;

  constructor(
    readonly model: Transformer,
    private readonly sourceVocab: Vocabulary,
    targetVocab: Vocabulary,
  ) {
    this.cards = new Map(POEMS.map((p) => [p.no, targetVocab.encode([...p.shimo.card.replace(/\s/g, '')])]));
  }

  static fromCheckpoint(checkpoint: LoadedCheckpoint): TransformerListener {
    return new TransformerListener(checkpoint.model, checkpoint.sourceVocab, checkpoint.targetVocab);
  }

  /**
   * P(poem | heard) over `candidates`, from log P(card text | heard) and a uniform prior over
   * the candidates. Heard morae are turned into sounds first (お う → お お), as the model was
   * trained. With nothing heard, every candidate is equally likely.
   */
  belief(heardMorae: readonly string[], candidates: readonly number[]): Map<number, number> {
    const out = new Map<number, number>();
    if (candidates.length === 0) return out;
    const sounds = soundKeys(heardMorae.join('')).slice(0, this.model.config.maxSourceLength);
    if (sounds.length === 0) {
      for (const no of candidates) out.set(no, 1 / candidates.length);
      return out;
    }
    const texts = candidates.map((no) => {
      const text = this.cards.get(no);
      if (!text) throw new RangeError(`no poem number ${no}`);
      return text;
    });
    const logp = scoreCandidates(this.model, this.sourceVocab.encode(sounds), texts);
    const max = Math.max(...logp);
    const weights = logp.map((lp) => Math.exp(lp - max));
    const total = weights.reduce((a, b) => a + b, 0);
    candidates.forEach((no, i) => out.set(no, (weights[i] ?? 0) / total));
    return out;
  }

  dispose(): void {
    this.model.dispose();
  }
}
