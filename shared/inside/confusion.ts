/**
 * The confusion matrix of a classifier on a labelled set — row = true class, column = predicted class —
 * and what is read off it: per-class accuracy (the diagonal over the row sums) and the row-normalised
 * matrix (each row's share of its class's images).
 */

/** counts[t][p]: images of true class t predicted as p. */
export type ConfusionMatrix = number[][];

/** Counts of (label, prediction) pairs; throws if the arrays differ in length or a class is out of range. */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ConfusionMatrix {
  if (labels.length !== predicted.length) throw new RangeError(`${labels.length} labels but ${predicted.length} predictions`);
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const [t, p] = [labels[i], predicted[i]];
    if (!(t >= 0 && t < classes && p >= 0 && p < classes))
      throw new RangeError(`image ${i}: class ${t} or ${p} is not in 0…${classes - 1}`);
    counts[t][p]++;
  }
  return counts;
}

/** Fraction of each true class predicted correctly; null for a class with no images. */
export function perClassAccuracy(matrix: ConfusionMatrix): (number | null)[] {
  return matrix.map((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? null : row[t] / total;
  });
}

/** Each row divided by its sum (a row of zeros stays zeros). */
export function rowNormalised(matrix: ConfusionMatrix): number[][] {
  return matrix.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (total === 0 ? 0 : v / total));
  });
}

/** Correct predictions over all images: the trace over the sum, the run's recorded accuracy. */
export function matrixAccuracy(matrix: ConfusionMatrix): number {
  let correct = 0;
  let total = 0;
  matrix.forEach((row, t) =>
    row.forEach((v, p) => {
      total += v;
      if (t === p) correct += v;
    }),
  );
  return total === 0 ? 0 : correct / total;
}
