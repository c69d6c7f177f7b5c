/** A snapshot's network in the page: its weights decoded from the API (one image through it: shared/inside/one-image.ts). */
import type { WorkbenchApi } from '../../../../shared/api';
import { MultiLayerNet } from '../../../../shared/engine/network';
import { decodeBytes, decodeFloats } from '../../../../shared/inside/float-codec';
import type { SnapshotWeights } from '../../../../shared/inside/inside-schemas';

/** The network the snapshot describes (TypeScript kernels: one image at a time needs nothing faster). */
export function networkOf(weights: SnapshotWeights): MultiLayerNet {
  const values = weights.parameters.map((p) => decodeFloats(p.base64, weights.dtype));
  return new MultiLayerNet(
    { layers: weights.layers, activation: weights.activation, loss: weights.loss, dtype: weights.dtype },
    undefined,
    { weights: values.filter((_, i) => i % 2 === 0), biases: values.filter((_, i) => i % 2 === 1) },
  );
}

/** A run's newest snapshot (its final weights for a run from before snapshots) as a network; null if it has no weights yet. */
export async function latestNetwork(
  api: WorkbenchApi,
  runId: string,
): Promise<{ network: MultiLayerNet; iteration: number | null } | null> {
  const { snapshots } = await api.listSnapshots(runId);
  const last = snapshots.at(-1);
  if (!last) return null;
  return { network: networkOf(await api.snapshotWeights(runId, last.iteration)), iteration: last.iteration };
}

/** Test image `index` of the run's dataset as the network's input: 784 values in [0, 1] (bytes / 255, as in training). */
export async function testImageInput(api: WorkbenchApi, runId: string, index: number): Promise<Float64Array> {
  const result = await api.testImages(runId, [index]);
  return Float64Array.from(decodeBytes(result.images[0].base64), (v) => v / 255);
}
