// The one test that reads the held-out sentences (the benchmark is the only other reader): the
// split is pinned to its texts, overlaps nothing in training either way, no training or
// calibration code can reach it, and the shipped repeater says back held-out twisters it never saw.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/random';
import { useNodeBackend } from '../../src/model/backendNode';
import { fileCheckpoint } from '../../src/model/fileHandler';
import { loadCorpus, loadHeldOut } from '../../src/speech/corpus';
import { loadSpeaker, type Speaker } from '../../src/speech/speaker';

const heldOut = loadHeldOut();
const train = loadCorpus().train;

/** The held-out twisters, pinned: a change to the corpus or the hash that moves one fails here. */
const PINNED_TWISTERS = [
  'なまむぎ なまごめ なまたまご',
  'あかまきがみ あおまきがみ きまきがみ',
  'ぼうず が びょうぶ に じょうずに ぼうず の え を かいた',
  'あかかぶとむし きかぶとむし ちゃかぶとむし',
  'うたうたい が うた うたい に きて うた うたえ と いう',
  'しゅじゅつちゅう',
  'びじゅつしつ',
  'ふこうな ふうふ',
  'おやがめ の せなか に こがめ を のせて',
  'その うお あさせ で さしました',
  'はとぽっぽ ほろほろ はひふへほ',
  'うめ の み おちても みもしまい',
];

describe('the held-out sentences', () => {
  it('are pinned: their number per source and the texts of the twisters', () => {
    const count = (source: string) => heldOut.filter((s) => s.source === source).length;
    expect([count('twister'), count('everyday'), count('poem')]).toEqual([12, 61, 21]);
    const twisters = heldOut.filter((s) => s.source === 'twister').map((s) => s.text);
    expect(twisters).toEqual(PINNED_TWISTERS);
  });

  it('neither contain nor sit inside any training sentence', () => {
    const texts = train.map((s) => s.morae.join(''));
    for (const s of heldOut) {
      const text = s.morae.join('');
      expect(texts.filter((t) => t.includes(text) || text.includes(t))).toEqual([]);
    }
  });

  it('are read by no code but the benchmark and this test', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
      });
    const readers = ['src', 'scripts', 'test']
      .flatMap(files)
      .filter((path) => /\bloadHeldOut\b/.test(readFileSync(path, 'utf8')));
    expect(readers.sort()).toEqual([
      'scripts/bench-speech.ts',
      'src/speech/corpus.ts',
      'test/speech/heldout.test.ts',
    ]);
  });
});

describe('the shipped repeater on held-out sentences', () => {
  let speaker: Speaker;
  beforeAll(async () => {
    await useNodeBackend('wasm');
    const loaded = await loadSpeaker((part) => fileCheckpoint(`assets/speech/checkpoints/${part}`));
    if (!loaded.ok) throw new Error(loaded.error.message);
    speaker = loaded.speaker;
  });

  // The shipped repeater says back 93 of the 94 held-out sentences (bench:speech); of the 12
  // twisters among them, all but one are required here.
  it('repeats most held-out tongue twisters exactly, free-running', () => {
    const twisters = heldOut.filter((s) => s.source === 'twister');
    const exact = twisters.filter(
      (s) => speaker.say(s, 'intact', 0, createRng(1)).spoken.join('') === s.morae.join(''),
    );
    expect(exact.length / twisters.length).toBeGreaterThanOrEqual(0.9);
  });
});
