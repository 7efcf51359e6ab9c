// The speaker of the tongue-twister mode: the repeater and its two slip models, loaded from
// checkpoints, behind a plain-data API (morae in, morae, errors and attention out).
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../data/random';
import { loadCheckpoint, type CheckpointError } from '../model/checkpoint';
import { greedyDecode, attentionWeights } from '../model/inference';
import type { Transformer } from '../model/transformer';
import type { Vocabulary } from '../model/vocab';
import { annotate, type Intended, type Lexicon, type Span, type SpeechError } from './annotate';
import { intendedOf, WordVocabulary, type EncodedWords } from './words';
import { CATEGORIES } from './categories';
import { padBatch } from '../model/batch';
import { draw, sampleSpeech } from './sampler';
import { canFollow } from './phonology';
import { BOS, EOS, SPECIAL_TOKENS } from '../model/vocab';
import { moraVocabulary } from './vocab';

export const SPEAKER_PARTS = ['repeater', 'horizontal', 'vertical'] as const;
export type SpeakerPart = (typeof SPEAKER_PARTS)[number];

/** The word stage's three models (words.ts): they choose the words before the morae are said. */
export const WORD_PARTS = ['word-repeater', 'word-horizontal', 'word-vertical'] as const;
export type WordPart = (typeof WORD_PARTS)[number];

export const SPEAKER_TASKS: Record<SpeakerPart | WordPart, string> = {
  repeater: 'speech-repeater',
  horizontal: 'speech-slip-horizontal',
  vertical: 'speech-slip-vertical',
  'word-repeater': 'speech-word-repeater',
  'word-horizontal': 'speech-word-slip-horizontal',
  'word-vertical': 'speech-word-slip-vertical',
};

/** Which stage of the speaker made an error: word selection or saying the morae. */
export type Stage = 'word' | 'mora';

/** An annotated error and the stage it came from. */
export interface StagedError extends SpeechError {
  readonly stage: Stage;
}

/** The word stage: a word repeater and two word slip models over one word vocabulary. */
export interface WordStage {
  readonly vocab: WordVocabulary;
  readonly models: Readonly<Record<'repeater' | SlipPart, Transformer>>;
}

/** How the speaker talks: intact (the repeater, greedy) or slipping one way or the other. */
export type SpeakMode = 'intact' | 'horizontal' | 'vertical';

/** The default pressure: about a third to a half of sentences carry an error. */
export const DEFAULT_PRESSURE = 0.3;

/** The share of sayings with an error that the default pressure aims at, for either model. */
export const DEFAULT_ERROR_RATE = 0.4;

/**
 * The two slip models do not slip equally readily (the vertical one has a whole vocabulary of
 * outside morae to intrude, the horizontal one only the sentence's), so the knob is calibrated
 * per model: the raw pressure at which it says DEFAULT_ERROR_RATE of a calibration set wrong,
 * the training sentences plus as many word salads of training words (never the held-out
 * sentences). Measured by `npm run bench:speech -- --calibrate --samples 1 --limit 150` on the
 * shipped checkpoints, slip models sampled from their nucleus (2026-12-02; the bisection's
 * midpoints to two significant digits).
 */
export const CALIBRATION: Readonly<Record<SlipPart, number>> = { horizontal: 0.32, vertical: 0.035 };

/**
 * The word stage's own pressure share: at the default knob it changes WORD_ERROR_RATE of the
 * sayings' words (alone; the mora stage adds its own slips on top, CALIBRATION is measured
 * with both stages on). Raw word-stage pressures measured like CALIBRATION.
 */
export const WORD_ERROR_RATE = 0.2;
export const WORD_CALIBRATION: Readonly<Record<SlipPart, number>> = { horizontal: 0.16, vertical: 0.066 };
/**
 * The word stage's competition, free-running: at each content word's slot the word slip model
 * wins with probability `pressure` and a word is drawn from its distribution at `temperature`
 * (given the sentence and the words chosen so far), from its nucleus (`Decoding.topP`, as at the
 * mora stage) among the words that fit the frame; otherwise the intended word of that
 * position is selected (healthy lemma selection: the words are known, so no model is needed to
 * copy them). The draw keeps the syntactic frame: a word of the slot's part of speech, from the
 * vocabulary or the sentence's own slots (words.ts `fitsFrame`), so a noun replaces a noun —
 * whether it comes from inside the sentence or outside is the weights' choice.
 */
function sampleWords(
  stage: WordStage,
  mode: SlipPart,
  intended: Intended,
  encoded: EncodedWords,
  count: number,
  schedule: { pressure: number; temperature: number; topP: number },
  rng: Rng,
): number[][] {
  const model = stage.models[mode];
  const frame = intended.words.map((w) => (w.category ? CATEGORIES[w.category] : null));
  const V = model.config.targetVocabSize;
  const steps = Math.min(model.config.maxTargetLength - 1, encoded.target.length);
  const rows: number[][] = Array.from({ length: count }, () => [BOS]);
  const finished = new Array<boolean>(count).fill(false);
  const src = padBatch(Array.from({ length: count }, () => encoded.source)); // [B, S]
  let memory: tf.Tensor3D | null = null;
  try {
    for (let t = 0; t < steps && finished.some((f) => !f); t++) {
      const pos = frame[t] ?? null;
      const slips = rows.map((_, b) => !finished[b] && pos !== null && rng.next() < schedule.pressure);
      let probs: Float32Array | null = null;
      if (slips.some(Boolean)) {
        memory ??= tf.tidy(() => model.encode(src)); // [B, S, C]
        const m = memory;
        const p = tf.tidy(() => {
          const logits = model.decode(m, src, padBatch(rows), true); // [B, t+1, V]
          const last = logits.slice([0, t, 0], [-1, 1, -1]).reshape([count, V]); // [B, V]
          return tf.softmax(last.div(Math.max(1e-3, schedule.temperature))); // [B, V]
        });
        probs = p.dataSync() as Float32Array;
        p.dispose();
      }
      rows.forEach((row, b) => {
        if (finished[b]) return;
        let id = encoded.target[t] ?? EOS;
        if (slips[b] && probs && pos !== null) {
          const fits = (v: number): boolean => stage.vocab.fitsFrame(v, pos, encoded);
          const drawn = draw(probs, b, V, schedule.topP, rng, fits);
          if (drawn !== EOS) id = drawn;
        }
        row.push(id);
        if (id === EOS) finished[b] = true;
      });
    }
  } finally {
    src.dispose();
    memory?.dispose();
  }
  return rows.map((row) => {
    const out = row.slice(1);
    const end = out.indexOf(EOS);
    return end < 0 ? out : out.slice(0, end);
  });
}

export type SlipPart = 'horizontal' | 'vertical';

/**
 * The knob as the user sets it (0–1) to the raw pressure of one model: piecewise linear through
 * 0 → 0, DEFAULT_PRESSURE → `atDefault`, 1 → 1, so the ends keep their meaning.
 */
export function calibratedPressure(pressure: number, atDefault: number): number {
  const p = Math.min(1, Math.max(0, pressure));
  return p <= DEFAULT_PRESSURE
    ? (p / DEFAULT_PRESSURE) * atDefault
    : atDefault + ((p - DEFAULT_PRESSURE) / (1 - DEFAULT_PRESSURE)) * (1 - atDefault);
}

/** Up to this pressure, pressure raises how often the slip model speaks; beyond it, how hot. */
const FULL_WEIGHT_AT = 0.6;

/**
 * What the pressure knob (0–1) does to the sampler: first the slip model wins the output
 * competition more and more often (weight 0 → 1 as pressure goes 0 → 0.6), then it speaks
 * more recklessly (its temperature rises from `baseTemperature` to twice that at 1).
 */
export function pressureSchedule(
  pressure: number,
  baseTemperature: number,
): { pressure: number; temperature: number } {
  const p = Math.min(1, Math.max(0, pressure));
  const heat = Math.max(0, (p - FULL_WEIGHT_AT) / (1 - FULL_WEIGHT_AT));
  return { pressure: Math.min(1, p / FULL_WEIGHT_AT), temperature: baseTemperature * (1 + heat) };
}
/** The slip model speaks from its learnt distribution; the healthy repeater, steadier. */
export const DEFAULT_TEMPERATURE = 1;
export const REPEATER_TEMPERATURE = 0.5;
/**
 * The slip models (both stages) are sampled from their nucleus: the most likely continuations
 * holding 90 % of the mass (sampler.ts `draw`). It cuts the long tail — a hundred morae or a
 * thousand words, each given a little mass — that no class test decides: the tail is whatever
 * the weights rank last, whichever class. Chosen on the training sentences (free-running,
 * 2026-12-02: the horizontal model's mora-stage errors 76.2 % horizontal at top-p 1, 96.9 % at
 * 0.9); the controls are sampled the same way.
 */
export const SLIP_TOP_P = 0.9;

export interface Decoding {
  readonly temperature: number;
  readonly repeaterTemperature: number;
  readonly topP: number;
  /** Teaching view only (sampler.ts `teachingMask`), never in a figure: mask the slip model's
   *  output competition, horizontal to the heard morae, vertical to the unheard ones. */
  readonly teachingMask: boolean;
}

export const DEFAULT_DECODING: Decoding = {
  temperature: DEFAULT_TEMPERATURE,
  repeaterTemperature: REPEATER_TEMPERATURE,
  topP: SLIP_TOP_P,
  teachingMask: false,
};

export interface Utterance {
  readonly intended: readonly string[];
  /** The words the word stage chose (as morae): the intended ones when it did not slip. */
  readonly planned: readonly string[];
  readonly spoken: readonly string[];
  readonly errors: readonly StagedError[];
}

const overlaps = (a: Span, b: Span): boolean =>
  (a.start < b.end && b.start < a.end) || (a.start === a.end && a.start >= b.start && a.start <= b.end);

/** Each error of the whole saying, with the stage that made it: the word stage when its
 *  intended span overlaps a change the word stage made, else the mora stage. */
export function stageErrors(
  errors: readonly SpeechError[],
  wordChanges: readonly SpeechError[],
): StagedError[] {
  const spans = wordChanges.flatMap((w) => [w.intended, ...(w.partner ? [w.partner.intended] : [])]);
  return errors.map((e) => {
    const sites = [e.intended, ...(e.partner ? [e.partner.intended] : [])];
    const word = sites.some((site) => spans.some((span) => overlaps(site, span)));
    return { ...e, stage: word ? 'word' : 'mora' };
  });
}

export class Speaker {
  /** How the slip models are sampled; the benchmark may try others. */
  decoding: Decoding = DEFAULT_DECODING;
  /** Raw pressure at the default knob setting, per model (the benchmark calibrates it). */
  calibration: Readonly<Record<SlipPart, number>> = CALIBRATION;
  /** Raw word-stage pressure at the default knob, per model (0 turns the word stage off). */
  wordCalibration: Readonly<Record<SlipPart, number>> = WORD_CALIBRATION;

  /** Token-level phonotactics for the sampler (phonology.ts `canFollow`), precomputed. */
  private readonly possible: (previous: number, next: number) => boolean;

  constructor(
    readonly models: Readonly<Record<SpeakerPart, Transformer>>,
    readonly vocab: Vocabulary,
    readonly words: WordStage | null = null,
  ) {
    const V = vocab.size;
    const table = new Uint8Array(V * V);
    const mora = (id: number): string | null =>
      id < SPECIAL_TOKENS.length ? null : (vocab.decode([id])[0] ?? null);
    for (let p = 0; p < V; p++) {
      if (p !== BOS && p < SPECIAL_TOKENS.length) continue;
      const before = p === BOS ? null : mora(p);
      for (let n = 0; n < V; n++) {
        const after = n === EOS ? 'end' : mora(n);
        table[p * V + n] = after !== null && canFollow(before, after) ? 1 : 0;
      }
    }
    this.possible = (previous, next) => table[previous * V + next] === 1;
  }

  /** Says `intended` once. Intact mode is greedy; slipping modes sample. */
  say(intended: Intended, mode: SpeakMode, pressure: number, rng: Rng, lexicon?: Lexicon): Utterance {
    return this.sayMany(intended, mode, pressure, rng, 1, lexicon)[0] as Utterance;
  }

  /** `count` independent utterances: the word stage chooses the words (one batched decode),
   *  then the mora stage says each distinct choice (one batched decode per choice). */
  sayMany(
    intended: Intended,
    mode: SpeakMode,
    pressure: number,
    rng: Rng,
    count: number,
    lexicon?: Lexicon,
  ): Utterance[] {
    if (mode === 'intact') {
      const ids = greedyDecode(this.models.repeater, [this.vocab.encode(intended.morae)])[0] ?? [];
      const spoken = this.vocab.decode(ids);
      const errors = stageErrors(annotate(intended, spoken, lexicon), []);
      return Array.from({ length: count }, () => ({
        intended: intended.morae,
        planned: intended.morae,
        spoken,
        errors,
      }));
    }
    const plans = this.planWords(intended, mode, pressure, rng, count);
    // Sayings with the same plan are said in one batch; the output order stays the plans'.
    const groups = new Map<string, number[]>();
    plans.forEach((plan, k) => {
      const key = plan.morae.join('|');
      groups.set(key, [...(groups.get(key) ?? []), k]);
    });
    const out = new Array<Utterance>(count);
    for (const members of groups.values()) {
      const plan = plans[members[0] as number] as Intended;
      const wordChanges = plan === intended ? [] : annotate(intended, plan.morae, lexicon);
      const said = this.sayMorae(plan, mode, pressure, rng, members.length);
      members.forEach((k, m) => {
        const spoken = this.vocab.decode(said[m] ?? []);
        out[k] = {
          intended: intended.morae,
          planned: plan.morae,
          spoken,
          errors: stageErrors(annotate(intended, spoken, lexicon), wordChanges),
        };
      });
    }
    return out;
  }

  /** The word stage: `count` word choices for `intended` (the intended sentence itself when the
   *  stage is off, its pressure is 0, or a choice names no word or is too long to say). */
  planWords(intended: Intended, mode: SlipPart, pressure: number, rng: Rng, count: number): Intended[] {
    const stage = this.words;
    const raw = calibratedPressure(pressure, this.wordCalibration[mode]);
    if (!stage || raw <= 0 || intended.words.length === 0)
      return Array.from({ length: count }, () => intended);
    const encoded = stage.vocab.encode(intended);
    if (encoded.source.length > stage.models.repeater.config.maxSourceLength)
      return Array.from({ length: count }, () => intended);
    const outputs = sampleWords(
      stage,
      mode,
      intended,
      encoded,
      count,
      { ...pressureSchedule(raw, this.decoding.temperature), topP: this.decoding.topP },
      rng,
    );
    return outputs.map((ids) => {
      if (ids.length === encoded.target.length && ids.every((id, k) => id === encoded.target[k]))
        return intended;
      const words = stage.vocab.decode(ids, encoded.slots);
      const plan = words && words.length > 0 ? intendedOf(words) : null;
      // A choice the mora stage cannot say (longer than its input) is not made.
      return plan && plan.morae.length <= this.models.repeater.config.maxSourceLength ? plan : intended;
    });
  }

  /** The mora stage: `count` sayings of `plan`, as token ids. */
  private sayMorae(plan: Intended, mode: SlipPart, pressure: number, rng: Rng, count: number): number[][] {
    return sampleSpeech(this.models.repeater, this.models[mode], this.vocab.encode(plan.morae), count, {
      ...this.decoding,
      ...pressureSchedule(calibratedPressure(pressure, this.calibration[mode]), this.decoding.temperature),
      teachingMask: this.decoding.teachingMask ? (mode === 'horizontal' ? 'inside' : 'outside') : undefined,
      canFollow: this.possible,
      rng,
    });
  }

  /**
   * The cross-attention of the model that spoke, averaged over heads of the last decoder layer:
   * row t = how much the decoder read each intended mora while saying spoken mora t (and EOS).
   */
  attention(intended: readonly string[], spoken: readonly string[], mode: SpeakMode): number[][] {
    const model = this.models[mode === 'intact' ? 'repeater' : mode];
    const maps = attentionWeights(model, this.vocab.encode(intended), this.vocab.encode(spoken));
    const last = maps.cross[maps.cross.length - 1] ?? [];
    const heads = last.length;
    const rows = last[0]?.length ?? 0;
    return Array.from({ length: rows }, (_, t) =>
      intended.map((_, s) => last.reduce((sum, head) => sum + (head[t]?.[s] ?? 0), 0) / heads),
    );
  }

  dispose(): void {
    for (const m of Object.values(this.models)) m.dispose();
    for (const m of Object.values(this.words?.models ?? {})) m.dispose();
  }
}

export type SpeakerLoad =
  { ok: true; speaker: Speaker } | { ok: false; part: SpeakerPart | WordPart; error: CheckpointError };

/** Loads the six checkpoints (three mora models, three word models) through `handlerFor` (file
 *  handler in Node, http in the browser). */
export async function loadSpeaker(
  handlerFor: (part: SpeakerPart | WordPart) => tf.io.IOHandler,
): Promise<SpeakerLoad> {
  const vocab = moraVocabulary();
  const models: Partial<Record<SpeakerPart, Transformer>> = {};
  for (const part of SPEAKER_PARTS) {
    const loaded = await loadCheckpoint(handlerFor(part), {
      task: SPEAKER_TASKS[part],
      sourceVocab: vocab,
      targetVocab: vocab,
    });
    if (!loaded.ok) {
      for (const m of Object.values(models)) m.dispose();
      return { ok: false, part, error: loaded.error };
    }
    models[part] = loaded.checkpoint.model;
  }
  const disposeAll = (): void => {
    for (const m of [...Object.values(models), ...Object.values(wordModels)]) m.dispose();
  };
  // The word models share one word vocabulary (source and target alike). Each is loaded on its
  // own and then compared: one that disagrees with the other two is the damaged one, whichever
  // it is (checking the slip models against the repeater would blame a slip model for a damaged
  // repeater).
  const wordModels: Partial<Record<WordPart, Transformer>> = {};
  const vocabs: Partial<Record<WordPart, { source: Vocabulary; target: Vocabulary }>> = {};
  for (const part of WORD_PARTS) {
    const loaded = await loadCheckpoint(handlerFor(part), { task: SPEAKER_TASKS[part] });
    if (!loaded.ok) {
      disposeAll();
      return { ok: false, part, error: loaded.error };
    }
    wordModels[part] = loaded.checkpoint.model;
    vocabs[part] = { source: loaded.checkpoint.sourceVocab, target: loaded.checkpoint.targetVocab };
  }
  const agree = (a: WordPart, b: WordPart): boolean => {
    const x = vocabs[a]!;
    const y = vocabs[b]!;
    return x.source.equals(y.source) && x.target.equals(y.target) && x.source.equals(x.target);
  };
  const agreements = (p: WordPart): number => WORD_PARTS.filter((q) => q !== p && agree(p, q)).length;
  const odd = [...WORD_PARTS].sort((a, b) => agreements(a) - agreements(b))[0] as WordPart;
  if (agreements(odd) < WORD_PARTS.length - 1) {
    disposeAll();
    return {
      ok: false,
      part: odd,
      error: {
        code: 'vocabulary-mismatch',
        message: 'its word vocabulary differs from the other word models’ (a damaged or mixed-up file)',
      },
    };
  }
  let wordVocab: WordVocabulary;
  try {
    wordVocab = new WordVocabulary(vocabs['word-repeater']!.target);
  } catch (e) {
    disposeAll();
    return { ok: false, part: 'word-repeater', error: { code: 'vocabulary-mismatch', message: String(e) } };
  }
  const words: WordStage = {
    vocab: wordVocab,
    models: {
      repeater: wordModels['word-repeater'] as Transformer,
      horizontal: wordModels['word-horizontal'] as Transformer,
      vertical: wordModels['word-vertical'] as Transformer,
    },
  };
  return { ok: true, speaker: new Speaker(models as Record<SpeakerPart, Transformer>, vocab, words) };
}
