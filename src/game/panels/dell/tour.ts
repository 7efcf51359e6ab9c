// The lexical-access lab's guided tour: the model names the picture 1,000 times on its normal
// weights (the lab's own run, beside the 60 controls), one correct naming is stepped through on
// the network (meaning → words → the chosen word → its sounds), then the lab's error search finds
// a real error, which is replayed and named in plain words, and last the meaning↔word weight s is
// lowered as in an aphasic speaker, and the errors rise. Every figure in a caption is read from
// the lab after it ran; the tour presses only the lab's own controls.
import { CATEGORIES, type Category, type Profile } from '../../../speech/dell/classify';
import { spell, wordOf, wordUnit, WORDS, type Word } from '../../../speech/dell/lexicon';
import { NORMAL_PARAMS, type DellParams, type Frame } from '../../../speech/dell/model';
import { CONTROLS } from '../../../speech/dell/patients';
import type { Bilingual } from '../../i18n';
import { testSpeedFromUrl } from '../../testHooks';
import { abortableWait, throwIfStopped, TourAborted, type TourScript } from '../tour/runner';
import { CATEGORY_GLOSS, CATEGORY_NAMES, saidText, WORD_GLOSS } from './text';
import type { ShownTrial } from './trialViewer';

/** What the tour reads from the lab (the controls it presses are the lab's own elements). */
export interface DellTourLab {
  readonly root: HTMLElement;
  /** The chart's last run, or undefined before the first. */
  lastRun(): { params: DellParams; proportions: Profile } | undefined;
  /** Calls `listener` after each run the chart draws; returns the unsubscribe. */
  onRun(listener: () => void): () => void;
  showing(): ShownTrial | undefined;
}

/** The errors the tour looks for, one per pass in turn: all common enough to find at once. */
export const TOUR_ERROR_KINDS = ['semantic', 'mixed', 'formal', 'nonword'] as const;
/** s while the tour plays an aphasic speaker: weak links from meaning to words. */
export const TOUR_LOW_S = 0.02;
const FRAME_MS = 420;

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const EMPTY: Bilingual = { ja: '', en: '' };

export const DELL_TOUR_TEXT = {
  title: { ja: 'ツアー: Dell モデルが絵の名前を言う', en: 'Tour: the Dell model names a picture' },
  intro: {
    ja: '絵（ねこ）を見て「CAT」と言うまで: 意味 → 単語 → 音。まず健常の重みで 1,000 回呼称させます。',
    en: 'From a picture of a cat to saying “cat”: meaning → word → sounds. First it names the picture 1,000 times on normal weights.',
  },
  oneTrial: {
    ja: '1 回の呼称を一歩ずつ見ます。絵を見ると、CAT の意味特徴 10 個が活性化します（上の段）。',
    en: 'Now one naming, step by step. Seeing the picture lights up CAT’s 10 meaning features (top row).',
  },
} as const satisfies Record<string, Bilingual>;

/** The chart's figures in a sentence, beside the 60 control speakers. */
export function runSummary(proportions: Profile): Bilingual {
  const errors = CATEGORIES.filter((c) => c !== 'correct' && proportions[c] > 0)
    .sort((a, b) => proportions[b] - proportions[a])
    .slice(0, 3);
  const list = (lang: 'ja' | 'en') =>
    errors.map((c) => `${CATEGORY_NAMES[c][lang]} ${pct(proportions[c])}`).join(lang === 'ja' ? '、' : ', ');
  return {
    ja: `正答 ${pct(proportions.correct)}（健常者 60 名は ${pct(CONTROLS.correct)}）。少ない誤りの内訳: ${list('ja') || 'なし'}。`,
    en: `Correct ${pct(proportions.correct)} (60 healthy speakers: ${pct(CONTROLS.correct)}). Its few errors: ${list('en') || 'none'}.`,
  };
}

const activation = (frame: Frame, word: Word): number => frame.activations[wordUnit(word)] ?? 0;

/** The words ranked by activation in a frame, strongest first. */
function ranked(frame: Frame): Word[] {
  return [...WORDS].sort((a, b) => activation(frame, b) - activation(frame, a));
}

/**
 * While meaning spreads to the words: cat and dog (its meaning neighbour) with their real
 * activations, and a sound neighbour when it runs ahead of dog (fed back through shared sounds).
 */
export function spreadCaption(frame: Frame): Bilingual {
  const cat = activation(frame, 'CAT').toFixed(2);
  const dog = activation(frame, 'DOG').toFixed(2);
  const ahead = ranked(frame).find((w) => w !== 'CAT' && w !== 'DOG');
  const sound =
    ahead && activation(frame, ahead) > activation(frame, 'DOG')
      ? {
          ja: `${WORD_GLOSS[ahead].ja} も ${activation(frame, ahead).toFixed(2)}（CAT と共有する音から活性が戻る）。`,
          en: ` ${WORD_GLOSS[ahead].en[0]?.toUpperCase()}${WORD_GLOSS[ahead].en.slice(1)} is at ${activation(frame, ahead).toFixed(2)}, fed back through the sounds it shares with cat.`,
        }
      : EMPTY;
  return {
    ja: `意味から単語へ活性化が広がる（${frame.step}/8 歩）: ${WORD_GLOSS.CAT.ja} ${cat}、意味特徴を 3 つ共有する ${WORD_GLOSS.DOG.ja} ${dog}。${sound.ja}`,
    en: `Activation spreads from meaning to words (step ${frame.step} of 8): cat ${cat}, dog ${dog} (it shares 3 meaning features with cat).${sound.en}`,
  };
}

/** The moment of word selection: the lemma, chosen before its sounds. */
export function selectionCaption(trial: ShownTrial): Bilingual {
  const before = trial.frames.find((f) => f.phase === 'spread-to-words' && f.step === 8);
  const chosen = trial.result.selectedWord;
  const rival = before ? ranked(before).find((w) => w !== chosen) : undefined;
  const margin =
    before && rival
      ? {
          ja: `（${activation(before, chosen).toFixed(2)} 対 ${WORD_GLOSS[rival].ja} ${activation(before, rival).toFixed(2)}）`,
          en: ` (${activation(before, chosen).toFixed(2)} against ${WORD_GLOSS[rival].en} at ${activation(before, rival).toFixed(2)})`,
        }
      : EMPTY;
  return chosen === 'CAT'
    ? {
        ja: `いちばん活性の高い単語 ${WORD_GLOSS.CAT.ja} が選ばれる${margin.ja}。これがレンマ（音より前に選ばれる語）で、さらに 100 の活性を受ける。`,
        en: `The most active word, cat, is chosen${margin.en}: the lemma (the word picked before its sounds), jolted again with 100.`,
      }
    : {
        ja: `ここで誤りが起きる: CAT ではなく ${WORD_GLOSS[chosen].ja} が選ばれた${margin.ja}。音より前、単語を選ぶ段階での誤りです。`,
        en: `Here it goes wrong: not cat but ${WORD_GLOSS[chosen].en} is chosen as the lemma${margin.en} — an error in picking the word, before any sound.`,
      };
}

/** The end of the trial: what was said and what kind of response it is, in plain words. */
export function verdictCaption(trial: ShownTrial): Bilingual {
  const { result } = trial;
  const said = saidText(spell(result.response), wordOf(result.response));
  const kind = CATEGORY_NAMES[result.category];
  const gloss = CATEGORY_GLOSS[result.category];
  const how =
    result.category === 'correct'
      ? EMPTY
      : result.phonologicalSlip
        ? {
            ja: `${WORD_GLOSS[result.selectedWord].ja} を選んだあと、音の段階で滑った。`,
            en: ` ${WORD_GLOSS[result.selectedWord].en} was chosen, then the sounds slipped.`,
          }
        : result.selectedWord !== 'CAT'
          ? { ja: '音は選ばれた語のとおり。', en: ' The sounds followed the chosen word.' }
          : EMPTY;
  const rescored = result.rescored
    ? {
        ja: '（英語では音の誤りの多くが非語になるため、非語として数え直された）',
        en: ' (rescored as a nonword: in English most sound slips make nonwords)',
      }
    : EMPTY;
  return {
    ja: `音素へ活性化が広がり、頭子音・母音・尾子音で最も強い音が選ばれる。発話 ${said.ja} → ${kind.ja}: ${gloss.ja}。${how.ja}${rescored.ja}`,
    en: `Activation flows on to the sounds, and the strongest onset, vowel and coda are chosen. Said ${said.en} → ${kind.en}: ${gloss.en}.${how.en}${rescored.en}`,
  };
}

export function searchCaption(kind: Category): Bilingual {
  return {
    ja: `健常の重みでも誤りはまれに起きます。「${CATEGORY_NAMES[kind].ja}」の誤り（${CATEGORY_GLOSS[kind].ja}）が出るまで呼称を繰り返して探します。`,
    en: `Even normal weights err now and then. The lab names the picture over and over until a ${CATEGORY_NAMES[kind].en.toLowerCase()} error comes up: ${CATEGORY_GLOSS[kind].en}.`,
  };
}

export function foundCaption(trial: ShownTrial): Bilingual {
  if (trial.foundAt === undefined)
    return {
      ja: '探しても見つからなかったので、前の試行のままです。',
      en: 'The search found none, so the network still shows the last trial.',
    };
  const n = (trial.foundAt ?? 0).toLocaleString('en-US');
  return {
    ja: `${trial.foundAt ?? '?'} 回目の呼称で見つかりました。その試行をそのまま再生します。`,
    en: `Found on naming ${n}. The lab replays exactly that trial.`,
  };
}

export function lowerSCaption(from: number): Bilingual {
  return {
    ja: `最後に、意味↔単語の重み s を ${from.toFixed(4)} から ${TOUR_LOW_S.toFixed(4)} に下げます（失語症の患者さんの一部に見られる、意味から語への結びつきの弱さ）。`,
    en: `Last, the meaning↔word weight s goes down from ${from.toFixed(4)} to ${TOUR_LOW_S.toFixed(4)}: weak links from meaning to words, as in some aphasic speakers.`,
  };
}

/** The weakened model against the normal one, both 1,000 namings with the same seed. */
export function weakenedCaption(weak: Profile, normal: Profile | undefined): Bilingual {
  const errorShare = (p: Profile) => 1 - p.correct;
  const rise = CATEGORIES.filter((c) => c !== 'correct').sort(
    (a, b) => weak[b] - (normal?.[b] ?? 0) - (weak[a] - (normal?.[a] ?? 0)),
  )[0] as Category;
  const was = normal
    ? {
        ja: `（健常の重みでは ${pct(errorShare(normal))}）`,
        en: ` (normal weights: ${pct(errorShare(normal))})`,
      }
    : EMPTY;
  const riseWas = normal
    ? { ja: `（${pct(normal[rise])} から）`, en: ` (from ${pct(normal[rise])})` }
    : EMPTY;
  return {
    ja: `s = ${TOUR_LOW_S.toFixed(4)} では誤りが ${pct(errorShare(weak))} に増えた${was.ja}。いちばん増えたのは「${CATEGORY_NAMES[rise].ja}」: ${pct(weak[rise])}${riseWas.ja}。`,
    en: `At s = ${TOUR_LOW_S.toFixed(4)} errors rise to ${pct(errorShare(weak))}${was.en}. The biggest rise: ${CATEGORY_NAMES[rise].en.toLowerCase()}, ${pct(weak[rise])}${riseWas.en}.`,
  };
}

export function dellTour(lab: DellTourLab, refresh: () => void): TourScript {
  const scale = testSpeedFromUrl();
  const wait = (ms: number, signal: AbortSignal) => abortableWait(ms / scale, signal);
  let pass = 0;
  let normalRun: Profile | undefined;

  const q = <T extends Element>(testId: string): T => {
    const found = lab.root.querySelector<T>(`[data-testid="${testId}"]`);
    if (!found) throw new Error(`the lab has no ${testId}`);
    return found;
  };
  const showing = (): ShownTrial => {
    const trial = lab.showing();
    if (!trial) throw new Error('the network shows no trial');
    return trial;
  };
  /** Resolves after the chart's next run that matches `wanted`. */
  const nextRun = (wanted: (params: DellParams) => boolean, signal: AbortSignal, press: () => void) =>
    new Promise<Profile>((resolve, reject) => {
      const stop = lab.onRun(() => {
        const run = lab.lastRun();
        if (!run || !wanted(run.params)) return;
        done();
        resolve(run.proportions);
      });
      const onAbort = () => {
        done();
        reject(new TourAborted());
      };
      const done = () => {
        stop();
        signal.removeEventListener('abort', onAbort);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      press();
    });
  /** Shows frame `index` through the lab's own step slider (which also pauses its playback). */
  const scrubTo = (index: number) => {
    const scrub = q<HTMLInputElement>('dell-step');
    scrub.value = String(index);
    scrub.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const frameIndex = (trial: ShownTrial, phase: Frame['phase'], step: number) =>
    Math.max(
      0,
      trial.frames.findIndex((f) => f.phase === phase && f.step === step),
    );
  /** Steps the slider from the frame showing to `to`, one frame every FRAME_MS. */
  const stepTo = async (to: number, signal: AbortSignal) => {
    for (let i = showing().index + 1; i <= to; i++) {
      await wait(FRAME_MS, signal);
      scrubTo(i);
      refresh();
    }
  };
  const kind = (): Category => TOUR_ERROR_KINDS[(pass - 1) % TOUR_ERROR_KINDS.length] as Category;
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  const isNormal = (p: DellParams) => near(p.s, NORMAL_PARAMS.s) && near(p.p, NORMAL_PARAMS.p);

  return {
    id: 'dell',
    title: DELL_TOUR_TEXT.title,
    reset: () => {
      pass++;
      lab.root.scrollTo({ top: 0 });
    },
    steps: [
      {
        caption: DELL_TOUR_TEXT.intro,
        holdMs: 4500,
        target: () => lab.root.querySelector('.dell-params'),
        act: async (signal) => {
          normalRun = await nextRun(isNormal, signal, () => q<HTMLButtonElement>('dell-normal').click());
        },
      },
      {
        get caption() {
          const run = lab.lastRun();
          return run ? runSummary(run.proportions) : EMPTY;
        },
        holdMs: 6000,
        target: () => lab.root.querySelector('.dell-dist'),
      },
      {
        caption: DELL_TOUR_TEXT.oneTrial,
        holdMs: 3500,
        target: () => lab.root.querySelector('.dell-trial'),
        act: () => {
          q<HTMLButtonElement>('dell-play-trial').click();
          scrubTo(0);
        },
      },
      {
        get caption() {
          const trial = lab.showing();
          const frame = trial?.frames[trial.index];
          return frame && frame.phase === 'spread-to-words' ? spreadCaption(frame) : EMPTY;
        },
        holdMs: 2000,
        target: () => lab.root.querySelector('.dell-network'),
        act: async (signal) => {
          scrubTo(1);
          refresh();
          await stepTo(frameIndex(showing(), 'spread-to-words', 8), signal);
        },
      },
      {
        get caption() {
          const trial = lab.showing();
          return trial ? selectionCaption(trial) : EMPTY;
        },
        holdMs: 5000,
        target: () => lab.root.querySelector('.dell-network'),
        act: () => scrubTo(frameIndex(showing(), 'word-jolt', 0)),
      },
      {
        get caption() {
          const trial = lab.showing();
          return trial && trial.index === trial.frames.length - 1 ? verdictCaption(trial) : EMPTY;
        },
        holdMs: 5500,
        target: () => lab.root.querySelector('.dell-network'),
        act: async (signal) => {
          await stepTo(showing().frames.length - 1, signal);
          refresh();
        },
      },
      {
        get caption() {
          return searchCaption(kind());
        },
        holdMs: 4500,
        target: () => lab.root.querySelector('[data-testid="dell-find-error"]'),
        act: () => {
          const pick = q<HTMLSelectElement>('dell-error-kind');
          pick.value = kind();
          pick.dispatchEvent(new Event('change', { bubbles: true }));
          q<HTMLButtonElement>('dell-find-error').click();
          scrubTo(frameIndex(showing(), 'spread-to-words', 8));
        },
      },
      {
        get caption() {
          const trial = lab.showing();
          if (!trial) return EMPTY;
          const found = foundCaption(trial);
          const chosen = selectionCaption(trial);
          return { ja: `${found.ja}${chosen.ja}`, en: `${found.en} ${chosen.en}` };
        },
        holdMs: 6000,
        target: () => lab.root.querySelector('.dell-network'),
        act: () => scrubTo(frameIndex(showing(), 'word-jolt', 0)),
      },
      {
        get caption() {
          const trial = lab.showing();
          return trial && trial.index === trial.frames.length - 1 ? verdictCaption(trial) : EMPTY;
        },
        holdMs: 6000,
        target: () => lab.root.querySelector('.dell-network'),
        act: async (signal) => {
          await stepTo(showing().frames.length - 1, signal);
          refresh();
        },
      },
      {
        caption: lowerSCaption(NORMAL_PARAMS.s),
        holdMs: 4000,
        target: () => lab.root.querySelector('.dell-params'),
        act: async (signal) => {
          lab.root.scrollTo({ top: 0, behavior: scale > 1 ? 'auto' : 'smooth' });
          await nextRun(
            (p) => near(p.s, TOUR_LOW_S),
            signal,
            () => {
              const s = q<HTMLInputElement>('dell-s');
              s.value = String(TOUR_LOW_S);
              s.dispatchEvent(new Event('input', { bubbles: true }));
            },
          );
          throwIfStopped(signal);
        },
      },
      {
        get caption() {
          const run = lab.lastRun();
          return run ? weakenedCaption(run.proportions, normalRun) : EMPTY;
        },
        holdMs: 6500,
        target: () => lab.root.querySelector('.dell-dist'),
      },
    ],
  };
}
