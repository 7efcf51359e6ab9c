// Counting errors over many sayings: the "say it 100 times" chart and the benchmark.
import type { ErrorClass, ErrorType, SpeechError } from './annotate';

export const ERROR_TYPES_ORDER: readonly ErrorType[] = [
  'substitution',
  'exchange',
  'addition',
  'omission',
  'shift',
  'blend',
];

export interface ErrorTally {
  readonly sentences: number;
  /** Sentences with at least one error. */
  readonly erroneous: number;
  readonly errors: number;
  readonly byClass: Record<ErrorClass, number>;
  readonly byType: Record<ErrorType, Record<ErrorClass, number>>;
}

export function tallyErrors(utterances: readonly { readonly errors: readonly SpeechError[] }[]): ErrorTally {
  const byType = Object.fromEntries(
    ERROR_TYPES_ORDER.map((t) => [t, { horizontal: 0, vertical: 0 }]),
  ) as Record<ErrorType, Record<ErrorClass, number>>;
  const byClass: Record<ErrorClass, number> = { horizontal: 0, vertical: 0 };
  let errors = 0;
  let erroneous = 0;
  for (const u of utterances) {
    if (u.errors.length > 0) erroneous++;
    for (const e of u.errors) {
      errors++;
      byClass[e.class]++;
      byType[e.type][e.class]++;
    }
  }
  return { sentences: utterances.length, erroneous, errors, byClass, byType };
}
