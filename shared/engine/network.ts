/**
 * A multi-layer perceptron with a softmax output, as the book's `TwoLayerNet` (§4.5) generalised to any
 * number of hidden layers. The default shape 784-50-10 with sigmoid and weight_init_std = 0.01 is exactly
 * `TwoLayerNet(input_size=784, hidden_size=50, output_size=10)`.
 *
 * Parameters are named as in the book: W1, b1, W2, b2, … Weight l is stored row-major with shape
 * (layers[l] × layers[l+1]), so `x · W` needs no transpose.
 */
import { allocate, argmax, type FloatArray } from './tensor';
import { batchLoss, reluInPlace, sigmoidInPlace, softmaxRowsInPlace, stepInPlace, CROSS_ENTROPY_DELTA } from './functions';
import { addRowVector, sumRows } from './kernels';
import { typescriptKernels } from './kernel-set';
import { numericalGradient as centralDifferences } from './gradient';
import type { RandomState } from './rng';
import type { Kernels, NetworkSpec, WeightInit } from './types';

/** One named parameter array with its matrix shape (biases are 1 × width). */
export interface Parameter {
  readonly name: string;
  readonly values: FloatArray;
  readonly rows: number;
  readonly cols: number;
}

/** Where a network's weights and biases live, if not in arrays of its own. */
export interface ParameterStorage {
  readonly weights: readonly FloatArray[];
  readonly biases: readonly FloatArray[];
}

/** Scratch buffers for one batch size, kept so that a training step allocates nothing. */
interface Workspace {
  readonly rows: number;
  /** Output of each layer: activations for hidden layers, softmax probabilities for the last. */
  readonly outputs: FloatArray[];
  /** δ = ∂L/∂(pre-activation) of each layer. */
  readonly deltas: FloatArray[];
  readonly perSample: Float64Array;
}

/** Standard deviation of the initial weights of a layer with `fanIn` inputs. */
export function initStd(init: WeightInit, fanIn: number): number {
  if (init === 'xavier') return Math.sqrt(1 / fanIn);
  if (init === 'he') return Math.sqrt(2 / fanIn);
  return init;
}

export class MultiLayerNet {
  readonly weights: FloatArray[];
  readonly biases: FloatArray[];
  /** Gradient buffers in parameter order (W1, b1, W2, b2, …), reused by every `gradient` call. */
  private readonly gradBuffers: FloatArray[];
  private readonly workspaces = new Map<number, Workspace>();

  /**
   * @param kernels the matrix products to use: the TypeScript reference unless faster ones are given
   * @param storage arrays to hold the weights and biases (zeroed, of the right lengths), e.g. views into
   *   the memory of a resident WebAssembly network; fresh arrays otherwise
   */
  constructor(
    readonly spec: NetworkSpec,
    readonly kernels: Kernels = typescriptKernels,
    storage?: ParameterStorage,
  ) {
    const { layers, dtype } = spec;
    if (layers.length < 2) throw new RangeError('a network needs at least an input and an output layer');
    this.weights = [];
    this.biases = [];
    this.gradBuffers = [];
    for (let l = 0; l + 1 < layers.length; l++) {
      const [k, n] = [layers[l], layers[l + 1]];
      const w = storage?.weights[l] ?? allocate(dtype, k * n);
      const b = storage?.biases[l] ?? allocate(dtype, n);
      if (w.length !== k * n || b.length !== n) throw new RangeError(`layer ${l + 1}: storage of the wrong size`);
      this.weights.push(w);
      this.biases.push(b);
      this.gradBuffers.push(allocate(dtype, k * n), allocate(dtype, n));
    }
  }

  /**
   * A network with weights drawn as the book draws them: W1 = std·randn(in, hidden), then W2, … in
   * order from the same stream; biases zero.
   */
  static initialise(
    spec: NetworkSpec,
    init: WeightInit,
    rng: RandomState,
    kernels?: Kernels,
    storage?: ParameterStorage,
  ): MultiLayerNet {
    const net = new MultiLayerNet(spec, kernels, storage);
    net.weights.forEach((w, l) => rng.randn(w, initStd(init, spec.layers[l])));
    return net;
  }

  /** Number of weight layers (2 for TwoLayerNet). */
  get depth(): number {
    return this.weights.length;
  }

  /** The parameters in the book's order: W1, b1, W2, b2, … */
  parameters(): Parameter[] {
    const { layers } = this.spec;
    return this.weights.flatMap((w, l) => [
      { name: `W${l + 1}`, values: w, rows: layers[l], cols: layers[l + 1] },
      { name: `b${l + 1}`, values: this.biases[l], rows: 1, cols: layers[l + 1] },
    ]);
  }

  /** Class probabilities for `rows` inputs (rows × outputs). The buffer is reused by the next call. */
  predict(x: FloatArray, rows: number): FloatArray {
    const ws = this.workspace(rows);
    this.forward(x, ws);
    return ws.outputs[this.depth - 1];
  }

  /** Mean loss over `rows` inputs with labels `t` (class indices). */
  loss(x: FloatArray, t: ArrayLike<number>, rows: number): number {
    const ws = this.workspace(rows);
    this.forward(x, ws);
    return this.lossOf(ws, t);
  }

  /** Number of the `rows` inputs whose most probable class is their label. */
  countCorrect(x: FloatArray, t: ArrayLike<number>, rows: number): number {
    const y = this.predict(x, rows);
    const classes = this.spec.layers[this.depth];
    let correct = 0;
    for (let r = 0; r < rows; r++) if (argmax(y, r * classes, classes) === t[r]) correct++;
    return correct;
  }

  /** Fraction of inputs classified correctly: the book's `accuracy`. */
  accuracy(x: FloatArray, t: ArrayLike<number>, rows: number): number {
    return this.countCorrect(x, t, rows) / rows;
  }

  /**
   * Analytic gradient by backpropagation, with the loss of the same forward pass. The returned arrays
   * (W1, b1, W2, b2, …) are reused by the next call.
   */
  gradient(x: FloatArray, t: ArrayLike<number>, rows: number): { loss: number; grads: FloatArray[] } {
    const ws = this.workspace(rows);
    const { layers, activation } = this.spec;
    this.forward(x, ws);
    const loss = this.lossOf(ws, t);
    this.outputDelta(ws, t);
    for (let l = this.depth - 1; l >= 0; l--) {
      const input = l === 0 ? x : ws.outputs[l - 1];
      const delta = ws.deltas[l];
      this.kernels.matmulTransposeA(input, delta, this.gradBuffers[2 * l], rows, layers[l], layers[l + 1]);
      sumRows(delta, this.gradBuffers[2 * l + 1], rows, layers[l + 1]);
      if (l === 0) break;
      const below = ws.deltas[l - 1];
      this.kernels.matmulTransposeB(delta, this.weights[l], below, rows, layers[l + 1], layers[l]);
      const z = ws.outputs[l - 1];
      const n = rows * layers[l];
      if (activation === 'sigmoid') {
        // sigmoid_grad(a) = (1 − σ(a))·σ(a), and σ(a) is the layer's output z.
        for (let i = 0; i < n; i++) below[i] = (1 - z[i]) * z[i] * below[i];
      } else if (activation === 'step') {
        // The step's derivative is 0 (and undefined at 0): nothing flows below it, by definition.
        below.fill(0, 0, n);
      } else {
        for (let i = 0; i < n; i++) if (!(z[i] > 0)) below[i] = 0;
      }
    }
    return { loss, grads: this.gradBuffers };
  }

  /**
   * The book's numerical gradient: a central difference of the loss for every single parameter,
   * two full forward passes each. Exact but slow — that is the lesson of §4.4.
   */
  numericalGradient(x: FloatArray, t: ArrayLike<number>, rows: number): FloatArray[] {
    const f = (): number => this.loss(x, t, rows);
    return this.parameters().map((p, i) => centralDifferences(f, p.values, this.gradBuffers[i]));
  }

  private workspace(rows: number): Workspace {
    let ws = this.workspaces.get(rows);
    if (!ws) {
      const widths = this.spec.layers.slice(1);
      ws = {
        rows,
        outputs: widths.map((w) => allocate(this.spec.dtype, rows * w)),
        deltas: widths.map((w) => allocate(this.spec.dtype, rows * w)),
        perSample: new Float64Array(rows),
      };
      this.workspaces.set(rows, ws);
    }
    return ws;
  }

  private forward(x: FloatArray, ws: Workspace): void {
    const { layers, activation } = this.spec;
    const rows = ws.rows;
    let input = x;
    for (let l = 0; l < this.depth; l++) {
      const out = ws.outputs[l];
      this.kernels.matmul(input, this.weights[l], out, rows, layers[l], layers[l + 1]);
      addRowVector(out, this.biases[l], rows, layers[l + 1]);
      const n = rows * layers[l + 1];
      if (l === this.depth - 1) softmaxRowsInPlace(out, rows, layers[l + 1]);
      else if (activation === 'sigmoid') sigmoidInPlace(out, n);
      else if (activation === 'step') stepInPlace(out, n);
      else reluInPlace(out, n);
      input = out;
    }
  }

  /** Mean loss of the softmax outputs currently in the workspace. */
  private lossOf(ws: Workspace, t: ArrayLike<number>): number {
    const last = this.depth - 1;
    const { loss, crossEntropyDelta } = this.spec;
    // Mean squared error keeps its squares in the output δ buffer (overwritten by outputDelta afterwards).
    const scratch = loss === 'cross_entropy' ? ws.perSample : ws.deltas[last];
    return batchLoss(
      loss,
      ws.outputs[last],
      t,
      ws.rows,
      this.spec.layers[this.depth],
      crossEntropyDelta ?? CROSS_ENTROPY_DELTA,
      scratch,
    );
  }

  /** δ of the output layer's pre-activation, for softmax followed by the chosen loss. */
  private outputDelta(ws: Workspace, t: ArrayLike<number>): void {
    const rows = ws.rows;
    const classes = this.spec.layers[this.depth];
    const y = ws.outputs[this.depth - 1];
    const delta = ws.deltas[this.depth - 1];
    for (let r = 0; r < rows; r++) {
      const row = r * classes;
      if (this.spec.loss === 'cross_entropy') {
        // Softmax with cross-entropy: (y − t) / batch_size, the book's `dy`.
        for (let c = 0; c < classes; c++) delta[row + c] = (y[row + c] - (c === t[r] ? 1 : 0)) / rows;
        continue;
      }
      // Mean squared error through softmax: g = (y − t)/B, δ = y ⊙ (g − Σ g·y).
      let dot = 0;
      for (let c = 0; c < classes; c++) {
        const g = (y[row + c] - (c === t[r] ? 1 : 0)) / rows;
        delta[row + c] = g;
        dot += g * y[row + c];
      }
      for (let c = 0; c < classes; c++) delta[row + c] = y[row + c] * (delta[row + c] - dot);
    }
  }
}
