/**
 * The Lab's "gradient of a network" page (§4.4.2): the book's `simpleNet`, a 2×3 weight matrix W with no bias,
 * its loss for x = [0.6, 0.9], t = [0, 0, 1], and dW from the engine's numericalGradient.
 */
import { crossEntropyError, softmax } from '../../../../shared/engine/functions';
import { numericalGradient } from '../../../../shared/engine/gradient';

/** The W the book prints (drawn by np.random.randn(2, 3); printed to 8 decimals). Row-major, 2 rows of 3. */
export const BOOK_W: readonly number[] = [0.47355232, 0.9977393, 0.84668094, 0.85557411, 0.03563661, 0.69422093];
export const SIMPLE_NET_X: readonly number[] = [0.6, 0.9];
export const SIMPLE_NET_T: readonly number[] = [0, 0, 1];

/** z = x·W for the 2×3 W. */
export function predict(w: ArrayLike<number>, x: readonly number[] = SIMPLE_NET_X): number[] {
  return [0, 1, 2].map((j) => x[0] * w[j] + x[1] * w[3 + j]);
}

/** The book's `simpleNet.loss`: cross-entropy of softmax(x·W) against t. */
export function simpleNetLoss(
  w: ArrayLike<number>,
  x: readonly number[] = SIMPLE_NET_X,
  t: readonly number[] = SIMPLE_NET_T,
): number {
  return crossEntropyError(softmax(predict(w, x)), t);
}

/** Loss and numerical dW (row-major 2×3) at W, as the book's `numerical_gradient(f, net.W)`. */
export function simpleNetGradient(w: readonly number[]): { loss: number; dW: number[] } {
  const weights = Float64Array.from(w);
  const dW = numericalGradient((v: Float64Array) => simpleNetLoss(v), weights);
  return { loss: simpleNetLoss(weights), dW: Array.from(dW) };
}
