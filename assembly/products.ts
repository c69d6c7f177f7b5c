// The matrix products of the WebAssembly kernels (AssemblyScript), generic over f32 and f64: twins of
// shared/engine/kernels.ts. Same loops, same zero skipping; the inner loop runs 16 bytes at a time
// (4 f32 or 2 f64 lanes). Pointers are byte offsets into this module's memory.

// 16 bytes to spill a vector into for its horizontal sum (lane indices must be constants otherwise).
const scratch = memory.data(16, 16);

// out (rows×n) = a (rows×k) · b (k×n)
export function matmul<T>(a: usize, b: usize, out: usize, rows: i32, k: i32, n: i32): void {
  const shift = alignof<T>();
  memory.fill(out, 0, <usize>(rows * n) << shift);
  for (let i = 0; i < rows; i++) {
    const outRow = out + (<usize>(i * n) << shift);
    const aRow = a + (<usize>(i * k) << shift);
    for (let p = 0; p < k; p++) {
      const av = load<T>(aRow + (<usize>p << shift));
      if (av == 0) continue;
      axpy<T>(av, b + (<usize>(p * n) << shift), outRow, n);
    }
  }
}

// out (k×n) = aᵀ · b, a is rows×k, b is rows×n
export function matmulTransposeA<T>(a: usize, b: usize, out: usize, rows: i32, k: i32, n: i32): void {
  const shift = alignof<T>();
  memory.fill(out, 0, <usize>(k * n) << shift);
  for (let i = 0; i < rows; i++) {
    const aRow = a + (<usize>(i * k) << shift);
    const bRow = b + (<usize>(i * n) << shift);
    for (let p = 0; p < k; p++) {
      const av = load<T>(aRow + (<usize>p << shift));
      if (av == 0) continue;
      axpy<T>(av, bRow, out + (<usize>(p * n) << shift), n);
    }
  }
}

// out (rows×k) = a (rows×n) · bᵀ, b is k×n
export function matmulTransposeB<T>(a: usize, b: usize, out: usize, rows: i32, n: i32, k: i32): void {
  const shift = alignof<T>();
  const lanes = 16 >> <i32>shift;
  const whole = n & ~(lanes - 1);
  for (let i = 0; i < rows; i++) {
    const aRow = a + (<usize>(i * n) << shift);
    for (let p = 0; p < k; p++) {
      const bRow = b + (<usize>(p * n) << shift);
      let acc = v128.splat<T>(0);
      let j = 0;
      for (; j < whole; j += lanes) acc = v128.add<T>(acc, v128.mul<T>(v128.load(aRow + (<usize>j << shift)), v128.load(bRow + (<usize>j << shift))));
      v128.store(scratch, acc);
      let sum: T = 0;
      for (let l = 0; l < lanes; l++) sum += load<T>(scratch + (<usize>l << shift));
      for (; j < n; j++) sum += load<T>(aRow + (<usize>j << shift)) * load<T>(bRow + (<usize>j << shift));
      store<T>(out + (<usize>(i * k + p) << shift), sum);
    }
  }
}

// y[0..n) += a · x[0..n)
// @ts-ignore: decorator
@inline export function axpy<T>(a: T, x: usize, y: usize, n: i32): void {
  const shift = alignof<T>();
  const lanes = 16 >> <i32>shift;
  const whole = n & ~(lanes - 1);
  const va = v128.splat<T>(a);
  let j = 0;
  for (; j < whole; j += lanes) {
    const off = <usize>j << shift;
    v128.store(y + off, v128.add<T>(v128.load(y + off), v128.mul<T>(va, v128.load(x + off))));
  }
  for (; j < n; j++) {
    const off = <usize>j << shift;
    store<T>(y + off, load<T>(y + off) + a * load<T>(x + off));
  }
}

