/** The WebAssembly SIMD products against their TypeScript twins (the resident step: fused-training.test.ts, and train.test.ts against numpy). */
import { describe, expect, it } from 'vitest';
import { typescriptKernels } from '../../shared/engine/kernel-set';
import { wasmKernels } from '../../shared/engine/wasm/wasm-kernels';
import { RandomState } from '../../shared/engine/rng';
import type { FloatArray } from '../../shared/engine/tensor';

const wasm = wasmKernels();

function matrix(
  rng: RandomState,
  length: number,
  zeros: number,
  Type: Float32ArrayConstructor | Float64ArrayConstructor,
): FloatArray {
  const out = new Type(length);
  for (let i = 0; i < length; i++) out[i] = rng.randomSample() < zeros ? 0 : rng.standardNormal();
  return out;
}

/** Largest difference relative to the largest magnitude of the reference. */
function scaledDiff(a: FloatArray, b: FloatArray): number {
  let diff = 0;
  let scale = 1e-300;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

describe('WebAssembly SIMD kernels', () => {
  it('load in this runtime', () => {
    expect(wasm?.name).toBe('wasm-simd');
  });

  const shapes = [
    [1, 1, 1],
    [3, 7, 5],
    [2, 5, 1],
    [17, 33, 9],
    [4, 784, 50],
    [100, 50, 10],
    [5, 3, 4],
    [6, 9, 13],
    [0, 4, 3],
  ];
  for (const [Type, tolerance] of [
    [Float64Array, 1e-12],
    [Float32Array, 1e-5],
  ] as const) {
    for (const [rows, k, n] of shapes) {
      for (const zeros of [0, 0.81, 1]) {
        it(`${Type.name}: ${rows}×${k}×${n}, ${zeros * 100}% zeros — all three products equal the TypeScript twins`, () => {
          const rng = new RandomState(rows * 131 + k * 7 + n + zeros * 1000);
          const a = matrix(rng, rows * k, zeros, Type);
          const b = matrix(rng, k * n, 0, Type);
          const c = matrix(rng, rows * n, 0, Type);
          const check = (
            op: 'matmul' | 'matmulTransposeA' | 'matmulTransposeB',
            x: FloatArray,
            y: FloatArray,
            size: number,
            d1: number,
            d2: number,
            d3: number,
          ) => {
            const ours = new Type(size).fill(99);
            const twin = new Type(size).fill(99);
            wasm![op](x, y, ours, d1, d2, d3);
            typescriptKernels[op](x, y, twin, d1, d2, d3);
            expect(scaledDiff(ours, twin), op).toBeLessThanOrEqual(tolerance);
          };
          check('matmul', a, b, rows * n, rows, k, n);
          check('matmulTransposeA', a, c, k * n, rows, k, n);
          check('matmulTransposeB', c, b, rows * k, rows, n, k);
        });
      }
    }
  }

  it('grows its memory for large operands and stays correct', () => {
    const rng = new RandomState(5);
    const a = matrix(rng, 1000 * 784, 0.8, Float32Array);
    const b = matrix(rng, 784 * 64, 0, Float32Array);
    const ours = new Float32Array(1000 * 64);
    const twin = new Float32Array(1000 * 64);
    wasm!.matmul(a, b, ours, 1000, 784, 64);
    typescriptKernels.matmul(a, b, twin, 1000, 784, 64);
    expect(scaledDiff(ours, twin)).toBeLessThan(1e-5);
  });
});
