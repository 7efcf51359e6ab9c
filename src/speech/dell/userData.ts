// Reading a visitor's own naming data ("fit my data"): six counts or six proportions, checked
// before they reach the fit. Errors are values with a code, so the panel words them in both
// languages and tests can assert them.
import {
  CATEGORIES,
  normalise,
  profileFromArray,
  profileTotal,
  type Category,
  type Profile,
} from './classify';

export type DataMode = 'counts' | 'proportions';

/** How far six proportions may stray from 1 (rounding to two decimals, as in the published tables). */
export const PROPORTION_TOLERANCE = 0.02;

export type UserDataError =
  | { readonly code: 'not-a-number'; readonly category: Category }
  | { readonly code: 'negative'; readonly category: Category }
  | { readonly code: 'not-whole'; readonly category: Category }
  | { readonly code: 'above-one'; readonly category: Category }
  | { readonly code: 'all-zero' }
  | { readonly code: 'sum-not-one'; readonly sum: number };

export type UserDataResult =
  | { readonly ok: true; readonly target: Profile; readonly total: number }
  | { readonly ok: false; readonly error: UserDataError };

/**
 * Parses six fields in CATEGORIES order. An empty field counts as 0. Counts must be whole and
 * non-negative, not all zero; proportions must lie in [0, 1] and sum to 1 ± PROPORTION_TOLERANCE.
 * The target returned always sums to 1.
 */
export function parseUserData(fields: readonly string[], mode: DataMode): UserDataResult {
  const values: number[] = [];
  for (const [i, category] of CATEGORIES.entries()) {
    const text = (fields[i] ?? '').trim().replace(',', '.');
    const value = text === '' ? 0 : Number(text);
    if (!Number.isFinite(value)) return { ok: false, error: { code: 'not-a-number', category } };
    if (value < 0) return { ok: false, error: { code: 'negative', category } };
    if (mode === 'counts' && !Number.isInteger(value))
      return { ok: false, error: { code: 'not-whole', category } };
    if (mode === 'proportions' && value > 1) return { ok: false, error: { code: 'above-one', category } };
    values.push(value);
  }
  const profile = profileFromArray(values);
  const total = profileTotal(profile);
  if (total === 0) return { ok: false, error: { code: 'all-zero' } };
  if (mode === 'proportions' && Math.abs(total - 1) > PROPORTION_TOLERANCE) {
    return { ok: false, error: { code: 'sum-not-one', sum: total } };
  }
  return { ok: true, target: normalise(profile), total };
}
