/**
 * One image through a network, for the Inside view's drawing and for `descent predict`: its softmax output,
 * and what its first hidden layer does with it (each unit's activation, the units that respond most).
 */
import { reluInPlace, sigmoidInPlace, stepInPlace } from '../engine/functions';
import type { MultiLayerNet } from '../engine/network';
import { allocate, type FloatArray } from '../engine/tensor';
import type { Activation } from '../engine/types';

/** Softmax output for one input (values in [0, 1], one per input unit), as plain numbers. */
export function predictOne(network: MultiLayerNet, input: ArrayLike<number>): number[] {
  const x = allocate(network.spec.dtype, input.length);
  x.set(Array.from(input));
  return Array.from(network.predict(x, 1));
}

const ACTIVATE: Record<Activation, (values: FloatArray) => void> = {
  sigmoid: sigmoidInPlace,
  relu: reluInPlace,
  step: stepInPlace,
};

/**
 * The first hidden layer's outputs for one input: h = activation(x · W1 + b1), one value per hidden unit —
 * what unit j's weight tile (column j of W1) makes of the image. Null for a network without hidden layers.
 */
export function firstLayerActivations(network: MultiLayerNet, input: ArrayLike<number>): number[] | null {
  const { layers, activation, dtype } = network.spec;
  if (layers.length < 3) return null;
  const [inputs, units] = [layers[0], layers[1]];
  if (input.length !== inputs) throw new RangeError(`the network takes ${inputs} inputs, got ${input.length}`);
  const [w, b] = [network.weights[0], network.biases[0]];
  const h = allocate(dtype, units);
  for (let j = 0; j < units; j++) {
    let sum = b[j];
    for (let i = 0; i < inputs; i++) sum += input[i] * w[i * units + j];
    h[j] = sum;
  }
  ACTIVATE[activation](h);
  return Array.from(h);
}

/** The `k` units with the largest activations, largest first (ties: the lower unit first). */
export function strongestUnits(activations: readonly number[], k: number): { unit: number; activation: number }[] {
  return activations
    .map((activation, unit) => ({ unit, activation }))
    .sort((a, b) => b.activation - a.activation || a.unit - b.unit)
    .slice(0, Math.max(0, k));
}
