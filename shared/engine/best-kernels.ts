/** The fastest kernels this runtime offers: WebAssembly SIMD where available, else the TypeScript ones. */
import { typescriptKernels, type Kernels } from './kernel-set';
import { wasmKernels } from './wasm/wasm-kernels';

export function bestKernels(): Kernels {
  return wasmKernels() ?? typescriptKernels;
}
