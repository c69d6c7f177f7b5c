/** A snapshot's network in the page: its weights decoded from the API (one image through it: shared/inside/one-image.ts). */
import { MultiLayerNet } from '../../../../shared/engine/network';
import { decodeFloats } from '../../../../shared/inside/float-codec';
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
