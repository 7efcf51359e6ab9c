// The Transformer as a listener: after each heard mora it scores the card text of every poem
// that could still be read (one batched forward pass) and turns the scores into a belief over
// those poems. No Phaser, no DOM: the opponent, the eval script and the live view share it.
import { soundKeys } from '../../data/mora';
import { POEMS } from '../../data/poems';
import type { LoadedCheckpoint } from '../../model/checkpoint';
import { CandidateScorer } from '../../model/inference';
import type { Transformer } from '../../model/transformer';
import type { Vocabulary } from '../../model/vocab';

export class TransformerListener {
  /** Row of each poem number in the scorer's candidate set. */
  private readonly rowOf: ReadonlyMap<number, number>;
  /** All 100 card texts, their source-independent decoder work done once. */
  private readonly scorer: CandidateScorer;

  constructor(
    readonly model: Transformer,
    private readonly sourceVocab: Vocabulary,
    targetVocab: Vocabulary,
  ) {
    this.rowOf = new Map(POEMS.map((p, i) => [p.no, i]));
    this.scorer = new CandidateScorer(
      model,
      POEMS.map((p) => targetVocab.encode([...p.shimo.card.replace(/\s/g, '')])),
    );
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
    const rows = candidates.map((no) => {
      const row = this.rowOf.get(no);
      if (row === undefined) throw new RangeError(`no poem number ${no}`);
      return row;
    });
    const logp = this.scorer.score(this.sourceVocab.encode(sounds), rows);
    const max = Math.max(...logp);
    const weights = logp.map((lp) => Math.exp(lp - max));
    const total = weights.reduce((a, b) => a + b, 0);
    candidates.forEach((no, i) => out.set(no, (weights[i] ?? 0) / total));
    return out;
  }

  dispose(): void {
    this.scorer.dispose();
    this.model.dispose();
  }
}
