/** The book's gradient check for a configured network on the first `batch` training images, in float64. */
import type { GradientCheckReport } from '../../shared/api';
import type { RunConfig } from '../../shared/config';
import { gradientCheck, type NumericalMethod } from '../../shared/engine/gradcheck';
import { pixelScale, sliceRows } from '../../shared/engine/dataset';
import { MultiLayerNet } from '../../shared/engine/network';
import { RandomState, pickSeed } from '../../shared/engine/rng';
import { datasetFolder, loadIdxDataset, shapeOf } from './datasets';
import { checkAgainstDataset, DatasetMismatchError } from './training-session';

export function checkGradients(config: RunConfig, batch: number, method: NumericalMethod = 'incremental'): GradientCheckReport {
  const data = loadIdxDataset(datasetFolder(config.dataset));
  const issues = checkAgainstDataset(config, shapeOf(data));
  if (batch > data.train.count) issues.push({ field: 'batch', message: `must be from 1 to ${data.train.count}, got ${batch}` });
  if (issues.length) throw new DatasetMismatchError(issues);
  const seed = config.seed ?? pickSeed();
  const net = MultiLayerNet.initialise({ ...config, dtype: 'float64' }, config.weightInit, new RandomState(seed));
  const x = new Float64Array(batch * data.train.features);
  const t = new Int32Array(batch);
  sliceRows(data.train, 0, batch, pixelScale('float64'), x, t);
  const result = gradientCheck(net, x, t, batch, () => performance.now(), method);
  return { batch, seed, parameters: result.parameters, numericalSeconds: result.numericalSeconds, analyticSeconds: result.analyticSeconds };
}
