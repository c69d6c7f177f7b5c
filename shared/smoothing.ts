/**
 * TensorBoard-style smoothing of a loss curve: an exponential moving average, debiased so the start of
 * the curve is not pulled towards 0. The UI draws it and the CSV exports write it (`loss_smoothed`), so
 * both use this one definition.
 */

/**
 * The smoothed curve, kept up to date as values arrive: weight `weight` in [0, 1) (0 leaves the values
 * unchanged). Each call smooths only the values added since the last, so a live curve costs O(new points).
 */
export class IncrementalSmoothing {
  readonly values: number[] = [];
  private readonly step: SmoothingStep;

  constructor(readonly weight: number) {
    this.step = new SmoothingStep(weight);
  }

  /** Extends the smoothed curve to cover `source` (which only ever grows) and returns it. */
  update(source: readonly number[]): number[] {
    if (!(this.weight > 0)) return source as number[];
    for (let i = this.values.length; i < source.length; i++) this.values.push(this.step.next(source[i]));
    return this.values;
  }
}

/**
 * The smoothing one value at a time, keeping nothing but its state: what a streamed export (a history of
 * millions of iterations, never held whole) uses.
 */
export class SmoothingStep {
  private last = 0;
  private debias = 1;

  constructor(readonly weight: number) {}

  /** The smoothed value of the curve's next value. */
  next(value: number): number {
    if (!(this.weight > 0)) return value;
    this.last = this.last * this.weight + (1 - this.weight) * value;
    this.debias *= this.weight;
    return this.last / (1 - this.debias);
  }
}

/** The whole curve smoothed at once. */
export function smoothed(values: readonly number[], weight: number): number[] {
  return [...new IncrementalSmoothing(weight).update(values)];
}
