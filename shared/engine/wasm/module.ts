/**
 * The engine's WebAssembly module (assembly/kernels.ts), compiled once from its embedded base64 so
 * that the same code loads in Node, Electron's utility process and the browser without file paths, and
 * instantiated on a memory the caller provides.
 */
import { KERNELS_WASM_BASE64 } from './kernels-module.generated';

/** WebAssembly memory pages are 64 KiB. */
export const PAGE = 65536;
/**
 * The most pages any instance's memory may have: 2 GiB, the maximum the module declares (scripts/build-wasm.js).
 * The module's memory is shared (a SharedArrayBuffer, so that a worker thread can evaluate in it: see
 * fused-training.ts), and a shared memory declares its maximum up front.
 */
export const MAX_PAGES = 32768;

// WebAssembly and atob are globals in Node, Electron and browsers alike, but shared/ compiles without the
// DOM or Node type libraries: the little used here is declared structurally.
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const runtime = globalThis as unknown as { WebAssembly?: WasmApi; atob: (text: string) => string };

function decodeBase64(text: string): Uint8Array {
  const binary = runtime.atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let compiled: object | null | undefined;

function kernelsModule(): object | null {
  if (compiled !== undefined) return compiled;
  const wasm = runtime.WebAssembly;
  try {
    // 17 kB: compiled synchronously (Node and worker-like processes only; the renderer does not load it).
    compiled = wasm ? new wasm.Module(decodeBase64(KERNELS_WASM_BASE64)) : null;
  } catch {
    compiled = null; // no SIMD or threads support: callers fall back to the TypeScript engine
  }
  return compiled;
}

/**
 * The module's exports on a fresh memory of `bytes` (rounded up to whole pages; `growable`: able to grow up
 * to MAX_PAGES, else fixed at that size), or null without WebAssembly SIMD and threads or when that much
 * memory cannot be allocated.
 */
export function instantiateKernels<Exports>(bytes: number, growable = false): { memory: WasmMemory; exports: Exports } | null {
  const wasm = runtime.WebAssembly;
  if (!kernelsModule() || !wasm) return null;
  const initial = Math.max(1, Math.ceil(bytes / PAGE));
  if (initial > MAX_PAGES) return null;
  let memory: WasmMemory;
  try {
    memory = new wasm.Memory({ initial, maximum: growable ? MAX_PAGES : initial, shared: true });
  } catch {
    return null; // the memory could not be had (too large for this machine): callers use the TypeScript engine
  }
  const exports = instantiateOn<Exports>(memory);
  return exports ? { memory, exports } : null;
}

/**
 * The module's exports on an existing memory of this module (e.g. one another thread made and posted):
 * a second instance working in the same memory. Null without WebAssembly SIMD and threads.
 */
export function instantiateOn<Exports>(memory: WasmMemory): Exports | null {
  const module = kernelsModule();
  const wasm = runtime.WebAssembly;
  if (!module || !wasm) return null;
  const instance = new wasm.Instance(module, {
    env: {
      memory,
      abort: () => {
        throw new Error('wasm kernel abort');
      },
    },
  });
  return instance.exports as Exports;
}
