// What the training panel trains: the listener the match's Transformer opponent uses
// (src/training/listener.ts). Input: the upper half as heard, sound by sound; output: the lower
// half as printed on the taking card. The training pairs are every prefix up to six sounds (the
// longest kimariji) plus the whole upper half; evaluation is the whole upper half of each of the
// 100 poems, written free-running: can the model *write* each card from what it heard?
import { POEMS } from '../data/poems';
import type { Dataset, Pair } from './dataset';
import { cardSymbols, fullReadingPairs, LISTENER_TASK, listenerTask, prefixPairs } from './listener';
import type { PoemExample } from './protocol';

/** Prefixes longer than this many sounds name one poem already; the full reading is kept too. */
export const MAX_PREFIX = 6;

export interface PanelTask {
  readonly task: string;
  readonly dataset: Dataset;
  readonly evaluation: readonly Pair[];
  readonly examples: readonly PoemExample[];
}

export function panelTask(): PanelTask {
  const task = listenerTask();
  return {
    task: LISTENER_TASK,
    dataset: {
      sourceVocab: task.sourceVocab,
      targetVocab: task.targetVocab,
      pairs: prefixPairs(task, MAX_PREFIX),
    },
    evaluation: fullReadingPairs(task),
    examples: POEMS.map((p) => ({ no: p.no, upper: p.kami.kana, target: cardSymbols(p) })),
  };
}
