/**
 * A seeded random generator that draws exactly what numpy's legacy `np.random.RandomState` draws.
 *
 * The book seeds nothing, but readers who want to reproduce a run call `np.random.seed(s)` before
 * `train_neuralnet.py`. Descent follows the same stream: MT19937 seeded like numpy's `_legacy_seeding`,
 * `randn` by the Marsaglia polar method with numpy's cached second value, and `choice(n, k)` with
 * replacement as numpy's masked rejection sampling over 32-bit draws.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** Largest seed numpy accepts for `np.random.seed`. */
export const MAX_SEED = 0xffffffff;

/** The Mersenne Twister MT19937, 32-bit output, as in numpy's `mt19937.c`. */
export class MT19937 {
  private readonly key = new Uint32Array(N);
  private pos = N;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
    }
    let s = seed >>> 0;
    for (let i = 0; i < N; i++) {
      this.key[i] = s;
      // 1812433253 * (s ^ (s >>> 30)) + i + 1, in 32-bit arithmetic.
      s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + i + 1) >>> 0;
    }
  }

  /** One uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    if (this.pos >= N) this.generate();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) with 53 random bits, as numpy's `random_sample`. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  private generate(): void {
    const key = this.key;
    let i = 0;
    for (; i < N - M; i++) {
      const y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < N - 1; i++) {
      const y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }
}

/** numpy's legacy `RandomState`: the draws `train_neuralnet.py` makes after `np.random.seed(seed)`. */
export class RandomState {
  private readonly mt: MT19937;
  private hasGauss = false;
  private gauss = 0;

  constructor(readonly seed: number) {
    this.mt = new MT19937(seed);
  }

  /** `np.random.random_sample()`: uniform in [0, 1). */
  randomSample(): number {
    return this.mt.nextDouble();
  }

  /** One standard normal draw, numpy's `legacy_gauss` (polar method, second value cached). */
  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2.0 * this.mt.nextDouble() - 1.0;
      x2 = 2.0 * this.mt.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** `np.random.randn(count)` written into `out` (any float array), in draw order. */
  randn(out: Float32Array | Float64Array, scale = 1): Float32Array | Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = scale * this.standardNormal();
    return out;
  }

  /** `np.random.randint(0, high)` for one value: masked rejection over 32-bit draws, as numpy does. */
  randint(high: number): number {
    if (!Number.isInteger(high) || high < 1 || high > 0x100000000) {
      throw new RangeError(`randint high must be an integer from 1 to 2^32, got ${high}`);
    }
    const range = high - 1;
    if (range === 0) return 0;
    if (range === 0xffffffff) return this.mt.nextUint32();
    const mask = maskFor(range);
    let value: number;
    do {
      value = (this.mt.nextUint32() & mask) >>> 0;
    } while (value > range);
    return value;
  }

  /** `np.random.choice(n, k)` (with replacement) written into `out`. */
  choice(n: number, out: Int32Array | Uint32Array): Int32Array | Uint32Array {
    for (let i = 0; i < out.length; i++) out[i] = this.randint(n);
    return out;
  }
}

/** Smallest all-ones bit mask that covers `range` (numpy's `gen_mask`). */
function maskFor(range: number): number {
  let mask = range;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

/** A fresh seed for a run that was given none; always recorded with the run so it can be replayed. */
export function pickSeed(): number {
  // Math.random is fine here: the seed only needs to differ between runs, not be secret.
  return Math.floor(Math.random() * (MAX_SEED + 1));
}
