// A lab's guided tour on screen: a "Guided tour" button for the lab's header, and while the tour
// plays, a caption bar along the bottom of the window with the step's sentence, its place in the
// tour and the invitation to take over. The visitor's first real touch, click, key or scroll
// stops the tour where it is and leaves the lab to them — the touch itself still does what it
// would (a button pressed is pressed). Synthetic events (the tour pressing the lab's controls)
// are not the visitor's: only trusted events hand over.
//
// A lab opened in kiosk mode, or with `?tour=<lab>` in the URL, starts its tour by itself.
import './tour.css';
import { tr, trf, type Bilingual } from '../../i18n';
import { KIOSK_IDLE_SECONDS } from '../../kiosk/param';
import { testHooks, testSpeedFromUrl } from '../../testHooks';
import { el, LiveTexts } from '../settings/dom';
import { abortableWait, TourRunner, type TourFrame, type TourScript, type TourStep } from './runner';

export const TOUR_TEXT = {
  start: { ja: '▶ ガイドツアー', en: '▶ Guided tour' },
  stop: { ja: '■ ツアーを止める', en: '■ Stop the tour' },
  progress: { ja: 'ツアー {step}/{count}', en: 'Tour {step}/{count}' },
  invite: {
    ja: 'どこかに触れると、ここから自分で操作できます',
    en: 'Touch anywhere to take over from here',
  },
  handedOver: { ja: 'ここからはあなたの番です', en: 'Over to you' },
  failed: { ja: 'ツアーを続けられませんでした', en: 'The tour could not go on' },
} satisfies Record<string, Bilingual>;

/** What the browser tests read about the tour of the open lab. */
export interface TourHooks {
  id: string;
  state: TourFrame['state'];
  step: number;
  count: number;
  pass: number;
  caption: string;
  error?: string;
}

export interface MountedTour {
  /** The button that starts (and while playing, stops) the tour: place it in the lab's header. */
  readonly button: HTMLButtonElement;
  readonly runner: TourRunner;
  /** Starts the tour from its first step. */
  play(): void;
  /** Repaints the caption: for a step whose caption (a getter) changes while its action runs. */
  refresh(): void;
  /** Stops the tour and removes its caption bar and listeners; call from the panel's dispose. */
  dispose(): void;
}

const HANDOVER_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Whether this visit asks labs to start their tour on opening (kiosk, or ?tour=<id>). */
export function tourStartsByItself(id: string, search: string = globalThis.location?.search ?? ''): boolean {
  if (KIOSK_IDLE_SECONDS !== null) return true;
  const wanted = new URLSearchParams(search).get('tour');
  return wanted === id || wanted === 'all';
}

/**
 * Mounts `script`'s tour in the panel `root`. The caption bar is appended to `root`, so it goes
 * with the panel; `dispose` must run when the panel closes.
 */
export function mountTour(root: HTMLElement, script: TourScript): MountedTour {
  // Everything in the bar is repainted on a language change.
  const texts = new LiveTexts(() => paint());
  const button = el('button', { type: 'button', class: 'tour-button', 'data-testid': 'tour' });
  const bar = el('div', { class: 'tour-bar', role: 'status', 'aria-live': 'polite', hidden: true });
  const title = el('p', { class: 'tour-title' });
  const caption = el('p', { class: 'tour-caption', 'data-testid': 'tour-caption' });
  const invite = el('p', { class: 'tour-invite' });
  const progress = el('div', { class: 'tour-progress' });
  const progressFill = el('div', { class: 'tour-progress-fill' });
  progress.append(progressFill);
  bar.append(title, caption, invite, progress);
  root.append(bar);

  let frame: TourFrame = { state: 'idle', step: -1, pass: 0 };
  let step: TourStep | undefined;
  let target: Element | undefined;
  const timeScale = testSpeedFromUrl();
  const hooks: TourHooks = {
    id: script.id,
    state: 'idle',
    step: -1,
    count: script.steps.length,
    pass: 0,
    caption: '',
  };
  testHooks().tour = hooks;

  const outline = (next: Element | undefined) => {
    target?.classList.remove('tour-target');
    target = next;
    if (!target) return;
    target.classList.add('tour-target');
    target.scrollIntoView({ block: 'nearest', behavior: timeScale > 1 ? 'auto' : 'smooth' });
  };

  const paint = () => {
    const playing = frame.state === 'playing';
    button.textContent = tr(playing ? TOUR_TEXT.stop : TOUR_TEXT.start);
    button.setAttribute('aria-pressed', String(playing));
    // The room kept for the bar stays after a handover: taking it away would scroll the panel
    // under the visitor's finger between its pointerdown and its click, and the click would miss.
    if (playing) root.classList.add('touring');
    bar.hidden = !playing && frame.state !== 'failed';
    bar.classList.toggle('failed', frame.state === 'failed');
    title.textContent = tr(script.title);
    if (frame.state === 'failed') {
      caption.textContent = `${tr(TOUR_TEXT.failed)}: ${frame.error ?? ''}`;
      invite.textContent = '';
    } else {
      caption.textContent = step ? tr(step.caption) : '';
      invite.textContent =
        frame.step >= 0
          ? `${trf(TOUR_TEXT.progress, { step: frame.step + 1, count: script.steps.length })} · ${tr(TOUR_TEXT.invite)}`
          : tr(TOUR_TEXT.invite);
    }
    Object.assign(hooks, {
      state: frame.state,
      step: frame.step,
      pass: frame.pass,
      caption: caption.textContent,
      error: frame.error,
    });
  };

  const restartProgress = (holdMs: number) => {
    // A CSS transition from empty to full over the step's hold: how long this caption stays.
    progressFill.style.transition = 'none';
    progressFill.style.width = '0%';
    void progressFill.offsetWidth;
    progressFill.style.transition = `width ${Math.max(0, holdMs)}ms linear`;
    progressFill.style.width = '100%';
  };

  const runner = new TourRunner(script, {
    wait: abortableWait,
    timeScale,
    show: (next, nextStep) => {
      frame = next;
      if (next.state === 'playing') {
        step = nextStep;
        outline(nextStep?.target?.() ?? undefined);
        if (nextStep) restartProgress((nextStep.holdMs ?? 4000) / timeScale);
      } else {
        step = undefined;
        outline(undefined);
      }
      paint();
    },
  });

  const onVisitor = (event: Event) => {
    if (!event.isTrusted || runner.state !== 'playing') return;
    // The tour's own button stops it through its click; any other touch hands the lab over.
    if (event.target instanceof Node && button.contains(event.target)) return;
    runner.stop('handed-over');
  };
  for (const type of HANDOVER_EVENTS)
    window.addEventListener(type, onVisitor, { capture: true, passive: true });

  const play = () => void runner.play();
  button.addEventListener('click', () => {
    if (runner.state === 'playing') runner.stop('stopped');
    else play();
  });
  paint();
  if (tourStartsByItself(script.id)) queueMicrotask(play);

  return {
    button,
    runner,
    play,
    refresh: () => paint(),
    dispose: () => {
      runner.stop('stopped');
      for (const type of HANDOVER_EVENTS) window.removeEventListener(type, onVisitor, { capture: true });
      outline(undefined);
      texts.dispose();
      bar.remove();
    },
  };
}
