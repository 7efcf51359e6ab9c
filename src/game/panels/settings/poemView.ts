// After each epoch: what the model now writes for each lower half, character by character,
// right characters in blue and wrong ones in red (the 2023 talk's display), with the right
// answer under it, filterable to the poems it gets wrong. The two lines are aligned by edit
// distance (src/training/align.ts): a missing character is one red ＿ over the character it
// left out, an extra one stands over a gap, and the rest of the line still lines up.
import { tr } from '../../i18n';
import { align, type AlignedCell } from '../../../training/align';
import { el, type LiveTexts } from './dom';
import type { PoemExample } from '../../../training/protocol';

/** One displayed column: what the model wrote over what it should have written. */
export interface MarkedChar {
  /** What the model wrote here, or ＿ where it left a character out. */
  readonly char: string;
  /** The right answer's character here, or '' where the model added one. */
  readonly answer: string;
  readonly right: boolean;
  readonly kind: AlignedCell['kind'];
}

export function markOutput(target: readonly string[], output: readonly string[]): MarkedChar[] {
  return align(target, output).map((cell) => {
    switch (cell.kind) {
      case 'match':
        return { char: cell.output, answer: cell.target, right: true, kind: cell.kind };
      case 'substitute':
        return { char: cell.output, answer: cell.target, right: false, kind: cell.kind };
      case 'missing':
        return { char: '＿', answer: cell.target, right: false, kind: cell.kind };
      case 'extra':
        return { char: cell.output, answer: '', right: false, kind: cell.kind };
      default: {
        const never: never = cell;
        return never;
      }
    }
  });
}

export class PoemView {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly errorsOnly: HTMLInputElement;
  private readonly summary: HTMLElement;
  private examples: readonly PoemExample[] = [];
  private outputs: readonly (readonly string[])[] = [];
  private epoch = 0;

  constructor(texts: LiveTexts) {
    this.errorsOnly = el('input', { type: 'checkbox', 'data-testid': 'errors-only' });
    this.errorsOnly.addEventListener('change', () => this.render());
    this.summary = el('span', { class: 'poem-summary', 'data-testid': 'poem-summary' });
    texts.bind(this.summary, () => this.summaryText());
    this.list = el('ol', { class: 'poem-list', 'data-testid': 'poem-list' });
    this.root = el(
      'section',
      { class: 'poem-view' },
      el(
        'div',
        { class: 'poem-view-head' },
        texts.text('h3', {
          ja: '各歌の下の句（モデルが書いたもの）',
          en: 'Each lower half, as the model writes it',
        }),
        el(
          'label',
          {},
          this.errorsOnly,
          texts.text('span', { ja: ' 間違いだけ表示', en: ' Show errors only' }),
        ),
        this.summary,
      ),
      el(
        'p',
        { class: 'poem-legend' },
        el('span', { class: 'char-right' }, '●'),
        texts.text('span', { ja: ' 正しい文字　', en: ' right character   ' }),
        el('span', { class: 'char-wrong' }, '●'),
        texts.text('span', {
          ja: ' 違う文字・足りない文字（＿）・余分な文字　下の灰色の行が正解',
          en: ' wrong, missing (＿) or extra character; the grey line under it is the right answer',
        }),
      ),
      this.list,
    );
  }

  setExamples(examples: readonly PoemExample[]): void {
    this.examples = examples;
    this.outputs = [];
    this.epoch = 0;
    this.render();
  }

  showEpoch(epoch: number, outputs: readonly (readonly string[])[]): void {
    this.epoch = epoch;
    this.outputs = outputs;
    this.render();
  }

  private isRight(i: number): boolean {
    const target = this.examples[i]?.target ?? [];
    const output = this.outputs[i] ?? [];
    return output.length === target.length && output.every((c, k) => c === target[k]);
  }

  private summaryText(): string {
    if (this.epoch === 0)
      return tr({ ja: '（最初のエポックの後に表示）', en: '(shown after the first epoch)' });
    const right = this.examples.filter((_, i) => this.isRight(i)).length;
    return tr({
      ja: `エポック ${this.epoch}：${right} / ${this.examples.length} 首が完全に正しい`,
      en: `Epoch ${this.epoch}: ${right} / ${this.examples.length} poems exactly right`,
    });
  }

  private render(): void {
    this.summary.textContent = this.summaryText();
    const rows: HTMLElement[] = [];
    if (this.epoch > 0) {
      this.examples.forEach((example, i) => {
        const right = this.isRight(i);
        if (this.errorsOnly.checked && right) return;
        const line = el('span', { class: 'poem-output' });
        for (const mark of markOutput(example.target, this.outputs[i] ?? [])) {
          line.append(
            el(
              'span',
              { class: `poem-cell ${mark.kind}` },
              el('span', { class: mark.right ? 'char-right' : 'char-wrong' }, mark.char),
              el('span', { class: 'char-answer' }, mark.answer || '　'),
            ),
          );
        }
        rows.push(
          el(
            'li',
            { 'data-no': example.no, 'data-right': right },
            el('span', { class: 'poem-no' }, String(example.no)),
            el('span', { class: 'poem-upper' }, example.upper),
            line,
          ),
        );
      });
    }
    this.list.replaceChildren(...rows);
  }
}
