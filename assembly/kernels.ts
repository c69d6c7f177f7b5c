// The WebAssembly module of Descent's engine (AssemblyScript, SIMD): the matrix products on their own
// (shared/engine/wasm/wasm-kernels.ts) and the whole training step and evaluation with the network
// resident in this module's memory (training.ts). Each generic body is exported once per precision.
import { matmul, matmulTransposeA, matmulTransposeB } from './products';
import { countCorrect, trainingStep } from './training';

export function matmulF32(a: usize, b: usize, out: usize, rows: i32, k: i32, n: i32): void { matmul<f32>(a, b, out, rows, k, n); }
export function matmulTransposeAF32(a: usize, b: usize, out: usize, rows: i32, k: i32, n: i32): void { matmulTransposeA<f32>(a, b, out, rows, k, n); }
export function matmulTransposeBF32(a: usize, b: usize, out: usize, rows: i32, n: i32, k: i32): void { matmulTransposeB<f32>(a, b, out, rows, n, k); }
export function matmulF64(a: usize, b: usize, out: usize, rows: i32, k: i32, n: i32): void { matmul<f64>(a, b, out, rows, k, n); }
export function matmulTransposeAF64(a: usize, b: usize, out: usize, rows: i32, k: i32, n: i32): void { matmulTransposeA<f64>(a, b, out, rows, k, n); }
export function matmulTransposeBF64(a: usize, b: usize, out: usize, rows: i32, n: i32, k: i32): void { matmulTransposeB<f64>(a, b, out, rows, n, k); }


export function trainingStepF32(desc: usize, rows: i32, resident: bool, learningRate: f64, crossEntropyDelta: f64, lossAfterUpdate: bool): f64 { return trainingStep<f32>(desc, rows, resident, learningRate, crossEntropyDelta, lossAfterUpdate); }
export function trainingStepF64(desc: usize, rows: i32, resident: bool, learningRate: f64, crossEntropyDelta: f64, lossAfterUpdate: bool): f64 { return trainingStep<f64>(desc, rows, resident, learningRate, crossEntropyDelta, lossAfterUpdate); }
export function countCorrectF32(desc: usize, rows: i32, resident: bool): i32 { return countCorrect<f32>(desc, rows, resident); }
export function countCorrectF64(desc: usize, rows: i32, resident: bool): i32 { return countCorrect<f64>(desc, rows, resident); }

// The descriptor's word offsets and RESIDENT_DENSITY as this build has them, exported as WebAssembly
// globals: a test compares them with the host's (the same source file, unless the module is stale).
export * from '../shared/engine/wasm/descriptor-layout';

// Where free memory begins (after static data such as `scratch`): callers place operands from here on.
export function heapBase(): usize { return __heap_base; }
