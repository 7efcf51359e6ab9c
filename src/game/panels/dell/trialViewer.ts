// "Watch one naming trial": records every step of one trial and plays it back slowly on the
// network diagram, with a caption saying what is happening. "Find this error" runs trials until
// one ends in the chosen kind of error, then replays exactly that trial from its saved state.
import { tr, trf } from '../../i18n';
import { el, type LiveTexts } from '../settings/dom';
import { testHooks } from '../../testHooks';
import { CATEGORIES, classifyResponse, type Category } from '../../../speech/dell/classify';
import { spell, wordOf } from '../../../speech/dell/lexicon';
import {
  createSimulator,
  isMixedTrial,
  wordSlipReclassification,
  type DellParams,
  type Frame,
  type TrialResult,
} from '../../../speech/dell/model';
import { fastRng, FastRng } from '../../../speech/dell/noise';
import { createNetworkView } from './networkView';
import { CATEGORY_NAMES, PHASE_TEXT, saidText, T, WORD_GLOSS } from './text';

const FRAME_MS = 550;
const SEARCH_LIMIT = 50_000;

/** What the browser tests read about the trial on the network. */
export interface DellTrialHook {
  selected: string;
  said: string;
  category: Category;
  rescored: boolean;
}

/** The trial on the network, as the guided tour reads it. */
export interface ShownTrial {
  readonly result: TrialResult;
  readonly frames: readonly Frame[];
  /** The frame showing. */
  readonly index: number;
  /** Trials the error search ran to find it (undefined for "Name it once"). */
  readonly foundAt?: number;
}

export interface TrialViewer {
  readonly root: HTMLElement;
  /** What the network shows now; undefined before the first trial. */
  showing(): ShownTrial | undefined;
  relabel(): void;
  dispose(): void;
}

export function createTrialViewer(texts: LiveTexts, params: () => DellParams): TrialViewer {
  let frames: Frame[] = [];
  let result: TrialResult | undefined;
  let index = 0;
  let timer: number | undefined;
  let seed = 1;
  let trialNote: (() => string) | undefined;
  let foundAt: number | undefined;

  const view = createNetworkView();
  const caption = el('p', { class: 'dell-caption', 'data-testid': 'dell-caption', 'aria-live': 'polite' });
  const note = el('p', { class: 'dell-note', 'data-testid': 'dell-trial-note' });
  const verdict = el('p', { class: 'notice dell-verdict', hidden: true, 'data-testid': 'dell-verdict' });
  const scrub = el('input', {
    type: 'range',
    min: 0,
    max: 0,
    value: 0,
    'aria-label': 'step',
    'data-testid': 'dell-step',
  });
  const once = texts.text('button', T.playTrial, { type: 'button', 'data-testid': 'dell-play-trial' });
  const pick = el('select', { 'data-testid': 'dell-error-kind' });
  const find = texts.text('button', T.findError, { type: 'button', 'data-testid': 'dell-find-error' });
  const toggle = texts.text('button', () => tr(timer === undefined ? T.resume : T.pause), {
    type: 'button',
    disabled: true,
  });

  const fillPick = (): void => {
    const chosen = pick.value || 'semantic';
    pick.replaceChildren(
      ...CATEGORIES.filter((c) => c !== 'correct').map((c) =>
        el('option', { value: c, selected: c === chosen }, tr(CATEGORY_NAMES[c])),
      ),
    );
  };

  const labels = () => ({
    semantic: tr(T.semanticLayer),
    words: tr(T.wordLayer),
    phonemes: tr(T.phonemeLayer),
  });

  /** Why the verdict is what it is, when the response string alone does not say. */
  const verdictNote = (trial: TrialResult): string | undefined => {
    const word = tr(WORD_GLOSS[trial.selectedWord]);
    const said = spell(trial.response);
    const spoken = wordOf(trial.response);
    if (trial.rescored && spoken) {
      return trf(T.rescored, {
        word,
        said,
        spoken: tr(WORD_GLOSS[spoken]),
        plain: tr(CATEGORY_NAMES[classifyResponse(trial.response, trial.mixedTrial)]),
        chance: `${Math.round(wordSlipReclassification(params().nonwordOpportunity) * 100)} %`,
      });
    }
    if (trial.phonologicalSlip && trial.category === 'correct') return trf(T.slipToTarget, { word });
    return undefined;
  };

  const paint = (): void => {
    const frame = frames[index];
    if (!frame || !result) return;
    const afterSelection = frame.phase === 'word-jolt' || frame.phase === 'spread-to-phonemes';
    const last = index === frames.length - 1;
    view.show(frame, afterSelection ? result.selectedWord : undefined, last ? result.response : undefined);
    scrub.value = String(index);
    let text = trf(PHASE_TEXT[frame.phase], { step: frame.step, word: tr(WORD_GLOSS[result.selectedWord]) });
    if (last) {
      const said = tr(saidText(spell(result.response), wordOf(result.response)));
      text += ` — ${trf(T.said, { said, category: tr(CATEGORY_NAMES[result.category]) })}`;
    }
    caption.textContent = text;
    const why = last ? verdictNote(result) : undefined;
    verdict.hidden = why === undefined;
    verdict.textContent = why ?? '';
    note.textContent = [trialNote?.(), result.mixedTrial ? tr(T.mixedTrial) : ''].filter(Boolean).join(' · ');
    toggle.textContent = tr(timer === undefined ? T.resume : T.pause);
  };

  const stop = (): void => {
    if (timer !== undefined) window.clearInterval(timer);
    timer = undefined;
  };

  const play = (): void => {
    stop();
    if (index >= frames.length - 1) index = 0;
    timer = window.setInterval(() => {
      if (index >= frames.length - 1) {
        stop();
        paint();
        return;
      }
      index++;
      paint();
    }, FRAME_MS);
    paint();
  };

  const show = (
    rng: FastRng,
    mixed: boolean,
    noteText: (() => string) | undefined,
    searched?: number,
  ): void => {
    frames = [];
    foundAt = searched;
    result = createSimulator(params()).trial(rng, mixed, frames);
    testHooks().dellTrial = {
      selected: result.selectedWord,
      said: spell(result.response),
      category: result.category,
      rescored: result.rescored,
    } satisfies DellTrialHook;
    trialNote = noteText;
    view.reset(mixed, labels());
    scrub.max = String(frames.length - 1);
    index = 0;
    toggle.disabled = false;
    play();
  };

  once.addEventListener('click', () => {
    seed++;
    show(fastRng(seed), isMixedTrial(seed, params().mixedFraction), undefined);
  });

  find.addEventListener('click', () => {
    const wanted = pick.value as Category;
    const simulator = createSimulator(params());
    seed++;
    const rng = fastRng(seed);
    for (let i = 0; i < SEARCH_LIMIT; i++) {
      const saved = rng.state();
      const mixed = isMixedTrial(i, params().mixedFraction);
      if (simulator.trial(rng, mixed).category === wanted) {
        show(new FastRng(saved), mixed, () => trf(T.foundAt, { n: (i + 1).toLocaleString() }), i + 1);
        return;
      }
    }
    stop();
    trialNote = undefined;
    caption.textContent = trf(T.notFound, {
      n: SEARCH_LIMIT.toLocaleString(),
      category: tr(CATEGORY_NAMES[wanted]),
    });
  });

  toggle.addEventListener('click', () => {
    if (timer === undefined) play();
    else {
      stop();
      paint();
    }
  });

  scrub.addEventListener('input', () => {
    stop();
    index = Number(scrub.value);
    paint();
  });

  fillPick();
  pick.value = 'semantic';
  view.reset(false, labels());
  texts.bind(caption, () => (result ? (caption.textContent ?? '') : tr(T.trialInvite)));

  const root = el(
    'section',
    { class: 'card-surface dell-trial', 'data-testid': 'dell-trial' },
    texts.text('h2', T.networkTitle),
    el('div', { class: 'dell-row' }, once, pick, find, toggle, scrub),
    caption,
    verdict,
    note,
    view.svg,
  );

  return {
    root,
    showing: () => (result ? { result, frames, index, foundAt } : undefined),
    relabel() {
      fillPick();
      if (result) {
        view.reset(result.mixedTrial, labels());
        paint();
      } else view.reset(false, labels());
    },
    dispose: stop,
  };
}
