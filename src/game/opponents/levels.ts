// The Transformer opponent's levels. A level is what a player of that level has and lacks, and
// the model produces the behaviour from it:
// - knowledge: which listener it plays with. The beginner's was trained only on the poems a
//   beginner learns first (kimariji of one or two sounds, 49 poems), the intermediate's on the
//   86 of up to three sounds. They hear the others' openings but were trained, from the
//   deciding sound on, on every rival alike: their belief stays uniform among the rivals;
// - risk: the belief at which it commits. Below certainty it goes on a guessed first sound, and
//   on a 友札 or 大山札 opening its belief is split, so it touches the rival it believes most —
//   a fault that comes from its belief at that moment, never from a dice roll;
// - reaction: a fixed part plus some morae of the reading's own pace, so a slower reading gives
//   the weak levels more time (a beginner thinks in sounds, a master in milliseconds);
// - reach: its hand's speed (reach.ts): distance, the far territory, a sweep in a crowded row.
// Layout and sends follow one policy at every level (tactics.ts).
import type { Bilingual } from '../i18n';
import type { Difficulty } from '../settings/settings';
import type { HandSpeed } from './reach';

/** Which shipped listener a level hears with (assets/checkpoints/…). */
export const KNOWLEDGE = ['all', 'threeSound', 'twoSound'] as const;
export type Knowledge = (typeof KNOWLEDGE)[number];

export interface LevelSpec {
  /** What the match and the results show: the level and what its listener knows. */
  readonly label: Bilingual;
  /** The level alone, for a listener the player trained (its knowledge is theirs). */
  readonly short: Bilingual;
  readonly knowledge: Knowledge;
  /** Commits when its belief in one poem reaches this (risk: lower = more guessing). */
  readonly commitAt: number;
  /** Reaction: fixed ms plus `thinkMorae` of the reading's mora period, with a spread. */
  readonly reactionMs: number;
  readonly thinkMorae: number;
  readonly reactionSdMs: number;
  readonly hand: HandSpeed;
}

export const OPPONENT_LEVELS = {
  beginner: {
    short: { ja: '初心者', en: 'Beginner' },
    label: { ja: '初心者（49首を覚えた）', en: 'Beginner (knows 49 poems)' },
    knowledge: 'twoSound',
    commitAt: 0.45,
    reactionMs: 650,
    thinkMorae: 2.5,
    reactionSdMs: 250,
    hand: { fittsAMs: 150, fittsBMs: 130, crossMs: 200, sweepMsPerCard: 50 },
  },
  intermediate: {
    short: { ja: '中級者', en: 'Intermediate' },
    label: { ja: '中級者（86首を覚えた）', en: 'Intermediate (knows 86 poems)' },
    knowledge: 'threeSound',
    commitAt: 0.6,
    reactionMs: 280,
    thinkMorae: 1,
    reactionSdMs: 100,
    hand: { fittsAMs: 90, fittsBMs: 90, crossMs: 120, sweepMsPerCard: 35 },
  },
  advanced: {
    short: { ja: '上級者', en: 'Advanced' },
    label: { ja: '上級者（百首）', en: 'Advanced (all 100 poems)' },
    knowledge: 'all',
    commitAt: 0.8,
    reactionMs: 300,
    thinkMorae: 0.5,
    reactionSdMs: 70,
    hand: { fittsAMs: 80, fittsBMs: 80, crossMs: 90, sweepMsPerCard: 25 },
  },
  master: {
    short: { ja: '名人級', en: 'Master' },
    label: { ja: '名人級（百首・確信してから取る）', en: 'Master (all 100, takes when sure)' },
    knowledge: 'all',
    commitAt: 0.9,
    reactionMs: 200,
    thinkMorae: 0,
    reactionSdMs: 40,
    hand: { fittsAMs: 50, fittsBMs: 60, crossMs: 50, sweepMsPerCard: 15 },
  },
} as const satisfies Record<Difficulty, LevelSpec>;

export type LevelName = keyof typeof OPPONENT_LEVELS;
export const LEVEL_NAMES = Object.keys(OPPONENT_LEVELS) as LevelName[];

/** Mora period assumed before two morae of a reading have been heard (the recorded pace). */
export const DEFAULT_MORA_MS = 220;

/**
 * The risk policy: the poem it commits to, or null to keep listening. It commits to the poem it
 * believes most once that belief reaches `commitAt`. Deterministic: the model's belief decides.
 */
export function commitChoice(
  belief: ReadonlyMap<number, number>,
  commitAt: number,
): { readonly poem: number; readonly p: number } | null {
  let best: number | null = null;
  let bestP = -1;
  for (const [no, p] of belief)
    if (p > bestP || (p === bestP && best !== null && no < best)) [best, bestP] = [no, p];
  return best !== null && bestP >= commitAt ? { poem: best, p: bestP } : null;
}

/** The reading's pace so far: the median gap between heard morae, ms. */
export function moraPeriod(heardAtMs: readonly number[]): number {
  const gaps = heardAtMs
    .slice(1)
    .map((t, i) => t - (heardAtMs[i] ?? 0))
    .filter((g) => g > 0);
  if (gaps.length === 0) return DEFAULT_MORA_MS;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? DEFAULT_MORA_MS;
}
