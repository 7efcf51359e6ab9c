// A fast seeded source of Gaussian noise for the simulation's inner loop. A naming trial draws
// about 1,200 normal samples (73 units × 16 steps), so the project's general generator
// (src/data/random.ts, pure-rand xoroshiro128+) only seeds this one: sfc32 (32-bit integer
// arithmetic) with Marsaglia & Tsang's ziggurat (2000, 128 layers): ~99 % of samples cost one
// 32-bit draw, a table look-up and a multiply, no logarithm.
import { createRng, type Rng } from '../../data/random';

/** a, b, c, d of sfc32. */
export type FastRngState = readonly [number, number, number, number];

const TWO_POW_32 = 4294967296;

// Ziggurat tables for the standard normal (Marsaglia & Tsang 2000, "The ziggurat method for
// generating random variables", J. Stat. Softw. 5(8), RNOR with 128 layers).
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const KN = new Float64Array(128);
const WN = new Float64Array(128);
const FN = new Float64Array(128);
{
  const m1 = 2147483648;
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / Math.exp(-0.5 * dn * dn);
  KN[0] = (dn / q) * m1;
  KN[1] = 0;
  WN[0] = q / m1;
  WN[127] = dn / m1;
  FN[0] = 1;
  FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZIG_V / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * m1;
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / m1;
  }
}

export class FastRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: FastRngState) {
    this.a = state[0] | 0;
    this.b = state[1] | 0;
    this.c = state[2] | 0;
    this.d = state[3] | 0;
  }

  /** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): a signed 32-bit integer. */
  nextInt32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    const c = (this.c << 21) | (this.c >>> 11);
    this.c = (c + t) | 0;
    return t;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return (this.nextInt32() >>> 0) / TWO_POW_32;
  }

  /** A standard normal sample. */
  normal(): number {
    const hz = this.nextInt32();
    const iz = hz & 127;
    const x = hz * (WN[iz] as number);
    if (Math.abs(hz) < (KN[iz] as number)) return x;
    return this.normalSlow(hz);
  }

  /**
   * Fills out[0..n) with standard normal samples: the same stream as n calls of `normal()`, with
   * the generator's state kept in locals for the common case (the simulation's hot loop).
   */
  fillNormals(out: Float64Array, n: number): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let i = 0; i < n; i++) {
      const hz = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + hz) | 0;
      const iz = hz & 127;
      if (Math.abs(hz) < (KN[iz] as number)) {
        out[i] = hz * (WN[iz] as number);
      } else {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        out[i] = this.normalSlow(hz);
        a = this.a;
        b = this.b;
        c = this.c;
        d = this.d;
      }
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  // The rare case: the base strip's tail, or a wedge between two rectangles.
  private normalSlow(first: number): number {
    let hz = first;
    for (;;) {
      const iz = hz & 127;
      const x = hz * (WN[iz] as number);
      if (Math.abs(hz) < (KN[iz] as number)) return x;
      if (iz === 0) {
        let tail: number;
        let y: number;
        do {
          tail = -Math.log(1 - this.uniform()) / ZIG_R;
          y = -Math.log(1 - this.uniform());
        } while (y + y < tail * tail);
        return hz > 0 ? ZIG_R + tail : -ZIG_R - tail;
      }
      const f0 = FN[iz] as number;
      if (f0 + this.uniform() * ((FN[iz - 1] as number) - f0) < Math.exp(-0.5 * x * x)) return x;
      hz = this.nextInt32();
    }
  }

  /** The full state, to replay a trial exactly with `new FastRng(state)`. */
  state(): FastRngState {
    return [this.a, this.b, this.c, this.d];
  }
}

/** A generator seeded through the project's seeded RNG. */
export function fastRng(seed: number | Rng): FastRng {
  const rng = typeof seed === 'number' ? createRng(seed) : seed;
  const word = (): number => (rng.int(0, 0xffff) * 0x10000 + rng.int(0, 0xffff)) | 0;
  const gen = new FastRng([word(), word(), word(), 1]);
  // Discard the first outputs, as the generator's author recommends, to mix the seed in.
  for (let i = 0; i < 12; i++) gen.nextInt32();
  return gen;
}
