/**
 * The gradient check's values element by element, bounded for the wire: an evenly spaced sample of every
 * parameter's numerical and analytic gradients (for a numerical-vs-analytic scatter, which should be the
 * diagonal), and |numerical − analytic| of every weight of W1 (the Lab draws it as one 28×28 tile per hidden
 * unit) when W1 is small enough to send whole.
 */
import { z } from 'zod';
import { encodeFloats } from './inside/float-codec';

/** Points of the scatter over all parameters together: a parameter with fewer elements is sent whole. */
export const SCATTER_POINTS = 4000;
/** The largest W1 whose differences are sent whole (784 × 100 for MNIST; 4 bytes each, base64). */
export const MAX_W1_ELEMENTS = 100_000;

export const gradientElementsSchema = z.strictObject({
  /** Per parameter: every `stride`-th element from 0, its numerical and analytic gradient. */
  scatter: z.array(
    z.strictObject({
      name: z.string(),
      stride: z.number().int().min(1),
      numerical: z.array(z.number()),
      analytic: z.array(z.number()),
    }),
  ),
  /** |numerical − analytic| of W1 (rows = inputs, cols = hidden units, row-major) as little-endian float32 in base64; null if larger than MAX_W1_ELEMENTS. */
  w1AbsDiff: z.strictObject({ rows: z.number().int().min(1), cols: z.number().int().min(1), base64: z.string() }).nullable(),
});
export type GradientElements = z.infer<typeof gradientElementsSchema>;

/** One parameter's two gradients, as the check computed them. */
export interface ParameterGradients {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly numerical: ArrayLike<number>;
  readonly analytic: ArrayLike<number>;
}

/**
 * The stride of each parameter's sample: parameters small enough to fit a fair share of SCATTER_POINTS are
 * sent whole, the rest share what is left in proportion to their size.
 */
export function scatterStrides(counts: readonly number[], budget = SCATTER_POINTS): number[] {
  const share = budget / counts.length;
  const small = counts.filter((c) => c <= share);
  const left = budget - small.reduce((a, b) => a + b, 0);
  const large = counts.filter((c) => c > share).reduce((a, b) => a + b, 0);
  return counts.map((c) => (c <= share ? 1 : Math.max(1, Math.ceil(c / Math.max(1, Math.floor((left * c) / large))))));
}

/** The bounded element-by-element view of a gradient check. */
export function gradientElements(parameters: readonly ParameterGradients[]): GradientElements {
  const strides = scatterStrides(parameters.map((p) => p.numerical.length));
  const scatter = parameters.map((p, i) => {
    const stride = strides[i];
    const numerical: number[] = [];
    const analytic: number[] = [];
    for (let j = 0; j < p.numerical.length; j += stride) {
      numerical.push(p.numerical[j]);
      analytic.push(p.analytic[j]);
    }
    return { name: p.name, stride, numerical, analytic };
  });
  const w1 = parameters.find((p) => p.name === 'W1');
  let w1AbsDiff: GradientElements['w1AbsDiff'] = null;
  if (w1 && w1.numerical.length <= MAX_W1_ELEMENTS) {
    const diff = new Float32Array(w1.numerical.length);
    for (let j = 0; j < diff.length; j++) diff[j] = Math.abs(w1.numerical[j] - w1.analytic[j]);
    w1AbsDiff = { rows: w1.rows, cols: w1.cols, base64: encodeFloats(diff, 'float32') };
  }
  return { scatter, w1AbsDiff };
}
