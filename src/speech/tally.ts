// Counting errors over many sayings: the "say it 100 times" chart and the benchmark.
import { ERROR_CLASSES, type ErrorClass, type ErrorType, type SpeechError } from './annotate';

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
  const none = (): Record<ErrorClass, number> =>
    Object.fromEntries(ERROR_CLASSES.map((c) => [c, 0])) as Record<ErrorClass, number>;
  const byType = Object.fromEntries(ERROR_TYPES_ORDER.map((t) => [t, none()])) as Record<
    ErrorType,
    Record<ErrorClass, number>
  >;
  const byClass = none();
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
