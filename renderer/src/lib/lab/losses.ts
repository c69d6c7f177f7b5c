/**
 * The Lab's losses page (§4.2): ten softmax outputs that always sum to 1, a true label, and the book's two
 * losses of them, computed by the engine's own functions.
 */
import { crossEntropyError, CROSS_ENTROPY_DELTA, meanSquaredError, softmax } from '../../../../shared/engine/functions';
import { t, type MessageKey } from '../i18n';

/** The book's example output (§4.2.1): 0.6 on class 2, the true label. */
export const BOOK_OUTPUT: readonly number[] = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0];

/** A starting point of the page: outputs, label, and what it shows. */
export interface LossPreset {
  /** Its button's text, in the page's language. */
  name: MessageKey;
  y: readonly number[];
  label: number;
}

export const LOSS_PRESETS: readonly LossPreset[] = [
  { name: 'lab.losses.presetBook', y: BOOK_OUTPUT, label: 2 },
  // The book's second example: the same values with 0.6 moved to class 7 (the label stays 2).
  { name: 'lab.losses.presetBook7', y: [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0], label: 2 },
  // y = 0 on the label: without δ the cross-entropy is −log 0 = ∞; with it, −log(1e-7) ≈ 16.12.
  { name: 'lab.losses.presetZero', y: [0.1, 0.05, 0.0, 0.0, 0.05, 0.1, 0.0, 0.7, 0.0, 0.0], label: 2 },
];

/** Both losses of outputs `y` for the true `label`, and the cross-entropy as it would be without δ. */
export interface Losses {
  mse: number;
  ce: number;
  /** −log y[label]: Infinity when y[label] = 0, which is why the book adds δ. */
  ceWithoutDelta: number;
}

export function lossesOf(y: readonly number[], label: number): Losses {
  return {
    mse: meanSquaredError(y, [label]),
    ce: crossEntropyError(y, [label]),
    ceWithoutDelta: -Math.log(y[label]),
  };
}

export { CROSS_ENTROPY_DELTA };

/**
 * `y` with output `index` set to `value` (clamped to [0, 1]) and the others rescaled in proportion so that
 * the ten still sum to 1, as softmax outputs must. If the others are all 0 they share what is left equally.
 */
export function setOutput(y: readonly number[], index: number, value: number): number[] {
  const v = Math.min(1, Math.max(0, value));
  const othersSum = y.reduce((sum, p, i) => (i === index ? sum : sum + p), 0);
  const rest = 1 - v;
  const share = y.length > 1 ? rest / (y.length - 1) : 0;
  return y.map((p, i) => (i === index ? v : othersSum > 0 ? (p / othersSum) * rest : share));
}

/** Softmax of scores typed by the reader ("0.3, 2.9, 4.0"), padded with zeros (or cut) to `classes` values. */
export function outputsFromScores(text: string, classes = 10): number[] {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) throw new RangeError(t('lab.scores.empty'));
  if (parts.length > classes) throw new RangeError(t('lab.scores.tooMany', { max: classes, got: parts.length }));
  const scores = parts.map((part) => {
    const n = Number(part);
    if (!Number.isFinite(n)) throw new RangeError(t('lab.scores.notNumber', { part }));
    return n;
  });
  while (scores.length < classes) scores.push(0);
  return Array.from(softmax(scores));
}

/** Keyboard steps of a bar (arrow keys; Page Up/Down are ten of them). */
export const OUTPUT_STEP = 0.01;

/**
 * `y` with output `index` moved by `delta` (rounded to 1e-6, so that 0.6 + 0.01 is 0.61 and not 0.6099999…),
 * the others rescaled as in setOutput.
 */
export function nudgeOutput(y: readonly number[], index: number, delta: number): number[] {
  return setOutput(y, index, Math.round((y[index] + delta) * 1e6) / 1e6);
}
