// Reading a visitor's own naming data ("fit my data"): six counts or six proportions, plus an
// optional "other" column (omissions, descriptions… which the model has no counterpart for),
// checked before they reach the fit. Errors are values with a code and the text as typed, so the
// panel words them in both languages and tests can assert them.
import { CATEGORIES, normalise, profileFromArray, profileTotal, type Profile } from './classify';

export type DataMode = 'counts' | 'proportions';

/** The six categories the model makes, then the responses it has no counterpart for. */
export const DATA_FIELDS = [...CATEGORIES, 'other'] as const;
export type DataField = (typeof DATA_FIELDS)[number];

/** How far proportions may stray from 1 (rounding to two decimals, as in the published tables). */
export const PROPORTION_TOLERANCE = 0.02;

/**
 * Largest count accepted in one field. The Philadelphia Naming Test has 175 items; a million
 * responses is more than any study, so anything above is a slip of the keyboard (1e308, …).
 */
export const MAX_COUNT = 1_000_000;

/** Longest quotation of what was typed in a message. */
const QUOTE_LENGTH = 24;

export type UserDataError =
  | { readonly code: 'not-a-number'; readonly field: DataField; readonly text: string }
  | { readonly code: 'negative'; readonly field: DataField; readonly text: string }
  | { readonly code: 'not-whole'; readonly field: DataField; readonly text: string }
  | { readonly code: 'above-one'; readonly field: DataField; readonly text: string }
  | { readonly code: 'too-large'; readonly field: DataField; readonly text: string }
  | { readonly code: 'all-zero' }
  | { readonly code: 'only-other' }
  | { readonly code: 'sum-not-one'; readonly sum: number };

export type UserDataResult =
  | {
      readonly ok: true;
      /** The six categories as proportions of the responses the model can make (sum 1). */
      readonly target: Profile;
      /** Every response entered, "other" included (counts), or the proportions' sum. */
      readonly total: number;
      /** The share of "other" responses, set aside before the fit. */
      readonly others: number;
    }
  | { readonly ok: false; readonly error: UserDataError };

const THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:([, ])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A number as people type it: full-width digits (１２０), thousands separators (1,000, 1，000,
 * 1 000), a decimal comma (0,5), a Unicode minus, an exponent. Anything else (hex, words,
 * "Infinity") is undefined. Out-of-range values are returned as read (1e400 as Infinity) for the
 * caller to refuse with a reason.
 */
export function readNumber(typed: string): number | undefined {
  const text = typed
    .normalize('NFKC')
    .replace(/[\u2212\u2010\u2011\u2012\u2013\ufe63]/g, '-')
    .trim();
  let plain: string;
  if (THOUSANDS.test(text)) plain = text.replace(/[, ]/g, '');
  else if (DECIMAL_COMMA.test(text)) plain = text.replace(',', '.');
  else plain = text;
  if (!PLAIN.test(plain)) return undefined;
  return Number(plain);
}

function quote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > QUOTE_LENGTH ? `${trimmed.slice(0, QUOTE_LENGTH - 1)}…` : trimmed;
}

/**
 * Parses the fields in DATA_FIELDS order (six categories, then "other", which may be left out).
 * An empty field counts as 0. Counts must be whole, non-negative and at most MAX_COUNT;
 * proportions must lie in [0, 1], all seven summing to 1 ± PROPORTION_TOLERANCE. "Other"
 * responses are set aside and the six renormalised, as the lab does with the patients' rows.
 */
export function parseUserData(fields: readonly string[], mode: DataMode): UserDataResult {
  const values: number[] = [];
  for (const [i, field] of DATA_FIELDS.entries()) {
    const typed = fields[i] ?? '';
    const fail = (code: 'not-a-number' | 'negative' | 'not-whole' | 'above-one' | 'too-large') =>
      ({ ok: false, error: { code, field, text: quote(typed) } }) as const;
    const value = typed.trim() === '' ? 0 : readNumber(typed);
    if (value === undefined || Number.isNaN(value)) return fail('not-a-number');
    if (value < 0) return fail('negative');
    if (mode === 'proportions' && value > 1) return fail('above-one');
    if (mode === 'counts' && value > MAX_COUNT) return fail('too-large');
    if (mode === 'counts' && !Number.isInteger(value)) return fail('not-whole');
    values.push(value);
  }
  const profile = profileFromArray(values);
  const six = profileTotal(profile);
  const other = values[CATEGORIES.length] ?? 0;
  const total = six + other;
  if (total === 0) return { ok: false, error: { code: 'all-zero' } };
  if (six === 0) return { ok: false, error: { code: 'only-other' } };
  // + 1e-9: a published row of 1.02 adds up to 1.0200000000000002 in floating point.
  if (mode === 'proportions' && Math.abs(total - 1) > PROPORTION_TOLERANCE + 1e-9) {
    return { ok: false, error: { code: 'sum-not-one', sum: total } };
  }
  return { ok: true, target: normalise(profile), total, others: other / total };
}
