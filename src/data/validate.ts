// Checks on poem data, returning problems as values (never throwing), each naming the poem and
// the field: "poem 17: shimo.reading is empty". The tests run these on the real data and on
// deliberately broken entries; a data editor could show them as they are.
import { toMorae } from './mora';
import { GOSHIKI_COLORS, type Poem, type PoemHalf } from './types';

const HIRAGANA = /^[\u3041-\u3096ー]+$/;
const DAKUTEN = /[\u3099\u309a\u309b\u309c]/;
// Historical kana that a modern reading must not contain.
const HISTORICAL_ONLY = /[ゐゑ]/;
const PHRASES = { kami: 3, shimo: 2 } as const;

function phrases(text: string): string[] {
  return text.split(' ').filter((s) => s !== '');
}

function stripDakuten(kana: string): string {
  return kana
    .normalize('NFD')
    .replace(/[\u3099\u309a]/g, '')
    .normalize('NFC');
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function checkHalf(label: string, which: 'kami' | 'shimo', half: PoemHalf | undefined): string[] {
  if (half === undefined || half === null || typeof half !== 'object')
    return [`${label}: ${which} is missing`];
  const problems: string[] = [];
  const want = PHRASES[which];
  for (const field of ['kana', 'card', 'reading'] as const) {
    const text: unknown = half[field];
    const name = `${which}.${field}`;
    if (isBlank(text)) {
      problems.push(`${label}: ${name} is ${typeof text === 'string' ? 'empty' : 'missing'}`);
      continue;
    }
    const parts = phrases(text as string);
    if (parts.length !== want) {
      problems.push(`${label}: ${name} has ${parts.length} phrases, expected ${want}`);
    }
    const bad = parts.find((p) => !HIRAGANA.test(p.normalize('NFC')));
    if (bad !== undefined) problems.push(`${label}: ${name} has characters outside hiragana in "${bad}"`);
  }
  if (!isBlank(half.card)) {
    if (DAKUTEN.test(half.card.normalize('NFD'))) problems.push(`${label}: ${which}.card contains dakuten`);
    else if (!isBlank(half.kana) && half.card !== stripDakuten(half.kana)) {
      problems.push(`${label}: ${which}.card is not ${which}.kana without dakuten`);
    }
  }
  if (!isBlank(half.kana) && !isBlank(half.reading)) {
    // The reading says the same morae as the kana, phrase by phrase (けふ → きょう is two and
    // two); audio timing and historical kimariji rely on it.
    const kana = phrases(half.kana);
    const reading = phrases(half.reading);
    kana.forEach((phrase, i) => {
      const said = reading[i];
      const [want, got] = [toMorae(phrase).length, toMorae(said ?? '').length];
      if (said !== undefined && want !== got) {
        problems.push(
          `${label}: ${which}.reading phrase ${i + 1} has ${got} morae, ${which}.kana has ${want}`,
        );
      }
    });
  }
  if (!isBlank(half.reading) && HISTORICAL_ONLY.test(half.reading)) {
    problems.push(`${label}: ${which}.reading contains historical kana ゐ/ゑ`);
  }
  return problems;
}

function checkTorifuda(label: string, poem: Poem): string[] {
  const lines: unknown = poem.torifuda;
  if (!Array.isArray(lines) || lines.length !== 3 || lines.some((l) => typeof l !== 'string')) {
    return [`${label}: torifuda is not 3 lines`];
  }
  const [first, second, rest] = lines as string[];
  const problems: string[] = [];
  if ([...(first ?? '')].length !== 5 || [...(second ?? '')].length !== 5 || (rest ?? '') === '') {
    problems.push(`${label}: torifuda lines are not 5 / 5 / the rest`);
  }
  const card = poem.shimo?.card;
  if (typeof card === 'string' && lines.join('') !== card.replace(/\s+/g, '')) {
    problems.push(`${label}: torifuda does not spell shimo.card`);
  }
  return problems;
}

/** Problems with one poem; empty when it is well formed. */
export function validatePoem(poem: Poem): string[] {
  const no: unknown = poem?.no;
  const label = typeof no === 'number' ? `poem ${no}` : 'poem ?';
  if (typeof no !== 'number' || !Number.isInteger(no) || no < 0 || no > 100) {
    return [`${label}: no must be an integer from 0 to 100`];
  }
  const problems: string[] = [];
  for (const field of ['poet', 'poetKana', 'kanji'] as const) {
    if (isBlank(poem[field]))
      problems.push(`${label}: ${field} is ${poem[field] === '' ? 'empty' : 'missing'}`);
  }
  if (!isBlank(poem.poetKana) && !HIRAGANA.test(poem.poetKana)) {
    problems.push(`${label}: poetKana has characters outside hiragana`);
  }
  if (!isBlank(poem.kanji) && phrases(poem.kanji).length !== 5) {
    problems.push(`${label}: kanji has ${phrases(poem.kanji).length} phrases, expected 5`);
  }
  problems.push(...checkHalf(label, 'kami', poem.kami), ...checkHalf(label, 'shimo', poem.shimo));
  problems.push(...checkTorifuda(label, poem));
  const colors: readonly unknown[] = GOSHIKI_COLORS;
  if (no === 0 ? poem.goshiki !== null : !colors.includes(poem.goshiki)) {
    problems.push(`${label}: goshiki is ${no === 0 ? 'set on the joka' : 'not one of 桃 青 黄 緑 橙'}`);
  }
  return problems;
}

/**
 * Problems with the list of the 100 poems: each poem's own, plus numbering (poem i + 1 at
 * index i, no gaps or duplicates) and five-colour groups of 20.
 */
export function validatePoems(list: readonly Poem[]): string[] {
  const problems = list.flatMap(validatePoem);
  if (list.length !== 100) problems.push(`the list has ${list.length} poems, expected 100`);
  list.forEach((poem, i) => {
    if (poem?.no !== i + 1) problems.push(`poem ${poem?.no ?? '?'}: found at position ${i + 1}`);
  });
  for (const color of GOSHIKI_COLORS) {
    const count = list.filter((p) => p?.goshiki === color).length;
    if (count !== 20) problems.push(`goshiki ${color} has ${count} poems, expected 20`);
  }
  return problems;
}
