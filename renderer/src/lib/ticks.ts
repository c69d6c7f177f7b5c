/** Axis tick labels that read as round numbers, on linear, logarithmic and swept-value axes. Pure. */

/**
 * A linear axis's label: as many decimals as the tick step has, trailing zeros dropped, so that a
 * zoomed axis (whose ends are wherever the drag stopped) reads 480, 482.5, 485 — never 484.147.
 */
export function linearTickLabel(value: number, step: number): string {
  if (!Number.isFinite(value)) return '';
  const decimals = step > 0 && Number.isFinite(step) ? decimalsOf(Number(step.toPrecision(2))) : 6;
  const text = String(Number(value.toFixed(Math.min(decimals, 12))));
  return text === '-0' ? '0' : text;
}

function decimalsOf(value: number): number {
  const [mantissa, exponent] = value.toExponential().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * A log axis's label: 1, 2 and 5 times a power of ten, below 1 as well (0.1, 0.2, 0.5, 0.01 …); other
 * ticks stay unlabelled so labels never collide.
 */
export function logTickLabel(value: number): string {
  if (!(value > 0) || !Number.isFinite(value)) return '';
  const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
  return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6) ? String(Number(value.toPrecision(3))) : '';
}

/**
 * Chart.js tick callback for an axis: explicit ticks (a sweep's values) are all labelled as they are;
 * otherwise log or linear labels as above, the linear step taken from the neighbouring ticks.
 */
export function tickCallback(log: boolean | undefined, explicit?: readonly number[]) {
  return (value: string | number, index: number, ticks: ReadonlyArray<{ value: number }>): string => {
    const v = Number(value);
    if (explicit) return String(Number(v.toPrecision(6)));
    if (log) return logTickLabel(v);
    const step =
      ticks.length > 1
        ? Math.abs(ticks[Math.min(index + 1, ticks.length - 1)].value - ticks[Math.max(index - 1, 0)].value) /
          (index > 0 && index < ticks.length - 1 ? 2 : 1)
        : Number.NaN;
    return linearTickLabel(v, step);
  };
}
