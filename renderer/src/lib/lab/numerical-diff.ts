/**
 * The Lab's numerical-differentiation page (§4.3): the book's f(x) = 0.01x² + 0.1x, its tangent from the
 * engine's central difference, and how the error of forward and central differences depends on h.
 */
import { numericalDiff, NUMERICAL_H } from '../../../../shared/engine/gradient';

export { NUMERICAL_H };

/** The book's `function_1`, grouped as Python groups `0.01*x**2 + 0.1*x` (so the digits match the book's). */
export const function1 = (x: number): number => 0.01 * (x * x) + 0.1 * x;

/** Its true derivative, 0.02x + 0.1. */
export const function1Derivative = (x: number): number => 0.02 * x + 0.1;

/** The x range of the book's figure 4-5 (0 to 20). */
export const FUNCTION1_RANGE = { min: 0, max: 20 } as const;

export interface Point {
  x: number;
  y: number;
}

/** f sampled over the figure's range. */
export function curvePoints(f: (x: number) => number, count = 101): Point[] {
  const { min, max } = FUNCTION1_RANGE;
  return Array.from({ length: count }, (_, i) => {
    const x = min + ((max - min) * i) / (count - 1);
    return { x, y: f(x) };
  });
}

/** The tangent at x as the book draws it: slope from numericalDiff, through (x, f(x)). */
export function tangentLine(f: (x: number) => number, x: number): { slope: number; at: (t: number) => number } {
  const slope = numericalDiff(f, x);
  const y = f(x);
  return { slope, at: (t) => slope * (t - x) + y };
}

/**
 * The book's first, flawed `numerical_diff` (§4.3.1): the forward difference (f(x + h) − f(x)) / h, whose
 * truncation error shrinks only like h (the central difference's like h²).
 */
export function forwardDiff(f: (x: number) => number, x: number, h: number): number {
  return (f(x + h) - f(x)) / h;
}

/** One h of the error sweep: both estimates and their distance from the true derivative. */
export interface DiffAtH {
  h: number;
  forward: number;
  central: number;
  forwardError: number;
  centralError: number;
}

/** Both differences of `f` at `x` for step `h`, against the true derivative `exact`. */
export function diffAtH(f: (x: number) => number, x: number, h: number, exact: number): DiffAtH {
  const forward = forwardDiff(f, x, h);
  const central = numericalDiff(f, x, h);
  return { h, forward, central, forwardError: Math.abs(forward - exact), centralError: Math.abs(central - exact) };
}

/**
 * The errors for h = 10^e, e from −1 down to −50 in steps of `perDecade`ths: large h is truncation error,
 * tiny h rounding error; once x + h rounds to x, both estimates are 0 and the error is the whole derivative.
 */
export function errorSweep(f: (x: number) => number, x: number, exact: number, perDecade = 4): DiffAtH[] {
  const out: DiffAtH[] = [];
  for (let k = perDecade; k <= 50 * perDecade; k++) out.push(diffAtH(f, x, 10 ** (-k / perDecade), exact));
  return out;
}

/** The h whose central-difference error is smallest in a sweep (the sweet spot near the book's 1e-4). */
export function bestStep(sweep: readonly DiffAtH[]): DiffAtH {
  return sweep.reduce((best, d) => (d.centralError < best.centralError ? d : best));
}

/** What 1e-50 becomes in float32 (np.float32(1e-50)): 0, so x + h is x. */
export const FLOAT32_OF_1E_50 = Math.fround(1e-50);

/** A function the page can differentiate, with its true derivative to measure the error against. */
export interface LabFunction {
  id: string;
  label: string;
  f: (x: number) => number;
  derivative: (x: number) => number;
}

export const DIFF_FUNCTIONS: readonly LabFunction[] = [
  { id: 'book', label: "0.01x² + 0.1x (the book's)", f: function1, derivative: function1Derivative },
  // A quadratic's central difference has no truncation error at all; sin x shows it (≈ h²/6 · cos x).
  { id: 'sin', label: 'sin x', f: Math.sin, derivative: Math.cos },
];
