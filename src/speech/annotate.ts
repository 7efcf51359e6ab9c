// The error annotator: pure code that aligns what was meant with what was said, mora by mora,
// and labels each error by unit, type, direction and class (../shared SPEECH_ERRORS.md).
//
// Class, the point of the demo: an error is horizontal (ヨコ型) when its intruder occurs
// elsewhere in the intended sentence. An intruder from outside the sentence is vertical (タテ型)
// only when it is a competitor for the slot, for a stated reason (Terao's タテ型: a rival lemma
// or form): a known word of the intended word's semantic category; a known word that sounds like
// the intended word (same first or last mora, lengths within one mora); or morae that are each a
// phonological neighbour of the intended mora in their place (same length; each differs from
// it in one segment only, the consonant or the vowel: な/ま, か/こ, た/だ). Any other outside
// intruder, and an omission of morae the sentence has nowhere else (nothing competed), is
// unrelated (無関係): a third class, so that chance material is not counted as vertical. The
// intruder is the
// spoken material that replaced or was added to the intended material: a word, a mora, or — as
// in なまたまご → なまがまご, whose g comes from ごめ — a consonant. An omission has no intruder of
// its own; it counts as horizontal when the omitted morae also occur elsewhere in the sentence
// (the speaker's place was taken by identical material, haplology), vertical otherwise.
// Direction, for horizontal errors: anticipation when the source comes later than the error
// site, perseveration when it was already said; the nearest occurrence decides, ties go to
// anticipation. Exchanges, and vertical errors, have no direction.
import type { Category } from './categories';
import { moraSound, similarMorae } from './phonology';

export type ErrorUnit = 'phoneme' | 'mora' | 'word';
export type ErrorType = 'substitution' | 'exchange' | 'addition' | 'omission' | 'shift' | 'blend';
export type Direction = 'anticipation' | 'perseveration' | 'none';
export type ErrorClass = 'horizontal' | 'vertical' | 'unrelated';
export const ERROR_CLASSES: readonly ErrorClass[] = ['horizontal', 'vertical', 'unrelated'];
/** Why a vertical error's intruder is a competitor; 'context' for horizontal ones. A whole-word
 *  rival is 'same-category' (the lemma competitor) or, failing that, 'similar-word' (it sounds
 *  like the intended word: same first or last mora, length within one). 'other' (no reason) makes
 *  an outside intruder's error 'unrelated'. */
export type Relation = 'context' | 'same-category' | 'similar-word' | 'similar-mora' | 'other';

export interface Span {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface SpeechError {
  readonly unit: ErrorUnit;
  readonly type: ErrorType;
  readonly direction: Direction;
  readonly class: ErrorClass;
  readonly relation: Relation;
  /** Morae of the intended sentence that went wrong (empty span for an addition). */
  readonly intended: Span;
  /** Morae of the spoken sentence that are wrong (empty span for an omission). */
  readonly spoken: Span;
  /** Where a horizontal intruder comes from, in intended morae. */
  readonly source: Span | null;
  /** An exchange is one error with two sites: the other one (its intended and spoken spans). */
  readonly partner?: { readonly intended: Span; readonly spoken: Span };
  readonly intendedText: string;
  readonly spokenText: string;
}

export interface IntendedWord {
  readonly kana: string;
  readonly morae: readonly string[];
  readonly category: Category | null;
}

export interface Intended {
  readonly morae: readonly string[];
  readonly words: readonly IntendedWord[];
}

/** Known words, to recognise a whole-word substitution or blend. */
export interface Lexicon {
  readonly byKana: ReadonlyMap<string, IntendedWord>;
  readonly byCategory: ReadonlyMap<Category, readonly IntendedWord[]>;
}

export function makeLexicon(words: Iterable<IntendedWord>): Lexicon {
  const byKana = new Map<string, IntendedWord>();
  const byCategory = new Map<Category, IntendedWord[]>();
  for (const w of words) {
    if (!w.category || byKana.has(w.kana)) continue;
    byKana.set(w.kana, w);
    byCategory.set(w.category, [...(byCategory.get(w.category) ?? []), w]);
  }
  return { byKana, byCategory };
}

export const EMPTY_LEXICON: Lexicon = { byKana: new Map(), byCategory: new Map() };

type Op = 'match' | 'sub' | 'del' | 'ins';

const EMPTY_SPAN: Span = { start: 0, end: 0 };

interface Region {
  /** Intended span. */
  readonly i: Span;
  /** Spoken span. */
  readonly s: Span;
}

/** Levenshtein alignment over morae; ties prefer match/sub, then deletion. */
export function align(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= n; i++) {
    const row = d[i] as number[];
    for (let j = 1; j <= m; j++) {
      const diag = at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row[j] = Math.min(diag, at(i - 1, j) + 1, at(i, j - 1) + 1);
    }
  }
  const ops: Op[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = at(i, j);
    if (i > 0 && j > 0 && here === at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      ops.push(a[i - 1] === b[j - 1] ? 'match' : 'sub');
      i--;
      j--;
    } else if (i > 0 && here === at(i - 1, j) + 1) {
      ops.push('del');
      i--;
    } else {
      ops.push('ins');
      j--;
    }
  }
  return ops.reverse();
}

function regionsOf(ops: readonly Op[]): { regions: Region[]; boundary: number[] } {
  const regions: Region[] = [];
  // boundary[k]: spoken position where intended mora k begins (k = n: the spoken length).
  const boundary: number[] = [];
  let i = 0;
  let s = 0;
  let open: { i: number; s: number } | null = null;
  for (const op of ops) {
    if (op === 'match') {
      if (open) regions.push({ i: { start: open.i, end: i }, s: { start: open.s, end: s } });
      open = null;
    } else {
      open ??= { i, s };
    }
    if (op !== 'ins') boundary[i] = s;
    if (op !== 'ins') i++;
    if (op !== 'del') s++;
  }
  if (open) regions.push({ i: { start: open.i, end: i }, s: { start: open.s, end: s } });
  boundary[i] = s;
  return { regions, boundary };
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, k) => x === b[k]);

/** Start positions where `needle` occurs in `hay`, outside `exclude`. */
function occurrences(hay: readonly string[], needle: readonly string[], exclude: Span): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let k = 0; k + needle.length <= hay.length; k++) {
    if (k < exclude.end && k + needle.length > exclude.start) continue;
    if (needle.every((x, t) => hay[k + t] === x)) out.push(k);
  }
  return out;
}

/** The occurrence nearest to `site` and the direction it implies. */
function nearest(
  starts: readonly number[],
  length: number,
  site: number,
): { source: Span; direction: Direction } {
  let best = starts[0] as number;
  for (const k of starts) if (Math.abs(k - site) < Math.abs(best - site)) best = k;
  for (const k of starts) if (Math.abs(k - site) === Math.abs(best - site) && k > site) best = k;
  return {
    source: { start: best, end: best + length },
    direction: best > site ? 'anticipation' : 'perseveration',
  };
}

function wordStarts(intended: Intended): number[] {
  const starts: number[] = [];
  let k = 0;
  for (const w of intended.words) {
    starts.push(k);
    k += w.morae.length;
  }
  return starts;
}

/** Labels every difference between `intended` and `spoken` (morae). Empty when identical. */
export function annotate(
  intended: Intended,
  spoken: readonly string[],
  lexicon: Lexicon = EMPTY_LEXICON,
): SpeechError[] {
  return outsideErrors(intended, spoken, lexicon).map(withReason);
}

/** An error from outside the sentence is vertical only with a reason its intruder competed. */
function withReason(e: SpeechError): SpeechError {
  return e.class === 'vertical' && e.relation === 'other' ? { ...e, class: 'unrelated' } : e;
}

/** The errors, with every intruder from outside the sentence still called 'vertical'. */
function outsideErrors(intended: Intended, spoken: readonly string[], lexicon: Lexicon): SpeechError[] {
  const whole = singleWordError(intended, spoken, lexicon);
  if (whole) return [whole];
  return wordAmongOthers(intended, spoken, lexicon) ?? alignedErrors(intended, spoken, lexicon);
}

/** The errors of the mora alignment's regions, paired into exchanges and shifts. */
function alignedErrors(intended: Intended, spoken: readonly string[], lexicon: Lexicon): SpeechError[] {
  const I = intended.morae;
  const { regions, boundary } = regionsOf(align(I, spoken));
  const errors: SpeechError[] = [];
  const used = new Set<number>();
  const text = (list: readonly string[], span: Span): string => list.slice(span.start, span.end).join('');
  const iPart = (r: Region): string[] => I.slice(r.i.start, r.i.end);
  const sPart = (r: Region): string[] => spoken.slice(r.s.start, r.s.end);
  const starts = wordStarts(intended);
  const make = (e: Omit<SpeechError, 'intendedText' | 'spokenText'>): SpeechError => ({
    ...e,
    intendedText: text(I, e.intended),
    spokenText: text(spoken, e.spoken),
  });

  // Exchanges and shifts pair two regions.
  regions.forEach((a, x) => {
    if (used.has(x)) return;
    for (let y = x + 1; y < regions.length; y++) {
      const b = regions[y] as Region;
      if (used.has(y)) continue;
      const ia = iPart(a);
      const ib = iPart(b);
      const sa = sPart(a);
      const sb = sPart(b);
      if (ia.length > 0 && ib.length > 0 && same(ia, sb) && same(ib, sa)) {
        const wordLike = starts.includes(a.i.start) && starts.includes(b.i.start) && ia.length >= 2;
        // One exchange, with two sites (not one error per site).
        errors.push({
          ...make({
            unit: wordLike ? 'word' : 'mora',
            type: 'exchange',
            direction: 'none',
            class: 'horizontal',
            relation: 'context',
            intended: a.i,
            spoken: a.s,
            source: b.i,
          }),
          partner: { intended: b.i, spoken: b.s },
          intendedText: `${text(I, a.i)}…${text(I, b.i)}`,
          spokenText: `${text(spoken, a.s)}…${text(spoken, b.s)}`,
        });
        used.add(x).add(y);
        return;
      }
      const deletion = ia.length > 0 && sa.length === 0 ? a : ib.length > 0 && sb.length === 0 ? b : null;
      const insertion =
        deletion === a
          ? ib.length === 0 && sb.length > 0
            ? b
            : null
          : ia.length === 0 && sa.length > 0
            ? a
            : null;
      if (deletion && insertion && same(iPart(deletion), sPart(insertion))) {
        // The element moved: earlier than meant is anticipation, later is perseveration.
        const direction = insertion.s.start < boundary[deletion.i.start]! ? 'anticipation' : 'perseveration';
        errors.push(
          make({
            unit: iPart(deletion).length >= 2 && starts.includes(deletion.i.start) ? 'word' : 'mora',
            type: 'shift',
            direction,
            class: 'horizontal',
            relation: 'context',
            intended: deletion.i,
            spoken: insertion.s,
            source: deletion.i,
          }),
        );
        used.add(x).add(y);
        return;
      }
    }
  });

  // A word said as another word may differ in several regions (こーひー → じゅーす): one error.
  const wordsReported = new Set<number>();
  regions.forEach((r, x) => {
    if (used.has(x)) return;
    const k = lastStartAtOrBefore(r.i.start);
    if (wordsReported.has(k)) return;
    const e = wordError(r);
    if (e) wordsReported.add(k);
    errors.push(e ?? moraError(r));
  });
  return errors.sort((p, q) => p.intended.start - q.intended.start || p.spoken.start - q.spoken.start);

  /** A whole content word replaced by another word, or blended with one. */
  function wordError(r: Region): SpeechError | null {
    const k = lastStartAtOrBefore(r.i.start);
    if (k < 0) return null;
    const word = intended.words[k] as IntendedWord;
    const ws = starts[k] as number;
    const we = ws + word.morae.length;
    if (r.i.end > we || (r.i.start === r.i.end && r.i.start === ws)) return null;
    const span: Span = { start: boundary[ws] as number, end: boundary[we] as number };
    const said = spoken.slice(span.start, span.end);
    const saidKana = said.join('');
    if (saidKana === word.kana || said.length === 0) return null;
    const wordSpan: Span = { start: ws, end: we };
    // Another word of this sentence, said in this word's place: horizontal.
    const others = intended.words
      .map((w, j) => ({ w, j }))
      .filter(({ w, j }) => j !== k && w.kana === saidKana && w.morae.length > 0);
    if (others.length > 0 && (word.category !== null || word.morae.length >= 2)) {
      const { source, direction } = nearest(
        others.map(({ j }) => starts[j] as number),
        said.length,
        ws,
      );
      return make({
        unit: 'word',
        type: 'substitution',
        direction,
        class: 'horizontal',
        relation: 'context',
        intended: wordSpan,
        spoken: span,
        source,
      });
    }
    if (!word.category) return null;
    const known = lexicon.byKana.get(saidKana);
    // A word made of morae the sentence has elsewhere (あや → やま) is told mora by mora.
    if (known && !madeOfSentenceMorae(I, said, wordSpan)) {
      const relation = rivalRelation(known, word, said);
      return make({
        unit: 'word',
        type: 'substitution',
        direction: 'none',
        class: 'vertical',
        relation,
        intended: wordSpan,
        spoken: span,
        source: null,
      });
    }
    const blendWith = r.i.start === r.i.end || r.s.start === r.s.end ? null : blendPartner(word, said);
    if (blendWith) {
      const inSentence = intended.words.findIndex((w) => w.kana === blendWith.kana);
      if (inSentence >= 0) {
        const { source, direction } = nearest([starts[inSentence] as number], blendWith.morae.length, ws);
        return make({
          unit: 'word',
          type: 'blend',
          direction,
          class: 'horizontal',
          relation: 'context',
          intended: wordSpan,
          spoken: span,
          source,
        });
      }
      return make({
        unit: 'word',
        type: 'blend',
        direction: 'none',
        class: 'vertical',
        relation: 'same-category',
        intended: wordSpan,
        spoken: span,
        source: null,
      });
    }
    return null;
  }

  /** ぱまき = ぱ(じゃま) + (ね)まき: a prefix of one word and a suffix of a same-category word. */
  function blendPartner(word: IntendedWord, said: readonly string[]): IntendedWord | null {
    // One mora changed is a mora error, not a blend of two words.
    const differing = said.filter((m, k) => word.morae[k] !== m).length;
    if (said.length < 2 || (said.length === word.morae.length && differing <= 1)) return null;
    const candidates = [
      ...(lexicon.byCategory.get(word.category as Category) ?? []),
      ...intended.words.filter((w) => w.category === word.category),
    ];
    for (const other of candidates) {
      if (other.kana === word.kana) continue;
      for (let cut = 1; cut < said.length; cut++) {
        const head = said.slice(0, cut);
        const tail = said.slice(cut);
        // Each word gives a part, not the whole of itself: なまたまご + まご is an addition.
        const fits = (p: readonly string[], q: readonly string[]): boolean =>
          head.length < p.length &&
          tail.length < q.length &&
          same(p.slice(0, head.length), head) &&
          same(q.slice(q.length - tail.length), tail);
        if (fits(word.morae, other.morae) || fits(other.morae, word.morae)) return other;
      }
    }
    return null;
  }

  function lastStartAtOrBefore(pos: number): number {
    let k = -1;
    starts.forEach((s, j) => {
      if (s <= pos && (intended.words[j]?.morae.length ?? 0) > 0) k = j;
    });
    return k;
  }

  function moraError(r: Region): SpeechError {
    const ip = iPart(r);
    const sp = sPart(r);
    const unit: ErrorUnit = 'mora';
    if (sp.length === 0) {
      const found = occurrences(I, ip, r.i);
      if (found.length > 0) {
        const { source, direction } = nearest(found, ip.length, r.i.start);
        return make({
          unit,
          type: 'omission',
          direction,
          class: 'horizontal',
          relation: 'context',
          intended: r.i,
          spoken: r.s,
          source,
        });
      }
      return make({
        unit,
        type: 'omission',
        direction: 'none',
        class: 'vertical',
        relation: 'other',
        intended: r.i,
        spoken: r.s,
        source: null,
      });
    }
    const type: ErrorType = ip.length === 0 ? 'addition' : 'substitution';
    // Two neighbouring morae swapped inside one region: いろどり → いどろり.
    if (ip.length === 2 && same(ip, [sp[1] as string, sp[0] as string])) {
      return make({
        unit,
        type: 'exchange',
        direction: 'none',
        class: 'horizontal',
        relation: 'context',
        intended: r.i,
        spoken: r.s,
        source: r.i,
      });
    }
    const found = occurrences(I, sp, r.i);
    if (found.length > 0) {
      const { source, direction } = nearest(found, sp.length, r.i.start);
      return make({
        unit,
        type,
        direction,
        class: 'horizontal',
        relation: 'context',
        intended: r.i,
        spoken: r.s,
        source,
      });
    }
    // Every said mora occurs elsewhere in the sentence, though not in this order (うず → じょう
    // in a sentence with じょう and ず…): the intruders come from the sentence, horizontal. So
    // when a long region's morae are the sentence's own, some from inside the region itself
    // but said elsewhere in it (ごめなまたまご → むぎまなごめめ): material moved, not an outsider.
    const outside = sp.map((m) => occurrences(I, [m], r.i));
    const anywhere = sp.map((m, k) =>
      (outside[k] as number[]).length > 0 ? (outside[k] as number[]) : occurrences(I, [m], EMPTY_SPAN),
    );
    const displaced = sp.length >= 2 && sp.some((m, k) => m !== ip[k]);
    const elsewhere = outside.every((found) => found.length > 0) ? outside : displaced ? anywhere : outside;
    if (elsewhere.every((found) => found.length > 0)) {
      const { source, direction } = nearest(elsewhere[0] as number[], 1, r.i.start);
      return make({
        unit,
        type,
        direction,
        class: 'horizontal',
        relation: 'context',
        intended: r.i,
        spoken: r.s,
        source,
      });
    }
    // One mora for one, same vowel: is the new consonant heard elsewhere in the sentence?
    if (ip.length === 1 && sp.length === 1) {
      const meant = moraSound(ip[0] as string);
      const said = moraSound(sp[0] as string);
      if (meant.vowel === said.vowel && said.consonant !== '' && said.consonant !== meant.consonant) {
        const sites = I.map((m, k) => ({ m, k }))
          .filter(({ m, k }) => k !== r.i.start && moraSound(m).consonant === said.consonant)
          .map(({ k }) => k);
        if (sites.length > 0) {
          const { source, direction } = nearest(sites, 1, r.i.start);
          return make({
            // The consonant alone was carried over (なまたまご → なまがまご): a phoneme error.
            unit: 'phoneme',
            type,
            direction,
            class: 'horizontal',
            relation: 'context',
            intended: r.i,
            spoken: r.s,
            source,
          });
        }
      }
      const relation: Relation = similarMorae(ip[0] as string, sp[0] as string) ? 'similar-mora' : 'other';
      return make({
        unit,
        type,
        direction: 'none',
        class: 'vertical',
        relation,
        intended: r.i,
        spoken: r.s,
        source: null,
      });
    }
    const similar = ip.length === sp.length && ip.every((m, k) => similarMorae(m, sp[k] as string));
    return make({
      unit,
      type,
      direction: 'none',
      class: 'vertical',
      relation: similar ? 'similar-mora' : 'other',
      intended: r.i,
      spoken: r.s,
      source: null,
    });
  }
}

/**
 * Whether every mora of `said` that differs from what was meant there occurs in the intended
 * sentence outside `span`: then the "new word" is sentence material, a horizontal slip.
 */
function madeOfSentenceMorae(I: readonly string[], said: readonly string[], span: Span): boolean {
  const meant = I.slice(span.start, span.end);
  const changed = said.filter((m, k) => meant[k] !== m);
  return changed.length > 0 && changed.every((m) => occurrences(I, [m], span).length > 0);
}

/**
 * When everything but one content word was said as meant, the error is that word's, whatever
 * the mora alignment inside it (むぶぐ → ねじまき): a substitution by another word of the
 * sentence (horizontal), by a known word (vertical), or a blend. Null otherwise.
 */
/**
 * A whole-word substitution from outside the sentence beside other errors (a word slip, then a
 * mora slip elsewhere): the spoken material where one content word stood, by the mora alignment,
 * would be a vertical word error on its own (singleWordError), and the saying with that word put back has errors of its own,
 * labelled as usual. Null when no word qualifies, or the rest would overlap it.
 */
/** Edit distance (morae) between two sayings. */
function distance(a: readonly string[], b: readonly string[]): number {
  return align(a, b).filter((op) => op !== 'match').length;
}

const SHIFTS: readonly (readonly [number, number])[] = [-3, -2, -1, 0, 1, 2, 3]
  .flatMap((a) => [-3, -2, -1, 0, 1, 2, 3].map((b) => [a, b] as const))
  .sort((x, y) => Math.abs(x[0]) + Math.abs(x[1]) - (Math.abs(y[0]) + Math.abs(y[1])));

function wordAmongOthers(
  intended: Intended,
  spoken: readonly string[],
  lexicon: Lexicon,
): SpeechError[] | null {
  const I = intended.morae;
  const { boundary } = regionsOf(align(I, spoken));
  const starts = wordStarts(intended);
  for (let k = 0; k < intended.words.length; k++) {
    const word = intended.words[k] as IntendedWord;
    if (!word.category) continue;
    const start = starts[k] as number;
    const end = start + word.morae.length;
    // Insertions at a word's edge may be aligned to either side of it: try nearby edges too,
    // nearest first.
    const found = SHIFTS.map(
      ([a, b]) => [(boundary[start] as number) + a, (boundary[end] as number) + b] as const,
    )
      .filter(([p, q]) => p >= 0 && q <= spoken.length && p < q)
      .map(([p, q]) => {
        const said = spoken.slice(p, q);
        if (said.join('') === word.kana) return null;
        const alone = singleWordError(intended, [...I.slice(0, start), ...said, ...I.slice(end)], lexicon);
        // Only a rival from outside the sentence: one from inside may be half of an exchange,
        // which the regions below pair as one error.
        return alone && alone.class === 'vertical' ? { alone, s0: p, s1: q, said } : null;
      })
      .find((x) => x !== null);
    if (!found) continue;
    const { alone, s0, s1, said } = found;
    const restored = [...spoken.slice(0, s0), ...word.morae, ...spoken.slice(s1)];
    // The word put back must bring the saying nearer the intended sentence (so this ends).
    if (distance(I, restored) >= distance(I, spoken)) continue;
    // Greedy, no backtracking: the first word found decides (the rest recurses once per word).
    const rest = outsideErrors(intended, restored, lexicon);
    // Kept only when it explains the saying with no more errors than the plain alignment (a
    // window that borrowed a neighbour's morae would leave an omission behind).
    if (rest.length + 1 > alignedErrors(intended, spoken, lexicon).length) return null;
    const shift = said.length - word.morae.length;
    const back = (span: Span): Span | null => {
      if (span.end <= s0) return span;
      if (span.start >= s0 + word.morae.length) return { start: span.start + shift, end: span.end + shift };
      return null;
    };
    const moved: SpeechError[] = [];
    for (const e of rest) {
      const spokenSpan = back(e.spoken);
      const partner = e.partner ? back(e.partner.spoken) : undefined;
      if (!spokenSpan || partner === null) return null;
      moved.push({
        ...e,
        spoken: spokenSpan,
        ...(e.partner && partner ? { partner: { intended: e.partner.intended, spoken: partner } } : {}),
      });
    }
    const wordError: SpeechError = { ...alone, spoken: { start: s0, end: s1 } };
    return [wordError, ...moved].sort((p, q) => p.intended.start - q.intended.start);
  }
  return null;
}

/** Why a whole rival word won the slot of `word`: its category, else its sound, else neither. */
function rivalRelation(rival: IntendedWord, word: IntendedWord, said: readonly string[]): Relation {
  if (rival.category === word.category) return 'same-category';
  return similarWords(word.morae, said) ? 'similar-word' : 'other';
}

/** Two words that sound alike: the same first or last mora, lengths within one mora; or the same
 *  length, each mora a phonological neighbour of the other's (ひ/じ: one segment apart). */
export function similarWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0 || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length && a.every((m, k) => similarMorae(m, b[k] as string))) return true;
  return a[0] === b[0] || a[a.length - 1] === b[b.length - 1];
}

function singleWordError(
  intended: Intended,
  spoken: readonly string[],
  lexicon: Lexicon,
): SpeechError | null {
  const I = intended.morae;
  let ws = 0;
  for (let k = 0; k < intended.words.length; k++) {
    const word = intended.words[k] as IntendedWord;
    const we = ws + word.morae.length;
    const tail = I.length - we;
    const start = ws;
    ws = we;
    if (!word.category || spoken.length - tail < start) continue;
    if (
      !same(spoken.slice(0, start), I.slice(0, start)) ||
      !same(spoken.slice(spoken.length - tail), I.slice(we))
    )
      continue;
    const said = spoken.slice(start, spoken.length - tail);
    const saidKana = said.join('');
    if (said.length === 0 || saidKana === word.kana) continue;
    const intendedSpan: Span = { start, end: we };
    const spokenSpan: Span = { start, end: spoken.length - tail };
    const base = {
      unit: 'word' as const,
      intended: intendedSpan,
      spoken: spokenSpan,
      intendedText: word.kana,
      spokenText: saidKana,
    };
    const starts = wordStarts(intended);
    const others = intended.words
      .map((w, j) => ({ w, j }))
      .filter(({ w, j }) => j !== k && w.kana === saidKana);
    if (others.length > 0) {
      const { source, direction } = nearest(
        others.map(({ j }) => starts[j] as number),
        said.length,
        start,
      );
      return { ...base, type: 'substitution', direction, class: 'horizontal', relation: 'context', source };
    }
    const known = lexicon.byKana.get(saidKana);
    if (known && !madeOfSentenceMorae(I, said, intendedSpan)) {
      const relation = rivalRelation(known, word, said);
      return { ...base, type: 'substitution', direction: 'none', class: 'vertical', relation, source: null };
    }
    return null;
  }
  return null;
}
