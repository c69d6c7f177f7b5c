/**
 * The Lab's gradient pages (§4.4, §4.4.1): the book's f(x0, x1) = x0² + x1², its gradient from the engine's
 * numericalGradient, the field of negative gradients the book draws, and gradient-descent paths.
 */
import { gradientDescent, numericalGradient } from '../../../../shared/engine/gradient';
import { t } from '../i18n';

/** The book's `function_2`. */
export const function2 = (x: Float64Array): number => x[0] * x[0] + x[1] * x[1];

/** The gradient of `f` at (x0, x1), numerically, as the book computes it. */
export function gradientAt(f: (x: Float64Array) => number, x0: number, x1: number): [number, number] {
  const g = numericalGradient(f, new Float64Array([x0, x1]));
  return [g[0], g[1]];
}

/** One arrow of the quiver plot: where it starts and the negative gradient there. */
export interface Arrow {
  x0: number;
  x1: number;
  d0: number;
  d1: number;
}

/** Negative gradients on a grid from −limit to limit with `step` spacing (the book's figure 4-9: −2…2, 0.25). */
export function gradientField(f: (x: Float64Array) => number, limit = 2, step = 0.25): Arrow[] {
  const arrows: Arrow[] = [];
  const n = Math.round(limit / step);
  for (let i = -n; i <= n; i++) {
    for (let j = -n; j <= n; j++) {
      const [g0, g1] = gradientAt(f, i * step, j * step);
      arrows.push({ x0: i * step, x1: j * step, d0: -g0, d1: -g1 });
    }
  }
  return arrows;
}

/**
 * Gradient descent from `start`, every point visited: the engine's gradientDescent one step at a time, which
 * does exactly what its `stepNum` loop does, so the last point is the book's `gradient_descent` result.
 */
export function descentPath(
  f: (x: Float64Array) => number,
  start: readonly [number, number],
  learningRate: number,
  steps: number,
): Array<[number, number]> {
  const x = new Float64Array(start);
  const path: Array<[number, number]> = [[x[0], x[1]]];
  for (let s = 0; s < steps; s++) {
    gradientDescent(f, x, learningRate, 1);
    path.push([x[0], x[1]]);
  }
  return path;
}

/** The book's start and its three learning rates (§4.4.1), 100 steps each. */
export const BOOK_START: readonly [number, number] = [-3, 4];
export const BOOK_STEPS = 100;
export const BOOK_LEARNING_RATES = [0.1, 10, 1e-10] as const;

/** Limits of the page's inputs (the error messages name them). */
export const DESCENT_LIMITS = {
  learningRate: { min: 1e-12, max: 100 },
  steps: { min: 1, max: 10_000 },
  start: { min: -10, max: 10 },
} as const;

/** A field's value checked against its range: the number, or a message naming the field and the range. */
export function checkRange(name: string, raw: number, min: number, max: number, integer = false): number | string {
  if (!Number.isFinite(raw)) return t('lab.range.notNumber', { name, min, max });
  if (raw < min || raw > max) return t('lab.range.outside', { name, value: raw, min, max });
  if (integer && !Number.isInteger(raw)) return t('lab.range.whole', { name, min, max });
  return raw;
}
