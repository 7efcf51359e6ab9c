// Consonant and vowel of a mora, for two questions the annotator asks: did an intruding
// consonant come from elsewhere in the sentence (なまたまご → なまがまご: g from ごめ), and are two
// morae similar-sounding (same vowel, same consonant, or a voicing pair like た/だ).
import { toRomaji } from 'wanakana';

export interface MoraSound {
  /** '' for a bare vowel; 'n' for ん; 'Q' for っ; '-' for ー. */
  readonly consonant: string;
  /** 'a' … 'o', or '' for ん, っ, ー. */
  readonly vowel: string;
}

const cache = new Map<string, MoraSound>();

export function moraSound(mora: string): MoraSound {
  const hit = cache.get(mora);
  if (hit) return hit;
  let sound: MoraSound;
  if (mora === 'っ') sound = { consonant: 'Q', vowel: '' };
  else if (mora === 'ー') sound = { consonant: '-', vowel: '' };
  else if (mora === 'ん') sound = { consonant: 'n', vowel: '' };
  else {
    const romaji = toRomaji(mora);
    const last = romaji.slice(-1);
    sound =
      'aiueo'.includes(last) && last !== ''
        ? { consonant: romaji.slice(0, -1), vowel: last }
        : { consonant: romaji, vowel: '' };
  }
  cache.set(mora, sound);
  return sound;
}

// Voicing pairs and families (k/g, s/z, t/d, h/b/p …) count as similar-sounding.
const FAMILIES = [
  ['k', 'g'],
  ['s', 'z', 'sh', 'j', 'ts'],
  ['t', 'd', 'ch'],
  ['h', 'b', 'p', 'f'],
  ['ky', 'gy'],
  ['sh', 'j'],
  ['hy', 'by', 'py'],
];

function sameFamily(a: string, b: string): boolean {
  return FAMILIES.some((f) => f.includes(a) && f.includes(b));
}

/** Two morae that differ in one dimension only: vowel, consonant, or voicing. */
export function similarMorae(a: string, b: string): boolean {
  if (a === b) return true;
  const x = moraSound(a);
  const y = moraSound(b);
  if (x.vowel !== '' && x.vowel === y.vowel) return true;
  if (x.consonant !== '' && x.consonant === y.consonant) return true;
  return sameFamily(x.consonant, y.consonant) && x.vowel === y.vowel;
}

/**
 * Whether `next` may follow `previous` in a Japanese mora string (null: at the start; 'end':
 * the end of the saying). A geminate っ needs a consonant after it, not a vowel, ん, ー, another
 * っ or the end (とうきょうっっきょ cannot be said); a saying cannot begin with っ or ー, and ー
 * does not follow ー, っ or ん.
 */
export function canFollow(previous: string | null, next: string | 'end'): boolean {
  const special = (m: string | null) => m === 'っ' || m === 'ー' || m === 'ん';
  if (previous === null) return next !== 'end' && next !== 'っ' && next !== 'ー';
  if (previous === 'っ') return next !== 'end' && !special(next) && moraSound(next).consonant !== '';
  if (next === 'ー') return !special(previous);
  return true;
}
