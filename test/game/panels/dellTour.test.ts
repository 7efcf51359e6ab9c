// The lexical-access tour's captions, read from real trials and runs of the model: the leaders'
// activations while meaning spreads, the lemma and its margin, what was said and its kind in
// plain words, and the weakened model beside the normal one.
import { describe, expect, it } from 'vitest';
import {
  createSimulator,
  isMixedTrial,
  NORMAL_PARAMS,
  simulate,
  type Frame,
} from '../../../src/speech/dell/model';
import { FastRng, fastRng } from '../../../src/speech/dell/noise';
import type { Category } from '../../../src/speech/dell/classify';
import {
  runSummary,
  selectionCaption,
  spreadCaption,
  TOUR_LOW_S,
  verdictCaption,
  weakenedCaption,
} from '../../../src/game/panels/dell/tour';
import type { ShownTrial } from '../../../src/game/panels/dell/trialViewer';

/** The first trial from `seed` on that ends in `wanted`, recorded frame by frame, as the lab's search does. */
function find(wanted: Category, seed = 3): ShownTrial {
  const simulator = createSimulator(NORMAL_PARAMS);
  const rng = fastRng(seed);
  for (let i = 0; i < 50_000; i++) {
    const saved = rng.state();
    const mixed = isMixedTrial(i, NORMAL_PARAMS.mixedFraction);
    if (simulator.trial(rng, mixed).category !== wanted) continue;
    const frames: Frame[] = [];
    const result = simulator.trial(new FastRng(saved), mixed, frames);
    return { result, frames, index: frames.length - 1, foundAt: i + 1 };
  }
  throw new Error(`no ${wanted}`);
}

describe('the lexical-access tour in plain words', () => {
  it('reads the chart’s run beside the 60 controls', () => {
    const { proportions } = simulate(NORMAL_PARAMS, 1000, 1);
    const text = runSummary(proportions);
    expect(text.en).toContain(`Correct ${(proportions.correct * 100).toFixed(1)} %`);
    expect(text.en).toContain('60 healthy speakers: 96.9 %');
    expect(text.ja).toContain('健常者 60 名は 96.9 %');
  });

  it('names the two leading words with their activations while meaning spreads', () => {
    const trial = find('correct');
    const frame = trial.frames.find((f) => f.phase === 'spread-to-words' && f.step === 8)!;
    const text = spreadCaption(frame);
    expect(text.en).toMatch(
      /step 8 of 8\): cat \d\.\d\d, dog \d\.\d\d \(it shares 3 meaning features with cat\)/,
    );
  });

  it('calls the chosen word the lemma, and says when the wrong one was chosen', () => {
    expect(selectionCaption(find('correct')).en).toMatch(/cat, is chosen \(\d\.\d\d against/);
    expect(selectionCaption(find('correct')).en).toContain('lemma');
    const semantic = find('semantic');
    expect(semantic.result.selectedWord).toBe('DOG');
    expect(selectionCaption(semantic).en).toContain('not cat but dog is chosen');
  });

  it('says what was said and what kind of error it is', () => {
    const semantic = verdictCaption(find('semantic'));
    expect(semantic.en).toContain('Said /dɒg/ (“dog”) → Semantic: a word related in meaning');
    expect(semantic.ja).toContain('意味性');
    const nonword = find('nonword');
    expect(verdictCaption(nonword).en).toContain('Nonword: sounds that make no word');
    expect(verdictCaption(find('correct')).en).toContain('Said /kæt/ (“cat”) → Correct');
  });

  it('puts the weakened model beside the normal one, naming the kind of error that rose most', () => {
    const normal = simulate(NORMAL_PARAMS, 1000, 1).proportions;
    const weak = simulate({ ...NORMAL_PARAMS, s: TOUR_LOW_S }, 1000, 1).proportions;
    const text = weakenedCaption(weak, normal);
    expect(text.en).toContain(`errors rise to ${((1 - weak.correct) * 100).toFixed(1)} %`);
    expect(text.en).toContain(`(normal weights: ${((1 - normal.correct) * 100).toFixed(1)} %)`);
    // At s = 0.02, p = 0.1 formal errors rise most (0.5 % → 4.8 % with seed 1).
    expect(text.en).toContain('The biggest rise: formal');
  });
});
