/**
 * The Lab's "why not accuracy, why not a step function" page (§4.2.5), on the book's simpleNet: move one weight
 * along a line and compare the loss (smooth: its slope says which way to go) with the accuracy (flat with one
 * jump: its slope is 0 almost everywhere), and the sigmoid with the step function.
 */
import { sigmoid, step } from '../../../../shared/engine/functions';
import { numericalDiff } from '../../../../shared/engine/gradient';
import { argmax } from '../../../../shared/engine/tensor';
import { BOOK_W, predict, simpleNetLoss, SIMPLE_NET_T } from './simple-net';

export interface Point {
  x: number;
  y: number;
}

/** The weight moved: W[0][0], over this range. */
export const WEIGHT_RANGE = { min: -4, max: 4 } as const;

/** simpleNet's W with W[0][0] = v. */
const withWeight = (v: number): number[] => [v, ...BOOK_W.slice(1)];

/** Loss of simpleNet with W[0][0] = v. */
export const lossAt = (v: number): number => simpleNetLoss(withWeight(v));

/** Accuracy of simpleNet on its one sample with W[0][0] = v: 1 if its largest output is the label, else 0. */
export const accuracyAt = (v: number): number => (argmax(predict(withWeight(v))) === argmax(SIMPLE_NET_T) ? 1 : 0);

/** Loss and accuracy sampled along the line. */
export function alongWeight(count = 321): { loss: Point[]; accuracy: Point[] } {
  const xs = Array.from(
    { length: count },
    (_, i) => WEIGHT_RANGE.min + ((WEIGHT_RANGE.max - WEIGHT_RANGE.min) * i) / (count - 1),
  );
  return { loss: xs.map((x) => ({ x, y: lossAt(x) })), accuracy: xs.map((x) => ({ x, y: accuracyAt(x) })) };
}

/** Slopes at v by the engine's numericalDiff: the loss's is a direction to move in; the accuracy's is 0 (or a spike at the jump). */
export function slopesAt(v: number): { loss: number; accuracy: number } {
  return { loss: numericalDiff(lossAt, v), accuracy: numericalDiff(accuracyAt, v) };
}

/**
 * Where the accuracy jumps: W[0][0] at which output 0 overtakes the label's output 2,
 * 0.6·w + 0.9·W[1][0] = z₂, i.e. w = (z₂ − 0.9·W[1][0]) / 0.6.
 */
export function accuracyJump(): number {
  const z = predict(BOOK_W);
  return (z[2] - 0.9 * BOOK_W[3]) / 0.6;
}

/** Sigmoid and step over −6 … 6 with their numerical slopes (the step's is 0 except within h of 0). */
export function activationCurves(count = 241): { sigmoid: Point[]; step: Point[]; sigmoidSlope: Point[]; stepSlope: Point[] } {
  const xs = Array.from({ length: count }, (_, i) => -6 + (12 * i) / (count - 1));
  return {
    sigmoid: xs.map((x) => ({ x, y: sigmoid(x) })),
    step: xs.map((x) => ({ x, y: step(x) })),
    sigmoidSlope: xs.map((x) => ({ x, y: numericalDiff(sigmoid, x) })),
    stepSlope: xs.map((x) => ({ x, y: numericalDiff(step, x) })),
  };
}
