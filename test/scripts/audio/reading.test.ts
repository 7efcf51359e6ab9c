import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JOKA, POEMS } from '../../../src/data/poems';
import { toMorae } from '../../../src/data/mora';
import { parseWords, planHolds, relabel, retime, type Word } from '../../../scripts/audio/reading';
import type { Phoneme } from '../../../scripts/audio/labels';

const word = (surface: string, morae: number, startsAccentPhrase = true): Word => ({
  surface,
  morae,
  startsAccentPhrase,
  isBreak: false,
});
const BREAK: Word = { surface: '　', morae: 0, startsAccentPhrase: true, isBreak: true };

describe('parseWords', () => {
  it("reads Open JTalk's word list: mora counts, accent-phrase chaining and phrase breaks", () => {
    const trace = [
      '[Text analysis result]',
      'かす,名詞,一般,*,*,*,*,かす,カス,カス,1/2,C1,-1',
      'が,助詞,格助詞,一般,*,*,*,が,ガ,ガ,0/1,名詞%F1,1',
      '　,記号,空白,*,*,*,*,　,、,、,0/0,*,0',
      'わが,連体詞,*,*,*,*,*,わが,ワガ,ワガ,1/2,*,0',
      '',
      '[Output label]',
    ].join('\n');
    expect(parseWords(trace)).toEqual([
      { surface: 'かす', morae: 2, startsAccentPhrase: true, isBreak: false },
      { surface: 'が', morae: 1, startsAccentPhrase: false, isBreak: false },
      { surface: '　', morae: 0, startsAccentPhrase: true, isBreak: true },
      { surface: 'わが', morae: 2, startsAccentPhrase: true, isBreak: false },
    ]);
    expect(() => parseWords('no analysis')).toThrow(/Text analysis/);
  });
});

describe('planHolds', () => {
  it('holds an upper half as a competition reader does: あきのたのーかりおのいおのｰとまをあらーみー', () => {
    const words = [word('あき', 2), word('の', 1, false), word('た', 1), word('の', 1, false), BREAK]
      .concat([word('かりお', 3), word('の', 1, false), word('いお', 2), word('の', 1, false), BREAK])
      .concat([word('とま', 2), word('を', 1, false), word('あら', 2), word('み', 1, false)]);
    expect([...planHolds([5, 7, 6], words, 'kami')].sort(([a], [b]) => a - b)).toEqual([
      [4, 'long'],
      [11, 'short'],
      [16, 'long'],
      [17, 'final'],
    ]);
  });

  it('holds a lower half as a competition reader does: わがｰころもでわーつゆにぬれーつつ', () => {
    const words = [word('わが', 2), word('ころもで', 4), word('わ', 1, false), BREAK].concat([
      word('つゆ', 2),
      word('に', 1, false),
      word('ぬれ', 2),
      word('つつ', 2, false),
    ]);
    expect([...planHolds([7, 7], words, 'shimo')].sort(([a], [b]) => a - b)).toEqual([
      [1, 'short'],
      [6, 'long'],
      [11, 'long'],
      [13, 'final'],
    ]);
  });
});

describe('relabel', () => {
  it('rewrites each phoneme context from its new neighbours and keeps the other fields', () => {
    const labels = ['xx^xx-sil+k=a/A:1', 'xx^sil-k+a=pau/A:2', 'sil^k-a+pau=n/A:3', 'a^pau-n+o=sil/A:4'];
    // The pause is gone and the vowel is held: a sustained copy, then the vowel itself.
    const kept = [labels[0]!, labels[1]!, labels[2]!, labels[2]!, labels[3]!];
    expect(relabel(kept)).toEqual([
      'xx^xx-sil+k=a/A:1',
      'xx^sil-k+a=a/A:2',
      'sil^k-a+a=n/A:3',
      'k^a-a+n=xx/A:3',
      'a^a-n+xx=xx/A:4',
    ]);
  });
});

describe('retime', () => {
  const p = (phoneme: string, startMs: number, endMs: number): Phoneme => ({ phoneme, startMs, endMs });
  const labels = [
    { phoneme: p('sil', 0, 500), label: 'xx^xx-sil+k=a/A:' },
    { phoneme: p('k', 500, 560), label: 'xx^sil-k+a=pau/A:' },
    { phoneme: p('a', 560, 660), label: 'sil^k-a+pau=s/A:' },
    { phoneme: p('pau', 660, 900), label: 'k^a-pau+s=U/A:' },
    { phoneme: p('s', 900, 980), label: 'a^pau-s+U=sil/A:' },
    { phoneme: p('U', 980, 1040), label: 'pau^s-U+sil=xx/A:' },
    { phoneme: p('sil', 1040, 2000), label: 's^U-sil+xx=xx/A:' },
  ];
  const lengths = { long: 700, short: 400, final: 900 };
  const out = retime(
    labels,
    new Map([
      [0, 'long'],
      [1, 'final'],
    ]),
    [2, 5],
    {
      tempo: 1.5,
      lengths,
      leadMs: 100,
      tailMs: 150,
    },
  );

  it('drops the pause, stretches by the tempo, holds the held sounds, in whole 5 ms frames', () => {
    expect(out.spans).toEqual([
      p('sil', 0, 100),
      p('k', 100, 190),
      p('a', 190, 890), // held long: 700 ms
      null,
      p('s', 890, 1010),
      p('u', 1010, 1910), // a held devoiced vowel is voiced
      p('sil', 1910, 2060),
    ]);
    expect(out.phonemes.every((ph) => ph.startMs % 5 === 0 && ph.endMs % 5 === 0)).toBe(true);
  });

  it('writes each held sound as its sustained part and then its own natural ending', () => {
    const lines = out.label.trim().split('\n');
    expect(lines.map((l) => l.split(' ').slice(0, 2).join('-'))).toEqual([
      '0-1000000',
      '1000000-1900000',
      '1900000-7400000', // あ sustained (550 ms) …
      '7400000-8900000', // … then its natural 150 ms
      '8900000-10100000',
      '10100000-18200000',
      '18200000-19100000',
      '19100000-20600000',
    ]);
    expect(lines[2]).toContain(' sil^k-a+a=s/');
    expect(lines[3]).toContain(' k^a-a+s=u/');
    expect(lines[5]).toContain(' a^s-u+u=sil/');
    expect(lines[6]).toContain(' s^u-u+sil=xx/');
  });
});

/** The reference's competition marks as index → 'long' | 'short' (after which mora). */
function referenceHolds(marked: string): Map<number, string> {
  const holds = new Map<number, string>();
  let plain = '';
  for (const c of marked) {
    if (c === 'ー' || c === 'ｰ') holds.set(toMorae(plain).length - 1, c === 'ー' ? 'long' : 'short');
    else plain += c;
  }
  return holds;
}

/** ../shared/reference from the main checkout; a worktree sits one level deeper. */
const REFERENCE =
  ['../shared/reference/hyakunin-isshu.json', '../../shared/reference/hyakunin-isshu.json'].find((f) =>
    existsSync(f),
  ) ?? '';

describe('the holds written into assets/audio/timings.json', () => {
  const timings = JSON.parse(readFileSync('assets/audio/timings.json', 'utf8')) as {
    clips: Record<string, { holds?: Record<string, string> }>;
  };

  it('give every half held phrase ends and a held last sound, and no hold past the end', () => {
    for (const poem of [JOKA, ...POEMS]) {
      for (const half of ['kami', 'shimo'] as const) {
        const id = `${poem.no === 0 ? 'joka' : String(poem.no).padStart(3, '0')}-${half}`;
        const holds = timings.clips[id]?.holds ?? {};
        const morae = toMorae(poem[half].reading).length;
        expect(holds[String(morae - 1)], id).toBe('final');
        expect(
          Object.keys(holds).every((i) => Number(i) < morae),
          id,
        ).toBe(true);
        expect(Object.keys(holds).length, id).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it.skipIf(REFERENCE === '')(
    'agree with the competition marks of ../shared/reference on most holds (a cross-check)',
    () => {
      const reference = JSON.parse(readFileSync(REFERENCE, 'utf8')) as Record<string, string | number>[];
      let agree = 0;
      let total = 0;
      for (const entry of reference) {
        for (const half of ['kami', 'shimo'] as const) {
          const id = `${String(entry.no).padStart(3, '0')}-${half}`;
          const ours = timings.clips[id]?.holds ?? {};
          const theirs = referenceHolds(String(entry[`kyougi_${half}`]));
          const length = toMorae(String(entry[`${half}_reading`]).replace(/\s/g, '')).length;
          theirs.delete(length - 1); // the last sound: held (upper) or carried into the 余韻
          for (const [index, kind] of theirs) {
            total += 1;
            if (ours[String(index)] === kind) agree += 1;
          }
        }
      }
      console.log(`holds agreeing with the reference: ${agree}/${total}`);
      expect(agree / total).toBeGreaterThan(0.8);
    },
  );
});
