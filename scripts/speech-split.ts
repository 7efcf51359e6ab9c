// Writes assets/speech/split.ts: the ids of the held-out sentences of the tongue-twister corpus.
//   npx tsx scripts/speech-split.ts
// Within each source (twisters, everyday sentences, poem halves, in the order their files list
// them) the sentences are shuffled (Fisher–Yates) by xoroshiro128+ seeded with SPLIT_SEED exactly
// as pure-rand seeds it — the generator the shipped speaker models were trained with, before
// src/data/random.ts began spreading seeds through SplitMix32 — and the first 15 % (rounded) are
// held out. The result is frozen as data, so the split never drifts with the project's RNG.
import { writeFileSync } from 'node:fs';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { corpusSources, HELD_OUT_SHARE, SPLIT_SEED } from '../src/speech/corpus';

function legacyShuffle<T>(items: readonly T[], seed: number): T[] {
  const gen = xoroshiro128plus(seed | 0);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(gen, 0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const ids: string[] = [];
for (const [, sentences] of corpusSources()) {
  const n = Math.round(sentences.length * HELD_OUT_SHARE);
  ids.push(
    ...legacyShuffle(sentences, SPLIT_SEED)
      .slice(0, n)
      .map((s) => s.id),
  );
}
const out = 'assets/speech/split.ts';
writeFileSync(
  out,
  `// Held-out sentence ids of the tongue-twister corpus, written by scripts/speech-split.ts.\n` +
    `// Frozen as data: see src/speech/corpus.ts. Do not edit by hand.\n` +
    `export const HELD_OUT_IDS: readonly string[] = ${JSON.stringify(ids, null, 2)};\n`,
);
console.log(`${out}: ${ids.length} held-out ids`);
