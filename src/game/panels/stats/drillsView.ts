// The drills: 札流し (a card face flipped, pick its kimariji against the clock), 聞き分け (hear an
// upper half up to its kimariji, pick the card among its 友札) and the weak-cards game (a chirashi
// dealt from the player's weakest cards). Dealers are seeded (src/game/stats/drills.ts).
import { withRomaji } from '../../romaji';
import { staticKimariji } from '../../../data/kimariji';
import { poemByNo } from '../../../data/poems';
import { WebAudioBackend, type PlayingClip } from '../../audio/backend';
import { tr, trf, type Bilingual } from '../../i18n';
import { loadSettings } from '../../settings';
import { median, sortCards } from '../../stats/aggregate';
import { kikiwakeRounds, nagashiDeck, weakDeal } from '../../stats/drills';
import { moraMsAtRate } from '../../stats/record';
import { el } from '../settings/dom';
import { cardLabel } from './format';
import type { StatsHooks, View } from './index';
import { T } from './text';

const FLIP_SECONDS = 5;
const FEEDBACK_MS = 700;

function drillSeed(): number {
  const fromUrl = Number(new URLSearchParams(globalThis.location?.search ?? '').get('seed'));
  return Number.isInteger(fromUrl) && fromUrl !== 0 ? fromUrl : Date.now() % 2 ** 31;
}

export function torifudaFace(poem: number, tag: 'div' | 'button' = 'div'): HTMLElement {
  const face = el(tag, {
    class: 'stats-torifuda',
    'data-poem': poem,
    type: tag === 'button' ? 'button' : undefined,
  });
  face.append(...poemByNo(poem).torifuda.map((line) => el('span', {}, line)));
  return face;
}

/** A finished drill's line: right answers and the median answer time. */
function resultLine(
  right: number,
  total: number,
  times: readonly number[],
  missed: readonly number[],
): HTMLElement {
  const box = el(
    'div',
    { 'data-testid': 'drill-result' },
    el('p', {}, trf(T.drillResult, { right, n: total, ms: Math.round(median(times) ?? 0) })),
  );
  if (missed.length) box.append(el('p', {}, trf(T.drillMissed, { cards: missed.map(cardLabel).join('、') })));
  return box;
}

export const renderDrills: View = (root, ctx) => {
  let stopRunning: () => void = () => {};
  const section = (name: Bilingual, help: string, id: string) => {
    const stage = el('div', { class: 'stats-drill-stage', 'data-testid': `${id}-stage` });
    const start = el(
      'button',
      { type: 'button', 'data-testid': `${id}-start` },
      tr(id === 'weak' ? T.play : T.start),
    );
    const box = el(
      'section',
      { class: 'stats-drill', 'data-drill': id },
      el('h3', {}, tr(name)),
      el('p', {}, help),
      start,
      stage,
    );
    root.append(box);
    return { start, stage };
  };
  root.append(el('h2', {}, tr(T.drillsHead)));
  const weakest = sortCards(ctx.stats, 'weakness')
    .filter((s) => s.weakness > 0)
    .map((s) => s.poem);

  const nagashi = section(T.nagashiName, trf(T.nagashiHelp, { s: FLIP_SECONDS }), 'nagashi');
  nagashi.start.addEventListener('click', () => {
    stopRunning();
    stopRunning = runNagashi(nagashi.stage, ctx.hooks, weakest.slice(0, 10));
  });
  const kiki = section(T.kikiName, tr(T.kikiHelp), 'kikiwake');
  kiki.start.addEventListener('click', () => {
    stopRunning();
    const weight = (no: number) => 1 + Math.max(0, ctx.stats[no - 1]?.weakness ?? 0);
    stopRunning = runKikiwake(kiki.stage, ctx.hooks, weight);
  });
  const weak = section(T.weakName, tr(T.weakHelp), 'weak');
  const seed = drillSeed();
  const deal = weakDeal(seed, ctx.stats, 12);
  ctx.hooks.weakDeal = deal;
  weak.stage.append(
    el('p', { 'data-testid': 'weak-deal' }, trf(T.weakDealt, { cards: deal.map(cardLabel).join('、') })),
  );
  weak.start.addEventListener('click', () => ctx.startMatch({ mode: 'chirashi', cards: deal, seed }));
  return () => stopRunning();
};

function runNagashi(stage: HTMLElement, hooks: StatsHooks, focus: readonly number[]): () => void {
  const deck = nagashiDeck(drillSeed(), 20, focus);
  let index = 0;
  let right = 0;
  const times: number[] = [];
  const missed: number[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = () => {
    const flip = deck[index];
    stage.replaceChildren();
    if (!flip) {
      hooks.drill = { kind: 'nagashi', index, total: deck.length, done: true, right };
      stage.append(resultLine(right, deck.length, times, missed));
      return;
    }
    hooks.drill = { kind: 'nagashi', index, total: deck.length, answer: flip.answer, right };
    const shownAt = performance.now();
    const bar = el('div', { class: 'stats-timer', style: 'width:100%' });
    const feedback = el('p', { 'data-testid': 'drill-feedback' });
    const choices = el('div', { class: 'stats-choices' });
    const answerText = flip.choices[flip.answer] ?? '';
    const finish = (picked: number | null) => {
      clearTimeout(timer);
      const ok = picked === flip.answer;
      if (ok) right++;
      else missed.push(flip.poem);
      if (picked !== null) times.push(performance.now() - shownAt);
      [...choices.children].forEach((b, i) => {
        (b as HTMLButtonElement).disabled = true;
        if (i === flip.answer) b.classList.add('right');
        else if (i === picked) b.classList.add('wrong');
      });
      feedback.textContent = ok
        ? tr(T.correct)
        : trf(picked === null ? T.timeUp : T.wrong, { answer: answerText });
      index++;
      timer = setTimeout(show, FEEDBACK_MS);
    };
    flip.choices.forEach((text, i) => {
      const b = el('button', { type: 'button', class: 'kana', 'data-choice': i }, withRomaji(text));
      b.addEventListener('click', () => finish(i));
      choices.append(b);
    });
    stage.append(
      torifudaFace(flip.poem),
      el(
        'div',
        {},
        el('p', {}, trf(T.progress, { i: index + 1, n: deck.length })),
        choices,
        feedback,
        el('div', { style: 'width:240px' }, bar),
      ),
    );
    requestAnimationFrame(() => {
      bar.style.transitionDuration = `${FLIP_SECONDS}s`;
      bar.style.width = '0%';
    });
    timer = setTimeout(() => finish(null), FLIP_SECONDS * 1000);
  };
  show();
  return () => clearTimeout(timer);
}

function runKikiwake(stage: HTMLElement, hooks: StatsHooks, weight: (no: number) => number): () => void {
  const rounds = kikiwakeRounds(drillSeed(), 10, weight);
  const settings = loadSettings();
  const moraMs = moraMsAtRate(settings.readingRate);
  const backend = new WebAudioBackend();
  let index = 0;
  let right = 0;
  const times: number[] = [];
  const missed: number[] = [];
  let timers: ReturnType<typeof setTimeout>[] = [];
  let playing: PlayingClip | null = null;
  let stopped = false;
  const silence = () => {
    timers.forEach(clearTimeout);
    timers = [];
    playing?.stop();
    playing = null;
  };
  const notice = el('p', { class: 'notice', hidden: true }, tr(T.audioOff));

  /** Plays (or shows, without audio) the upper half up to its kimariji. */
  const hear = async (poem: number, heard: HTMLElement) => {
    silence();
    heard.textContent = '';
    const k = staticKimariji(poem);
    const clip = { poem, half: 'kami' } as const;
    const audible = !settings.muted && (await backend.load(clip)) && (await backend.check()) === null;
    if (stopped) return;
    notice.hidden = audible;
    if (audible) playing = backend.play(clip, settings.readingRate, settings.volume, backend.nowMs());
    const start = moraMs(poem, 0);
    k.morae.forEach((mora, i) =>
      timers.push(setTimeout(() => (heard.textContent += mora), moraMs(poem, i) - start)),
    );
    // Stop where the next sound would begin: the player hears exactly the kimariji.
    const end = moraMs(poem, k.length) - start;
    timers.push(
      setTimeout(() => playing?.fadeOut(backend.nowMs(), 60), Math.max(0, end + moraMs(poem, 0) - 60)),
    );
  };

  const show = () => {
    silence();
    const round = rounds[index];
    stage.replaceChildren(notice);
    if (!round) {
      hooks.drill = { kind: 'kikiwake', index, total: rounds.length, done: true, right };
      stage.append(resultLine(right, rounds.length, times, missed));
      return;
    }
    hooks.drill = { kind: 'kikiwake', index, total: rounds.length, answer: round.poem, right };
    const heard = el('div', { class: 'stats-heard', 'data-testid': 'heard' });
    const again = el('button', { type: 'button' }, tr(T.replay));
    again.addEventListener('click', () => void hear(round.poem, heard));
    const feedback = el('p', { 'data-testid': 'drill-feedback' });
    const choices = el('div', { class: 'stats-choices' });
    const shownAt = performance.now();
    for (const poem of round.choices) {
      const card = torifudaFace(poem, 'button');
      card.addEventListener('click', () => {
        if (choices.dataset.answered) return;
        choices.dataset.answered = '1';
        const ok = poem === round.poem;
        if (ok) right++;
        else missed.push(round.poem);
        times.push(performance.now() - shownAt);
        choices.querySelector(`[data-poem="${round.poem}"]`)?.classList.add('right');
        if (!ok) card.classList.add('wrong');
        feedback.textContent = ok ? tr(T.correct) : trf(T.wrong, { answer: cardLabel(round.poem) });
        index++;
        timers.push(setTimeout(show, FEEDBACK_MS * 2));
      });
      choices.append(card);
    }
    stage.append(
      el('div', {}, el('p', {}, trf(T.progress, { i: index + 1, n: rounds.length })), heard, again, feedback),
      choices,
    );
    void hear(round.poem, heard);
  };
  show();
  return () => {
    stopped = true;
    silence();
    backend.dispose();
  };
}
