// The tongue-twister lab's guided tour: a twister picked by a seeded draw is said back by the
// repeater, then by the horizontal and the vertical slip speakers, each slip read out in plain
// words from what the speaker really said. The tour presses the lab's own controls (the twister
// list, the speaker switch, the pressure slider, "Say it again"); a saying that comes out right,
// or slips the other way, is said so and the tour asks again — nothing is canned.
import { createRng, type Rng } from '../../../data/random';
import type { Intended, SpeechError } from '../../../speech/annotate';
import type { Sentence } from '../../../speech/corpus';
import type { SpeakMode } from '../../../speech/speaker';
import type { Bilingual } from '../../i18n';
import { testSpeedFromUrl } from '../../testHooks';
import { abortableWait, throwIfStopped, type TourScript, type TourStep } from '../tour/runner';
import { repetitionResult, slipResult, SPEECH_TOUR_TEXT as TT, twisterIntro } from './tourText';

/** What the tour reads from the lab: never a control, only what the lab shows. */
export interface SpeechTourLab {
  readonly root: HTMLElement;
  /** Resolves once the speaker's models are loaded (rejects when they cannot be). */
  readonly ready: Promise<unknown>;
  readonly twisters: readonly Sentence[];
  /** The last saying on screen, or undefined before the first. */
  last(): Said | undefined;
}

export interface Said {
  readonly sentence: Intended;
  readonly mode: SpeakMode;
  readonly spoken: readonly string[];
  readonly errors: readonly SpeechError[];
}

/** Twisters that fit the caption and the screen on one line or two. */
const TOUR_MAX_MORAE = 20;
/** Pressure while the slip speakers talk: slips come often enough to show within a minute. */
export const TOUR_PRESSURE = 50;
/** Sayings per slip step before the tour says it found none and goes on. */
const MAX_SAYINGS = 6;
const RETRY_MS = 2200;
const SHOW_SLIP_MS = 5500;

export function speechTour(lab: SpeechTourLab, refresh: () => void, seed = 15): TourScript {
  const scale = testSpeedFromUrl();
  const wait = (ms: number, signal: AbortSignal) => abortableWait(ms / scale, signal);
  const candidates = lab.twisters.filter((s) => s.morae.length <= TOUR_MAX_MORAE);
  const rng: Rng = createRng(seed);
  let twister: Sentence | undefined;

  const q = <T extends Element>(selector: string): T => {
    const found = lab.root.querySelector<T>(selector);
    if (!found) throw new Error(`the lab has no ${selector}`);
    return found;
  };
  const setMode = (mode: SpeakMode) => {
    const radio = q<HTMLInputElement>(`input[name="speech-mode"][value="${mode}"]`);
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const setPressure = (value: number) => {
    const slider = q<HTMLInputElement>('input[name="pressure"]');
    if (slider.value === String(value)) return;
    slider.value = String(value);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const said = (): Said => {
    const last = lab.last();
    if (!last) throw new Error('the speaker has said nothing');
    return last;
  };

  /** A slip step: reads out the slip of `mode`, or says why not and asks again. */
  const slipStep = (mode: 'horizontal' | 'vertical'): TourStep => {
    // Read from the saying on screen, unless the step is saying why it asks again.
    let override: Bilingual | undefined;
    const current = () => {
      const now = said();
      return slipResult(mode, now.sentence, now.spoken, now.errors);
    };
    return {
      get caption() {
        return override ?? (lab.last() ? current().caption : { ja: '', en: '' });
      },
      holdMs: SHOW_SLIP_MS,
      target: () => lab.root.querySelector('.speech-result'),
      act: async (signal) => {
        override = undefined;
        for (let saying = 1; ; saying++) {
          const result = current();
          refresh();
          if (result.found) {
            // A slip found after a retry gets its own full reading time.
            if (saying > 1) await wait(SHOW_SLIP_MS, signal);
            return;
          }
          if (saying >= MAX_SAYINGS) {
            // Said long enough to be read, like a slip found after a retry.
            override = noSlip(mode, saying);
            refresh();
            await wait(SHOW_SLIP_MS, signal);
            return;
          }
          await wait(RETRY_MS, signal);
          override = {
            ja: `${result.caption.ja} ${TT.slipAgain.ja}`,
            en: `${result.caption.en} ${TT.slipAgain.en}`,
          };
          refresh();
          await wait(RETRY_MS / 2, signal);
          override = undefined;
          q<HTMLButtonElement>('button.again').click();
        }
      },
    };
  };

  return {
    id: 'speech',
    title: TT.title,
    reset: async (signal) => {
      await Promise.race([lab.ready, abortableWait(2 ** 31 - 1, signal)]);
      throwIfStopped(signal);
      twister = rng.pick(candidates);
      q<HTMLButtonElement>('.speech-tabs button[data-source="twister"]').click();
      const mask = q<HTMLInputElement>('input[name="teaching-mask"]');
      if (mask.checked) {
        mask.checked = false;
        mask.dispatchEvent(new Event('change', { bubbles: true }));
      }
    },
    steps: [
      {
        get caption() {
          return twister ? twisterIntro(twister.text) : { ja: '', en: '' };
        },
        holdMs: 5000,
        target: () => lab.root.querySelector('.speech-result'),
        act: () => {
          setMode('intact');
          q<HTMLButtonElement>(`.speech-list button.sentence[data-id="${twister?.id ?? ''}"]`).click();
        },
      },
      {
        get caption() {
          const last = lab.last();
          return last ? repetitionResult(last.sentence, last.spoken) : { ja: '', en: '' };
        },
        holdMs: 5000,
        target: () => lab.root.querySelector('.speech-result'),
      },
      {
        caption: withPressure(TT.horizontalIntro),
        holdMs: 4500,
        target: () => lab.root.querySelector('.speech-controls'),
        act: () => {
          setPressure(TOUR_PRESSURE);
          setMode('horizontal');
        },
      },
      slipStep('horizontal'),
      {
        caption: TT.verticalIntro,
        holdMs: 4000,
        target: () => lab.root.querySelector('.speech-controls'),
        act: () => setMode('vertical'),
      },
      slipStep('vertical'),
    ],
  };
}

function withPressure(text: Bilingual): Bilingual {
  return {
    ja: `${text.ja}プレッシャーを ${TOUR_PRESSURE} に上げます。`,
    en: `${text.en} Pressure goes up to ${TOUR_PRESSURE}.`,
  };
}

function noSlip(mode: 'horizontal' | 'vertical', sayings: number): Bilingual {
  return mode === 'horizontal'
    ? {
        ja: `${sayings} 回言わせても、ヨコ型の誤りは出ませんでした（誤りは確率的です）。`,
        en: `No horizontal slip in ${sayings} sayings this time (slips are sampled).`,
      }
    : {
        ja: `${sayings} 回言わせても、タテ型の誤りは出ませんでした（誤りは確率的です）。`,
        en: `No vertical slip in ${sayings} sayings this time (slips are sampled).`,
      };
}
