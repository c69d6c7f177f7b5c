/**
 * The book's `TwoLayerNet` (§4.5, `two_layer_net.py`) as printed, in TypeScript and float64: the readable
 * reference. Runs use the general `MultiLayerNet` (network.ts: any depth, ReLU, MSE, float32, reused
 * buffers, fast kernels), which is tested against this class: same weights, same predict, loss and
 * gradients (test/unit/two-layer-net.test.ts).
 *
 * Matrices are flat row-major arrays; `x` holds `rows` inputs and `t` their one-hot targets, as the book's
 * `load_mnist(one_hot_label=True)` gives them.
 */
import { crossEntropyError, sigmoid, softmaxRowsInPlace } from './functions';
import { numericalGradient } from './gradient';
import { addRowVector, matmul, matmulTransposeA, matmulTransposeB, sumRows } from './kernels';
import type { RandomState } from './rng';
import { argmax } from './tensor';

/** The book's `params` / `grads` dictionaries. */
export interface TwoLayerParams {
  W1: Float64Array;
  b1: Float64Array;
  W2: Float64Array;
  b2: Float64Array;
}

/** `sigmoid_grad(x) = (1.0 - sigmoid(x)) * sigmoid(x)`. */
function sigmoidGrad(x: number): number {
  return (1.0 - sigmoid(x)) * sigmoid(x);
}

/** `np.dot(a, b)` for a (rows × k) and b (k × n). */
function dot(a: Float64Array, b: Float64Array, rows: number, k: number, n: number): Float64Array {
  const out = new Float64Array(rows * n);
  matmul(a, b, out, rows, k, n);
  return out;
}

export class TwoLayerNet {
  readonly params: TwoLayerParams;

  /** `W1 = weight_init_std * np.random.randn(input_size, hidden_size)`, `b1 = np.zeros(hidden_size)`, then W2, b2. */
  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
    readonly outputSize: number,
    rng: RandomState,
    weightInitStd = 0.01,
  ) {
    const W1 = new Float64Array(inputSize * hiddenSize);
    rng.randn(W1, weightInitStd);
    const W2 = new Float64Array(hiddenSize * outputSize);
    rng.randn(W2, weightInitStd);
    this.params = { W1, b1: new Float64Array(hiddenSize), W2, b2: new Float64Array(outputSize) };
  }

  /** Class probabilities y (rows × output_size). */
  predict(x: Float64Array, rows: number): Float64Array {
    const { W1, b1, W2, b2 } = this.params;
    const a1 = dot(x, W1, rows, this.inputSize, this.hiddenSize);
    addRowVector(a1, b1, rows, this.hiddenSize);
    const z1 = a1.map(sigmoid);
    const a2 = dot(z1, W2, rows, this.hiddenSize, this.outputSize);
    addRowVector(a2, b2, rows, this.outputSize);
    const y = a2;
    softmaxRowsInPlace(y, rows, this.outputSize);
    return y;
  }

  /** `cross_entropy_error(self.predict(x), t)`. */
  loss(x: Float64Array, t: Float64Array, rows: number): number {
    const y = this.predict(x, rows);
    return crossEntropyError(y, t, rows);
  }

  /** Share of rows whose most probable class is the one-hot target's. */
  accuracy(x: Float64Array, t: Float64Array, rows: number): number {
    const y = this.predict(x, rows);
    let correct = 0;
    for (let r = 0; r < rows; r++) {
      if (argmax(y, r * this.outputSize, this.outputSize) === argmax(t, r * this.outputSize, this.outputSize)) correct++;
    }
    return correct / rows;
  }

  /** The gradient of `loss` by central differences over every parameter (§4.4: slow, simple, exact). */
  numericalGradient(x: Float64Array, t: Float64Array, rows: number): TwoLayerParams {
    const lossW = (): number => this.loss(x, t, rows);
    return {
      W1: numericalGradient(lossW, this.params.W1),
      b1: numericalGradient(lossW, this.params.b1),
      W2: numericalGradient(lossW, this.params.W2),
      b2: numericalGradient(lossW, this.params.b2),
    };
  }

  /** The gradient by backpropagation, as `TwoLayerNet.gradient` in the book's code. */
  gradient(x: Float64Array, t: Float64Array, rows: number): TwoLayerParams {
    const { W1, b1, W2, b2 } = this.params;
    const [input, hidden, output] = [this.inputSize, this.hiddenSize, this.outputSize];
    const batchNum = rows;

    // forward
    const a1 = dot(x, W1, rows, input, hidden);
    addRowVector(a1, b1, rows, hidden);
    const z1 = a1.map(sigmoid);
    const a2 = dot(z1, W2, rows, hidden, output);
    addRowVector(a2, b2, rows, output);
    const y = Float64Array.from(a2);
    softmaxRowsInPlace(y, rows, output);

    // backward
    const dy = y.map((yi, i) => (yi - t[i]) / batchNum);
    const grads: TwoLayerParams = {
      W2: new Float64Array(hidden * output),
      b2: new Float64Array(output),
      W1: new Float64Array(input * hidden),
      b1: new Float64Array(hidden),
    };
    matmulTransposeA(z1, dy, grads.W2, rows, hidden, output); // np.dot(z1.T, dy)
    sumRows(dy, grads.b2, rows, output); // np.sum(dy, axis=0)
    const da1 = new Float64Array(rows * hidden);
    matmulTransposeB(dy, W2, da1, rows, output, hidden); // np.dot(dy, W2.T)
    const dz1 = da1.map((d, i) => sigmoidGrad(a1[i]) * d);
    matmulTransposeA(x, dz1, grads.W1, rows, input, hidden); // np.dot(x.T, dz1)
    sumRows(dz1, grads.b1, rows, hidden); // np.sum(dz1, axis=0)
    return grads;
  }
}
