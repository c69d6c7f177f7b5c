/**
 * The book's gradient check (ch. 5, `gradient_check.py`): compute the gradient of the same mini-batch
 * by central differences and by backpropagation, and compare them parameter by parameter.
 */
import type { MultiLayerNet } from './network';
import { incrementalNumericalGradient } from './numerical-incremental';
import type { FloatArray } from './tensor';
import type { Clock } from './train';

/**
 * The most images one gradient check takes: the one limit of the CLI (`gradcheck --batch`), the workbench
 * API and the trainer protocol. The incremental method the app uses takes ≈ 1.2 s and a few MB at 1 000
 * MNIST images for 784-50-10, growing linearly with the images; the book's plain loop (`--method plain`)
 * evaluates the batch loss 2 × 39 760 times, ≈ 20 minutes at 1 000 images. A larger batch makes the
 * comparison of two gradients no more telling, only slower (the book checks 3 images).
 */
export const GRADIENT_CHECK_MAX_BATCH = 1000;

/** How far the two gradients of one parameter are apart. */
export interface ParameterDifference {
  readonly name: string;
  readonly count: number;
  /** mean |numerical − analytic|, the figure the book prints. */
  readonly meanAbsDiff: number;
  readonly maxAbsDiff: number;
}

/** The comparison for every parameter and how long each method took. */
export interface GradientCheckResult {
  readonly parameters: ParameterDifference[];
  /** Both gradients in full, per parameter (W1, b1, …): the Lab draws them element by element. */
  readonly numerical: Float64Array[];
  readonly analytic: Float64Array[];
  readonly numericalSeconds: number;
  readonly analyticSeconds: number;
}

/**
 * How the numerical gradient is computed: `plain` is the book's loop (two full forward passes per
 * parameter); `incremental` gives the same central differences by recomputing only what a parameter
 * changes (see numerical-incremental.ts).
 */
export type NumericalMethod = 'incremental' | 'plain';

/** Compares numerical and analytic gradients of `network` on `rows` inputs `x` with labels `t`. */
export function gradientCheck(
  network: MultiLayerNet,
  x: FloatArray,
  t: ArrayLike<number>,
  rows: number,
  now: Clock,
  method: NumericalMethod = 'incremental',
): GradientCheckResult {
  let started = now();
  // Copy: the plain method and the analytic gradient share the network's reusable buffers.
  const numerical = (
    method === 'plain' ? network.numericalGradient(x, t, rows) : incrementalNumericalGradient(network, x, t, rows)
  ).map((g) => Float64Array.from(g));
  const numericalSeconds = (now() - started) / 1000;
  started = now();
  // Copy: the network reuses its gradient buffers.
  const analytic = network.gradient(x, t, rows).grads.map((g) => Float64Array.from(g));
  const analyticSeconds = (now() - started) / 1000;
  const parameters = network.parameters().map((p, i) => {
    let sum = 0;
    let max = 0;
    for (let j = 0; j < numerical[i].length; j++) {
      const d = Math.abs(numerical[i][j] - analytic[i][j]);
      sum += d;
      if (d > max) max = d;
    }
    return { name: p.name, count: p.values.length, meanAbsDiff: sum / p.values.length, maxAbsDiff: max };
  });
  return { parameters, numerical, analytic, numericalSeconds, analyticSeconds };
}
