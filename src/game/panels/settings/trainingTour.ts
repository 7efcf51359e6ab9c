// The training tab's guided tour, "watch it learn": the 2023 talk's model (1 layer, 32 units,
// 4 heads) trained live, first on the talk's objective (teacher-forced accuracy climbs to
// 100 % while it writes 0 of 100 lower halves itself: copying), then on the honest objective
// on the same chart, the talk's run kept faded beside it. Every figure in a caption is read
// from the run's real epoch reports. It sets the tab's own inputs (dispatching input/change as
// typing would) and presses its Start button; autosave is switched off so a looping tour fills
// no storage. A run it started and the visitor took over stays theirs (Pause, Cancel, Save).
import { tr } from '../../i18n';
import { throwIfStopped, type TourScript, type TourStep } from '../tour/runner';
import { liveCaption, waitUntil } from '../tour/live';
import type { StoredEpoch } from '../../storage/models';
import type { TrainingLab } from './trainingSection';

/** The tour's recipe: the talk preset, a rate that shows the honest objective learning within
 * the minute (0.02: 20 of 100 written after 8 epochs on WASM here), the talk's seed. */
export const TOUR_RECIPE = { learningRate: 0.02, batchSize: 32, seed: 2023 } as const;
/** At this rate the talk's objective is at 100 % teacher-forced from its first epoch or second. */
export const TALK_EPOCHS = 2;
/** About 2.5 s an epoch on WASM in headless Chromium on 2 cores, evaluation included. */
export const HONEST_EPOCHS = 8;

const POLL_MS = 100;

export interface TrainingTourLab extends TrainingLab {
  /** Shows the training tab (its tab button pressed). */
  showTab(): void;
}

const until = (condition: () => boolean, signal: AbortSignal) => waitUntil(condition, signal, POLL_MS);

const percent = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '—' : `${Math.round(x * 100)} %`;
const written = (e: StoredEpoch | undefined) =>
  e?.exactMatch === undefined || !Number.isFinite(e.exactMatch) ? '—' : `${e.exactMatch} / ${e.total ?? 100}`;

export function trainingTour(lab: TrainingTourLab): TourScript {
  const field = <T extends HTMLElement>(selector: string): T => {
    const found = lab.form.querySelector<T>(selector);
    if (!found) throw new Error(`the training form has no ${selector}`);
    return found;
  };
  const setValue = (name: string, value: string | number) => {
    const input = field<HTMLInputElement>(`input[name="${name}"]`);
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const choose = (name: string, value: string) => {
    const select = field<HTMLSelectElement>(`select[name="${name}"]`);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const objective = (value: 'talk' | 'honest') => {
    const radio = field<HTMLInputElement>(`input[name="objective"][value="${value}"]`);
    if (!radio.checked) radio.click();
  };
  const active = () => lab.state() === 'running' || lab.state() === 'paused';
  const over = () => !active();
  const epochAt = (k: number) => lab.epochs().find((e) => e.epoch === k);
  const train = async (kind: 'talk' | 'honest', epochs: number, signal: AbortSignal) => {
    objective(kind);
    setValue('epochs', epochs);
    throwIfStopped(signal);
    lab.start.click();
    if (!active()) throw new Error(tr({ ja: '学習を始められませんでした', en: 'training could not start' }));
    await until(() => lab.epochs().length >= 1 || over(), signal);
  };
  // Captions are made when their step comes up, from what the lab shows then.
  const live = liveCaption;
  const epochSteps = (kind: 'talk' | 'honest', epochs: number): TourStep[] =>
    Array.from({ length: epochs }, (_, i) => ({
      caption: live(() => {
        const e = epochAt(i + 1);
        const name =
          kind === 'talk'
            ? { ja: '発表の目的関数', en: "The talk's objective" }
            : { ja: '正直な目的関数', en: 'The honest objective' };
        return {
          ja: `${name.ja}・エポック ${i + 1} / ${epochs}：教師強制の正解率 ${percent(e?.teacherForcedAccuracy)}、自力で書けた下の句 ${written(e)}`,
          en: `${name.en}, epoch ${i + 1} of ${epochs}: teacher-forced accuracy ${percent(e?.teacherForcedAccuracy)}, lower halves written from the input alone ${written(e)}`,
        };
      }),
      holdMs: i + 1 === epochs ? 2500 : 1500,
      target: () => lab.plots,
      act: (signal: AbortSignal) => until(() => lab.epochs().length >= i + 2 || over(), signal),
    }));

  let talkResult: StoredEpoch | undefined;
  return {
    id: 'training',
    title: { ja: 'ガイドツアー：学習を見る', en: 'Guided tour: watch it learn' },
    reset: (signal) => {
      throwIfStopped(signal);
      lab.showTab();
      if (active())
        throw new Error(
          tr({
            ja: '学習中です。ツアーを始めるには、先にその学習を中止してください',
            en: 'A training run is under way: cancel it first to start the tour',
          }),
        );
      if (lab.continuing()) lab.fromScratch.click();
      talkResult = undefined;
    },
    steps: [
      {
        caption: {
          ja: '学習を見る：2023年の発表のモデル（1層・32ユニット・4ヘッド）を、いまこのブラウザで学習させます',
          en: "Watch it learn: the 2023 talk's model (1 layer, 32 units, 4 heads), trained now, in this browser",
        },
        holdMs: 3500,
        target: () => lab.form,
        act: (signal) => {
          throwIfStopped(signal);
          choose('preset', 'talk');
          setValue('learningRate', TOUR_RECIPE.learningRate);
          setValue('batchSize', TOUR_RECIPE.batchSize);
          setValue('seed', TOUR_RECIPE.seed);
          choose('backend', 'auto');
          objective('talk');
          setValue('epochs', TALK_EPOCHS);
          if (lab.autosave.checked) lab.autosave.click();
        },
      },
      {
        caption: {
          ja: 'まず発表と同じ目的関数：正解をずらさずにデコーダーに入れ、教師強制で採点します',
          en: "First the talk's objective: the answer goes into the decoder unshifted, and is scored teacher-forced",
        },
        holdMs: 3000,
        target: () => lab.form.querySelector('.recipe-objective') ?? lab.form,
        act: (signal) => train('talk', TALK_EPOCHS, signal),
      },
      ...epochSteps('talk', TALK_EPOCHS),
      {
        caption: live(() => {
          const e = lab.epochs().at(-1);
          const tf = percent(e?.teacherForcedAccuracy);
          const copying = (e?.teacherForcedAccuracy ?? 0) >= 0.995 && e?.exactMatch === 0;
          return copying
            ? {
                ja: `教師強制 ${tf}、でも自力で書けた下の句は ${written(e)}。これは写しです：どの位置も自分の答えを読んで写しているだけ`,
                en: `Teacher-forced ${tf}, yet it wrote ${written(e)} lower halves itself. This is copying: each position reads its own answer`,
              }
            : {
                ja: `教師強制 ${tf}、自力で書けた下の句 ${written(e)}`,
                en: `Teacher-forced ${tf}; written from the input alone: ${written(e)}`,
              };
        }),
        holdMs: 6000,
        target: () => lab.plots,
        act: async (signal) => {
          talkResult = lab.epochs().at(-1);
          await until(over, signal);
        },
      },
      {
        caption: {
          ja: '次に正直な目的関数：1文字ずらした答えから次の文字を当て、自分の出力だけで書かせて採点します。前の線は薄く残ります',
          en: "Now the honest objective: predict the next character from the answer shifted by one; scored on what it writes alone. The talk's run stays, faded",
        },
        holdMs: 4000,
        target: () => lab.legend,
        act: (signal) => train('honest', HONEST_EPOCHS, signal),
      },
      ...epochSteps('honest', HONEST_EPOCHS),
      {
        caption: live(() => {
          const e = lab.epochs().at(-1);
          const epochs = e?.epoch ?? 0;
          return {
            ja: `正直な目的関数：${epochs} エポックで ${written(e)}（発表の目的関数は ${written(talkResult)}）。書くことを覚えるには、数秒ではなく数分かかります`,
            en: `The honest objective: ${written(e)} after ${epochs} epochs (the talk's objective: ${written(talkResult)}). Learning to write takes minutes, not seconds`,
          };
        }),
        holdMs: 6000,
        target: () => lab.plots,
        act: (signal) => until(over, signal),
      },
    ],
  };
}
