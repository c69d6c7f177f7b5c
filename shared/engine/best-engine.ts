/** The fastest engine this runtime offers: WebAssembly SIMD products and resident steps where available, else TypeScript. */
import { typescriptEngine } from './kernel-set';
import type { Engine } from './types';
import { wasmTrainingBackend } from './wasm/fused-training';
import { wasmKernels } from './wasm/wasm-kernels';

/** WebAssembly SIMD products and whole steps on a resident network, or null without WebAssembly SIMD. */
export function wasmEngine(): Engine | null {
  const kernels = wasmKernels();
  return kernels ? { kernels, training: wasmTrainingBackend } : null;
}

export function bestEngine(): Engine {
  return wasmEngine() ?? typescriptEngine;
}
