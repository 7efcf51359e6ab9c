// The listening lab's guided tour, "the opponent makes up its mind": poem 15 (きみがため は…, a
// 大山札 whose pair, 50, shares its first five sounds) is read with the opponent's ear on, and
// the tour pauses the reading at each stage (first sound, five sounds, the decision) while its
// caption says what the ear shows, read from the model's real belief; then a one-sound card
// (87, む…) for contrast. It presses the lab's own controls: Stop, the order menu, Start, Pause.
import { tr, type Bilingual } from '../i18n';
import { throwIfStopped, TourAborted, type TourScript } from '../panels/tour/runner';
import { liveCaption, waitUntil } from '../panels/tour/live';
import type { ReaderState } from './reader';
import { kanaWithRomaji, ordinal, verdictText, type EarMoment, type EarVerdict } from './ear';
import type { EarView } from './earView';

/** A 大山札: decided only at its 6th sound, which the shipped model hears as it comes. */
export const TOUR_LONG_POEM = 15;
/** A one-sound card (むすめふさほせ): decided at its first sound. */
export const TOUR_SHORT_POEM = 87;
/** The stage of the long poem shown while it is still split: きみがため, five sounds. */
const SPLIT_AT = 5;

export interface ListenLab {
  readonly start: HTMLButtonElement;
  readonly stop: HTMLButtonElement;
  /** Pause / Resume (one button). */
  readonly pause: HTMLButtonElement;
  readonly joka: HTMLInputElement;
  readonly firstPoem: HTMLSelectElement;
  readonly earToggle: HTMLInputElement;
  readonly earBox: HTMLElement;
  /** Switches the ear on (as the visitor would) and resolves once its model is loaded. */
  ear(): Promise<EarView | undefined>;
  readerState(): ReaderState;
}

const POLL_MS = 40;

const until = (condition: () => boolean, signal: AbortSignal) => waitUntil(condition, signal, POLL_MS);

function setChecked(input: HTMLInputElement, checked: boolean): void {
  if (input.checked === checked) return;
  input.checked = checked;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** "15 56 %, 50 44 %": the candidates listed, as the box shows them. */
function candidates(moment: EarMoment | undefined, n = 3): string {
  return (moment?.top ?? [])
    .slice(0, n)
    .map((c) => `${c.poem}: ${Math.round(c.p * 100)} %`)
    .join(', ');
}

export function listenTour(lab: ListenLab): TourScript {
  let ear: EarView | undefined;
  /** The two readings' verdicts of this pass, for the closing caption. */
  const verdicts: { long?: EarVerdict | null; short?: EarVerdict | null } = {};
  const moment = (sounds: number): EarMoment | undefined => ear?.moments[sounds - 1];
  const heardText = (sounds: number): { ja: string; en: string } => {
    const kana = moment(sounds)?.heard.join('') ?? '';
    return { ja: `「${kana}」`, en: kanaWithRomaji(kana) };
  };
  // Captions are made when their step comes up, from what the lab shows then.
  const live = liveCaption;

  /** Stops any reading, puts `poem` first in the order, no 序歌, and waits for the ear's model. */
  const prepare = async (poem: number, signal: AbortSignal) => {
    if (!lab.stop.disabled) lab.stop.click();
    setChecked(lab.joka, false);
    choose(lab.firstPoem, String(poem));
    ear = await lab.ear();
    throwIfStopped(signal);
    if (!ear)
      throw new Error(tr({ ja: 'モデルを読み込めませんでした', en: 'the model could not be loaded' }));
  };
  const read = async (poem: number, signal: AbortSignal) => {
    throwIfStopped(signal);
    const before = ear?.readings ?? 0;
    lab.start.click();
    await until(() => (ear?.readings ?? 0) > before && ear?.reading?.poem === poem, signal);
  };
  const upperHalfOver = () => {
    const state = lab.readerState();
    return state === 'awaitingSettle' || state === 'finished' || state === 'stopped' || state === 'idle';
  };

  /** Resolves as soon as the ear shows `stage` (the lab's Pause pressed at that very sound). */
  const pauseAt = (stage: () => boolean, signal: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const done = () => {
        stopWatching();
        signal.removeEventListener('abort', onAbort);
        clearInterval(poll);
        resolve();
      };
      const check = () => {
        if (signal.aborted) return;
        if (stage()) {
          if (lab.readerState() === 'reading') lab.pause.click();
          done();
        } else if (upperHalfOver()) done();
      };
      const onAbort = () => {
        stopWatching();
        clearInterval(poll);
        reject(new TourAborted());
      };
      const stopWatching = ear?.onChange(check) ?? (() => {});
      // The half can end without a new sound: look at the reader now and then too.
      const poll = setInterval(check, POLL_MS);
      signal.addEventListener('abort', onAbort, { once: true });
      check();
    });
  const resume = (signal: AbortSignal) => {
    throwIfStopped(signal);
    if (lab.readerState() === 'paused') lab.pause.click();
  };
  const heardAtLeast = (n: number) => () => (ear?.moments.length ?? 0) >= n;
  const verdictCaption = live(() =>
    ear?.verdict
      ? verdictText(ear.verdict)
      : { ja: '上の句が終わっても決めませんでした', en: 'The upper half ended and it had not decided' },
  );
  const readingOn: Bilingual = { ja: '続けて聞きます…', en: 'Listening on…' };

  return {
    id: 'listen',
    title: { ja: 'ガイドツアー：相手が心を決めるまで', en: 'Guided tour: the opponent makes up its mind' },
    reset: (signal) => {
      throwIfStopped(signal);
      verdicts.long = verdicts.short = undefined;
      if (!lab.stop.disabled) lab.stop.click();
    },
    steps: [
      {
        caption: {
          ja: `対戦相手のモデルが、あなたと同じ読みを一音ずつ聞きます（下の枠）。まず ${TOUR_LONG_POEM}番：${TOUR_LONG_POEM}番と50番は最初の5音が同じです`,
          en: `The match's model hears the reading with you, sound by sound (the box below). First poem ${TOUR_LONG_POEM}: it and poem 50 share their first five sounds`,
        },
        holdMs: 4500,
        target: () => lab.earBox,
        act: async (signal) => {
          await prepare(TOUR_LONG_POEM, signal);
        },
      },
      {
        caption: {
          ja: '読み始めます。最初の一音で止めます',
          en: 'The reading starts. The tour pauses after the first sound',
        },
        holdMs: 1200,
        act: async (signal) => {
          await read(TOUR_LONG_POEM, signal);
          await pauseAt(heardAtLeast(1), signal);
        },
      },
      {
        caption: live(() => {
          const m = moment(1);
          const heard = heardText(1);
          return {
            ja: `${heard.ja}まで聞こえた — まだ ${m?.possible ?? '?'} 首の可能性。モデルの見立て：${candidates(m)}`,
            en: `It has heard ${heard.en} — ${m?.possible ?? '?'} poems still possible. The model's belief: ${candidates(m)}`,
          };
        }),
        holdMs: 5500,
        target: () => lab.earBox,
      },
      {
        caption: readingOn,
        holdMs: 800,
        act: async (signal) => {
          resume(signal);
          await pauseAt(() => heardAtLeast(SPLIT_AT)() || Boolean(ear?.verdict), signal);
        },
      },
      {
        caption: live(() => {
          const m = moment(SPLIT_AT);
          const heard = heardText(SPLIT_AT);
          if (ear?.verdict && ear.verdict.atSound <= SPLIT_AT) return verdictText(ear.verdict);
          return {
            ja: `${heard.ja}まで聞こえた — まだ ${m?.possible ?? '?'} 首。どちらか決められません（${candidates(m, 2)}）`,
            en: `It has heard ${heard.en} — still ${m?.possible ?? '?'} poems. It cannot tell which yet (${candidates(m, 2)})`,
          };
        }),
        holdMs: 5500,
        target: () => lab.earBox,
      },
      {
        caption: readingOn,
        holdMs: 800,
        act: async (signal) => {
          resume(signal);
          await pauseAt(() => Boolean(ear?.verdict), signal);
        },
      },
      {
        caption: verdictCaption,
        holdMs: 6500,
        target: () => lab.earBox,
        act: (signal) => {
          throwIfStopped(signal);
          verdicts.long = ear?.verdict;
        },
      },
      {
        caption: {
          ja: `比べて、一字決まりの札：${TOUR_SHORT_POEM}番。「む」で始まる歌はこれだけです`,
          en: `Now a one-sound card, poem ${TOUR_SHORT_POEM}: it is the only poem that begins with む (mu)`,
        },
        holdMs: 4000,
        target: () => lab.earBox,
        act: async (signal) => {
          await prepare(TOUR_SHORT_POEM, signal);
          await read(TOUR_SHORT_POEM, signal);
          await pauseAt(() => Boolean(ear?.verdict), signal);
        },
      },
      {
        caption: verdictCaption,
        holdMs: 6500,
        target: () => lab.earBox,
        act: (signal) => {
          throwIfStopped(signal);
          verdicts.short = ear?.verdict;
        },
      },
      {
        caption: live(() => {
          const summary = (poem: number, v: EarVerdict | null | undefined) =>
            v
              ? {
                  ja: `${poem}番は${v.atSound}音目（決まり字${v.kimariji}音）`,
                  en: `poem ${poem} at the ${ordinal(v.atSound)} sound (kimariji: ${v.kimariji})`,
                }
              : { ja: `${poem}番は決めないまま`, en: `poem ${poem} never` };
          const long = summary(TOUR_LONG_POEM, verdicts.long);
          const short = summary(TOUR_SHORT_POEM, verdicts.short);
          return {
            ja: `モデルが決めたのは、${long.ja}、${short.ja}。聞こえた音だけで決めています。もう一度最初から`,
            en: `It decided ${long.en}, and ${short.en}, from the sounds heard alone. Again from the top`,
          };
        }),
        holdMs: 5000,
        act: (signal) => {
          throwIfStopped(signal);
          if (!lab.stop.disabled) lab.stop.click();
        },
      },
    ],
  };
}
