/** The book's gradient check for a configured network on the first `batch` training images, in float64. */
import type { GradientCheckReport } from '../../shared/api';
import type { RunConfig } from '../../shared/config';
import { gradientCheck, type NumericalMethod } from '../../shared/engine/gradcheck';
import { pixelScale, sliceRows } from '../../shared/engine/dataset';
import { MultiLayerNet } from '../../shared/engine/network';
import { RandomState, pickSeed } from '../../shared/engine/rng';
import { datasetFolder, loadTrainingPrefix, probeIdxDataset, type DatasetShape } from './datasets';
import { checkAgainstDataset, DatasetMismatchError } from './training-session';

/** Throws DatasetMismatchError, naming the fields, unless the network and `batch` fit the dataset in `folder`. */
export function assertGradientCheckFits(config: RunConfig, batch: number, folder = datasetFolder(config.dataset)): DatasetShape {
  const shape = probeIdxDataset(folder);
  const issues = checkAgainstDataset(config, shape);
  if (batch > shape.trainCount) issues.push({ field: 'batch', message: `must be from 1 to ${shape.trainCount}, got ${batch}` });
  if (issues.length) throw new DatasetMismatchError(issues);
  return shape;
}

/** The check itself (the CLI runs it in its own process; the workbench in a trainer process: gradient-check-job.ts). */
export async function checkGradients(
  config: RunConfig, batch: number, method: NumericalMethod = 'incremental', folder = datasetFolder(config.dataset),
): Promise<GradientCheckReport> {
  const shape = assertGradientCheckFits(config, batch, folder);
  // Only the images checked are read (a gzipped dataset is inflated only that far).
  const train = await loadTrainingPrefix(folder, shape, batch);
  const seed = config.seed ?? pickSeed();
  const net = MultiLayerNet.initialise({ ...config, dtype: 'float64' }, config.weightInit, new RandomState(seed));
  const x = new Float64Array(batch * train.features);
  const t = new Int32Array(batch);
  sliceRows(train, 0, batch, pixelScale('float64'), x, t);
  const result = gradientCheck(net, x, t, batch, () => performance.now(), method);
  return { batch, seed, parameters: result.parameters, numericalSeconds: result.numericalSeconds, analyticSeconds: result.analyticSeconds };
}
