/**
 * The readable reference engine: the plain TypeScript matrix products (kernels.ts) and no training
 * backend, so every step runs through MultiLayerNet. Faster twins: wasm/wasm-kernels.ts (products) and
 * wasm/fused-training.ts (whole steps); best-engine.ts picks what the runtime offers.
 */
import { matmul, matmulTransposeA, matmulTransposeB } from './kernels';
import type { Engine, Kernels } from './types';

/** The readable reference kernels. */
export const typescriptKernels: Kernels = { name: 'typescript', matmul, matmulTransposeA, matmulTransposeB };

/** TypeScript products, every step through MultiLayerNet. */
export const typescriptEngine: Engine = { kernels: typescriptKernels, training: null };
