import { describe, expect, it } from 'vitest';
import { POEMS } from '../../src/data/poems';
import { decidingPairs, fullReadingPairs, listenerTask, prefixPairs } from '../../src/training/listener';

describe('the listener data set', () => {
  const task = listenerTask();

  it('hears 44 おうことの as お お こ と の, by sound, not as written', () => {
    const poem44 = task.poems[43]!;
    expect(task.sourceVocab.decode(poem44.source).slice(0, 5)).toEqual(['お', 'お', 'こ', 'と', 'の']);
  });

  it('writes the card kana of the lower half, without spaces', () => {
    const poem17 = task.poems[16]!;
    expect(task.targetVocab.decode(poem17.target).join('')).toBe(POEMS[16]!.shimo.card.replace(/ /g, ''));
    expect(task.targetVocab.decode(poem17.target).join('')).toBe('からくれなゐにみつくくるとは');
  });

  it('pairs every prefix of every upper half with its card', () => {
    const pairs = prefixPairs(task);
    const morae = task.poems.reduce((n, p) => n + p.source.length, 0);
    expect(pairs).toHaveLength(morae);
    expect(pairs[0]).toEqual({ source: task.poems[0]!.source.slice(0, 1), target: task.poems[0]!.target });
  });

  it('can keep only short prefixes plus the full reading', () => {
    const pairs = prefixPairs(task, 3);
    expect(pairs).toHaveLength(400);
    expect(pairs[3]!.source).toEqual(task.poems[0]!.source);
    expect(fullReadingPairs(task)).toHaveLength(100);
  });

  describe('built around the deciding sound', () => {
    const key = (ids: readonly number[]) => ids.join(',');
    const targetsOf = (
      pairs: readonly { source: readonly number[]; target: readonly number[] }[],
      no: number,
      n: number,
    ) => {
      const source = key(task.poems[no - 1]!.source.slice(0, n));
      return pairs
        .filter((p) => key(p.source) === source)
        .map((p) => task.poems.findIndex((q) => key(q.target) === key(p.target)) + 1);
    };

    it('pairs a shared opening with every card that opens so, once each, and the deciding prefix with its own card', () => {
      const pairs = decidingPairs(task);
      // あき (2 sounds) opens 1 あきの and 79 あきか; あきか names 79.
      expect(targetsOf(pairs, 79, 2).sort((a, b) => a - b)).toEqual([1, 79]);
      expect(targetsOf(pairs, 79, 3)).toEqual([79]);
      // Up to the deciding sound and `pastDeciding` more, plus the full reading.
      expect(targetsOf(pairs, 79, 4)).toEqual([]);
      expect(targetsOf(decidingPairs(task, { pastDeciding: 1 }), 79, 4)).toEqual([79]);
      expect(targetsOf(pairs, 79, task.poems[78]!.source.length)).toEqual([79]);
    });

    it('repeats the deciding prefix, and the opening a sound shorter for every poem sharing it alike', () => {
      const pairs = decidingPairs(task, { decidingRepeat: 4 });
      expect(targetsOf(pairs, 79, 3)).toEqual([79, 79, 79, 79]);
      const before = targetsOf(pairs, 79, 2);
      expect(before.filter((no) => no === 1)).toHaveLength(4);
      expect(before.filter((no) => no === 79)).toHaveLength(4);
      // あ is one sound short of 3 あし's deciding sound: every あ poem is repeated alike there,
      // 3 (decided at 2 sounds) as often as 31 あさぼらけあ (at 6), or あ would lean to 3.
      const atA = targetsOf(pairs, 79, 1);
      expect(atA.filter((no) => no === 3)).toHaveLength(4);
      expect(atA.filter((no) => no === 31)).toHaveLength(4);
      // あさぼら is no poem's last shared opening (31 and 64 are decided at 6 sounds): once each.
      expect(targetsOf(pairs, 31, 4).sort((a, b) => a - b)).toEqual([31, 64]);
    });

    it('repeats every shorter shared opening too when asked: where a kimariji lands once its rivals are read', () => {
      const every = decidingPairs(task, { decidingRepeat: 4, repeatOpenings: 'every' });
      // あさぼら (31 and 64, decided at 6 sounds) is repeated for both alike, as is あさぼらけ.
      expect(targetsOf(every, 31, 4).sort((a, b) => a - b)).toEqual([31, 31, 31, 31, 64, 64, 64, 64]);
      expect(targetsOf(every, 31, 5).sort((a, b) => a - b)).toEqual([31, 31, 31, 31, 64, 64, 64, 64]);
      // こ-こ: 29 and 68 (decided at 4 sounds), the dynamic kimariji of 68 once 29 is read.
      expect(targetsOf(every, 68, 2).sort((a, b) => a - b)).toEqual([29, 29, 29, 29, 68, 68, 68, 68]);
      expect(targetsOf(decidingPairs(task, { decidingRepeat: 4 }), 68, 2).sort((a, b) => a - b)).toEqual([
        29, 68,
      ]);
      // The deciding prefix and what follows it are as before.
      expect(targetsOf(every, 79, 3)).toEqual([79, 79, 79, 79]);
      expect(targetsOf(every, 79, 4)).toEqual([]);
    });

    it('puts a repeat in as one pair weighted as many times: the same set at a fraction of the pairs', () => {
      const copies = decidingPairs(task, { pastDeciding: 7, decidingRepeat: 4 });
      const weighted = decidingPairs(task, { pastDeciding: 7, decidingRepeat: 4, repeatAs: 'weight' });
      const tally = (pairs: typeof copies) => {
        const counts = new Map<string, number>();
        for (const p of pairs) {
          const key = `${p.source.join(',')}→${p.target.join(',')}`;
          counts.set(key, (counts.get(key) ?? 0) + (p.weight ?? 1));
        }
        return counts;
      };
      expect(tally(weighted)).toEqual(tally(copies));
      expect(weighted.length).toBeLessThan(copies.length * 0.7);
      expect(new Set(weighted.map((p) => p.weight ?? 1))).toEqual(new Set([1, 4]));
      // No pair is in twice: every repeat is a weight.
      expect(new Set(weighted.map((p) => `${p.source.join(',')}→${p.target.join(',')}`)).size).toBe(
        weighted.length,
      );
    });

    it('trains an unlearnt poem, from its deciding sound on, to every rival alike: it is heard, not learnt', () => {
      const known = new Set(task.poems.map((p) => p.no).filter((no) => no !== 31 && no !== 64));
      const pairs = decidingPairs(task, { known, decidingRepeat: 4 });
      // あさぼらけあ (31, deciding at 6 sounds) → 31 and 64 once each, and so is its full reading.
      expect(targetsOf(pairs, 31, 6).sort((a, b) => a - b)).toEqual([31, 64]);
      expect(targetsOf(pairs, 31, task.poems[30]!.source.length).sort((a, b) => a - b)).toEqual([31, 64]);
      // The shared opening is as for any poem; a learnt poem is unchanged.
      expect(targetsOf(pairs, 31, 5).sort((a, b) => a - b)).toEqual([31, 31, 31, 31, 64, 64, 64, 64]);
      expect(targetsOf(pairs, 79, 3)).toEqual([79, 79, 79, 79]);
    });
  });
});
