// 読み上げ練習 / Listening practice: the reader on its own, through a shuffled deck (or one poem
// first), with the text appearing mora by mora and a level bar that moves with the voice. "Next"
// stands for the settled take of a match. "The opponent's ear" (earView.ts, loaded with tfjs when
// first shown) lets the match's listening model hear the same reading and shows its belief. Its
// guided tour (listenTour.ts) plays a 6-sound and a 1-sound poem. Opened from the title menu.
import './listen.css';
import { Howler } from 'howler';
import { toMorae } from '../../data/mora';
import { POEMS, poemByNo } from '../../data/poems';
import { createRng } from '../../data/random';
import { tr, type Bilingual } from '../i18n';
import { romajiFor } from '../romaji';
import { el, LiveTexts } from '../panels/settings/dom';
import { openPanel, type PanelHandle } from '../panels/host';
import { mountTour } from '../panels/tour/tourView';
import { loadSettings } from '../settings';
import { testHooks } from '../testHooks';
import { Reader } from './reader';
import type { ClipRef } from './timings';
import type { EarView } from './earView';
import { listenTour } from './listenTour';

export const LISTEN_PANEL_KEY = 'listen';

/** What the browser tests read: every event with its time, and the loudest level seen. */
export interface ListenHooks {
  state: string;
  /** atMs: when the sound reached the listener; lagMs: how much later the page heard of it. */
  events: { type: string; text: string; atMs: number; lagMs: number }[];
  notices: string[];
  peakLevel: number;
}

const STATUS: Readonly<Record<string, Bilingual>> = {
  loading: { ja: '読み込み中…', en: 'Loading…' },
  reading: { ja: '読み上げ中', en: 'Reading' },
  yoin: { ja: '余韻', en: 'Held last sound (余韻)' },
  pause: { ja: '間', en: 'Pause' },
  awaitingSettle: { ja: '上の句まで。「次へ」で続きを読みます', en: 'Upper half read. “Next” reads on.' },
  paused: { ja: '一時停止中', en: 'Paused' },
  finished: { ja: '読み終わりました', en: 'All read' },
  stopped: { ja: '止めました。「読み始める」でもう一度', en: 'Stopped. “Start reading” reads again.' },
};

/** Indices of the morae that begin a phrase (after the first), to space the line as written. */
function phraseStarts(clip: ClipRef): Set<number> {
  const poem = poemByNo(clip.poem);
  const starts = new Set<number>();
  let count = 0;
  for (const phrase of poem[clip.half].reading.split(/\s+/)) {
    if (count > 0) starts.add(count);
    count += toMorae(phrase).length;
  }
  return starts;
}

function halfName(clip: ClipRef): Bilingual {
  const half = clip.half === 'kami' ? { ja: '上の句', en: 'upper half' } : { ja: '下の句', en: 'lower half' };
  if (clip.poem === 0) return { ja: `序歌 ${half.ja}`, en: `Prelude (序歌), ${half.en}` };
  return { ja: `${clip.poem}番 ${half.ja}`, en: `Poem ${clip.poem}, ${half.en}` };
}

export function openListenPanel(onClose?: () => void): PanelHandle {
  return openPanel(
    LISTEN_PANEL_KEY,
    (root, handle) => {
      const texts = new LiveTexts();
      const params = new URLSearchParams(location.search);
      const seed = Number(params.get('seed') ?? Date.now() % 2 ** 31);
      const hooks: ListenHooks = { state: 'idle', events: [], notices: [], peakLevel: 0 };
      testHooks().listen = hooks;

      const notice = el('p', { class: 'notice', hidden: true, role: 'status' });
      const heading = el('p', { class: 'listen-half', 'data-testid': 'half' });
      const line = el('p', { class: 'listen-line', lang: 'ja', 'data-testid': 'line' });
      const romajiLine = el('p', { class: 'listen-romaji', 'data-testid': 'romaji' });
      romajiLine.hidden = true;
      const status = el('p', { class: 'listen-status', 'data-testid': 'status' });
      const level = el('div', { class: 'listen-level' });
      const levelBar = el('div', { class: 'listen-level-bar' });
      level.append(levelBar);
      const joka = el('input', { type: 'checkbox', checked: true, 'data-testid': 'joka' });
      const firstPoem = el('select', { 'data-testid': 'first-poem', name: 'first-poem' });
      firstPoem.append(
        texts.bind(el('option', { value: '0' }), { ja: '全部を混ぜて', en: 'The whole deck, shuffled' }),
      );
      for (const poem of POEMS) {
        const opening = poem.kami.kana.split(' ')[0] ?? '';
        firstPoem.append(
          texts.bind(el('option', { value: String(poem.no) }), () =>
            tr({ ja: `${poem.no}番 ${opening} から`, en: `Poem ${poem.no} ${opening} first` }),
          ),
        );
      }
      const earToggle = el('input', { type: 'checkbox', checked: true, 'data-testid': 'ear-toggle' });
      const start = texts.text(
        'button',
        { ja: '読み始める', en: 'Start reading' },
        { type: 'button', 'data-testid': 'start' },
      );
      const next = texts.text(
        'button',
        { ja: '次へ', en: 'Next' },
        { type: 'button', disabled: true, 'data-testid': 'next' },
      );
      const pause = texts.text(
        'button',
        { ja: '一時停止', en: 'Pause' },
        { type: 'button', disabled: true, 'data-testid': 'pause' },
      );
      const stop = texts.text(
        'button',
        { ja: '止める', en: 'Stop' },
        { type: 'button', disabled: true, 'data-testid': 'stop' },
      );
      const back = texts.text(
        'button',
        { ja: '戻る', en: 'Back' },
        { type: 'button', 'data-testid': 'close' },
      );
      back.addEventListener('click', () => handle.close());

      const earBox = el('div', { class: 'listen-ear-box' });
      const header = el(
        'header',
        { class: 'listen-header' },
        texts.text('h1', { ja: '読み上げ練習', en: 'Listening practice' }),
        back,
      );
      root.append(
        header,
        texts.text('p', {
          ja: '設定の読み方・速さ・余韻・間で、札をよく混ぜて読みます。文字は声に合わせて一音ずつ出ます。',
          en: 'The whole deck, shuffled, read with the protocol, speed, 余韻 and pause from Settings. The text appears sound by sound with the voice.',
        }),
        el(
          'div',
          { class: 'listen-options' },
          el(
            'label',
            { class: 'listen-option' },
            joka,
            texts.text('span', { ja: '序歌から読む', en: 'Begin with the prelude (序歌)' }),
          ),
          el(
            'label',
            { class: 'listen-option' },
            texts.text('span', { ja: '読む順', en: 'Order' }),
            firstPoem,
          ),
          el(
            'label',
            { class: 'listen-option' },
            earToggle,
            texts.text('span', {
              ja: '相手の耳：対戦相手のモデルにも聞かせる',
              en: "The opponent's ear: let the match's model listen too",
            }),
          ),
        ),
        notice,
        el('section', { class: 'card-surface listen-card' }, heading, line, romajiLine, level),
        status,
        el('div', { class: 'listen-buttons' }, start, next, pause, stop),
        earBox,
      );

      // The ear: loaded (with tfjs and the checkpoint) the first time it is switched on.
      let ear: EarView | undefined;
      let earLoading: Promise<EarView | undefined> | undefined;
      let closed = false;
      const loadEar = (): Promise<EarView | undefined> => {
        earLoading ??= import('./earView').then(({ createEarView }) => {
          if (closed) return undefined;
          ear = createEarView(seed);
          earBox.append(ear.root);
          earBox.hidden = !earToggle.checked;
          return ear;
        });
        return earLoading;
      };
      earToggle.addEventListener('change', () => {
        earBox.hidden = !earToggle.checked;
        if (earToggle.checked) void loadEar();
      });
      if (earToggle.checked) void loadEar();
      /** Poems whose upper half has been read since Start: the ear's candidates leave out these. */
      let readSoFar = new Set<number>();

      let reader: Reader | undefined;
      let current: Bilingual | undefined;
      let spaces = new Set<number>();
      let statusKey = 'loading';
      const showStatus = (key: string) => {
        statusKey = key;
        hooks.state = key;
        texts.bind(status, STATUS[key] ?? { ja: key, en: key });
      };
      const log = (type: string, text: string, atMs: number) =>
        hooks.events.push({ type, text, atMs, lagMs: performance.now() - atMs });

      start.addEventListener('click', () => {
        const settings = loadSettings();
        const shuffled = createRng(seed).shuffle(Array.from({ length: 100 }, (_, i) => i + 1));
        const first = Number(firstPoem.value);
        const order = first > 0 ? [first, ...shuffled.filter((no) => no !== first)] : shuffled;
        readSoFar = new Set();
        reader = new Reader({
          order,
          rhythm: { ...settings, joka: joka.checked },
          volume: settings.volume,
          muted: settings.muted,
        });
        reader.on('notice', ({ problem, message }) => {
          hooks.notices.push(problem);
          texts.bind(notice, message);
          notice.hidden = false;
        });
        reader.on('clip', ({ clip, atMs }) => {
          current = halfName(clip);
          spaces = phraseStarts(clip);
          texts.bind(heading, () => tr(current ?? { ja: '', en: '' }));
          line.textContent = '';
          romajiLine.textContent = '';
          romajiLine.hidden = true;
          showStatus('reading');
          log('clip', `${clip.poem}-${clip.half}`, atMs);
          if (clip.half === 'kami' && clip.poem > 0) {
            const unread = POEMS.map((p) => p.no).filter((no) => !readSoFar.has(no));
            readSoFar.add(clip.poem);
            if (earToggle.checked) ear?.beginReading(clip.poem, unread);
          } else ear?.endReading();
        });
        reader.on('mora', ({ clip, mora, index, atMs }) => {
          line.textContent += (spaces.has(index) ? '\u3000' : '') + mora;
          // English visitors read the sounds in romaji under the kana.
          const romaji = romajiFor(mora);
          romajiLine.textContent += romaji ? (spaces.has(index) ? ' ' : '') + romaji : '';
          romajiLine.hidden = !romajiLine.textContent;
          log('mora', mora, atMs);
          if (clip.half === 'kami' && earToggle.checked) ear?.hear(mora, index, atMs);
        });
        reader.on('yoin', ({ atMs }) => {
          showStatus('yoin');
          log('yoin', '', atMs);
        });
        reader.on('pause', ({ atMs }) => {
          showStatus('pause');
          log('pause', '', atMs);
        });
        reader.on('awaitingSettle', ({ poem, atMs }) => {
          showStatus('awaitingSettle');
          ear?.endReading();
          log('awaitingSettle', String(poem), atMs);
        });
        reader.on('finished', ({ atMs }) => {
          showStatus('finished');
          next.disabled = true;
          pause.disabled = true;
          stop.disabled = true;
          log('finished', '', atMs);
        });
        setReading(true);
        showStatus('loading');
        void reader.start();
      });
      const setReading = (reading: boolean) => {
        start.disabled = reading;
        joka.disabled = reading;
        firstPoem.disabled = reading;
        next.disabled = !reading;
        pause.disabled = !reading;
        stop.disabled = !reading;
      };
      // Stop: the reading ends here; Start reads again from the top (of the order chosen).
      stop.addEventListener('click', () => {
        if (!reader) return;
        reader.stop();
        reader = undefined;
        ear?.endReading();
        setReading(false);
        texts.bind(pause, { ja: '一時停止', en: 'Pause' });
        showStatus('stopped');
      });
      next.addEventListener('click', () => reader?.settle());
      pause.addEventListener('click', () => {
        if (!reader) return;
        if (reader.state === 'paused') {
          reader.resume();
          texts.bind(pause, { ja: '一時停止', en: 'Pause' });
          showStatus(statusKey === 'paused' ? 'reading' : statusKey);
        } else {
          reader.pause();
          texts.bind(pause, { ja: '再開', en: 'Resume' });
          showStatus('paused');
        }
      });
      texts.bind(heading, { ja: '「読み始める」を押してください', en: 'Press “Start reading”.' });

      // The level bar follows the voice: an analyser on Howler's master output.
      let analyser: AnalyserNode | undefined;
      let frame = 0;
      const samples = new Float32Array(1024);
      const meter = () => {
        const ctx = Howler.ctx as AudioContext | undefined;
        if (!analyser && ctx && Howler.masterGain) {
          analyser = ctx.createAnalyser();
          analyser.fftSize = samples.length;
          Howler.masterGain.connect(analyser);
        }
        if (analyser) {
          analyser.getFloatTimeDomainData(samples);
          let sum = 0;
          for (const s of samples) sum += s * s;
          const rms = Math.sqrt(sum / samples.length);
          hooks.peakLevel = Math.max(hooks.peakLevel, rms);
          levelBar.style.width = `${Math.min(100, rms * 400).toFixed(1)}%`;
        }
        frame = requestAnimationFrame(meter);
      };
      frame = requestAnimationFrame(meter);

      const tour = mountTour(
        root,
        listenTour({
          start,
          stop,
          pause,
          joka,
          firstPoem,
          earToggle,
          ear: async () => {
            if (!earToggle.checked) {
              earToggle.checked = true;
              earToggle.dispatchEvent(new Event('change'));
            }
            const view = await loadEar();
            return view && (await view.ready) ? view : undefined;
          },
          readerState: () => reader?.state ?? 'idle',
          earBox,
        }),
      );
      header.insertBefore(tour.button, back);

      return () => {
        closed = true;
        tour.dispose();
        cancelAnimationFrame(frame);
        reader?.stop();
        ear?.dispose();
        if (analyser) Howler.masterGain.disconnect(analyser);
        texts.dispose();
      };
    },
    onClose,
  );
}
