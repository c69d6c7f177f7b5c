// WebAssembly SIMD twins of shared/engine/kernels.ts (AssemblyScript). Same loops, same zero skipping;
// the inner loop runs 4 (f32) or 2 (f64) lanes at a time. Pointers are byte offsets into this memory.

// out (rows×n) = a (rows×k) · b (k×n)
export function matmulF32(a: usize, b: usize, out: usize, rows: i32, k: i32, n: i32): void {
  memory.fill(out, 0, <usize>(rows * n) << 2);
  const n4 = n & ~3;
  for (let i = 0; i < rows; i++) {
    const outRow = out + (<usize>(i * n) << 2);
    const aRow = a + (<usize>(i * k) << 2);
    for (let p = 0; p < k; p++) {
      const av = load<f32>(aRow + (<usize>p << 2));
      if (av == 0) continue;
      axpyF32(av, b + (<usize>(p * n) << 2), outRow, n, n4);
    }
  }
}

// out (k×n) = aᵀ · b, a is rows×k, b is rows×n
export function matmulTransposeAF32(a: usize, b: usize, out: usize, rows: i32, k: i32, n: i32): void {
  memory.fill(out, 0, <usize>(k * n) << 2);
  const n4 = n & ~3;
  for (let i = 0; i < rows; i++) {
    const aRow = a + (<usize>(i * k) << 2);
    const bRow = b + (<usize>(i * n) << 2);
    for (let p = 0; p < k; p++) {
      const av = load<f32>(aRow + (<usize>p << 2));
      if (av == 0) continue;
      axpyF32(av, bRow, out + (<usize>(p * n) << 2), n, n4);
    }
  }
}

// out (rows×k) = a (rows×n) · bᵀ, b is k×n
export function matmulTransposeBF32(a: usize, b: usize, out: usize, rows: i32, n: i32, k: i32): void {
  const n4 = n & ~3;
  for (let i = 0; i < rows; i++) {
    const aRow = a + (<usize>(i * n) << 2);
    for (let p = 0; p < k; p++) {
      const bRow = b + (<usize>(p * n) << 2);
      let acc = f32x4.splat(0);
      let j = 0;
      for (; j < n4; j += 4) acc = f32x4.add(acc, f32x4.mul(v128.load(aRow + (<usize>j << 2)), v128.load(bRow + (<usize>j << 2))));
      let sum: f32 = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
      for (; j < n; j++) sum += load<f32>(aRow + (<usize>j << 2)) * load<f32>(bRow + (<usize>j << 2));
      store<f32>(out + (<usize>(i * k + p) << 2), sum);
    }
  }
}

// y[0..n) += a · x[0..n)
@inline function axpyF32(a: f32, x: usize, y: usize, n: i32, n4: i32): void {
  const va = f32x4.splat(a);
  let j = 0;
  for (; j < n4; j += 4) {
    const off = <usize>j << 2;
    v128.store(y + off, f32x4.add(v128.load(y + off), f32x4.mul(va, v128.load(x + off))));
  }
  for (; j < n; j++) {
    const off = <usize>j << 2;
    store<f32>(y + off, load<f32>(y + off) + a * load<f32>(x + off));
  }
}

export function matmulF64(a: usize, b: usize, out: usize, rows: i32, k: i32, n: i32): void {
  memory.fill(out, 0, <usize>(rows * n) << 3);
  const n2 = n & ~1;
  for (let i = 0; i < rows; i++) {
    const outRow = out + (<usize>(i * n) << 3);
    const aRow = a + (<usize>(i * k) << 3);
    for (let p = 0; p < k; p++) {
      const av = load<f64>(aRow + (<usize>p << 3));
      if (av == 0) continue;
      axpyF64(av, b + (<usize>(p * n) << 3), outRow, n, n2);
    }
  }
}

export function matmulTransposeAF64(a: usize, b: usize, out: usize, rows: i32, k: i32, n: i32): void {
  memory.fill(out, 0, <usize>(k * n) << 3);
  const n2 = n & ~1;
  for (let i = 0; i < rows; i++) {
    const aRow = a + (<usize>(i * k) << 3);
    const bRow = b + (<usize>(i * n) << 3);
    for (let p = 0; p < k; p++) {
      const av = load<f64>(aRow + (<usize>p << 3));
      if (av == 0) continue;
      axpyF64(av, bRow, out + (<usize>(p * n) << 3), n, n2);
    }
  }
}

export function matmulTransposeBF64(a: usize, b: usize, out: usize, rows: i32, n: i32, k: i32): void {
  const n2 = n & ~1;
  for (let i = 0; i < rows; i++) {
    const aRow = a + (<usize>(i * n) << 3);
    for (let p = 0; p < k; p++) {
      const bRow = b + (<usize>(p * n) << 3);
      let acc = f64x2.splat(0);
      let j = 0;
      for (; j < n2; j += 2) acc = f64x2.add(acc, f64x2.mul(v128.load(aRow + (<usize>j << 3)), v128.load(bRow + (<usize>j << 3))));
      let sum: f64 = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
      for (; j < n; j++) sum += load<f64>(aRow + (<usize>j << 3)) * load<f64>(bRow + (<usize>j << 3));
      store<f64>(out + (<usize>(i * k + p) << 3), sum);
    }
  }
}

@inline function axpyF64(a: f64, x: usize, y: usize, n: i32, n2: i32): void {
  const va = f64x2.splat(a);
  let j = 0;
  for (; j < n2; j += 2) {
    const off = <usize>j << 3;
    v128.store(y + off, f64x2.add(v128.load(y + off), f64x2.mul(va, v128.load(x + off))));
  }
  for (; j < n; j++) {
    const off = <usize>j << 3;
    store<f64>(y + off, load<f64>(y + off) + a * load<f64>(x + off));
  }
}
