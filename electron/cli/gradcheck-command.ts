/**
 * `descent gradcheck`: the book's gradient check (ch. 5, `gradient_check.py`) on the first `batch`
 * training images, in float64: mean and max |numerical − analytic| for every parameter.
 */
import type { RunConfig } from '../../shared/config';
import type { GradientCheckReport } from '../../shared/api';
import type { NumericalMethod } from '../../shared/engine/gradcheck';
import { checkGradients } from '../core/gradient-check';
import { DatasetMismatchError } from '../core/training-session';
import { describeConfig, duration, safeJson, table } from './format';
import { describeForCli, UsageError } from './train-flags';

/** The figures of one gradient check, as `--json` prints them. */
export interface GradcheckReport {
  readonly type: 'gradcheck';
  readonly batch: number;
  readonly method: NumericalMethod;
  readonly seed: number;
  readonly layers: number[];
  readonly meanAbsDiff: Record<string, number>;
  readonly maxAbsDiff: Record<string, number>;
  readonly numericalSeconds: number;
  readonly analyticSeconds: number;
  readonly seconds: number;
}

/** Runs the check for the network `config` describes (its dtype is ignored: always float64). */
export async function runGradcheck(
  config: RunConfig,
  batch: number,
  method: NumericalMethod = 'incremental',
): Promise<GradcheckReport> {
  const started = performance.now();
  let result: GradientCheckReport;
  try {
    result = await checkGradients(config, batch, method);
  } catch (error) {
    if (error instanceof DatasetMismatchError) throw new UsageError(error.issues.map(describeForCli).join('\n'));
    throw error;
  }
  const pick = (key: 'meanAbsDiff' | 'maxAbsDiff'): Record<string, number> =>
    Object.fromEntries(result.parameters.map((p) => [p.name, p[key]]));
  return {
    type: 'gradcheck',
    batch,
    method,
    seed: result.seed,
    layers: [...config.layers],
    meanAbsDiff: pick('meanAbsDiff'),
    maxAbsDiff: pick('maxAbsDiff'),
    numericalSeconds: result.numericalSeconds,
    analyticSeconds: result.analyticSeconds,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Prints a report as a table (or one JSON line). */
export function printGradcheck(report: GradcheckReport, config: RunConfig, json: boolean): void {
  if (json) {
    process.stdout.write(`${safeJson(report)}\n`);
    return;
  }
  const rows = [['parameter', 'mean |numerical − analytic|', 'max |numerical − analytic|']];
  for (const name of Object.keys(report.meanAbsDiff)) {
    rows.push([name, report.meanAbsDiff[name].toExponential(3), report.maxAbsDiff[name].toExponential(3)]);
  }
  const lines = [
    `Gradient check of ${describeConfig({ ...config, dtype: 'float64' }).split(' · SGD')[0]} on the first ${report.batch} ` +
      `training images, float64, seed ${report.seed}`,
    table(rows),
    `numerical gradient (${report.method}) ${duration(report.numericalSeconds)} · analytic gradient ${duration(report.analyticSeconds)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
