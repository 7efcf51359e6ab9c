// The tongue-twister panel: pick or type a sentence, let the speaker say it intact or slipping
// horizontally or vertically, see the errors labelled, the attention, and the distribution of
// error types over 100 sayings. A view over the headless speaker service (src/speech/service.ts),
// which loads the models once; the panel itself never touches tfjs.
import './speech.css';
import { createRng, type Rng } from '../../../data/random';
import { makeLexicon, type Intended, type Lexicon } from '../../../speech/annotate';
import { loadCorpus, type Sentence, type SentenceSource } from '../../../speech/corpus';
import { parseInput, type InputProblem } from '../../../speech/input';
import { hasKanji, readKanji, type KanjiProblem } from '../../../speech/kanji';
import { DEFAULT_DECODING, DEFAULT_PRESSURE, type SpeakMode, type Speaker } from '../../../speech/speaker';
import { openSpeaker } from '../../../speech/service';
import { tallyErrors } from '../../../speech/tally';
import { onLangChange, tr, trf } from '../../i18n';
import { testHooks } from '../../testHooks';
import { openDellLab } from '../dell';
import { openPanel, type PanelHandle } from '../host';
import { mountTour, type MountedTour } from '../tour/tourView';
import { el, renderDistribution, renderHeatmap, renderUtterance } from './render';
import { MODE_LABELS, T, kanjiReadText, problemText } from './text';
import { speechTour, type Said } from './tour';
export const SPEECH_PANEL_KEY = 'speech';
export const SPEECH_MENU_LABEL = T.menu;

/** What the browser tests read. */
export interface SpeechHooks {
  ready: boolean;
  backend?: string;
  intended?: string;
  spoken?: string;
  errors?: {
    class: string;
    type: string;
    unit: string;
    direction: string;
    relation: string;
    stage: string;
  }[];
  /** The words the word stage chose, as kana (the intended ones when it did not slip). */
  planned?: string;
  problem?: string | null;
  /** The reading the dictionary gave a typed sentence with kanji (null when none was needed). */
  kanjiReading?: string | null;
  lastMs?: number;
  /** Milliseconds of every corrupted sentence said since the panel opened. */
  timings: number[];
  distribution?: { erroneous: number; horizontal: number; vertical: number };
}

interface State {
  sentence: Intended;
  mode: SpeakMode;
  pressure: number;
  rng: Rng;
}

export function openSpeechPanel(): PanelHandle {
  return openPanel(SPEECH_PANEL_KEY, (root, handle) => {
    root.classList.add('speech-panel');
    const hooks: SpeechHooks = { ready: false, timings: [] };
    testHooks().speech = hooks;
    const corpus = loadCorpus();
    const lexicon: Lexicon = makeLexicon(corpus.all.flatMap((s) => s.words));
    const first = corpus.all.find((s) => s.source === 'twister') as Sentence;
    const state: State = {
      sentence: first,
      mode: 'horizontal',
      pressure: DEFAULT_PRESSURE,
      rng: createRng(2023),
    };
    let speaker: Speaker | undefined;
    let lastSaid: Said | undefined;

    // Layout
    const header = el('header', 'speech-header');
    const title = el('h1');
    const closeButton = el('button', 'close');
    closeButton.addEventListener('click', () => handle.close());
    header.append(title);
    // The Dell lab explains vertical (lexical-access) errors with a classic model; closing it
    // comes back here.
    const dellButton = el('button', 'dell-link');
    dellButton.addEventListener('click', () => openDellLab(() => openSpeechPanel()));
    header.append(dellButton);
    header.append(closeButton);

    const side = el('aside', 'speech-side');
    const tabs = el('div', 'speech-tabs');
    const list = el('ul', 'speech-list');
    const sources: [SentenceSource, keyof typeof T][] = [
      ['twister', 'twisters'],
      ['everyday', 'everyday'],
      ['poem', 'poems'],
    ];
    let shownSource: SentenceSource = 'twister';
    const tabButtons = sources.map(([source, key]) => {
      const b = el('button');
      b.dataset.source = source;
      b.addEventListener('click', () => {
        shownSource = source;
        fillList();
      });
      tabs.append(b);
      return { b, key };
    });
    const form = el('form', 'speech-form');
    const inputLabel = el('label');
    const input = el('input');
    input.name = 'sentence';
    input.autocomplete = 'off';
    const sayTyped = el('button');
    sayTyped.type = 'submit';
    const problemBox = el('p', 'error');
    problemBox.hidden = true;
    problemBox.setAttribute('role', 'alert');
    // How typed kanji were read (a dictionary gives one reading; kana typed instead win).
    const readingBox = el('p', 'kanji-reading');
    readingBox.hidden = true;
    readingBox.setAttribute('aria-live', 'polite');
    const inputText = el('span');
    inputLabel.append(inputText, input);
    form.append(inputLabel, sayTyped, problemBox, readingBox);
    side.append(form, tabs, list);

    const main = el('div', 'speech-main');
    const controls = el('div', 'speech-controls card-surface');
    const modeGroup = el('fieldset', 'modes');
    const modeLegend = el('legend');
    modeGroup.append(modeLegend);
    const modeInputs = (['intact', 'horizontal', 'vertical'] as const).map((mode) => {
      const label = el('label');
      const radio = el('input');
      radio.type = 'radio';
      radio.name = 'speech-mode';
      radio.value = mode;
      radio.checked = mode === state.mode;
      radio.addEventListener('change', () => {
        state.mode = mode;
        speak();
      });
      const text = el('span');
      label.append(radio, text);
      modeGroup.append(label);
      return { mode, text };
    });
    const pressureLabel = el('label', 'pressure');
    const pressureName = el('span');
    const slider = el('input');
    slider.type = 'range';
    slider.min = '0';
    slider.max = '100';
    slider.value = String(Math.round(state.pressure * 100));
    slider.name = 'pressure';
    const pressureValue = el('output');
    slider.addEventListener('input', () => {
      state.pressure = Number(slider.value) / 100;
      pressureValue.textContent = slider.value;
    });
    slider.addEventListener('change', () => speak());
    pressureValue.textContent = slider.value;
    pressureLabel.append(pressureName, slider, pressureValue);
    const againButton = el('button', 'again');
    againButton.addEventListener('click', () => speak());
    const hundredButton = el('button', 'hundred');
    hundredButton.addEventListener('click', () => sayHundred());
    const explain = el('p', 'explain');
    const timing = el('span', 'timing');
    // The mask at generation time, only as a labelled teaching view (off by default).
    const maskLabel = el('label', 'teaching-mask');
    const maskBox = el('input');
    maskBox.type = 'checkbox';
    maskBox.name = 'teaching-mask';
    const maskText = el('span');
    const maskNote = el('p', 'teaching-note');
    maskNote.hidden = true;
    maskLabel.append(maskBox, maskText);
    maskBox.addEventListener('change', () => {
      maskNote.hidden = !maskBox.checked;
      if (speaker) speaker.decoding = { ...DEFAULT_DECODING, teachingMask: maskBox.checked };
      speak();
    });
    controls.append(
      modeGroup,
      pressureLabel,
      againButton,
      hundredButton,
      timing,
      maskLabel,
      maskNote,
      explain,
    );

    const status = el('p', 'notice');
    const result = el('div', 'speech-result card-surface');
    const lower = el('div', 'speech-lower');
    const heatBox = el('div', 'card-surface heat');
    const heatTitle = el('h3');
    const heat = el('canvas');
    heatBox.append(heatTitle, heat);
    const distBox = el('div', 'card-surface distribution');
    const distTitle = el('h3');
    const distRate = el('p', 'rate');
    const dist = el('div');
    distBox.append(distTitle, distRate, dist);
    distBox.hidden = true;
    lower.append(heatBox, distBox);
    main.append(controls, status, result, lower);
    root.append(header, side, main);

    function fillList(): void {
      list.replaceChildren();
      for (const { b } of tabButtons) b.classList.toggle('active', b.dataset.source === shownSource);
      for (const s of corpus.all.filter((x) => x.source === shownSource)) {
        const item = el('li');
        const b = el('button', 'sentence', s.text);
        b.dataset.id = s.id;
        b.addEventListener('click', () => {
          state.sentence = s;
          problemBox.hidden = true;
          speak();
        });
        item.append(b);
        list.append(item);
      }
    }

    function applyTexts(): void {
      title.textContent = tr(T.title);
      closeButton.textContent = tr(T.close);
      dellButton.textContent = tr(T.dellLab);
      tabButtons.forEach(({ b, key }) => (b.textContent = tr(T[key] as { ja: string; en: string })));
      inputText.textContent = tr(T.typeLabel);
      input.placeholder = tr(T.typePlaceholder);
      sayTyped.textContent = tr(T.sayTyped);
      modeLegend.textContent = tr(T.mode);
      modeInputs.forEach(({ mode, text }) => (text.textContent = tr(MODE_LABELS[mode])));
      pressureName.textContent = tr(T.pressure);
      againButton.textContent = tr(T.sayAgain);
      hundredButton.textContent = tr(T.say100);
      maskText.textContent = tr(T.teachingMask);
      maskNote.textContent = tr(T.teachingMaskNote);
      heatTitle.textContent = tr(T.attention);
      distTitle.textContent = tr(T.distribution);
      explain.textContent = tr(
        state.mode === 'horizontal'
          ? T.explainHorizontal
          : state.mode === 'vertical'
            ? T.explainVertical
            : T.explainIntact,
      );
    }

    function showProblem(problem: InputProblem | KanjiProblem): void {
      // The last result stays on screen; only the message changes.
      problemBox.textContent = tr(problemText(problem));
      problemBox.hidden = false;
      hooks.problem = problem.code;
    }

    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const typed = input.value;
      const turn = ++submitted;
      readingBox.hidden = true;
      hooks.kanjiReading = null;
      if (!hasKanji(typed)) {
        sayParsed(typed);
        return;
      }
      // The dictionary loads on the first sentence with kanji (a few seconds, once).
      readingBox.textContent = tr(T.kanjiLoading);
      readingBox.hidden = false;
      sayTyped.disabled = true;
      void import('../../../speech/kanjiBrowser')
        .then(({ browserKanjiTokenizer }) => browserKanjiTokenizer())
        .then(
          (tokenizer) => {
            if (turn !== submitted) return;
            const read = readKanji(typed, tokenizer);
            if (!read.ok) {
              readingBox.hidden = true;
              showProblem(read.problem);
              return;
            }
            readingBox.textContent = tr(kanjiReadText(read.read));
            hooks.kanjiReading = read.read.map((r) => r.kana).join(' ');
            sayParsed(read.text);
          },
          (error: unknown) => {
            if (turn !== submitted) return;
            readingBox.hidden = true;
            showProblem({ code: 'kanji-dictionary', reason: String(error) });
          },
        )
        .finally(() => {
          if (turn === submitted) sayTyped.disabled = false;
        });
    });

    function sayParsed(text: string): void {
      const parsed = parseInput(text, lexicon);
      if (!parsed.ok) {
        readingBox.hidden = true;
        showProblem(parsed.problem);
        return;
      }
      problemBox.hidden = true;
      hooks.problem = null;
      state.sentence = parsed.sentence;
      speak();
    }

    function speak(): void {
      applyTexts();
      if (!speaker) return;
      const started = performance.now();
      const said = speaker.say(state.sentence, state.mode, state.pressure, state.rng, lexicon);
      const ms = performance.now() - started;
      if (state.mode !== 'intact') hooks.timings.push(ms);
      hooks.lastMs = ms;
      timing.textContent = trf(T.timing, { ms: ms.toFixed(1) });
      lastSaid = { sentence: state.sentence, mode: state.mode, spoken: said.spoken, errors: said.errors };
      renderUtterance(result, state.sentence, said.spoken, said.errors, said.planned);
      renderHeatmap(
        heat,
        speaker.attention(state.sentence.morae, said.spoken, state.mode),
        state.sentence.morae,
        said.spoken,
      );
      distBox.hidden = true;
      hooks.intended = state.sentence.morae.join('');
      hooks.spoken = said.spoken.join('');
      hooks.errors = said.errors.map((e) => ({
        class: e.class,
        type: e.type,
        unit: e.unit,
        direction: e.direction,
        hasSource: e.source !== null,
        relation: e.relation,
        stage: e.stage,
      }));
      hooks.planned = said.planned.join('');
    }

    function sayHundred(): void {
      if (!speaker) return;
      const many = speaker.sayMany(state.sentence, state.mode, state.pressure, state.rng, 100, lexicon);
      const tally = tallyErrors(many);
      distRate.textContent = trf(T.errorRate, { n: tally.erroneous });
      renderDistribution(dist, tally);
      distBox.hidden = false;
      hooks.distribution = { erroneous: tally.erroneous, ...tally.byClass };
    }

    applyTexts();
    fillList();
    status.textContent = tr(T.loading);
    for (const b of [againButton, hundredButton, sayTyped]) b.disabled = true;
    let disposed = false;
    // Other modes may prefer another tfjs backend: the session hands it back when the panel closes.
    const session = openSpeaker();
    // The guided tour presses this lab's own controls once the speaker is ready.
    const tour: MountedTour = mountTour(
      root,
      speechTour(
        {
          root,
          ready: session.ready,
          twisters: corpus.all.filter((s) => s.source === 'twister'),
          last: () => lastSaid,
        },
        () => tour.refresh(),
      ),
    );
    header.insertBefore(tour.button, dellButton);
    session.ready
      .then(({ speaker: s, backend }) => {
        if (disposed) return;
        speaker = s;
        speaker.decoding = { ...DEFAULT_DECODING, teachingMask: maskBox.checked };
        status.hidden = true;
        for (const b of [againButton, hundredButton, sayTyped]) b.disabled = false;
        hooks.ready = true;
        hooks.backend = backend;
        speak();
      })
      .catch((e: unknown) => {
        status.className = 'error';
        status.textContent = trf(T.loadFailed, { message: e instanceof Error ? e.message : String(e) });
      });
    const unsubscribe = onLangChange(() => {
      applyTexts();
      fillList();
      speak();
    });
    return () => {
      disposed = true;
      tour.dispose();
      unsubscribe();
      if (speaker) speaker.decoding = DEFAULT_DECODING;
      session.release();
    };
  });
}
