// What a naming response counts as. The response is judged by the phoneme string that comes
// out, as in the patient scoring: a string that spells a word is that word, whichever step went
// wrong; anything else is a nonword.
import { wordOf, type Syllable } from './lexicon';

/** In the order of the patient table (Dell et al. 1997, Table 6). */
export const CATEGORIES = ['correct', 'semantic', 'formal', 'nonword', 'mixed', 'unrelated'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Six proportions (or counts) in CATEGORIES order. */
export type Profile = Readonly<Record<Category, number>>;

export function classifyResponse(response: Syllable, mixedTrial: boolean): Category {
  const word = wordOf(response);
  switch (word) {
    case undefined:
      return 'nonword';
    case 'CAT':
      return 'correct';
    case 'DOG':
      return 'semantic';
    case 'MAT':
      return 'formal';
    case 'RAT':
      return mixedTrial ? 'mixed' : 'formal';
    case 'FOG':
    case 'LOG':
      return 'unrelated';
    default: {
      const never: never = word;
      throw new Error(`unclassified word ${String(never)}`);
    }
  }
}

export function emptyProfile(): Record<Category, number> {
  return { correct: 0, semantic: 0, formal: 0, nonword: 0, mixed: 0, unrelated: 0 };
}

export function profileFromArray(values: ArrayLike<number>): Profile {
  const out = emptyProfile();
  CATEGORIES.forEach((c, i) => (out[c] = values[i] ?? 0));
  return out;
}

export function profileTotal(profile: Profile): number {
  return CATEGORIES.reduce((sum, c) => sum + profile[c], 0);
}

/** Divides by the total so the six values sum to 1; an all-zero profile stays all zero. */
export function normalise(profile: Profile): Profile {
  const total = profileTotal(profile);
  const out = emptyProfile();
  for (const c of CATEGORIES) out[c] = total > 0 ? profile[c] / total : 0;
  return out;
}

/** Root mean square difference over the six categories (the WebFit criterion). */
export function rmsd(a: Profile, b: Profile): number {
  let sum = 0;
  for (const c of CATEGORIES) sum += (a[c] - b[c]) ** 2;
  return Math.sqrt(sum / CATEGORIES.length);
}
