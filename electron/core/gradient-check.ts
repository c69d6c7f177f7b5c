/** The book's gradient check for a configured network on the first `batch` training images, in float64. */
import type { GradientCheckReport } from '../../shared/api';
import { estimateMemoryBytes, formatBytes, LIMITS, type ConfigIssue, type RunConfig } from '../../shared/config';
import { gradientCheck, type NumericalMethod } from '../../shared/engine/gradcheck';
import { gradientElements } from '../../shared/gradcheck-elements';
import { pixelScale, sliceRows } from '../../shared/engine/dataset';
import { MultiLayerNet } from '../../shared/engine/network';
import { RandomState, pickSeed } from '../../shared/engine/rng';
import { datasetFolder, loadTrainingPrefix, type DatasetShape } from './datasets';
import { probeDatasetOffThread, probeInThisThread, type DatasetProbe } from './dataset-probe';
import { checkAgainstDataset, DatasetMismatchError } from './training-session';

/**
 * Bytes a gradient check holds: twice a float64 run's estimate, whatever the config's dtype — the check
 * computes in float64 and keeps a second set of parameter-sized gradients (the numerical one and its copy
 * beside the analytic one) and a second set of batch buffers (the incremental method's own activations).
 */
export function gradientCheckMemoryBytes(layers: number[], batch: number): number {
  return 2 * estimateMemoryBytes({ layers, batchSize: batch, dtype: 'float64' });
}

/** The issue, if any, of a gradient check that would need more memory than a run may plan to use. */
function memoryIssue(config: RunConfig, batch: number): ConfigIssue[] {
  const bytes = gradientCheckMemoryBytes(config.layers, batch);
  if (bytes <= LIMITS.memoryBytes) return [];
  return [
    {
      field: 'layers',
      message:
        `a gradient check of a ${config.layers.join('-')} network on ${batch} images needs about ${formatBytes(bytes)} ` +
        `(float64, two gradients), more than the ${formatBytes(LIMITS.memoryBytes)} it may use`,
    },
  ];
}

/**
 * Throws DatasetMismatchError, naming the fields, unless the network and `batch` fit the dataset in
 * `folder` and the check's memory; `probe` reads the dataset's headers (off the thread by default).
 */
export async function assertGradientCheckFits(
  config: RunConfig,
  batch: number,
  folder = datasetFolder(config.dataset),
  probe: DatasetProbe = probeDatasetOffThread,
): Promise<DatasetShape> {
  const memory = memoryIssue(config, batch);
  if (memory.length) throw new DatasetMismatchError(memory); // before any file is read
  const shape = await probe(folder);
  const issues = checkAgainstDataset(config, shape);
  if (batch > shape.trainCount) issues.push({ field: 'batch', message: `must be from 1 to ${shape.trainCount}, got ${batch}` });
  if (issues.length) throw new DatasetMismatchError(issues);
  return shape;
}

/** The check itself (the CLI runs it in its own process; the workbench in a trainer process: gradient-check-job.ts). */
export async function checkGradients(
  config: RunConfig,
  batch: number,
  method: NumericalMethod = 'incremental',
  folder = datasetFolder(config.dataset),
): Promise<GradientCheckReport> {
  // In this thread: the check runs in a process of its own (a trainer, or the CLI).
  const shape = await assertGradientCheckFits(config, batch, folder, probeInThisThread);
  // Only the images checked are read (a gzipped dataset is inflated only that far).
  const train = await loadTrainingPrefix(folder, shape, batch);
  const seed = config.seed ?? pickSeed();
  const net = MultiLayerNet.initialise({ ...config, dtype: 'float64' }, config.weightInit, new RandomState(seed));
  const x = new Float64Array(batch * train.features);
  const t = new Int32Array(batch);
  sliceRows(train, 0, batch, pixelScale('float64'), x, t);
  const result = gradientCheck(net, x, t, batch, () => performance.now(), method);
  const gradients = net.parameters().map((p, i) => ({
    name: p.name,
    rows: p.rows,
    cols: p.cols,
    numerical: result.numerical[i],
    analytic: result.analytic[i],
  }));
  return {
    batch,
    seed,
    parameters: result.parameters,
    numericalSeconds: result.numericalSeconds,
    analyticSeconds: result.analyticSeconds,
    elements: gradientElements(gradients),
  };
}
