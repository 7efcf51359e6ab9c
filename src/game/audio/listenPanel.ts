// 読み上げ練習 / Listening practice: the reader on its own, through a shuffled deck, with the
// text appearing mora by mora and a level bar that moves with the voice. "Next" stands for the
// settled take of a match. Opened from the title menu; also what the browser tests drive.
import './listen.css';
import { Howler } from 'howler';
import { toMorae } from '../../data/mora';
import { poemByNo } from '../../data/poems';
import { createRng } from '../../data/random';
import { tr, type Bilingual } from '../i18n';
import { romajiFor } from '../romaji';
import { el, LiveTexts } from '../panels/settings/dom';
import { openPanel, type PanelHandle } from '../panels/host';
import { loadSettings } from '../settings';
import { testHooks } from '../testHooks';
import { Reader } from './reader';
import type { ClipRef } from './timings';

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
      const back = texts.text(
        'button',
        { ja: '戻る', en: 'Back' },
        { type: 'button', 'data-testid': 'close' },
      );
      back.addEventListener('click', () => handle.close());

      root.append(
        el(
          'header',
          { class: 'listen-header' },
          texts.text('h1', { ja: '読み上げ練習', en: 'Listening practice' }),
          back,
        ),
        texts.text('p', {
          ja: '設定の読み方・速さ・余韻・間で、札をよく混ぜて読みます。文字は声に合わせて一音ずつ出ます。',
          en: 'The whole deck, shuffled, read with the protocol, speed, 余韻 and pause from Settings. The text appears sound by sound with the voice.',
        }),
        el(
          'label',
          { class: 'listen-option' },
          joka,
          texts.text('span', { ja: '序歌から読む', en: 'Begin with the prelude (序歌)' }),
        ),
        notice,
        el('section', { class: 'card-surface listen-card' }, heading, line, romajiLine, level),
        status,
        el('div', { class: 'listen-buttons' }, start, next, pause),
      );

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
        const order = createRng(seed).shuffle(Array.from({ length: 100 }, (_, i) => i + 1));
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
        });
        reader.on('mora', ({ mora, index, atMs }) => {
          line.textContent += (spaces.has(index) ? '\u3000' : '') + mora;
          // English visitors read the sounds in romaji under the kana.
          const romaji = romajiFor(mora);
          romajiLine.textContent += romaji ? (spaces.has(index) ? ' ' : '') + romaji : '';
          romajiLine.hidden = !romajiLine.textContent;
          log('mora', mora, atMs);
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
          log('awaitingSettle', String(poem), atMs);
        });
        reader.on('finished', ({ atMs }) => {
          showStatus('finished');
          next.disabled = true;
          pause.disabled = true;
          log('finished', '', atMs);
        });
        start.disabled = true;
        joka.disabled = true;
        next.disabled = false;
        pause.disabled = false;
        showStatus('loading');
        void reader.start();
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

      return () => {
        cancelAnimationFrame(frame);
        reader?.stop();
        if (analyser) Howler.masterGain.disconnect(analyser);
        texts.dispose();
      };
    },
    onClose,
  );
}
