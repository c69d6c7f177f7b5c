/** Numerical differentiation as the book teaches it (§4.3–4.4): central differences with h = 1e-4. */

/** The step the book uses: small enough to be local, large enough to avoid rounding error. */
export const NUMERICAL_H = 1e-4;

/**
 * (f(x + h) − f(x − h)) / 2h. `h` is the book's 1e-4 unless given (the lab varies it to show where
 * truncation error gives way to rounding error).
 */
export function numericalDiff(f: (x: number) => number, x: number, h = NUMERICAL_H): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/**
 * Gradient of a scalar function of a parameter vector, one central difference per element. `x` is
 * perturbed in place and restored exactly, as the book's `numerical_gradient` does, so `f` may read
 * `x` (for example a network's weights) directly.
 */
export function numericalGradient<T extends Float32Array | Float64Array>(
  f: (x: T) => number,
  x: T,
  out: T = new (x.constructor as new (n: number) => T)(x.length),
): T {
  const h = NUMERICAL_H;
  for (let i = 0; i < x.length; i++) {
    const original = x[i];
    x[i] = original + h;
    const fPlus = f(x);
    x[i] = original - h;
    const fMinus = f(x);
    out[i] = (fPlus - fMinus) / (2 * h);
    x[i] = original;
  }
  return out;
}

/** The book's `gradient_descent`: `stepNum` steps of x ← x − lr·∇f(x), updating `x` in place. */
export function gradientDescent(
  f: (x: Float64Array) => number,
  x: Float64Array,
  learningRate = 0.01,
  stepNum = 100,
): Float64Array {
  const grad = new Float64Array(x.length);
  for (let step = 0; step < stepNum; step++) {
    numericalGradient(f, x, grad);
    for (let i = 0; i < x.length; i++) x[i] -= learningRate * grad[i];
  }
  return x;
}
