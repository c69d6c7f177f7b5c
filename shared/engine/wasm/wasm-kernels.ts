/**
 * The WebAssembly SIMD kernels (assembly/kernels.ts), loaded from the embedded module so that the same
 * code works in Node, Electron's utility process and the browser. Operands are copied into the module's
 * memory, multiplied there, and the result copied back: the network keeps ordinary typed arrays, and the
 * copies cost far less than the products they feed.
 */
import type { Kernels } from '../types';
import type { FloatArray } from '../tensor';
import { instantiateKernels, PAGE, type WasmMemory } from './module';

type Product = (a: number, b: number, out: number, rows: number, k: number, n: number) => void;

interface KernelExports {
  heapBase(): number;
  matmulF32: Product;
  matmulTransposeAF32: Product;
  matmulTransposeBF32: Product;
  matmulF64: Product;
  matmulTransposeAF64: Product;
  matmulTransposeBF64: Product;
}

class WasmKernels implements Kernels {
  readonly name = 'wasm-simd';

  /** First free byte after the module's static data, 16-byte aligned. */
  private readonly base: number;

  constructor(
    private readonly memory: WasmMemory,
    private readonly fns: KernelExports,
  ) {
    this.base = (fns.heapBase() + 15) & ~15;
  }

  matmul(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, k: number, n: number): void {
    this.run(
      a instanceof Float64Array ? this.fns.matmulF64 : this.fns.matmulF32,
      a,
      rows * k,
      b,
      k * n,
      out,
      rows * n,
      rows,
      k,
      n,
    );
  }

  matmulTransposeA(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, k: number, n: number): void {
    this.run(
      a instanceof Float64Array ? this.fns.matmulTransposeAF64 : this.fns.matmulTransposeAF32,
      a,
      rows * k,
      b,
      rows * n,
      out,
      k * n,
      rows,
      k,
      n,
    );
  }

  matmulTransposeB(a: FloatArray, b: FloatArray, out: FloatArray, rows: number, n: number, k: number): void {
    this.run(
      a instanceof Float64Array ? this.fns.matmulTransposeBF64 : this.fns.matmulTransposeBF32,
      a,
      rows * n,
      b,
      k * n,
      out,
      rows * k,
      rows,
      n,
      k,
    );
  }

  /** Copies a and b in (16-byte aligned, after the static data), runs `fn`, copies the result out. */
  private run(
    fn: Product,
    a: FloatArray,
    aLen: number,
    b: FloatArray,
    bLen: number,
    out: FloatArray,
    outLen: number,
    x: number,
    y: number,
    z: number,
  ): void {
    const size = a.BYTES_PER_ELEMENT;
    const align = (bytes: number): number => (bytes + 15) & ~15;
    const aPtr = this.base;
    const bPtr = aPtr + align(aLen * size);
    const outPtr = bPtr + align(bLen * size);
    const end = outPtr + outLen * size;
    if (end > this.memory.buffer.byteLength) this.memory.grow(Math.ceil((end - this.memory.buffer.byteLength) / PAGE));
    const View = a.constructor as Float32ArrayConstructor | Float64ArrayConstructor;
    const buffer = this.memory.buffer;
    new View(buffer, aPtr, aLen).set(a.subarray(0, aLen));
    new View(buffer, bPtr, bLen).set(b.subarray(0, bLen));
    fn(aPtr, bPtr, outPtr, x, y, z);
    out.set(new View(buffer, outPtr, outLen));
  }
}

let loaded: Kernels | null | undefined;

/** The WebAssembly SIMD kernels, or null where WebAssembly SIMD is not available. Loaded once. */
export function wasmKernels(): Kernels | null {
  if (loaded !== undefined) return loaded;
  const instance = instantiateKernels<KernelExports>(16 * PAGE, true);
  loaded = instance ? new WasmKernels(instance.memory, instance.exports) : null;
  return loaded;
}
