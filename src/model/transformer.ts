// A Transformer encoder-decoder (Vaswani et al. 2017, "Attention Is All You Need"), written
// with tfjs core ops so every step is visible: sinusoidal positions, multi-head attention,
// post-LayerNorm residual blocks, separate source and target embeddings, final encoder and
// decoder norms as in PyTorch's nn.Transformer. No dropout: the tasks here are memorisation.
//
// Shapes: B batch, S source length, T target length, C dModel, H heads, D = C / H, F dFF,
// V vocabulary. Functions here return tensors and must be called inside tf.tidy (or under
// optimizer.minimize); the plain-number API is in inference.ts.
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../data/random';
import { configProblem, type TransformerConfig } from './config';
import { matMul, type Gradients } from './matmul';
import { EOS, PAD } from './vocab';

/** Additive mask value: large enough that softmax gives exactly 0 in float32. */
const MASKED = -1e9;

/** Attention weights of one forward pass, per layer, each [B, H, Tq, Tk]. */
export interface AttentionTrace {
  encoderSelf: tf.Tensor4D[];
  decoderSelf: tf.Tensor4D[];
  cross: tf.Tensor4D[];
}

/** Every parameter's name and shape, in a fixed order (the checkpoint order). */
export function parameterShapes(c: TransformerConfig): [string, number[]][] {
  const C = c.dModel;
  const attention = (p: string): [string, number[]][] =>
    ['q', 'k', 'v', 'o'].flatMap((n): [string, number[]][] => [
      [`${p}.w${n}`, [C, C]],
      [`${p}.b${n}`, [C]],
    ]);
  const norm = (p: string): [string, number[]][] => [
    [`${p}.gamma`, [C]],
    [`${p}.beta`, [C]],
  ];
  const feedForward = (p: string): [string, number[]][] => [
    [`${p}.w1`, [C, c.dFF]],
    [`${p}.b1`, [c.dFF]],
    [`${p}.w2`, [c.dFF, C]],
    [`${p}.b2`, [C]],
  ];
  const shapes: [string, number[]][] = [
    ['encoder.embedding', [c.sourceVocabSize, C]],
    ['decoder.embedding', [c.targetVocabSize, C]],
  ];
  for (let i = 0; i < c.nLayers; i++) {
    const p = `encoder.layer${i}`;
    shapes.push(...attention(`${p}.selfAttention`), ...norm(`${p}.norm1`));
    shapes.push(...feedForward(`${p}.feedForward`), ...norm(`${p}.norm2`));
  }
  shapes.push(...norm('encoder.norm'));
  for (let i = 0; i < c.nLayers; i++) {
    const p = `decoder.layer${i}`;
    shapes.push(...attention(`${p}.selfAttention`), ...norm(`${p}.norm1`));
    shapes.push(...attention(`${p}.crossAttention`), ...norm(`${p}.norm2`));
    shapes.push(...feedForward(`${p}.feedForward`), ...norm(`${p}.norm3`));
  }
  shapes.push(
    ...norm('decoder.norm'),
    ['output.w', [C, c.targetVocabSize]],
    ['output.b', [c.targetVocabSize]],
  );
  // Last, so that the same seed draws every other weight as without it.
  if (c.sourceBigram) shapes.push(['encoder.bigram', [C, C]]);
  return shapes;
}

/** How many numbers a model of config `c` holds (the sum over `parameterShapes`). */
export function parameterTotal(c: TransformerConfig): number {
  return parameterShapes(c).reduce((n, [, shape]) => n + shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * Seeded initial values: Xavier-uniform matrices, zero biases, unit norms, and embeddings
 * N(0, 1/C) so that after the √C scale they sit at the size of the positional signal. The
 * bigram projection starts at zero (and draws nothing): an untrained model with it computes
 * exactly what the same seed's model without it does, and training grows what it needs.
 */
export function initialWeights(c: TransformerConfig, rng: Rng): Map<string, Float32Array> {
  const weights = new Map<string, Float32Array>();
  for (const [name, shape] of parameterShapes(c)) {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    if (name.endsWith('embedding')) {
      for (let i = 0; i < size; i++) values[i] = rng.normal() / Math.sqrt(c.dModel);
    } else if (name.endsWith('.gamma')) {
      values.fill(1);
    } else if (shape.length === 2 && name !== 'encoder.bigram') {
      const [fanIn, fanOut] = shape as [number, number];
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < size; i++) values[i] = (rng.next() * 2 - 1) * limit;
    }
    weights.set(name, values);
  }
  return weights;
}

/** PE[pos, 2i] = sin(pos / 10000^(2i/C)), PE[pos, 2i+1] = cos(same). */
export function sinusoidalPositions(length: number, dModel: number): Float32Array {
  const table = new Float32Array(length * dModel);
  for (let pos = 0; pos < length; pos++) {
    for (let i = 0; i < dModel; i += 2) {
      const angle = pos / Math.pow(10000, i / dModel);
      table[pos * dModel + i] = Math.sin(angle);
      table[pos * dModel + i + 1] = Math.cos(angle);
    }
  }
  return table;
}

export class Transformer {
  readonly config: TransformerConfig;
  /** Trainable parameters by name, in `parameterShapes` order. */
  readonly params: ReadonlyMap<string, tf.Variable>;
  private readonly positions: tf.Tensor2D; // [maxLen, C]
  private disposed = false;
  /** How training differentiates the matrix products (src/model/matmul.ts); values are alike. */
  readonly gradients: Gradients;

  constructor(
    config: TransformerConfig,
    weights: ReadonlyMap<string, Float32Array>,
    options: { readonly gradients?: Gradients } = {},
  ) {
    this.gradients = options.gradients ?? 'tfjs';
    const problem = configProblem(config);
    if (problem) throw new Error(problem);
    this.config = config;
    const params = new Map<string, tf.Variable>();
    for (const [name, shape] of parameterShapes(config)) {
      const values = weights.get(name);
      const size = shape.reduce((a, b) => a * b, 1);
      if (!values || values.length !== size)
        throw new Error(`weight ${name} missing or not of shape [${shape}]`);
      const initial = tf.tensor(values, shape, 'float32');
      params.set(name, tf.variable(initial, true));
      initial.dispose(); // the variable keeps its own reference to the data
    }
    this.params = params;
    const maxLen = Math.max(config.maxSourceLength + (config.sourceEnd ? 1 : 0), config.maxTargetLength);
    this.positions = tf.tensor2d(sinusoidalPositions(maxLen, config.dModel), [maxLen, config.dModel]);
  }

  /** A freshly initialised model; the same seed gives the same weights. */
  static create(
    config: TransformerConfig,
    rng: Rng,
    options: { readonly gradients?: Gradients } = {},
  ): Transformer {
    return new Transformer(config, initialWeights(config, rng), options);
  }

  get parameterCount(): number {
    let n = 0;
    for (const v of this.params.values()) n += v.size;
    return n;
  }

  /** The current weights as plain arrays (to copy a model or save it). */
  weights(): Map<string, Float32Array> {
    const out = new Map<string, Float32Array>();
    for (const [name, v] of this.params) out.set(name, v.dataSync() as Float32Array);
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const v of this.params.values()) v.dispose();
    this.positions.dispose();
  }

  private p(name: string): tf.Variable {
    const v = this.params.get(name);
    if (!v) throw new Error(`no parameter ${name}`);
    return v;
  }

  /** Source ids [B, S] → memory [B, S, C]. */
  encode(source: tf.Tensor2D, trace?: AttentionTrace): tf.Tensor3D {
    const [, S] = source.shape;
    if (S > this.config.maxSourceLength)
      throw new Error(`source length ${S} > ${this.config.maxSourceLength}`);
    const ids = this.encoderInput(source); // [B, S'] (S' = S + 1 with an end mark)
    const mask = paddingMask(ids); // [B, 1, 1, S']
    let x = this.embed(ids, 'encoder'); // [B, S', C]
    for (let i = 0; i < this.config.nLayers; i++) {
      const p = `encoder.layer${i}`;
      const self = this.attention(`${p}.selfAttention`, x, x, mask);
      trace?.encoderSelf.push(self.weights);
      x = this.norm(`${p}.norm1`, x.add(self.out)); // [B, S, C]
      x = this.norm(`${p}.norm2`, x.add(this.feedForward(`${p}.feedForward`, x))); // [B, S, C]
    }
    return this.norm('encoder.norm', x); // [B, S', C]
  }

  /**
   * What the encoder reads for source ids [B, S] (right-padded): the ids themselves, or with
   * `sourceEnd` an EOS after each row's last token → [B, S + 1].
   */
  private encoderInput(source: tf.Tensor2D): tf.Tensor2D {
    if (!this.config.sourceEnd) return source;
    const [B, S] = source.shape;
    const lengths = tf.notEqual(source, PAD).cast('int32').sum(1); // [B]
    const widened = tf.concat([source, tf.zeros([B, 1], 'int32')], 1); // [B, S+1], PAD = 0
    const end = tf
      .oneHot(lengths, S + 1)
      .mul(EOS)
      .cast('int32'); // [B, S+1]
    return widened.add(end) as tf.Tensor2D; // [B, S+1]
  }

  /**
   * Decoder input ids [B, T] (BOS first) reading memory [B, S, C] → logits [B, T, V].
   * `causal` hides later target positions from earlier ones (off only to reproduce the talk).
   */
  decode(
    memory: tf.Tensor3D,
    source: tf.Tensor2D,
    target: tf.Tensor2D,
    causal: boolean,
    trace?: AttentionTrace,
  ): tf.Tensor3D {
    const [B, T] = target.shape;
    if (T > this.config.maxTargetLength)
      throw new Error(`target length ${T} > ${this.config.maxTargetLength}`);
    if (memory.shape[0] !== B) throw new Error(`memory batch ${memory.shape[0]} != target batch ${B}`);
    const sourceMask = paddingMask(this.encoderInput(source)); // [B, 1, 1, S']
    const selfMask = causal ? causalMask(T) : null; // [1, 1, T, T]
    let x = this.embed(target, 'decoder'); // [B, T, C]
    for (let i = 0; i < this.config.nLayers; i++) {
      const p = `decoder.layer${i}`;
      const self = this.attention(`${p}.selfAttention`, x, x, selfMask);
      trace?.decoderSelf.push(self.weights);
      x = this.norm(`${p}.norm1`, x.add(self.out)); // [B, T, C]
      const cross = this.attention(`${p}.crossAttention`, x, memory, sourceMask);
      trace?.cross.push(cross.weights);
      x = this.norm(`${p}.norm2`, x.add(cross.out)); // [B, T, C]
      x = this.norm(`${p}.norm3`, x.add(this.feedForward(`${p}.feedForward`, x))); // [B, T, C]
    }
    x = this.norm('decoder.norm', x); // [B, T, C]
    return this.linear(x, this.p('output.w'), this.p('output.b')); // [B, T, V]
  }

  /**
   * The first decoder layer's masked self-attention block over decoder inputs [B, T] →
   * [B, T, C]. It never reads the source, so a scorer computes it once per candidate set.
   */
  targetContext(target: tf.Tensor2D): tf.Tensor3D {
    const x = this.embed(target, 'decoder'); // [B, T, C]
    const self = this.attention('decoder.layer0.selfAttention', x, x, causalMask(target.shape[1]));
    return this.norm('decoder.layer0.norm1', x.add(self.out)); // [B, T, C]
  }

  /**
   * The rest of a one-layer decoder for B targets that all listen to the same source: every
   * query of every target attends to one memory [1, S, C] in a single batch, so nothing is
   * tiled. context [B, T, C] from targetContext → logits [B, T, V].
   */
  decodeSharedSource(context: tf.Tensor3D, memory: tf.Tensor3D, source: tf.Tensor2D): tf.Tensor3D {
    if (this.config.nLayers !== 1) throw new Error('decodeSharedSource needs a one-layer decoder');
    if (memory.shape[0] !== 1 || source.shape[0] !== 1) throw new Error('one shared source expected');
    const [B, T, C] = context.shape;
    const p = 'decoder.layer0';
    let x = context.reshape([1, B * T, C]) as tf.Tensor3D; // [1, B·T, C]
    const mask = paddingMask(this.encoderInput(source)); // [1, 1, 1, S']
    const cross = this.attention(`${p}.crossAttention`, x, memory, mask); // [1, B·T, C]
    x = this.norm(`${p}.norm2`, x.add(cross.out)); // [1, B·T, C]
    x = this.norm(`${p}.norm3`, x.add(this.feedForward(`${p}.feedForward`, x))); // [1, B·T, C]
    x = this.norm('decoder.norm', x); // [1, B·T, C]
    const logits = this.linear(x, this.p('output.w'), this.p('output.b')); // [1, B·T, V]
    return logits.reshape([B, T, this.config.targetVocabSize]) as tf.Tensor3D; // [B, T, V]
  }

  /** Teacher-forced logits [B, T, V] for source [B, S] and decoder input [B, T]. */
  forward(source: tf.Tensor2D, target: tf.Tensor2D, causal = true, trace?: AttentionTrace): tf.Tensor3D {
    return this.decode(this.encode(source, trace), source, target, causal, trace);
  }

  /**
   * Ids [B, L] → √C·embedding + positions [B, L, C], plus on the encoder with `sourceBigram`
   * the previous position's √C·embedding · encoder.bigram (nothing before the first). Embeds by
   * oneHot·matMul and shifts by pad + slice: gather has no gradient on the wasm backend.
   */
  private embed(ids: tf.Tensor2D, side: 'encoder' | 'decoder'): tf.Tensor3D {
    const [B, L] = ids.shape;
    const table = this.p(`${side}.embedding`); // [V, C]
    const [V, C] = table.shape as [number, number];
    const oneHot = tf.oneHot(ids.reshape([B * L]), V); // [B·L, V]
    const vectors = matMul(oneHot, table, false, this.gradients).mul(Math.sqrt(C)); // [B·L, C]
    const positions = this.positions.slice([0, 0], [L, C]); // [L, C]
    const embedded = vectors.reshape([B, L, C]); // [B, L, C]
    const x = embedded.add(positions) as tf.Tensor3D; // [B, L, C]
    if (side === 'decoder' || !this.config.sourceBigram) return x;
    const previous = embedded
      .pad([
        [0, 0],
        [1, 0],
        [0, 0],
      ])
      .slice([0, 0, 0], [B, L, C]) as tf.Tensor3D; // [B, L, C]: row t holds row t−1, row 0 zeros
    const bigram = matMul(previous.reshape([B * L, C]), this.p('encoder.bigram'), false, this.gradients); // [B·L, C]
    return x.add(bigram.reshape([B, L, C])) as tf.Tensor3D; // [B, L, C]
  }

  /** Multi-head attention of queries [B, Tq, C] over keys/values [B, Tk, C]. */
  private attention(
    prefix: string,
    queryInput: tf.Tensor3D,
    keyInput: tf.Tensor3D,
    mask: tf.Tensor4D | null,
  ): { out: tf.Tensor3D; weights: tf.Tensor4D } {
    const { nHeads: H, dModel: C } = this.config;
    const D = C / H;
    const [B, Tq] = queryInput.shape;
    const Tk = keyInput.shape[1];
    const heads = (x: tf.Tensor3D, T: number): tf.Tensor4D =>
      x.reshape([B, T, H, D]).transpose([0, 2, 1, 3]) as tf.Tensor4D; // [B, H, T, D]
    const q = heads(this.linear(queryInput, this.p(`${prefix}.wq`), this.p(`${prefix}.bq`)), Tq); // [B, H, Tq, D]
    const k = heads(this.linear(keyInput, this.p(`${prefix}.wk`), this.p(`${prefix}.bk`)), Tk); // [B, H, Tk, D]
    const v = heads(this.linear(keyInput, this.p(`${prefix}.wv`), this.p(`${prefix}.bv`)), Tk); // [B, H, Tk, D]
    let scores = matMul(q, k, true, this.gradients).div(Math.sqrt(D)) as tf.Tensor4D; // [B, H, Tq, Tk]
    if (mask) scores = scores.add(mask);
    const weights = tf.softmax(scores); // [B, H, Tq, Tk]
    const mixed = matMul(weights, v, false, this.gradients); // [B, H, Tq, D]
    const joined = mixed.transpose([0, 2, 1, 3]).reshape([B, Tq, C]) as tf.Tensor3D; // [B, Tq, C]
    return { out: this.linear(joined, this.p(`${prefix}.wo`), this.p(`${prefix}.bo`)), weights };
  }

  /** x [B, L, In] · w [In, Out] + b [Out] → [B, L, Out]. */
  private linear(x: tf.Tensor3D, w: tf.Tensor, b: tf.Tensor): tf.Tensor3D {
    const [B, L, In] = x.shape;
    const Out = w.shape[1] as number;
    return matMul(x.reshape([B * L, In]), w, false, this.gradients)
      .add(b)
      .reshape([B, L, Out]) as tf.Tensor3D;
  }

  /** Position-wise ReLU MLP: [B, L, C] → [B, L, C]. */
  private feedForward(prefix: string, x: tf.Tensor3D): tf.Tensor3D {
    const hidden = this.linear(x, this.p(`${prefix}.w1`), this.p(`${prefix}.b1`)).relu() as tf.Tensor3D; // [B, L, F]
    return this.linear(hidden, this.p(`${prefix}.w2`), this.p(`${prefix}.b2`)); // [B, L, C]
  }

  /** LayerNorm over the last axis: [B, L, C] → [B, L, C]. */
  private norm(prefix: string, x: tf.Tensor3D): tf.Tensor3D {
    const { mean, variance } = tf.moments(x, -1, true); // [B, L, 1] each
    const normed = x.sub(mean).div(variance.add(1e-5).sqrt()); // [B, L, C]
    return normed.mul(this.p(`${prefix}.gamma`)).add(this.p(`${prefix}.beta`)) as tf.Tensor3D;
  }
}

/** Ids [B, S] → additive mask [B, 1, 1, S]: MASKED where the key is padding. */
function paddingMask(ids: tf.Tensor2D): tf.Tensor4D {
  const [B, S] = ids.shape;
  return tf.equal(ids, PAD).cast('float32').mul(MASKED).reshape([B, 1, 1, S]) as tf.Tensor4D;
}

/** [1, 1, T, T] additive mask: position t may attend to positions ≤ t only. */
function causalMask(T: number): tf.Tensor4D {
  const values = new Float32Array(T * T);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) values[i * T + j] = MASKED;
  return tf.tensor4d(values, [1, 1, T, T]);
}
