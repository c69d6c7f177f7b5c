/**
 * `descent gradcheck`: the book's gradient check (ch. 5, `gradient_check.py`) on the first `batch`
 * training images, in float64: mean and max |numerical − analytic| for every parameter.
 */
import type { RunConfig } from '../../shared/config';
import { gradientCheck, type GradientCheckResult, type NumericalMethod } from '../../shared/engine/gradcheck';
import { MultiLayerNet } from '../../shared/engine/network';
import { pixelScale, sliceRows } from '../../shared/engine/dataset';
import { RandomState, pickSeed } from '../../shared/engine/rng';
import { datasetFolder, loadIdxDataset, shapeOf } from '../core/datasets';
import { checkAgainstDataset } from '../core/training-session';
import { describeConfig, duration, table } from './format';
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
export function runGradcheck(config: RunConfig, batch: number, method: NumericalMethod = 'incremental'): GradcheckReport {
  const started = performance.now();
  const data = loadIdxDataset(datasetFolder(config.dataset));
  const issues = checkAgainstDataset(config, shapeOf(data));
  if (issues.length) throw new UsageError(issues.map(describeForCli).join('\n'));
  if (batch > data.train.count) throw new UsageError(`--batch: must be from 1 to ${data.train.count}, got ${batch}`);
  const seed = config.seed ?? pickSeed();
  const net = MultiLayerNet.initialise({ ...config, dtype: 'float64' }, config.weightInit, new RandomState(seed));
  const x = new Float64Array(batch * data.train.features);
  const t = new Int32Array(batch);
  sliceRows(data.train, 0, batch, pixelScale('float64'), x, t);
  const result: GradientCheckResult = gradientCheck(net, x, t, batch, () => performance.now(), method);
  const pick = (key: 'meanAbsDiff' | 'maxAbsDiff'): Record<string, number> =>
    Object.fromEntries(result.parameters.map((p) => [p.name, p[key]]));
  return {
    type: 'gradcheck',
    batch,
    method,
    seed,
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
    process.stdout.write(`${JSON.stringify(report)}\n`);
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
