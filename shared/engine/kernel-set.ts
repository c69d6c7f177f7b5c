/**
 * The matrix products a network needs, as a swappable set: the plain TypeScript reference
 * (kernels.ts) or its WebAssembly SIMD twin (wasm/wasm-kernels.ts). A set may also offer the whole
 * training step on a resident network (`fusedTraining`), which Training prefers for analytic gradients.
 */
import { matmul, matmulTransposeA, matmulTransposeB } from './kernels';
import type { FloatArray } from './tensor';
import type { NetworkSpec } from './network';
import type { Dataset } from './dataset';
import type { FusedTraining } from './wasm/fused-training';

export interface Kernels {
  readonly name: string;
  /** out (rows×n) = a (rows×k) · b (k×n), zero entries of `a` skipped. */
  matmul(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, k: number, n: number): void;
  /** out (k×n) = aᵀ · b, a is rows×k, b is rows×n. */
  matmulTransposeA(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, k: number, n: number): void;
  /** out (rows×k) = a (rows×n) · bᵀ, b is k×n. */
  matmulTransposeB(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, n: number, k: number): void;
  /** A network for `spec` trained and evaluated on `datasets` whole, one call per batch, if offered. */
  fusedTraining?(spec: NetworkSpec, datasets: readonly Dataset[], batchRows: number, evalRows: number): FusedTraining | null;
}

/** The readable reference kernels. */
export const typescriptKernels: Kernels = { name: 'typescript', matmul, matmulTransposeA, matmulTransposeB };
