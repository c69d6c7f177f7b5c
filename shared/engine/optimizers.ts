/** Parameter updates. Chapter 4 uses plain stochastic gradient descent; chapter 6's optimizers fit here. */
import { subtractScaled } from './kernels';
import type { FloatArray } from './tensor';

/** Updates parameters in place from their gradients (same order, same lengths). */
export interface Optimizer {
  update(params: FloatArray[], grads: FloatArray[]): void;
}

/** W ← W − η·∂L/∂W for every parameter (the book's `params[key] -= learning_rate * grad[key]`). */
export class SGD implements Optimizer {
  constructor(readonly learningRate: number) {}

  update(params: FloatArray[], grads: FloatArray[]): void {
    for (let i = 0; i < params.length; i++) subtractScaled(params[i], grads[i], this.learningRate);
  }
}
