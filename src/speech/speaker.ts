// The speaker of the tongue-twister mode: the repeater and its two slip models, loaded from
// checkpoints, behind a plain-data API (morae in, morae, errors and attention out).
import type * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../data/random';
import { loadCheckpoint, type CheckpointError } from '../model/checkpoint';
import { greedyDecode, attentionWeights } from '../model/inference';
import type { Transformer } from '../model/transformer';
import type { Vocabulary } from '../model/vocab';
import { annotate, type Intended, type Lexicon, type SpeechError } from './annotate';
import { sampleSpeech } from './sampler';
import { canFollow } from './phonology';
import { BOS, EOS, SPECIAL_TOKENS } from '../model/vocab';
import { moraVocabulary } from './vocab';

export const SPEAKER_PARTS = ['repeater', 'horizontal', 'vertical'] as const;
export type SpeakerPart = (typeof SPEAKER_PARTS)[number];

export const SPEAKER_TASKS: Record<SpeakerPart, string> = {
  repeater: 'speech-repeater',
  horizontal: 'speech-slip-horizontal',
  vertical: 'speech-slip-vertical',
};

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
 * sentences). Measured by `npm run bench:speech -- --calibrate --samples 1` on the shipped
 * checkpoints.
 */
export const CALIBRATION: Readonly<Record<SlipPart, number>> = { horizontal: 0.31, vertical: 0.04 };

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
export const SLIP_TOP_P = 1;

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
  readonly spoken: readonly string[];
  readonly errors: readonly SpeechError[];
}

export class Speaker {
  /** How the slip models are sampled; the benchmark may try others. */
  decoding: Decoding = DEFAULT_DECODING;
  /** Raw pressure at the default knob setting, per model (the benchmark calibrates it). */
  calibration: Readonly<Record<SlipPart, number>> = CALIBRATION;

  /** Token-level phonotactics for the sampler (phonology.ts `canFollow`), precomputed. */
  private readonly possible: (previous: number, next: number) => boolean;

  constructor(
    readonly models: Readonly<Record<SpeakerPart, Transformer>>,
    readonly vocab: Vocabulary,
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

  /** `count` independent utterances (one batched decode). */
  sayMany(
    intended: Intended,
    mode: SpeakMode,
    pressure: number,
    rng: Rng,
    count: number,
    lexicon?: Lexicon,
  ): Utterance[] {
    const source = this.vocab.encode(intended.morae);
    const outputs =
      mode === 'intact'
        ? greedyDecode(this.models.repeater, [source])
        : sampleSpeech(this.models.repeater, this.models[mode], source, count, {
            ...this.decoding,
            ...pressureSchedule(
              calibratedPressure(pressure, this.calibration[mode]),
              this.decoding.temperature,
            ),
            teachingMask: this.decoding.teachingMask
              ? mode === 'horizontal'
                ? 'inside'
                : 'outside'
              : undefined,
            canFollow: this.possible,
            rng,
          });
    const all = mode === 'intact' ? Array.from({ length: count }, () => outputs[0] ?? []) : outputs;
    return all.map((ids) => {
      const spoken = this.vocab.decode(ids);
      return { intended: intended.morae, spoken, errors: annotate(intended, spoken, lexicon) };
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
  }
}

export type SpeakerLoad =
  { ok: true; speaker: Speaker } | { ok: false; part: SpeakerPart; error: CheckpointError };

/** Loads the three checkpoints through `handlerFor` (file handler in Node, http in the browser). */
export async function loadSpeaker(handlerFor: (part: SpeakerPart) => tf.io.IOHandler): Promise<SpeakerLoad> {
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
  return { ok: true, speaker: new Speaker(models as Record<SpeakerPart, Transformer>, vocab) };
}
