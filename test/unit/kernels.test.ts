import { describe, expect, it } from 'vitest';
import { matmul, matmulTransposeA, matmulTransposeB, sumRows, addRowVector } from '../../shared/engine/kernels';
import { RandomState } from '../../shared/engine/rng';
import { expectAllClose } from '../support/close';

/** Textbook triple loop, the definition the kernels must agree with. */
function naiveProduct(a: number[][], b: number[][]): number[] {
  const out: number[] = [];
  for (const row of a) for (let j = 0; j < b[0].length; j++) out.push(row.reduce((s, v, p) => s + v * b[p][j], 0));
  return out;
}

function randomMatrix(rng: RandomState, rows: number, cols: number, zeroFraction: number): number[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => (rng.randomSample() < zeroFraction ? 0 : rng.standardNormal())),
  );
}

const transpose = (m: number[][]): number[][] => m[0].map((_, j) => m.map((row) => row[j]));

describe('matrix kernels', () => {
  it('2×3 · 3×2 by hand', () => {
    const out = new Float64Array(4);
    matmul(new Float64Array([1, 2, 3, 4, 5, 6]), new Float64Array([7, 8, 9, 10, 11, 12]), out, 2, 3, 2);
    expect(Array.from(out)).toEqual([58, 64, 139, 154]);
  });

  const shapes = [
    [1, 1, 1],
    [3, 7, 5],
    [17, 33, 9],
    [4, 784, 50],
    [100, 50, 10],
    [2, 5, 1],
  ];
  for (const [rows, k, n] of shapes) {
    for (const zeros of [0, 0.81, 1]) {
      it(`${rows}×${k}·${k}×${n} with ${zeros * 100}% zeros agrees with the definition, all three layouts`, () => {
        const rng = new RandomState(rows * 1000 + k + n);
        const a = randomMatrix(rng, rows, k, zeros);
        const b = randomMatrix(rng, k, n, 0);
        const expected = naiveProduct(a, b);
        const out = new Float64Array(rows * n);
        matmul(new Float64Array(a.flat()), new Float64Array(b.flat()), out, rows, k, n);
        expectAllClose(out, expected, 1e-12);
        // aᵀ·b with a stored as its transpose (k×rows) must give the same result.
        const outT = new Float64Array(rows * n);
        matmulTransposeA(new Float64Array(transpose(a).flat()), new Float64Array(b.flat()), outT, k, rows, n);
        expectAllClose(outT, expected, 1e-12);
        // a·bᵀ with b stored as its transpose (n×k).
        const outBT = new Float64Array(rows * n);
        matmulTransposeB(new Float64Array(a.flat()), new Float64Array(transpose(b).flat()), outBT, rows, k, n);
        expectAllClose(outBT, expected, 1e-12);
        // float32 storage agrees within float32 rounding.
        const out32 = new Float32Array(rows * n);
        matmul(new Float32Array(a.flat()), new Float32Array(b.flat()), out32, rows, k, n);
        expectAllClose(out32, expected, 1e-4);
      });
    }
  }

  it('overwrites the output instead of accumulating into it', () => {
    const out = new Float64Array([99, 99]);
    matmul(new Float64Array([0, 0]), new Float64Array([1, 2, 3, 4]), out, 1, 2, 2);
    expect(Array.from(out)).toEqual([0, 0]);
  });

  it('propagates NaN from a non-zero input', () => {
    const out = new Float64Array(1);
    matmul(new Float64Array([NaN]), new Float64Array([1]), out, 1, 1, 1);
    expect(out[0]).toBeNaN();
  });

  it('sumRows is np.sum(axis=0) and addRowVector is broadcasting', () => {
    const m = new Float64Array([1, 2, 3, 4, 5, 6]);
    const sums = new Float64Array(3);
    sumRows(m, sums, 2, 3);
    expect(Array.from(sums)).toEqual([5, 7, 9]);
    addRowVector(m, new Float64Array([10, 20, 30]), 2, 3);
    expect(Array.from(m)).toEqual([11, 22, 33, 14, 25, 36]);
  });
});
