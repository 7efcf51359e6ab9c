// "The opponent's ear" in listening practice: the match's listening Transformer (the shipped
// checkpoint on all 100 poems, at the master's commit point) hears the same reading, sound by
// sound as the text appears, and this box shows what it believes: how many poems the sounds
// still allow, its top candidates with their probabilities (the lower half they would take, in
// kana, with romaji in English) and the moment it decides, set beside the kimariji. Loaded with
// tfjs the first time the lab needs it, so the title's first load stays small.
import { POEMS } from '../../data/poems';
import { getLang, onLangChange, tr, type Bilingual } from '../i18n';
import { OPPONENT_LEVELS } from '../opponents/levels';
import type { TransformerOpponent } from '../opponents/transformer';
import { loadTransformerOpponent } from '../opponents/transformerLoad';
import { el, LiveTexts } from '../panels/settings/dom';
import { testHooks } from '../testHooks';
import {
  cardOpening,
  earMoment,
  earVerdict,
  kanaWithRomaji,
  verdictText,
  type EarMoment,
  type EarVerdict,
} from './ear';

const LEVEL = 'master' as const;
const ALL_POEMS: readonly number[] = POEMS.map((p) => p.no);

export const EAR_TEXT = {
  title: { ja: '相手の耳', en: "The opponent's ear" },
  about: {
    ja: `対戦相手の聴く Transformer（同梱のモデル、百首）が同じ読みを一音ずつ聞き、何首目か考えます。確からしさが ${Math.round(OPPONENT_LEVELS[LEVEL].commitAt * 100)} % を超えたら決めます（名人級）。`,
    en: `The match's listening Transformer (the shipped model, all 100 poems) hears the same reading sound by sound and weighs which poem it is. It decides once it is ${Math.round(OPPONENT_LEVELS[LEVEL].commitAt * 100)} % sure (the master level).`,
  },
  loading: { ja: 'モデルを読み込み中…', en: 'Loading the model…' },
  ready: { ja: '読み上げを待っています', en: 'Waiting for the reading' },
  lower: {
    ja: '下の句の間は聞いていません（上の句で決めます）',
    en: 'Not listening to the lower half (it decides on the upper half)',
  },
  failed: { ja: 'モデルを読み込めませんでした', en: 'The model could not be loaded' },
  undecided: { ja: 'まだ決めていません', en: 'Not decided yet' },
  notDecided: {
    ja: '上の句が終わっても決めませんでした',
    en: 'The upper half ended and it had not decided',
  },
} as const satisfies Record<string, Bilingual>;

/** What the browser tests read about the ear. */
export interface EarHooks {
  state: 'loading' | 'ready' | 'listening' | 'lower' | 'failed';
  poem: number;
  moments: EarMoment[];
  verdict: EarVerdict | null;
}

export interface EarView {
  readonly root: HTMLElement;
  /** Resolves once the model is loaded (false if it could not be). */
  readonly ready: Promise<boolean>;
  /** The upper half of `poem` starts; `unread` are the poems that could be read (it among them). */
  beginReading(poem: number, unread: readonly number[]): void;
  /** One more sound of that upper half was heard. */
  hear(mora: string, index: number, atMs: number): void;
  /** The reading moved on to a lower half (or stopped): the ear stops listening. */
  endReading(): void;
  /** The reading so far: every moment, and the verdict once it decided. */
  readonly moments: readonly EarMoment[];
  readonly verdict: EarVerdict | null;
  /** Upper halves begun since the ear was made (a new reading shows as a new count). */
  readonly readings: number;
  /** The poem being read, and the poems it was read among. */
  readonly reading: { readonly poem: number; readonly unread: readonly number[] } | null;
  /** Calls `fn` after every change; returns the unsubscribe function. */
  onChange(fn: () => void): () => void;
  dispose(): void;
}

export function createEarView(seed: number): EarView {
  const texts = new LiveTexts();
  const status = el('p', { class: 'ear-status', 'data-testid': 'ear-status' });
  const possibleLine = el('p', { class: 'ear-possible', 'data-testid': 'ear-possible' });
  const list = el('ol', { class: 'ear-top', 'data-testid': 'ear-top' });
  const verdictLine = el('p', { class: 'ear-verdict', 'data-testid': 'ear-verdict' });
  const root = el(
    'section',
    { class: 'card-surface listen-ear', 'data-testid': 'ear' },
    el('header', { class: 'ear-header' }, texts.text('h2', EAR_TEXT.title)),
    texts.text('p', EAR_TEXT.about, { class: 'ear-about' }),
    status,
    possibleLine,
    list,
    verdictLine,
  );

  const hooks: EarHooks = { state: 'loading', poem: 0, moments: [], verdict: null };
  testHooks().ear = hooks;
  const listeners = new Set<() => void>();
  let opponent: TransformerOpponent | undefined;
  let disposed = false;
  let state: EarHooks['state'] = 'loading';
  let reading: { poem: number; unread: readonly number[] } | null = null;
  let moments: EarMoment[] = [];
  let verdict: EarVerdict | null = null;
  /** Sounds heard before the model was ready: heard, in order, once it is. */
  let queued: { mora: string; index: number; atMs: number }[] = [];
  let heard: string[] = [];
  let readings = 0;

  const statusText = (): Bilingual => {
    if (state === 'loading') return EAR_TEXT.loading;
    if (state === 'failed') return EAR_TEXT.failed;
    if (state === 'lower') return EAR_TEXT.lower;
    if (state === 'ready' || !reading) return EAR_TEXT.ready;
    const last = moments.at(-1);
    if (!last) return { ja: `${reading.poem}番の上の句を聞いています`, en: `Listening to the upper half` };
    const kana = last.heard.join('');
    return {
      ja: `「${kana}」まで聞こえた`,
      en: `It has heard ${kanaWithRomaji(kana)}`,
    };
  };
  const possibleText = (): Bilingual => {
    const last = moments.at(-1);
    const count = last?.possible ?? reading?.unread.length ?? ALL_POEMS.length;
    return {
      ja: `まだ可能な歌：${count} 首`,
      en: `Poems still possible: ${count}`,
    };
  };

  const paint = () => {
    texts.bind(status, () => tr(statusText()));
    texts.bind(possibleLine, () => tr(possibleText()));
    possibleLine.hidden = state === 'loading' || state === 'failed';
    const last = moments.at(-1);
    list.replaceChildren(
      ...(last?.top ?? []).map((c) => {
        const opening = cardOpening(c.poem);
        const fill = el('span', { class: 'ear-bar-fill' });
        fill.style.width = `${(c.p * 100).toFixed(1)}%`;
        const row = el(
          'li',
          { 'data-poem': c.poem, class: c.poem === last?.decided ? 'decided' : undefined },
          el('span', { class: 'ear-no' }, String(c.poem)),
          el(
            'span',
            { class: 'ear-kana', lang: 'ja' },
            opening.kana,
            getLang() === 'en' ? el('span', { class: 'ear-romaji' }, ` ${opening.romaji}`) : null,
          ),
          el('span', { class: 'ear-bar' }, fill),
          el('span', { class: 'ear-p' }, `${Math.round(c.p * 100)} %`),
        );
        return row;
      }),
    );
    const ended = state === 'lower' && reading && !verdict && moments.length > 0;
    texts.bind(verdictLine, () =>
      tr(
        verdict
          ? verdictText(verdict)
          : ended
            ? EAR_TEXT.notDecided
            : moments.length
              ? EAR_TEXT.undecided
              : { ja: '', en: '' },
      ),
    );
    verdictLine.classList.toggle('decided', verdict !== null);
    Object.assign(hooks, { state, poem: reading?.poem ?? 0, moments, verdict });
    for (const fn of listeners) fn();
  };
  const stopLang = onLangChange(paint);

  const hearNow = (mora: string, index: number, atMs: number) => {
    if (!opponent || !reading) return;
    heard.push(mora);
    opponent.hear({ index, mora, atMs });
    const latest = opponent.latest;
    if (!latest) return;
    const moment = earMoment(heard, reading.unread, latest.belief, latest.decided);
    moments = [...moments, moment];
    verdict ??= earVerdict(moments, reading.poem, reading.unread);
    paint();
  };

  const ready = loadTransformerOpponent(LEVEL, seed).then((loaded) => {
    if (disposed) {
      if (loaded.ok) loaded.opponent.dispose();
      return false;
    }
    if (!loaded.ok) {
      state = 'failed';
      paint();
      return false;
    }
    opponent = loaded.opponent;
    if (state === 'loading') state = reading ? 'listening' : 'ready';
    if (reading) opponent.beginReading({ own: [], other: [], common: [], unread: reading.unread });
    const waiting = queued;
    queued = [];
    for (const q of waiting) hearNow(q.mora, q.index, q.atMs);
    paint();
    return true;
  });

  paint();
  return {
    root,
    ready,
    beginReading(poem, unread) {
      readings += 1;
      reading = { poem, unread: [...unread] };
      moments = [];
      verdict = null;
      heard = [];
      queued = [];
      if (state !== 'loading' && state !== 'failed') state = 'listening';
      // The field is empty: it judges the poem, it never reaches for a card.
      opponent?.beginReading({ own: [], other: [], common: [], unread: reading.unread });
      paint();
    },
    hear(mora, index, atMs) {
      if (!reading || state === 'lower') return;
      if (!opponent) {
        if (state === 'loading') queued.push({ mora, index, atMs });
        return;
      }
      hearNow(mora, index, atMs);
    },
    endReading() {
      if (state === 'listening') state = 'lower';
      paint();
    },
    get moments() {
      return moments;
    },
    get verdict() {
      return verdict;
    },
    get reading() {
      return reading;
    },
    get readings() {
      return readings;
    },
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    dispose() {
      disposed = true;
      listeners.clear();
      stopLang();
      texts.dispose();
      opponent?.dispose();
      opponent = undefined;
    },
  };
}
